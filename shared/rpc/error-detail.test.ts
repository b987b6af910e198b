// A refusal's catalogue key (ErrorInfo.detail) survives the trip from the engine's throw through the
// dispatcher and a framed transport to the ApiError the window catches; a malformed one is dropped.
import { describe, expect, it } from 'vitest';
import { ApiError, isPhrase } from '../contract/errors';
import { createApiClient } from './client';
import { createDispatcher, type ServedApi } from './dispatcher';
import { createMemoryTransportPair } from './memory-transport';

const sentence =
  "Nothing is listening at 127.0.0.1:9. Is the board's program running, and is the port right?";
const detail = { key: 'error.ECONNREFUSED', params: { target: '127.0.0.1:9' } };

/** A stand-in engine whose list() throws what it is given; the real engine is tested in electron/core. */
function clientThrowing(thrown: unknown) {
  const pair = createMemoryTransportPair();
  const api = {
    list: async () => {
      throw thrown;
    },
  } as unknown as ServedApi;
  pair.server.serve(createDispatcher(api));
  return { api: createApiClient(pair.client), close: pair.close };
}

async function caught(thrown: unknown): Promise<ApiError> {
  const { api, close } = clientThrowing(thrown);
  try {
    await api.list({});
  } catch (error) {
    return error as ApiError;
  } finally {
    close();
  }
  throw new Error('list() did not fail');
}

describe('a refusal with its catalogue key', () => {
  it('arrives at the window with the key and values', async () => {
    const error = await caught(new ApiError('ECONNREFUSED', sentence, detail));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', message: sentence, detail });
  });

  it('arrives without one when it had none, or a malformed one', async () => {
    expect((await caught(new ApiError('E_X', 'Plain.'))).detail).toBeUndefined();
    const bogus = Object.assign(new Error('Odd.'), {
      code: 'E_Y',
      detail: { key: 'no spaces allowed', params: {} },
    });
    const error = await caught(bogus);
    expect(error).toMatchObject({ code: 'E_Y', message: 'Odd.' });
    expect(error.detail).toBeUndefined();
  });
});

describe('isPhrase', () => {
  it('takes a key with plain or nested values, and nothing else', () => {
    expect(isPhrase(detail)).toBe(true);
    expect(isPhrase({ key: 'a.b' })).toBe(true);
    expect(isPhrase({ key: 'a', params: { inner: { key: 'b', params: { n: 1 } } } })).toBe(true);
    expect(isPhrase({ key: 'a', params: { n: null } })).toBe(false);
    expect(isPhrase({ key: 'a', params: [1] })).toBe(false);
    expect(isPhrase({ key: '' })).toBe(false);
    expect(isPhrase('error.X')).toBe(false);
    expect(isPhrase(null)).toBe(false);
  });
});
