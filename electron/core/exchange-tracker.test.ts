// The exchange tracker on its own, fed a session's events directly: replies that overtake each
// other, a board that leaves, bytes nobody asked for, a stopped owner, idle-gap timing.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../shared/contract/events';
import type { ExchangeResult, FramingSpec, Phrase } from '../../shared/contract/model';
import { type MessageKey, translate } from '../../shared/i18n/catalog';
import { type ExchangeOwner, ExchangeTracker } from './exchange-tracker';

/** A reason's catalogue detail in English: it must read exactly as the reason. */
const inEnglish = (p: Phrase | undefined): string | undefined => {
  if (!p) return undefined;
  const params = Object.fromEntries(
    Object.entries(p.params ?? {}).map(([k, v]) => [k, typeof v === 'object' ? (inEnglish(v) ?? '') : v]),
  );
  return translate('en', p.key as MessageKey, params);
};

const PEER = '127.0.0.1:5000';
const bytes = (value: string) => new TextEncoder().encode(value);
const tx = (value: Uint8Array, peer = PEER): EngineEvent => ({
  type: 'data',
  id: 's1',
  dir: 'tx',
  at: 1,
  peer,
  bytes: value,
});
const rx = (value: string, peer = PEER): EngineEvent => ({
  type: 'data',
  id: 's1',
  dir: 'rx',
  at: 1,
  peer,
  bytes: bytes(value),
});

function setup(framing: FramingSpec | undefined, timeoutMs = 5000) {
  const results: { result: ExchangeResult; outOfOrder: boolean }[] = [];
  const tracker = new ExchangeTracker({ now: () => 1, framing: () => framing });
  const owner: ExchangeOwner = {
    rule: { kind: 'echo' },
    timeoutMs,
    group: {},
    settled: (result, info) => results.push({ result, outOfOrder: info.outOfOrder }),
  };
  tracker.setDefaultOwner(owner);
  return { tracker, results, owner };
}

describe('ExchangeTracker', () => {
  it('times a round trip from the arrival times it is given, not from when it looks', () => {
    const { tracker, results } = setup({ kind: 'raw' });
    tracker.observe(tx(bytes('ping\n')), 1000.5);
    tracker.observe(rx('pi'), 1000.625);
    tracker.observe(rx('ng\n'), 1000.75);
    expect(results.map((r) => [r.result.verdict, r.result.firstByteMs, r.result.completeMs])).toEqual([
      ['pass', 0.125, 0.25],
    ]);
  });

  it('lets a datagram that overtook an earlier one pass its own send, and the earlier one wait', () => {
    const { tracker, results } = setup(undefined);
    tracker.observe(tx(bytes('a1')));
    tracker.observe(tx(bytes('a2')));
    tracker.observe(rx('a2'));
    tracker.observe(rx('a1'));
    expect(results.map((r) => [r.result.seq, r.result.verdict, r.outOfOrder])).toEqual([
      [2, 'pass', true],
      [1, 'pass', false],
    ]);
    tracker.dispose();
  });

  it('fails what is still open when the board leaves, with what came so far', () => {
    const { tracker, results } = setup({ kind: 'raw' });
    tracker.observe(tx(bytes('hello')));
    tracker.observe(rx('hel'));
    tracker.observe({ type: 'client-disconnected', id: 's1', peer: PEER, at: 1 });
    expect(results[0]?.result).toMatchObject({
      verdict: 'fail',
      actual: bytes('hel'),
      reason: 'The connection closed before a complete reply (got 3 of 5 bytes).',
    });
    expect(inEnglish(results[0]?.result.reasonDetail)).toBe(results[0]?.result.reason);
  });

  it('ignores bytes no send asked for, and other peers’ replies', () => {
    const { tracker, results } = setup({ kind: 'raw' });
    tracker.observe(rx('welcome'));
    tracker.observe(tx(bytes('x')));
    tracker.observe(rx('x', '127.0.0.1:6000'));
    expect(results).toEqual([]);
    tracker.observe(rx('x'));
    expect(results.map((r) => r.result.verdict)).toEqual(['pass']);
  });

  it('drops a claimed owner’s open exchanges silently, and judges nothing for a null claim', () => {
    const { tracker, results } = setup({ kind: 'raw' });
    const other: ExchangeOwner = {
      rule: { kind: 'echo' },
      timeoutMs: 5000,
      group: {},
      settled: () => results.push(),
    };
    const sent = bytes('soak');
    tracker.claim(sent, other);
    tracker.observe(tx(sent));
    tracker.cancelGroup(other.group);
    const quiet = bytes('auto');
    tracker.claim(quiet, null);
    tracker.observe(tx(quiet));
    tracker.observe(rx('soakauto'));
    expect(results).toEqual([]);
    tracker.dispose();
  });

  it('times an idle-gap reply to its last byte, not to the end of the silence', async () => {
    const { tracker, results } = setup({ kind: 'idle-gap', gapMs: 50 });
    tracker.observe(tx(bytes('ab')));
    tracker.observe({ type: 'pending', id: 's1', peer: PEER, bytes: 2 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    tracker.observe(rx('ab'));
    const result = results[0]?.result;
    expect(result?.verdict).toBe('pass');
    expect(result?.completeMs).toBeLessThan(40);
  });

  it('times out with a sentence, leaving nothing running', async () => {
    const { tracker, results } = setup({ kind: 'delimiter', delimiterHex: '0A' }, 20);
    tracker.observe(tx(bytes('x\n')));
    tracker.observe({ type: 'pending', id: 's1', peer: PEER, bytes: 1 });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(results[0]?.result).toMatchObject({
      verdict: 'timeout',
      reason: 'No complete reply within 20 ms (got 1 of 2 bytes).',
    });
    expect(inEnglish(results[0]?.result.reasonDetail)).toBe(results[0]?.result.reason);
    expect(results[0]?.result.firstByteMs).toBeGreaterThanOrEqual(0);
  });

  it('times out each exchange at its own deadline, answered ones never', async () => {
    const { tracker, results } = setup({ kind: 'raw' }, 30);
    const patient: ExchangeOwner = {
      rule: { kind: 'echo' },
      timeoutMs: 90,
      group: {},
      settled: (result, info) => results.push({ result, outOfOrder: info.outOfOrder }),
    };
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const late = bytes('late');
    tracker.claim(late, patient);
    tracker.observe(tx(late, '127.0.0.1:5001'));
    tracker.observe(tx(bytes('a')));
    tracker.observe(rx('a'));
    tracker.observe(tx(bytes('b')));
    const seen = () => results.map((r) => [r.result.seq, r.result.verdict]);
    await sleep(60);
    expect(seen()).toEqual([
      [2, 'pass'],
      [3, 'timeout'],
    ]);
    await sleep(60);
    expect(seen()).toEqual([
      [2, 'pass'],
      [3, 'timeout'],
      [1, 'timeout'],
    ]);
    tracker.dispose();
  });

  it('times out a send that got nothing back, and fails a wrong reply, each with its detail', async () => {
    const { tracker, results, owner } = setup({ kind: 'raw' }, 20);
    const record = owner.settled.bind(owner);
    const timedOut = new Promise<void>((resolve) => {
      owner.settled = (result, info) => {
        record(result, info);
        resolve();
      };
    });
    tracker.observe(tx(bytes('ping')));
    await timedOut;
    tracker.observe(tx(bytes('abc')));
    tracker.observe(rx('abd'));
    expect(results.map((r) => r.result.reason)).toEqual([
      'No reply within 20 ms.',
      'The reply differs from the expected bytes at byte 2.',
    ]);
    for (const { result } of results) expect(inEnglish(result.reasonDetail)).toBe(result.reason);
    tracker.dispose();
  });
});
