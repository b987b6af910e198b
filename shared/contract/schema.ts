// A validator per API method: the renderer and the browser are untrusted, so the dispatcher checks
// every argument against these before the engine sees it.
import * as v from 'valibot';
import { VAR_NAME } from '../cases/case-fields';
import { BOARD_IDS } from '../presets/boards';
import { settingsPatchSchema } from '../settings/schema';
import type { ApiMethod } from './api';
import { CHECKSUM_KINDS, LINE_ENDINGS, MATCH_KINDS, TEXT_ENCODINGS } from './model';

/** Long enough for any host name or IPv6 literal with a zone; short enough to refuse junk. */
const MAX_HOST_LENGTH = 255;
/** One send is at most 16 MiB of text or hex; bigger payloads belong to file sends. */
const MAX_PAYLOAD_CHARS = 16 * 1024 * 1024;
/** A test case file is a page or two of YAML; 1 MiB is far beyond any real one. */
const MAX_CASE_CHARS = 1024 * 1024;
const MAX_CASE_VARS = 100;
/** A frame larger than this is a broken stream, not a message. */
const MAX_FRAME_BYTES = 64 * 1024 * 1024;

const port = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1), v.maxValue(65535));
const localPort = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0), v.maxValue(65535));
const host = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'), v.maxLength(MAX_HOST_LENGTH));
const optionalAddress = v.optional(v.pipe(v.string(), v.trim(), v.maxLength(MAX_HOST_LENGTH)));
const sessionId = v.pipe(v.string(), v.nonEmpty(), v.maxLength(64));
/** "address:port", IPv6 as "[addr]:port". */
const peer = v.pipe(v.string(), v.nonEmpty(), v.maxLength(MAX_HOST_LENGTH + 8));
const maxFrameBytes = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_FRAME_BYTES)));

export const framingSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('raw') }),
  v.strictObject({
    kind: v.literal('delimiter'),
    delimiterHex: v.pipe(v.string(), v.nonEmpty('must not be empty'), v.maxLength(256)),
    maxFrameBytes,
  }),
  v.strictObject({
    kind: v.literal('fixed'),
    length: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_FRAME_BYTES)),
  }),
  v.strictObject({
    kind: v.literal('length-prefix'),
    size: v.picklist([1, 2, 4] as const),
    order: v.picklist(['be', 'le'] as const),
    offset: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1024)),
    includesHeader: v.boolean(),
    maxFrameBytes,
  }),
  v.strictObject({
    kind: v.literal('idle-gap'),
    gapMs: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60_000)),
    maxFrameBytes,
  }),
]);

export const tcpClientConfigSchema = v.strictObject({
  protocol: v.literal('tcp-client'),
  host,
  port,
  localAddress: optionalAddress,
  localPort: v.optional(localPort),
  connectTimeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(600_000))),
  noDelay: v.optional(v.boolean()),
  keepAliveMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(7_200_000))),
  framing: v.optional(framingSchema),
  reconnect: v.optional(
    v.strictObject({
      initialDelayMs: v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(600_000)),
      maxDelayMs: v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(3_600_000)),
      maxTries: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000)),
    }),
  ),
});

export const tcpServerConfigSchema = v.strictObject({
  protocol: v.literal('tcp-server'),
  localAddress: optionalAddress,
  port: localPort,
  framing: v.optional(framingSchema),
});

export const udpConfigSchema = v.strictObject({
  protocol: v.literal('udp'),
  localAddress: optionalAddress,
  localPort,
  remoteHost: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(MAX_HOST_LENGTH))),
  remotePort: v.optional(port),
  broadcast: v.optional(v.boolean()),
  multicast: v.optional(
    v.strictObject({
      group: host,
      interface: optionalAddress,
      ttl: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(255))),
      loopback: v.optional(v.boolean()),
    }),
  ),
  receiveBufferSize: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1024), v.maxValue(256 * 1024 * 1024)),
  ),
});

export const sessionConfigSchema = v.variant('protocol', [
  tcpClientConfigSchema,
  tcpServerConfigSchema,
  udpConfigSchema,
]);

const checksum = v.optional(
  v.strictObject({
    kind: v.picklist(CHECKSUM_KINDS),
    order: v.optional(v.picklist(['be', 'le'] as const)),
  }),
);

const textPayload = v.strictObject({
  text: v.pipe(v.string(), v.maxLength(MAX_PAYLOAD_CHARS)),
  encoding: v.picklist(TEXT_ENCODINGS),
  escapes: v.boolean(),
  lineEnding: v.picklist(LINE_ENDINGS),
  macros: v.optional(v.boolean()),
  checksum,
});

const hexPayload = v.strictObject({ hex: v.pipe(v.string(), v.maxLength(MAX_PAYLOAD_CHARS)), checksum });
const base64Payload = v.strictObject({
  base64: v.pipe(v.string(), v.maxLength(MAX_PAYLOAD_CHARS)),
  checksum,
});

const bytesPayload = v.strictObject({
  bytes: v.pipe(v.instance(Uint8Array), v.maxLength(MAX_PAYLOAD_CHARS)),
  checksum,
});

export const payloadSchema = v.union([textPayload, hexPayload, base64Payload, bytesPayload]);

const encoding = v.optional(v.picklist(TEXT_ENCODINGS));
const pattern = v.pipe(v.string(), v.maxLength(64 * 1024));

export const expectSchema = v.strictObject({
  rule: v.variant('kind', [
    v.strictObject({ kind: v.literal('echo') }),
    v.strictObject({ kind: v.literal('prefix-echo'), prefix: pattern, encoding }),
    v.strictObject({ kind: v.literal('text'), text: pattern, encoding }),
    v.strictObject({ kind: v.literal('hex'), hex: pattern }),
    v.strictObject({ kind: v.literal('regex'), pattern: v.pipe(pattern, v.nonEmpty()), encoding }),
  ]),
  timeoutMs: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600_000)),
});

export const autoReplyRuleSchema = v.strictObject({
  match: v.strictObject({ kind: v.picklist(MATCH_KINDS), pattern, encoding }),
  reply: payloadSchema,
  delayMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(600_000))),
  enabled: v.optional(v.boolean()),
});

export const sendTargetSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('all') }),
  v.strictObject({ kind: v.literal('client'), peer }),
  v.strictObject({ kind: v.literal('address'), host, port }),
  v.strictObject({ kind: v.literal('last-sender') }),
]);

export const API_SCHEMAS = {
  open: v.strictObject({
    config: sessionConfigSchema,
    name: v.optional(v.pipe(v.string(), v.maxLength(200))),
  }),
  close: v.strictObject({ id: sessionId }),
  send: v.strictObject({ id: sessionId, payload: payloadSchema, to: v.optional(sendTargetSchema) }),
  list: v.strictObject({}),
  rename: v.strictObject({
    id: sessionId,
    name: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(200)),
  }),
  disconnectClient: v.strictObject({ id: sessionId, peer }),
  listInterfaces: v.strictObject({}),
  selfTest: v.strictObject({ id: sessionId }),
  setFraming: v.strictObject({ id: sessionId, framing: framingSchema }),
  resetCounters: v.strictObject({ id: sessionId }),
  startCapture: v.strictObject({
    id: sessionId,
    path: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(4096)),
  }),
  stopCapture: v.strictObject({ id: sessionId }),
  setExpect: v.strictObject({ id: sessionId, expect: v.nullable(expectSchema) }),
  setAutoReply: v.strictObject({
    id: sessionId,
    rules: v.pipe(v.array(autoReplyRuleSchema), v.maxLength(256)),
  }),
  startPeriodic: v.strictObject({
    id: sessionId,
    payload: payloadSchema,
    to: v.optional(sendTargetSchema),
    intervalMs: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(86_400_000)),
    count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000_000))),
  }),
  startSoak: v.strictObject({
    id: sessionId,
    payload: payloadSchema,
    to: v.optional(sendTargetSchema),
    intervalMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(86_400_000)),
    rounds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000_000))),
    durationMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(604_800_000))),
    expect: expectSchema,
  }),
  stopTask: v.strictObject({ id: sessionId, taskId: v.pipe(v.string(), v.nonEmpty(), v.maxLength(64)) }),
  runCase: v.strictObject({
    text: v.pipe(v.string(), v.nonEmpty('must not be empty'), v.maxLength(MAX_CASE_CHARS)),
    file: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(4096))),
    host: v.optional(host),
    port: v.optional(port),
    simulate: v.optional(v.boolean()),
    vars: v.optional(
      v.pipe(
        v.record(
          v.pipe(v.string(), v.regex(VAR_NAME, 'must be a variable name'), v.maxLength(64)),
          v.pipe(v.string(), v.maxLength(64 * 1024)),
        ),
        v.check((vars) => Object.keys(vars).length <= MAX_CASE_VARS, `at most ${MAX_CASE_VARS} variables`),
      ),
    ),
  }),
  startSimulatedBoard: v.strictObject({
    kind: v.picklist(BOARD_IDS),
    port: v.optional(localPort),
    target: v.optional(v.strictObject({ host, port })),
  }),
  stopSimulatedBoard: v.strictObject({ id: sessionId }),
  listSimulatedBoards: v.strictObject({}),
  loadSettings: v.strictObject({}),
  saveSettings: v.strictObject({ settings: settingsPatchSchema }),
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
