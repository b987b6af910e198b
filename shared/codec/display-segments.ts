// The log's text runs and escape runs, built without per-byte string concatenation for text:
// every `Decode as` decoder writes through one SegmentBuilder.

/** A run of plain text, or of escapes (`\r`, `\n`, `\t`, `\0`, `\xNN`) the log styles apart. */
export interface DisplaySegment {
  text: string;
  escape: boolean;
}

const escapes: string[] = [];
for (let b = 0; b < 256; b++) escapes.push(`\\x${b.toString(16).toUpperCase().padStart(2, '0')}`);
/** Every byte as `\xNN`. */
export const HEX_ESCAPES: readonly string[] = escapes.slice();
escapes[0x0d] = '\\r';
escapes[0x0a] = '\\n';
escapes[0x09] = '\\t';
escapes[0x00] = '\\0';
/** How the log writes a byte it shows as an escape. */
export const ESCAPES: readonly string[] = escapes;

export const isPrintableAscii = (b: number): boolean => b >= 0x20 && b <= 0x7e;

/** C0 controls, DEL and C1 controls: invisible, so the log shows their bytes instead. */
export const isControl = (cp: number): boolean => cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);

// String.fromCharCode.apply has an argument-count limit; 8 Ki stays far below every engine's.
const CHUNK = 8192;

function unitsToString(units: Uint16Array, end: number): string {
  if (end <= CHUNK) return String.fromCharCode.apply(null, units.subarray(0, end) as unknown as number[]);
  let out = '';
  for (let at = 0; at < end; at += CHUNK) {
    out += String.fromCharCode.apply(
      null,
      units.subarray(at, Math.min(at + CHUNK, end)) as unknown as number[],
    );
  }
  return out;
}

/** Collects UTF-16 units for a text run and escape strings for an escape run, merging as it goes. */
/** One scratch buffer for every builder: decoding is never nested, and a log renders many rows. */
let scratch = new Uint16Array(4096);

export class SegmentBuilder {
  readonly segments: DisplaySegment[] = [];
  private readonly units: Uint16Array;
  private unitCount = 0;
  private escapes = '';

  /** `maxUnits`: the most UTF-16 units the text can take (every decoder knows a bound). */
  constructor(maxUnits: number) {
    if (scratch.length < maxUnits) scratch = new Uint16Array(Math.max(maxUnits, scratch.length * 2));
    this.units = scratch;
  }

  unit(u: number): void {
    if (this.escapes !== '') this.flushEscapes();
    this.units[this.unitCount++] = u;
  }

  codePoint(cp: number): void {
    if (cp <= 0xffff) {
      this.unit(cp);
      return;
    }
    const v = cp - 0x10000;
    this.unit(0xd800 + (v >> 10));
    this.unit(0xdc00 + (v & 0x3ff));
  }

  escape(byte: number): void {
    if (this.unitCount > 0) this.flushText();
    this.escapes += ESCAPES[byte];
  }

  /**
   * Escapes for bytes[from, to), written from `table`: HEX_ESCAPES for the bytes of a unit that is
   * no character, where a 0x0A byte is no line feed and must not read (or break a line) as one.
   */
  escapeRange(bytes: Uint8Array, from: number, to: number, table: readonly string[] = ESCAPES): void {
    if (this.unitCount > 0) this.flushText();
    for (let i = from; i < to; i++) this.escapes += table[bytes[i] as number];
  }

  finish(): DisplaySegment[] {
    if (this.unitCount > 0) this.flushText();
    if (this.escapes !== '') this.flushEscapes();
    return this.segments;
  }

  private flushText(): void {
    this.segments.push({ text: unitsToString(this.units, this.unitCount), escape: false });
    this.unitCount = 0;
  }

  private flushEscapes(): void {
    this.segments.push({ text: this.escapes, escape: true });
    this.escapes = '';
  }
}
