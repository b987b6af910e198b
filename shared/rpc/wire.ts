// The binary frame a WireMessage travels in over a WebSocket: JSON for the structure, raw blocks
// for every Uint8Array, so payload bytes are never base64-encoded or walked byte by byte.
import type { WireMessage } from './transport';
import { compactData, expandData, isPlainDataEvent, StringTable } from './wire-data';
import { checkEnvelope } from './wire-envelope';
import { FrameError } from './wire-error';

export { FrameError } from './wire-error';

/*
 * Frame layout (all lengths u32 big-endian):
 *   [json length][UTF-8 JSON][block length][block bytes][block length][block bytes]...
 * In the JSON each Uint8Array is {"$b": n}, n counting blocks from 0. So that a real key "$b"
 * cannot pass for a placeholder, every object key that starts with "$" gets one more "$" on the
 * wire ("$b" -> "$$b") and loses it on the way back; a single-"$" key is a placeholder or junk.
 * In an event batch a data event travels compact (wire-data.ts): an array naming its block, its
 * id and peer given as indexes into the string table "s" beside "batch", as a flood sends thousands.
 */

/** No message legitimately nests this deep; the limit keeps a hostile frame from exhausting the stack. */
const MAX_DEPTH = 64;
const DOLLAR = 0x24;
/**
 * Blocks up to this size are copied into the frame; a larger one is a part of its own, so a
 * transport that can send a message in pieces (WebSocket fragments) never copies a flood's chunks.
 */
const INLINE_MAX = 8 * 1024;
/** Decoded blocks up to this size share one buffer per frame: thousands of datagrams, one allocation. */
const POOLED_MAX = 4 * 1024;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// Cross-realm safe (a Uint8Array from another window or a Node Buffer both qualify).
const isUint8Array = (x: unknown): x is Uint8Array =>
  ArrayBuffer.isView(x) && (x as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === 'Uint8Array';

function hasDollarKey(obj: object): boolean {
  for (const key in obj) if (Object.hasOwn(obj, key) && key.charCodeAt(0) === DOLLAR) return true;
  return false;
}

/**
 * What JSON.stringify then writes as is (no replacer, so V8's fast path): byte arrays become
 * placeholders and "$" keys get their extra "$". Only what changes is copied; the rest is shared.
 */
function prepare(value: unknown, blocks: Uint8Array[], key: string | number, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isUint8Array(value)) {
    blocks.push(value);
    return { $b: blocks.length - 1 };
  }
  if (depth > MAX_DEPTH) throw new TypeError(`A wire message must not nest deeper than ${MAX_DEPTH} levels.`);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    const json: unknown = toJSON.call(value, String(key));
    return isUint8Array(json) ? prepare(json, blocks, key, depth) : prepareInner(json, blocks, depth);
  }
  return prepareInner(value, blocks, depth);
}

function prepareInner(value: unknown, blocks: Uint8Array[], depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const p = prepare(v, blocks, i, depth + 1);
      if (p === v) continue;
      out ??= value.slice();
      out[i] = p;
    }
    return out ?? value;
  }
  const obj = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  let dollar = false;
  for (const k in obj) {
    if (!Object.hasOwn(obj, k)) continue;
    if (k.charCodeAt(0) === DOLLAR) dollar = true;
    const v = obj[k];
    const p = prepare(v, blocks, k, depth + 1);
    if (p === v) continue;
    // The spread defines properties, so an own "__proto__" key stays plain data in the copy.
    out ??= { ...obj };
    out[k] = p;
  }
  if (!dollar) return out ?? obj;
  return Object.fromEntries(
    Object.entries(out ?? obj).map(([k, v]) => [k.charCodeAt(0) === DOLLAR ? `$${k}` : k, v]),
  );
}

function toWire(msg: WireMessage, blocks: Uint8Array[]): unknown {
  if (msg?.t !== 'evt' || !Array.isArray(msg.batch?.events)) return prepare(msg, blocks, '', 0);
  const { events } = msg.batch;
  const table = new StringTable();
  const out = new Array<unknown>(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (isPlainDataEvent(e)) {
      blocks.push(e.bytes);
      out[i] = compactData(e, blocks.length - 1, table);
    } else out[i] = prepare(e, blocks, i, 3);
  }
  const batch = { seq: prepare(msg.batch.seq, blocks, 'seq', 2), events: out };
  return table.strings.length > 0 ? { t: 'evt', batch, s: table.strings } : { t: 'evt', batch };
}

/**
 * The frame as consecutive pieces: copied stretches, and each block over 8 KiB as it is (not
 * copied). Concatenated they are encodeFrame's bytes. Throws (as JSON.stringify does) on a value
 * JSON cannot carry: a cycle, a BigInt.
 */
export function encodeFrameParts(msg: WireMessage): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  const json = JSON.stringify(toWire(msg, blocks));
  if (json === undefined) throw new TypeError('A wire message must be an object.');
  const jsonBytes = encoder.encode(json);
  const sizes: number[] = [];
  let size = 4 + jsonBytes.length;
  for (const block of blocks) {
    size += 4;
    if (block.length > INLINE_MAX) {
      sizes.push(size);
      size = 0;
    } else size += block.length;
  }
  sizes.push(size);
  const parts: Uint8Array[] = [];
  let stretch = 0;
  let part = new Uint8Array(sizes[0] as number);
  let view = new DataView(part.buffer);
  view.setUint32(0, jsonBytes.length);
  part.set(jsonBytes, 4);
  let at = 4 + jsonBytes.length;
  for (const block of blocks) {
    view.setUint32(at, block.length);
    at += 4;
    if (block.length <= INLINE_MAX) {
      part.set(block, at);
      at += block.length;
      continue;
    }
    parts.push(part, block);
    part = new Uint8Array(sizes[++stretch] as number);
    view = new DataView(part.buffer);
    at = 0;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

export function encodeFrame(msg: WireMessage): Uint8Array<ArrayBuffer> {
  const parts = encodeFrameParts(msg);
  if (parts.length === 1) return parts[0] as Uint8Array<ArrayBuffer>;
  const frame = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    frame.set(p, at);
    at += p.length;
  }
  return frame;
}

export function decodeFrame(frame: Uint8Array): WireMessage {
  if (!isUint8Array(frame)) throw new FrameError('expected bytes.');
  if (frame.length < 4) throw new FrameError(`${frame.length} bytes is shorter than the 4-byte header.`);
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const jsonLength = view.getUint32(0);
  if (jsonLength > frame.length - 4) {
    throw new FrameError(
      `the header announces ${jsonLength} bytes of JSON but only ${frame.length - 4} follow.`,
    );
  }
  // Block boundaries are checked before anything is built, so junk is refused before any copy;
  // offsets live in a typed array (4 bytes per block, each block taking at least 4 frame bytes).
  let blockCount = 0;
  let pooledBytes = 0;
  let at = 4 + jsonLength;
  while (at < frame.length) {
    if (frame.length - at < 4)
      throw new FrameError(`${frame.length - at} trailing bytes after the last block.`);
    const length = view.getUint32(at);
    if (length > frame.length - at - 4) {
      throw new FrameError(
        `block ${blockCount} announces ${length} bytes but only ${frame.length - at - 4} follow.`,
      );
    }
    if (length <= POOLED_MAX) pooledBytes += length;
    blockCount++;
    at += 4 + length;
  }
  const blockAt = new Uint32Array(blockCount);
  at = 4 + jsonLength;
  for (let n = 0; n < blockCount; n++) {
    blockAt[n] = at;
    at += 4 + view.getUint32(at);
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(frame.subarray(4, 4 + jsonLength)));
  } catch (error) {
    throw new FrameError(
      `the JSON part does not parse (${error instanceof Error ? error.message : 'unknown'}).`,
    );
  }
  const used = new Uint8Array(blockCount);
  // Copies, so the caller's buffer (often pooled by the socket layer) is not retained; the small
  // ones share one buffer of this frame's small blocks.
  const pool = new Uint8Array(pooledBytes);
  let poolAt = 0;
  const take = (n: unknown): Uint8Array => {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= blockCount)
      throw new FrameError(`placeholder ${String(n).slice(0, 20)} refers to no block (${blockCount} sent).`);
    if (used[n]) throw new FrameError(`block ${n} is referred to twice.`);
    used[n] = 1;
    const start = (blockAt[n] as number) + 4;
    const length = view.getUint32(start - 4);
    if (length > POOLED_MAX) return frame.slice(start, start + length);
    const bytes = pool.subarray(poolAt, poolAt + length);
    bytes.set(frame.subarray(start, start + length));
    poolAt += length;
    return bytes;
  };
  const restore = (value: unknown, depth: number): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (depth > MAX_DEPTH) throw new FrameError(`the message nests deeper than ${MAX_DEPTH} levels.`);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = restore(value[i], depth + 1);
      return value;
    }
    const obj = value as Record<string, unknown>;
    if (Object.hasOwn(obj, '$b')) {
      if (Object.keys(obj).length !== 1 || typeof obj.$b !== 'number' || !Number.isInteger(obj.$b)) {
        throw new FrameError('a byte placeholder is not of the form {"$b": n}.');
      }
      return take(obj.$b);
    }
    if (!hasDollarKey(obj)) {
      for (const key of Object.keys(obj)) {
        const before = obj[key];
        const after = restore(before, depth + 1);
        if (after !== before) obj[key] = after;
      }
      return obj;
    }
    // fromEntries defines properties, so a "__proto__" key stays plain data.
    return Object.fromEntries(
      Object.entries(obj).map(([key, v]) => {
        if (key.charCodeAt(0) === DOLLAR && key.charCodeAt(1) !== DOLLAR) {
          throw new FrameError(`unexpected key ${JSON.stringify(key.slice(0, 40))}.`);
        }
        return [key.charCodeAt(0) === DOLLAR ? key.slice(1) : key, restore(v, depth + 1)];
      }),
    );
  };
  const message = restoreMessage(parsed, restore, take);
  const unused = used.indexOf(0);
  if (unused >= 0) throw new FrameError(`block ${unused} is not referred to by the message.`);
  return checkEnvelope(message);
}

/** The whole message: an event batch's compact data events expanded, everything else restored. */
function restoreMessage(
  parsed: unknown,
  restore: (value: unknown, depth: number) => unknown,
  take: (n: unknown) => Uint8Array,
): unknown {
  const msg = parsed as { t?: unknown; s?: unknown; batch?: { events?: unknown } } | null;
  if (msg === null || typeof msg !== 'object' || msg.t !== 'evt' || Array.isArray(msg)) {
    return restore(parsed, 0);
  }
  const strings = msg.s;
  delete msg.s;
  if (strings !== undefined && !Array.isArray(strings))
    throw new FrameError('the string table is not an array.');
  const events = msg.batch !== null && typeof msg.batch === 'object' ? msg.batch.events : undefined;
  if (!Array.isArray(events)) return restore(parsed, 0);
  for (let i = 0; i < events.length; i++) {
    const e: unknown = events[i];
    if (!Array.isArray(e)) {
      events[i] = restore(e, 3);
      continue;
    }
    const data = expandData(e, strings ?? [], take);
    if (typeof data === 'string') throw new FrameError(data);
    events[i] = data;
  }
  const batch = msg.batch as Record<string, unknown>;
  for (const key of Object.keys(batch)) if (key !== 'events') batch[key] = restore(batch[key], 2);
  return msg;
}
