import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventBatch } from '../contract/events';
import type { WireMessage } from './transport';
import { decodeFrame, encodeFrame, encodeFrameParts, FrameError } from './wire';

const roundTrip = (msg: WireMessage): WireMessage => decodeFrame(encodeFrame(msg));

/** A hand-made frame: header + JSON text + the given blocks. */
function frameOf(json: string, blocks: Uint8Array[] = []): Uint8Array {
  const text = new TextEncoder().encode(json);
  const out = new Uint8Array(4 + text.length + blocks.reduce((n, b) => n + 4 + b.length, 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, text.length);
  out.set(text, 4);
  let at = 4 + text.length;
  for (const block of blocks) {
    view.setUint32(at, block.length);
    out.set(block, at + 4);
    at += 4 + block.length;
  }
  return out;
}

const batch = (events: EventBatch['events'], seq = 1): WireMessage => ({ t: 'evt', batch: { seq, events } });

describe('wire frames', () => {
  it('round-trips each kind of message', () => {
    const messages: WireMessage[] = [
      {
        t: 'req',
        id: 1,
        method: 'open',
        arg: { config: { protocol: 'tcp-client', host: '::1', port: 8087 } },
      },
      { t: 'req', id: 2, method: 'list', arg: {} },
      { t: 'res', id: 1, result: { ok: true, value: [{ id: 's1' }] } },
      {
        t: 'res',
        id: 3,
        result: { ok: false, error: { code: 'ECONNREFUSED', message: 'Nothing is listening.' } },
      },
      { t: 'ack', seq: 7 },
      batch([{ type: 'session-closed', id: 's1' }], 9),
    ];
    for (const msg of messages) expect(roundTrip(msg)).toEqual(msg);
  });

  it('keeps a result without a value (a void method) as ok', () => {
    expect(roundTrip({ t: 'res', id: 4, result: { ok: true, value: undefined } })).toEqual({
      t: 'res',
      id: 4,
      result: { ok: true, value: undefined },
    });
  });

  it('carries byte arrays as raw blocks, wherever they sit', () => {
    const a = Uint8Array.of(0x54, 0x43, 0x50, 0x00, 0xff);
    const msg = batch([
      { type: 'data', id: 's1', dir: 'rx', at: 1, peer: '127.0.0.1:8087', bytes: a },
      { type: 'data', id: 's1', dir: 'tx', at: 2, peer: '127.0.0.1:8087', bytes: new Uint8Array(0) },
    ]);
    const frame = encodeFrame(msg);
    // The payload appears verbatim after the JSON: no base64, no number arrays. Data events are
    // compact: [block, at, id, peer, dir], the id and peer once each in the string table.
    const json = new TextDecoder().decode(frame.subarray(4, 4 + new DataView(frame.buffer).getUint32(0)));
    expect(JSON.parse(json)).toEqual({
      t: 'evt',
      batch: {
        seq: 1,
        events: [
          [0, 1, 0, 1, 0],
          [1, 2, 0, 1, 1],
        ],
      },
      s: ['s1', '127.0.0.1:8087'],
    });
    const end = frame.length - 4; // the empty block's header closes the frame
    expect(frame.subarray(end - a.length - 4, end)).toEqual(Uint8Array.of(0, 0, 0, 5, ...a));
    const back = decodeFrame(frame);
    expect(back).toEqual(msg);
    const nested = { deep: [{ x: Uint8Array.of(1) }, [Uint8Array.of(2, 3)]], top: Uint8Array.of(4) };
    const req: WireMessage = { t: 'req', id: 1, method: 'm', arg: nested };
    expect(new TextDecoder().decode(encodeFrame(req))).toContain('{"$b":0}');
    expect(roundTrip(req)).toEqual(req);
  });

  it('keeps data events of any other shape, and framing issues, as they were', () => {
    const bytes = Uint8Array.of(1, 2);
    const events = [
      { type: 'data', id: 's1', dir: 'rx', at: 5, peer: 'p', bytes, issue: 'oversized' },
      { type: 'data', id: 's1', dir: 'rx', at: 5.5, peer: 'p', bytes, extra: { $b: 1 } },
      { type: 'data', id: 's1', dir: 'up', at: 6, peer: 'p', bytes },
      { type: 'data', id: 7, dir: 'rx', at: 6, peer: 'p', bytes },
      { type: 'counters', id: 's1', counters: { rxBytes: 2, txBytes: 0, rxChunks: 1, txChunks: 0 } },
      { type: 'data', id: 's2', dir: 'tx', at: 7, peer: 'q', bytes: new Uint8Array(20_000).fill(9) },
    ] as unknown as EventBatch['events'];
    expect(roundTrip(batch(events, 4))).toEqual(batch(events, 4));
  });

  it('leaves large blocks uncopied in the frame parts, which join into the frame', () => {
    const big = new Uint8Array(10_000).fill(7);
    const small = Uint8Array.of(1, 2, 3);
    const msg = batch([
      { type: 'data', id: 's', dir: 'rx', at: 0, peer: 'p', bytes: small },
      { type: 'data', id: 's', dir: 'rx', at: 1, peer: 'p', bytes: big },
      { type: 'data', id: 's', dir: 'rx', at: 2, peer: 'p', bytes: small },
    ]);
    const parts = encodeFrameParts(msg);
    expect(parts).toContain(big);
    expect(parts.every((p) => p.length > 0)).toBe(true);
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      joined.set(p, at);
      at += p.length;
    }
    const frame = encodeFrame(msg);
    expect(joined.length).toBe(frame.length);
    expect(joined.every((b, i) => b === frame[i])).toBe(true);
    const back = decodeFrame(joined) as Extract<WireMessage, { t: 'evt' }>;
    expect(back.batch.events.map((e) => (e as { bytes: Uint8Array }).bytes.length)).toEqual([3, 10_000, 3]);
    expect(encodeFrameParts({ t: 'ack', seq: 1 })).toHaveLength(1);
  });

  it('refuses to frame a cycle or absurd nesting', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => encodeFrame({ t: 'req', id: 1, method: 'm', arg: cyclic })).toThrow(TypeError);
  });

  it('returns copies of the bytes, not views that pin the caller buffer', () => {
    const frame = encodeFrame(batch([{ type: 'x', bytes: Uint8Array.of(1, 2, 3) } as never]));
    const back = decodeFrame(frame) as Extract<WireMessage, { t: 'evt' }>;
    const bytes = (back.batch.events[0] as unknown as { bytes: Uint8Array }).bytes;
    expect(bytes.buffer).not.toBe(frame.buffer);
    expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
    // Small payloads of one frame share one buffer holding just them; a large one has its own.
    const events = [3, 5000, 4].map((n, at) => ({
      type: 'data' as const,
      id: 's',
      dir: 'rx' as const,
      at,
      peer: 'p',
      bytes: new Uint8Array(n).fill(n & 0xff),
    }));
    const got = (decodeFrame(encodeFrame(batch(events))) as Extract<WireMessage, { t: 'evt' }>).batch.events;
    const [a, b, c] = got.map((e) => (e as { bytes: Uint8Array }).bytes);
    expect(a?.buffer).toBe(c?.buffer);
    expect(a?.buffer.byteLength).toBe(7);
    expect(b?.byteLength).toBe(b?.buffer.byteLength);
    expect(got).toEqual(events);
  });

  it('sends a byte array subclass with its own toJSON (like a Node Buffer) as bytes', () => {
    class Pooled extends Uint8Array {
      toJSON() {
        return { type: 'Buffer', data: [...this] };
      }
    }
    const msg = { t: 'req', id: 1, method: 'm', arg: { b: new Pooled([7, 8]) } } as const;
    const back = roundTrip(msg) as Extract<WireMessage, { t: 'req' }>;
    expect((back.arg as { b: Uint8Array }).b).toEqual(Uint8Array.of(7, 8));
  });

  it('keeps unicode text intact', () => {
    const arg = { text: '温度 °C 😀 \u0000 "quoted" \\ \u2028', key: 'é' };
    expect(roundTrip({ t: 'req', id: 1, method: 'send', arg })).toEqual({
      t: 'req',
      id: 1,
      method: 'send',
      arg,
    });
  });

  it('keeps keys that look like placeholders as plain data', () => {
    const arg = { $b: 0, $$b: 'two', $: 1, a$: 2, nested: [{ $b: Uint8Array.of(9) }, { $x: { $b: 3 } }] };
    expect(roundTrip({ t: 'req', id: 1, method: 'm', arg })).toEqual({ t: 'req', id: 1, method: 'm', arg });
  });

  it('keeps __proto__ as a plain key, never as a prototype', () => {
    const arg = JSON.parse('{"__proto__": {"polluted": true}, "$x": 1}');
    const back = roundTrip({ t: 'req', id: 1, method: 'm', arg }) as Extract<WireMessage, { t: 'req' }>;
    expect(Object.hasOwn(back.arg as object, '__proto__')).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(back.arg)).toBe(Object.prototype);
  });

  it('moves 1 MiB of payload through blocks', () => {
    const big = new Uint8Array(1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big[i] = i & 0xff;
    const msg = batch([{ type: 'data', id: 's', dir: 'rx', at: 0, peer: 'p', bytes: big }]);
    const frame = encodeFrame(msg);
    expect(frame.length).toBeLessThan(big.length + 200);
    const back = decodeFrame(frame) as Extract<WireMessage, { t: 'evt' }>;
    const bytes = (back.batch.events[0] as { bytes: Uint8Array }).bytes;
    expect(bytes.length).toBe(big.length);
    expect(bytes.every((b, i) => b === big[i])).toBe(true);
  });

  it('round-trips any JSON-like message with byte arrays anywhere', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 10 }),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
        fc.boolean(),
        fc.constant(null),
        fc.uint8Array({ maxLength: 20 }),
      ),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('arr'), tie('obj')),
      arr: fc.array(tie('node'), { maxLength: 5 }),
      obj: fc.dictionary(
        fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('$b', '$$b', '$', '$x')),
        tie('node'),
        {
          maxKeys: 5,
        },
      ),
    })).node;
    fc.assert(
      fc.property(value, fc.nat(), (arg, id) => {
        const msg: WireMessage = { t: 'req', id, method: 'm', arg };
        expect(roundTrip(msg)).toEqual(msg);
      }),
      { numRuns: 300 },
    );
  });
});

describe('malformed frames', () => {
  const rejects = (frame: Uint8Array, reason: RegExp): void => {
    expect(() => decodeFrame(frame)).toThrow(FrameError);
    expect(() => decodeFrame(frame)).toThrow(reason);
  };

  it('refuses short frames and lengths out of range', () => {
    rejects(new Uint8Array(0), /shorter than the 4-byte header/);
    rejects(Uint8Array.of(0, 0, 1), /shorter/);
    rejects(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x7b, 0x7d), /announces 4294967295 bytes of JSON/);
    const good = frameOf('{"t":"ack","seq":1}', [Uint8Array.of(1)]);
    rejects(good, /block 0 is not referred to/);
    const lying = frameOf('{"t":"req","id":1,"method":"m","arg":{"$b":0}}', [Uint8Array.of(1, 2)]);
    lying[lying.length - 3] = 0x10; // the block now claims 4098 bytes
    rejects(lying, /block 0 announces/);
  });

  it('refuses trailing junk', () => {
    const frame = encodeFrame({ t: 'ack', seq: 1 });
    rejects(Uint8Array.from([...frame, 0]), /1 trailing bytes/);
    rejects(Uint8Array.from([...frame, 0, 0, 0]), /3 trailing bytes/);
  });

  it('refuses JSON that does not parse or is not UTF-8', () => {
    rejects(frameOf('{"t":'), /does not parse/);
    const bad = frameOf('{"t":"ack","seq":1}');
    bad[6] = 0xff;
    rejects(bad, /does not parse/);
  });

  it('refuses bad placeholders', () => {
    rejects(
      frameOf('{"t":"req","id":1,"method":"m","arg":{"$b":1}}', [Uint8Array.of(1)]),
      /refers to no block/,
    );
    rejects(frameOf('{"t":"req","id":1,"method":"m","arg":{"$b":-1}}'), /refers to no block/);
    rejects(frameOf('{"t":"req","id":1,"method":"m","arg":{"$b":"0"}}', [Uint8Array.of(1)]), /placeholder/);
    rejects(
      frameOf('{"t":"req","id":1,"method":"m","arg":{"$b":0,"x":1}}', [Uint8Array.of(1)]),
      /placeholder/,
    );
    rejects(
      frameOf('{"t":"req","id":1,"method":"m","arg":[{"$b":0},{"$b":0}]}', [Uint8Array.of(1)]),
      /twice/,
    );
    rejects(frameOf('{"t":"req","id":1,"method":"m","arg":{"$x":1}}'), /unexpected key "\$x"/);
  });

  it('refuses compact data events that do not add up', () => {
    const one = [Uint8Array.of(1)];
    const cases: [string, RegExp][] = [
      ['{"t":"evt","batch":{"seq":1,"events":[[0,1,0,0,0]]}}', /names no id/],
      ['{"t":"evt","batch":{"seq":1,"events":[[0,1,0,1,0]]},"s":["s"]}', /names no peer/],
      ['{"t":"evt","batch":{"seq":1,"events":[[0,1,0,0,2]]},"s":["s"]}', /direction/],
      ['{"t":"evt","batch":{"seq":1,"events":[[0,"1",0,0,0]]},"s":["s"]}', /time/],
      ['{"t":"evt","batch":{"seq":1,"events":[[0,1,0,0,0,7]]},"s":["s"]}', /issue/],
      ['{"t":"evt","batch":{"seq":1,"events":[[0,1,0]]},"s":["s"]}', /5 or 6 elements/],
      ['{"t":"evt","batch":{"seq":1,"events":[[1,1,0,0,0]]},"s":["s"]}', /refers to no block/],
      ['{"t":"evt","batch":{"seq":1,"events":[[0,1,0,0,0],[0,1,0,0,0]]},"s":["s"]}', /twice/],
      ['{"t":"evt","batch":{"seq":1,"events":[[0,1,0,0,0]]},"s":"s"}', /string table/],
      ['{"t":"ack","seq":1,"s":[]}', /unexpected field "s"/],
    ];
    for (const [json, reason] of cases)
      rejects(frameOf(json, json.startsWith('{"t":"ack"') ? [] : one), reason);
  });

  it('refuses envelopes of the wrong shape', () => {
    const cases: [string, RegExp][] = [
      ['[]', /not an object/],
      ['null', /not an object/],
      ['{"t":"nope"}', /no known kind/],
      ['{"t":"req","id":-1,"method":"m","arg":1}', /whole-number id/],
      ['{"t":"req","id":1.5,"method":"m","arg":1}', /whole-number id/],
      ['{"t":"req","id":1,"arg":1}', /method name/],
      ['{"t":"req","id":1,"method":"m","arg":1,"extra":2}', /unexpected field "extra"/],
      ['{"t":"res","id":1}', /result object/],
      ['{"t":"res","id":1,"result":{"ok":false,"error":{"code":5,"message":"x"}}}', /code and a message/],
      ['{"t":"res","id":1,"result":{"ok":"yes"}}', /code and a message/],
      ['{"t":"evt","batch":{"seq":1,"events":{}}}', /events array/],
      ['{"t":"evt","batch":{"seq":1,"events":[5]}}', /every event needs a type/],
      ['{"t":"ack","seq":"1"}', /whole-number seq/],
    ];
    for (const [json, reason] of cases) rejects(frameOf(json), reason);
  });

  it('refuses a message nested absurdly deep without exhausting the stack', () => {
    const depth = 100_000;
    rejects(
      frameOf(`{"t":"req","id":1,"method":"m","arg":${'['.repeat(depth)}${']'.repeat(depth)}}`),
      /deeper/,
    );
  });

  it('refuses anything that is not bytes', () => {
    expect(() => decodeFrame('frame' as unknown as Uint8Array)).toThrow(FrameError);
  });

  it('never throws anything but a FrameError, whatever the bytes', () => {
    const valid = encodeFrame(batch([{ type: 'data', bytes: Uint8Array.of(1, 2, 3) } as never]));
    const mutated = fc
      .tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 }), fc.nat(valid.length))
      .map(([at, value, cut]) => {
        const copy = valid.slice(0, Math.max(cut, 1));
        if (at < copy.length) copy[at] = value;
        return copy;
      });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), mutated), (frame) => {
        try {
          decodeFrame(frame);
        } catch (error) {
          expect(error).toBeInstanceOf(FrameError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
