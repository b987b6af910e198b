// Error codes that cross the API boundary, and the error value the client throws.

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
}

/** Thrown by the engine and by the API client; carries a code the UI can switch on. */
export class ApiError extends Error implements ApiErrorShape {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };
