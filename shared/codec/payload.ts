// The one encoder from an outgoing Payload to bytes: the composer's preview and the engine's send
// both call it, so what the user sees counted is what goes on the wire.
import type { LineEnding, Payload } from '../contract/model';
import { isBase64Payload, isHexPayload } from '../contract/model';
import { parseBase64 } from './base64';
import type { BytesResult } from './codec-error';
import { expandEscapes } from './escapes';
import { parseHex } from './hex';
import { encodeText } from './text';

export const LINE_ENDING_BYTES: Readonly<Record<LineEnding, readonly number[]>> = {
  none: [],
  cr: [0x0d],
  lf: [0x0a],
  crlf: [0x0d, 0x0a],
};

/** Hex is parsed as is; text has its escapes expanded (when on), is encoded, then gets its line ending. */
export function encodePayload(p: Payload): BytesResult {
  if (isHexPayload(p)) return parseHex(p.hex);
  if (isBase64Payload(p)) return parseBase64(p.base64);
  const body = p.escapes ? expandEscapes(p.text, p.encoding) : encodeText(p.text, p.encoding);
  if (!body.ok) return body;
  const ending = Object.hasOwn(LINE_ENDING_BYTES, p.lineEnding) ? LINE_ENDING_BYTES[p.lineEnding] : [];
  if (ending.length === 0) return body;
  const out = new Uint8Array(body.bytes.length + ending.length);
  out.set(body.bytes);
  out.set(ending, body.bytes.length);
  return { ok: true, bytes: out };
}
