// The composer's choices as the Payload the engine encodes, and the preview's split of the encoded
// bytes into what was typed and the checksum appended after it. Pure.
import { CHECKSUM_WIDTH } from '../../../shared/codec/checksum';
import type { ChecksumSpec, LineEnding, Payload } from '../../../shared/contract/model';
import type { ChecksumChoice, EncodeAs } from './prefs-store';

export interface ComposeOptions {
  encodeAs: EncodeAs;
  lineEnding: LineEnding;
  escapes: boolean;
  macros: boolean;
  checksum: ChecksumChoice;
  checksumOrder: 'be' | 'le';
}

/** Escapes, line ending and macros belong to typed text; Hex and Base64 are bytes already. */
export const isTextEncoding = (encodeAs: EncodeAs): boolean => encodeAs !== 'hex' && encodeAs !== 'base64';

export function checksumSpec(choice: ChecksumChoice, order: 'be' | 'le'): ChecksumSpec | undefined {
  if (choice === 'none') return undefined;
  // One byte has no order; sending one anyway would only clutter the payload.
  return CHECKSUM_WIDTH[choice] > 1 ? { kind: choice, order } : { kind: choice };
}

export function payloadOf(text: string, o: ComposeOptions): Payload {
  const checksum = checksumSpec(o.checksum, o.checksumOrder);
  const sum = checksum ? { checksum } : {};
  if (o.encodeAs === 'hex') return { hex: text, ...sum };
  if (o.encodeAs === 'base64') return { base64: text, ...sum };
  return {
    text,
    encoding: o.encodeAs,
    escapes: o.escapes,
    lineEnding: o.lineEnding,
    ...(o.macros ? { macros: true } : {}),
    ...sum,
  };
}

export interface PreviewParts {
  /** The first bytes of the message itself. */
  head: Uint8Array;
  /** Message bytes not shown between head and the checksum. */
  elided: number;
  /** The checksum's bytes, always shown in full. */
  sum: Uint8Array;
}

/** `bytes` as encodePayload returned them for `payload`: at most `max` message bytes, then the checksum. */
export function previewParts(bytes: Uint8Array, payload: Payload, max: number): PreviewParts {
  const width = payload.checksum ? CHECKSUM_WIDTH[payload.checksum.kind] : 0;
  const bodyLength = Math.max(0, bytes.length - width);
  const shown = Math.min(bodyLength, max);
  return {
    head: bytes.subarray(0, shown),
    elided: bodyLength - shown,
    sum: bytes.subarray(bodyLength),
  };
}

/** Whether a preview of this text shows macro values that will differ when sent. */
export const usesMacros = (text: string, o: Pick<ComposeOptions, 'encodeAs' | 'macros'>): boolean =>
  o.macros && isTextEncoding(o.encodeAs) && /\{(?!\{)/.test(text.replaceAll('{{', ''));
