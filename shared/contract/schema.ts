// A validator per API method: the renderer and the browser are untrusted, so the dispatcher checks
// every argument against these before the engine sees it.
import * as v from 'valibot';
import type { ApiMethod } from './api';
import { LINE_ENDINGS, TEXT_ENCODINGS } from './model';

/** Long enough for any host name or IPv6 literal with a zone; short enough to refuse junk. */
const MAX_HOST_LENGTH = 255;
/** One send is at most 16 MiB of text or hex; bigger payloads belong to file sends. */
const MAX_PAYLOAD_CHARS = 16 * 1024 * 1024;

const port = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1), v.maxValue(65535));
const localPort = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0), v.maxValue(65535));
const host = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'), v.maxLength(MAX_HOST_LENGTH));
const sessionId = v.pipe(v.string(), v.nonEmpty(), v.maxLength(64));

export const tcpClientConfigSchema = v.strictObject({
  protocol: v.literal('tcp-client'),
  host,
  port,
  localAddress: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(MAX_HOST_LENGTH))),
  localPort: v.optional(localPort),
  connectTimeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(600_000))),
});

export const sessionConfigSchema = tcpClientConfigSchema;

const textPayload = v.strictObject({
  text: v.pipe(v.string(), v.maxLength(MAX_PAYLOAD_CHARS)),
  encoding: v.picklist(TEXT_ENCODINGS),
  escapes: v.boolean(),
  lineEnding: v.picklist(LINE_ENDINGS),
});

const hexPayload = v.strictObject({ hex: v.pipe(v.string(), v.maxLength(MAX_PAYLOAD_CHARS)) });

export const payloadSchema = v.union([textPayload, hexPayload]);

export const API_SCHEMAS = {
  open: v.strictObject({
    config: sessionConfigSchema,
    name: v.optional(v.pipe(v.string(), v.maxLength(200))),
  }),
  close: v.strictObject({ id: sessionId }),
  send: v.strictObject({ id: sessionId, payload: payloadSchema }),
  list: v.strictObject({}),
} satisfies Record<ApiMethod, v.GenericSchema>;

/** Validate one method's argument; returns the parsed value or a readable reason. */
export function validateArgs(
  method: ApiMethod,
  arg: unknown,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  const result = v.safeParse(API_SCHEMAS[method], arg);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = v.getDotPath(issue);
  return { ok: false, reason: path ? `${path}: ${issue.message}` : issue.message };
}
