// Bytes -> plain text for matching (regex expect rules, auto-reply matches): no display escapes,
// undecodable bytes become U+FFFD, so a pattern sees what the board sent as closely as text can.
import type { TextEncodingName } from '../contract/model';

/** Structural, so the file compiles with and without the DOM's types. */
interface Decoder {
  decode(input: Uint8Array): string;
}

const decoders = new Map<string, Decoder | null>();

/** null where the runtime lacks the encoding (a small-ICU build without GBK). */
function decoderFor(label: string): Decoder | null {
  let decoder = decoders.get(label);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = null;
    }
    decoders.set(label, decoder);
  }
  return decoder;
}

/** ISO 8859-1: byte = code point (the 'latin1' TextDecoder label means windows-1252). */
function byteChars(bytes: Uint8Array, asciiOnly: boolean): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    const slice = bytes.subarray(i, i + 4096);
    const codes = asciiOnly ? Array.from(slice, (b) => (b > 0x7f ? 0xfffd : b)) : Array.from(slice);
    out += String.fromCharCode(...codes);
  }
  return out;
}

export function decodeText(bytes: Uint8Array, encoding: TextEncodingName = 'utf-8'): string {
  if (encoding === 'ascii') return byteChars(bytes, true);
  if (encoding === 'latin1') return byteChars(bytes, false);
  const decoder = decoderFor(encoding);
  return decoder ? decoder.decode(bytes) : byteChars(bytes, false);
}
