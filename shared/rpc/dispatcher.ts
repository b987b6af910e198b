// The engine's gate: validate -> call -> Result. Arguments come from an untrusted renderer or
// browser, so nothing reaches the engine unchecked and nothing thrown escapes as a rejection.
import { type ApiMethod, type AppApi, isApiMethod, type SessionApi } from '../contract/api';
import { type ApiErrorShape, CONTRACT_ERROR_CODES, isPhrase, type Result } from '../contract/errors';
import { validateArgs } from '../contract/schema';
import { type MessageKey, translate } from '../i18n/catalog';
import type { Dispatch } from './transport';

const MAX_MESSAGE = 1000;
// Codes cross into the UI's switch statements and logs: short, printable, one token.
const CODE_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;

const failure = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } });

/** A method name as it may appear in a message: quoted, shortened, whatever it was. */
function describeName(name: unknown): string {
  if (typeof name === 'string') return JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}...` : name);
  return `a ${name === null ? 'null' : typeof name}`;
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}...` : text;
}

/** Reads a thrown value defensively: its getters may throw, it may be a Proxy. */
function toErrorShape(error: unknown, method: ApiMethod): ApiErrorShape {
  try {
    if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
      const { code, message, detail } = error as { code?: unknown; message?: unknown; detail?: unknown };
      // ApiError and Node system errors (ECONNREFUSED, EADDRINUSE ...) both carry a string code.
      if (typeof code === 'string' && CODE_PATTERN.test(code)) {
        const text = typeof message === 'string' && message !== '' ? message : `The engine reported ${code}.`;
        // The sentence's catalogue key travels only beside the very sentence it renders.
        const keyed = typeof message === 'string' && message !== '' && isPhrase(detail);
        return keyed ? { code, message: clip(text), detail } : { code, message: clip(text) };
      }
      if (typeof message === 'string' && message !== '') {
        return internalFailure(method, message);
      }
    } else if (typeof error === 'string' && error !== '') {
      return internalFailure(method, error);
    }
  } catch {
    // Fall through to the plain sentence below.
  }
  return internalFailure(method);
}

/** A failure the engine did not put into words: the thrown message, if any, goes in as it is. */
function internalFailure(method: ApiMethod, reason?: string): ApiErrorShape {
  const detail: { key: MessageKey; params: Record<string, string> } = reason
    ? { key: 'error.engine.failed', params: { method, reason: clip(reason) } }
    : { key: 'error.engine.failedReport', params: { method } };
  const message = clip(translate('en', detail.key, detail.params));
  return { code: CONTRACT_ERROR_CODES.internal, message, detail };
}

/**
 * The engine alone (a case run, a test) serves SessionApi; the app composes the settings service
 * beside it. A method nobody serves answers as an unknown one does.
 */
export type ServedApi = SessionApi & Partial<AppApi>;

export function createDispatcher(api: ServedApi): Dispatch {
  return async (method, arg) => {
    if (!isApiMethod(method)) {
      return failure(
        CONTRACT_ERROR_CODES.unknownMethod,
        `${describeName(method)} is not a method of the SocketBench API.`,
      );
    }
    let checked: ReturnType<typeof validateArgs>;
    try {
      // Every method takes one object; the object schemas alone would let an empty array pass.
      if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) {
        return failure(CONTRACT_ERROR_CODES.badArgument, `The argument to "${method}" must be an object.`);
      }
      checked = validateArgs(method, arg);
    } catch {
      // Only exotic inputs get here (throwing getters, revoked proxies): they are not plain data.
      return failure(
        CONTRACT_ERROR_CODES.badArgument,
        `The argument to "${method}" could not be read as plain data.`,
      );
    }
    if (!checked.ok) {
      return failure(
        CONTRACT_ERROR_CODES.badArgument,
        clip(`Bad argument to "${method}": ${checked.reason}`),
      );
    }
    const call = api[method] as ((arg: unknown) => Promise<unknown>) | undefined;
    if (typeof call !== 'function') {
      return failure(CONTRACT_ERROR_CODES.unknownMethod, `"${method}" is not served by this engine.`);
    }
    try {
      // The parsed value is a fresh copy made by the validator, not the caller's object.
      const value = await call.call(api, checked.value);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toErrorShape(error, method) };
    }
  };
}
