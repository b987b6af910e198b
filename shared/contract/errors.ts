// Error codes that cross the API boundary, and the error value the client throws.
import type { Phrase } from './model';

/** Codes made by the contract itself; engine errors keep their system codes (ECONNREFUSED ...). */
export const CONTRACT_ERROR_CODES = {
  unknownMethod: 'E_UNKNOWN_METHOD',
  badArgument: 'E_BAD_ARGUMENT',
  unknownSession: 'E_UNKNOWN_SESSION',
  notConnected: 'E_NOT_CONNECTED',
  badPayload: 'E_BAD_PAYLOAD',
  internal: 'E_INTERNAL',
  transport: 'E_TRANSPORT',
} as const;

export interface ApiErrorShape {
  code: string;
  message: string;
  /** `message` as a catalogue key and values, when the engine has one for it. */
  detail?: Phrase;
}

/** Thrown by the engine and by the API client; carries a code the UI can switch on. */
export class ApiError extends Error implements ApiErrorShape {
  readonly code: string;
  readonly detail?: Phrase;
  constructor(code: string, message: string, detail?: Phrase) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    if (detail) this.detail = detail;
  }
}

const PHRASE_KEY = /^[\w.:-]{1,200}$/;

/** A Phrase as it may arrive from the other side: checked, since a window renders it. */
export function isPhrase(x: unknown, depth = 0): x is Phrase {
  if (x === null || typeof x !== 'object' || Array.isArray(x) || depth > 4) return false;
  const { key, params } = x as { key?: unknown; params?: unknown };
  if (typeof key !== 'string' || !PHRASE_KEY.test(key)) return false;
  if (params === undefined) return true;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return false;
  return Object.values(params).every(
    (v) => typeof v === 'string' || typeof v === 'number' || isPhrase(v, depth + 1),
  );
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };
