// The one encoder from an outgoing Payload to bytes: the composer's preview and the engine's send
// both call it, so what the user sees counted is what goes on the wire.
import type { LineEnding, Payload, TextPayload } from '../contract/model';
import { isBase64Payload, isBytesPayload, isHexPayload } from '../contract/model';
import { parseBase64 } from './base64';
import { appendChecksum } from './checksum';
import type { BytesResult } from './codec-error';
import { expandEscapesRange } from './escapes';
import { parseHex } from './hex';
import { defaultMacroContext, expandMacros, type MacroContext } from './macros';
import { encodeText, encodeTextRange } from './text';

export const LINE_ENDING_BYTES: Readonly<Record<LineEnding, readonly number[]>> = {
  none: [],
  cr: [0x0d],
  lf: [0x0a],
  crlf: [0x0d, 0x0a],
};

function concat(chunks: readonly (Uint8Array | readonly number[])[]): Uint8Array {
  if (chunks.length === 1 && chunks[0] instanceof Uint8Array) return chunks[0];
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Macros, then escapes and the encoding on what the user typed between them, then the line ending. */
function encodeTextPayload(p: TextPayload, ctx: MacroContext | undefined): BytesResult {
  const encodeRange = (start: number, end: number): BytesResult =>
    p.escapes
      ? expandEscapesRange(p.text, start, end, p.encoding)
      : encodeTextRange(p.text, start, end, p.encoding);
  const chunks: (Uint8Array | readonly number[])[] = [];
  if (p.macros) {
    const expanded = expandMacros(p.text, ctx ?? defaultMacroContext(), { escapes: p.escapes });
    if (!expanded.ok) return expanded;
    for (const part of expanded.parts) {
      if (part.kind === 'bytes') {
        chunks.push(part.bytes);
        continue;
      }
      const encoded =
        part.kind === 'source' ? encodeRange(part.start, part.end) : encodeText(part.text, p.encoding);
      if (!encoded.ok) return encoded;
      chunks.push(encoded.bytes);
    }
  } else {
    const encoded = encodeRange(0, p.text.length);
    if (!encoded.ok) return encoded;
    chunks.push(encoded.bytes);
  }
  const ending = Object.hasOwn(LINE_ENDING_BYTES, p.lineEnding) ? LINE_ENDING_BYTES[p.lineEnding] : [];
  if (ending.length > 0) chunks.push(ending);
  return { ok: true, bytes: concat(chunks) };
}

/**
 * Bytes to send. Text: macros (when on) -> escapes (when on) -> encoding -> line ending; hex and
 * Base64 are parsed as they are. Last, the checksum (when set) over every byte before it.
 * `ctx` supplies {counter}, the clock and random bytes; without it, macros see counter 0, the
 * current time and a non-cryptographic generator (fine for a preview; the engine passes its own).
 */
export function encodePayload(p: Payload, ctx?: MacroContext): BytesResult {
  const body: BytesResult = isBytesPayload(p)
    ? { ok: true, bytes: p.bytes }
    : isHexPayload(p)
      ? parseHex(p.hex)
      : isBase64Payload(p)
        ? parseBase64(p.base64)
        : encodeTextPayload(p, ctx);
  const sum = p.checksum;
  if (!body.ok || !sum) return body;
  return { ok: true, bytes: appendChecksum(body.bytes, sum) };
}
