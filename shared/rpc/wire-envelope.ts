// The envelope check of a decoded frame: a request, response, event batch or ack, rebuilt from its
// known fields only. The payload inside is the dispatcher's (or the UI's) to validate.
import { isPhrase } from '../contract/errors';
import type { WireMessage } from './transport';
import { FrameError } from './wire-error';

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
export function checkEnvelope(message: unknown): WireMessage {
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
      const shape = { code: error.code, message: error.message };
      const keyed = isPhrase(error.detail) ? { ...shape, detail: error.detail } : shape;
      return { t: 'res', id, result: { ok: false, error: keyed } };
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
