// The UI's AppApi: each method sends one request through a transport and turns the Result
// back into a value or a thrown ApiError, so UI code reads like plain async calls.
import { API_METHODS, type ApiMethod, type AppApi } from '../contract/api';
import { ApiError, CONTRACT_ERROR_CODES, isPhrase } from '../contract/errors';
import type { EventBatch } from '../contract/events';
import { type MessageKey, translate } from '../i18n/catalog';
import type { ClientTransport } from './transport';

export type ApiClient = AppApi & { onEvents(listener: (batch: EventBatch) => void): () => void };

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object';

function transportError(method: ApiMethod, cause: unknown): ApiError {
  const reason = cause instanceof Error && cause.message ? cause.message : undefined;
  const detail: { key: MessageKey; params: Record<string, string> } = reason
    ? { key: 'error.engine.noAnswerBecause', params: { method, reason } }
    : { key: 'error.engine.noAnswer', params: { method } };
  return new ApiError(CONTRACT_ERROR_CODES.transport, translate('en', detail.key, detail.params), detail);
}

async function call(transport: ClientTransport, method: ApiMethod, arg: unknown): Promise<unknown> {
  let result: unknown;
  try {
    result = await transport.request(method, arg);
  } catch (cause) {
    throw transportError(method, cause);
  }
  if (!isRecord(result)) throw transportError(method, new Error('the reply was not a result'));
  if (result.ok === true) return result.value;
  const error = result.error;
  if (!isRecord(error) || typeof error.code !== 'string' || typeof error.message !== 'string') {
    throw transportError(method, new Error('the reply carried no readable error'));
  }
  throw new ApiError(error.code, error.message, isPhrase(error.detail) ? error.detail : undefined);
}

export function createApiClient(transport: ClientTransport): ApiClient {
  const methods = Object.fromEntries(
    API_METHODS.map((method) => [method, (arg: unknown) => call(transport, method, arg)]),
  ) as unknown as AppApi;
  return { ...methods, onEvents: (listener) => transport.onEvents(listener) };
}
