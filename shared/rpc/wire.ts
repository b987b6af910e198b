// The binary frame a WireMessage travels in over a WebSocket: JSON for the structure, raw blocks
// for every Uint8Array, so payload bytes are copied, never base64-encoded or walked byte by byte.
import type { WireMessage } from './transport';

/*
 * Frame layout (all lengths u32 big-endian):
 *   [json length][UTF-8 JSON][block length][block bytes][block length][block bytes]...
 * In the JSON each Uint8Array is {"$b": n}, n counting blocks from 0 in order. So that a real key
 * "$b" cannot pass for a placeholder, every object key that starts with "$" gets one more "$" on
 * the wire ("$b" -> "$$b") and loses it on the way back; a single-"$" key is a placeholder or junk.
 */

/** Thrown by decodeFrame on anything that is not a well-formed frame. */
export class FrameError extends Error {
  constructor(reason: string) {
    super(`Malformed frame: ${reason}`);
    this.name = 'FrameError';
  }
}

/** No message legitimately nests this deep; the limit keeps a hostile frame from exhausting the stack. */
const MAX_DEPTH = 64;
const DOLLAR = 0x24;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// Cross-realm safe (a Uint8Array from another window or a Node Buffer both qualify).
const isUint8Array = (x: unknown): x is Uint8Array =>
  ArrayBuffer.isView(x) && (x as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === 'Uint8Array';

function hasDollarKey(obj: object): boolean {
  for (const key in obj) if (Object.hasOwn(obj, key) && key.charCodeAt(0) === DOLLAR) return true;
  return false;
}

/** Throws (as JSON.stringify does) on a value JSON cannot carry: a cycle, a BigInt. */
export function encodeFrame(msg: WireMessage): Uint8Array<ArrayBuffer> {
  const blocks: Uint8Array[] = [];
  const json = JSON.stringify(msg, function replacer(this: Record<string, unknown>, key, value: unknown) {
    // `this[key]` is the value before toJSON: a Node Buffer's toJSON would otherwise hide it.
    const raw = this[key];
    const bytes = isUint8Array(raw) ? raw : isUint8Array(value) ? value : null;
    if (bytes) {
      blocks.push(bytes);
      return { $b: blocks.length - 1 };
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && hasDollarKey(value)) {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k.charCodeAt(0) === DOLLAR ? `$${k}` : k, v]),
      );
    }
    return value;
  });
  if (json === undefined) throw new TypeError('A wire message must be an object.');
  const jsonBytes = encoder.encode(json);
  let total = 4 + jsonBytes.length;
  for (const block of blocks) total += 4 + block.length;
  const frame = new Uint8Array(total);
  const view = new DataView(frame.buffer);
  view.setUint32(0, jsonBytes.length);
  frame.set(jsonBytes, 4);
  let at = 4 + jsonBytes.length;
  for (const block of blocks) {
    view.setUint32(at, block.length);
    frame.set(block, at + 4);
    at += 4 + block.length;
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
  const restore = (value: unknown, depth: number): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (depth > MAX_DEPTH) throw new FrameError(`the message nests deeper than ${MAX_DEPTH} levels.`);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = restore(value[i], depth + 1);
      return value;
    }
    const obj = value as Record<string, unknown>;
    if (Object.hasOwn(obj, '$b')) return takeBlock(obj);
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
  const takeBlock = (obj: Record<string, unknown>): Uint8Array => {
    const n = obj.$b;
    if (Object.keys(obj).length !== 1 || typeof n !== 'number' || !Number.isInteger(n)) {
      throw new FrameError('a byte placeholder is not of the form {"$b": n}.');
    }
    if (n < 0 || n >= blockCount)
      throw new FrameError(`placeholder ${n} refers to no block (${blockCount} sent).`);
    if (used[n]) throw new FrameError(`block ${n} is referred to twice.`);
    used[n] = 1;
    const start = (blockAt[n] as number) + 4;
    // A copy, so the caller's buffer (often pooled by the socket layer) is not retained.
    return frame.slice(start, start + view.getUint32(start - 4));
  };
  const message = restore(parsed, 0);
  const unused = used.indexOf(0);
  if (unused >= 0) throw new FrameError(`block ${unused} is not referred to by the message.`);
  return checkEnvelope(message);
}

type Fields = Record<string, unknown>;

function expectKeys(obj: Fields, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key))
      throw new FrameError(`${what} has an unexpected field ${JSON.stringify(key.slice(0, 40))}.`);
  }
}

const isRecord = (x: unknown): x is Fields => x !== null && typeof x === 'object' && !Array.isArray(x);
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

/** Checks the envelope (not the payload, which is the dispatcher's job) and rebuilds it from known fields. */
function checkEnvelope(message: unknown): WireMessage {
  if (!isRecord(message)) throw new FrameError('the message is not an object.');
  switch (message.t) {
    case 'req': {
      expectKeys(message, ['t', 'id', 'method', 'arg'], 'a request');
      const { id, method, arg } = message;
      if (!isCount(id)) throw new FrameError('a request needs a whole-number id.');
      if (typeof method !== 'string') throw new FrameError('a request needs a method name.');
      return { t: 'req', id, method, arg };
    }
    case 'res': {
      expectKeys(message, ['t', 'id', 'result'], 'a response');
      const { id, result } = message;
      if (!isCount(id)) throw new FrameError('a response needs a whole-number id.');
      if (!isRecord(result)) throw new FrameError('a response needs a result object.');
      if (result.ok === true) {
        expectKeys(result, ['ok', 'value'], 'a result');
        return { t: 'res', id, result: { ok: true, value: result.value } };
      }
      expectKeys(result, ['ok', 'error'], 'a result');
      const error = result.error;
      if (
        result.ok !== false ||
        !isRecord(error) ||
        typeof error.code !== 'string' ||
        typeof error.message !== 'string'
      ) {
        throw new FrameError('a failed result needs an error with a code and a message.');
      }
      return { t: 'res', id, result: { ok: false, error: { code: error.code, message: error.message } } };
    }
    case 'evt': {
      expectKeys(message, ['t', 'batch'], 'an event batch');
      const batch = message.batch;
      if (!isRecord(batch) || !isCount(batch.seq) || !Array.isArray(batch.events)) {
        throw new FrameError('an event batch needs a seq and an events array.');
      }
      expectKeys(batch, ['seq', 'events'], 'an event batch');
      for (const event of batch.events) {
        if (!isRecord(event) || typeof event.type !== 'string')
          throw new FrameError('every event needs a type.');
      }
      return { t: 'evt', batch: { seq: batch.seq, events: batch.events } };
    }
    case 'ack': {
      expectKeys(message, ['t', 'seq'], 'an ack');
      if (!isCount(message.seq)) throw new FrameError('an ack needs a whole-number seq.');
      return { t: 'ack', seq: message.seq };
    }
    default:
      throw new FrameError('the message has no known kind (t).');
  }
}
