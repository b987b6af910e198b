// Expected replies through the session manager against loopback boards: PASS, FAIL with the byte,
// TIMEOUT, replies cut into pieces, pipelined sends, servers and UDP.
import { describe, expect, it } from 'vitest';
import {
  K230_WELCOME,
  startDribbleBoard,
  startEsp8266Client,
  startK230Board,
  startLineEchoBoard,
  startSilentBoard,
  startUdpEchoBoard,
  startW55rp20Board,
} from '../../e2e/fixtures/boards';
import type { EngineEvent } from '../../shared/contract/events';
import type { ExpectRule } from '../../shared/contract/model';
import { benchHarness, bytes, exchangesOf, stateIs, text, waitForExchanges } from './bench-test-kit';

const { setup, track } = benchHarness();
const W55RP20: ExpectRule = { kind: 'prefix-echo', prefix: 'TCP Server : ' };

async function clientTo(port: number, framing?: { kind: 'delimiter'; delimiterHex: string }) {
  const bench = setup();
  const { id } = await bench.manager.open({
    config: { protocol: 'tcp-client', host: '127.0.0.1', port, ...(framing ? { framing } : {}) },
  });
  await bench.recorder.waitFor(stateIs(id, 'connected'), 'connected');
  return { ...bench, id };
}

describe('expected replies', () => {
  it('passes the W55RP20 prefix echo and times the round trip on the monotonic clock', async () => {
    const board = track(await startW55rp20Board());
    const { manager, recorder, id } = await clientTo(board.port);
    await manager.setExpect({ id, expect: { rule: W55RP20, timeoutMs: 2000 } });
    await manager.send({ id, payload: text('hello') });
    const [result] = await waitForExchanges(recorder, 1);
    expect(result).toMatchObject({
      seq: 1,
      verdict: 'pass',
      peer: `127.0.0.1:${board.port}`,
      expected: bytes('TCP Server : hello'),
      actual: bytes('TCP Server : hello'),
    });
    expect(result?.reason).toBeUndefined();
    expect(result?.firstByteMs).toBeGreaterThan(0);
    expect(result?.completeMs).toBeGreaterThanOrEqual(result?.firstByteMs ?? 0);
    expect(result?.completeMs).toBeLessThan(1000);
  });

  it('fails a reply that differs in one byte and points at that byte', async () => {
    const board = track(await startDribbleBoard({ reply: 'TCP Server : hellO', intervalMs: 1 }));
    const { manager, recorder, id } = await clientTo(board.port);
    await manager.setExpect({ id, expect: { rule: W55RP20, timeoutMs: 5000 } });
    await manager.send({ id, payload: text('hello') });
    const [result] = await waitForExchanges(recorder, 1);
    expect(result).toMatchObject({ verdict: 'fail', diffAt: 17, actual: bytes('TCP Server : hellO') });
    expect(result?.reason).toBe('The reply differs from the expected bytes at byte 17.');
  });

  it('passes replies that arrive a byte at a time, with raw and with delimiter framing', async () => {
    const board = track(await startDribbleBoard({ reply: 'TCP Server : ping\n', intervalMs: 1 }));
    for (const framing of [undefined, { kind: 'delimiter', delimiterHex: '0A' } as const]) {
      const { manager, recorder, id } = await clientTo(board.port, framing);
      await manager.setExpect({ id, expect: { rule: W55RP20, timeoutMs: 5000 } });
      await manager.send({ id, payload: text('ping\n') });
      const [result] = await waitForExchanges(recorder, 1, id);
      expect(result).toMatchObject({ verdict: 'pass', actual: bytes('TCP Server : ping\n') });
      // Cut into 18 pieces: the first byte came well before the whole reply.
      expect(result?.completeMs).toBeGreaterThan(result?.firstByteMs ?? 0);
      await manager.close({ id });
    }
  });

  it('gives TIMEOUT, not a hang, when the board accepts and never answers', async () => {
    const board = track(await startSilentBoard());
    const { manager, recorder, id } = await clientTo(board.port);
    await manager.setExpect({ id, expect: { rule: W55RP20, timeoutMs: 150 } });
    await manager.send({ id, payload: text('hello') });
    const [result] = await waitForExchanges(recorder, 1);
    expect(result).toMatchObject({ verdict: 'timeout', reason: 'No reply within 150 ms.' });
    expect(result?.actual).toBeUndefined();
    expect(result?.firstByteMs).toBeUndefined();
  });

  it('says how much of a reply came before the timeout', async () => {
    const board = track(await startDribbleBoard({ reply: 'TCP S', intervalMs: 1 }));
    const { manager, recorder, id } = await clientTo(board.port);
    await manager.setExpect({ id, expect: { rule: W55RP20, timeoutMs: 300 } });
    await manager.send({ id, payload: text('hello') });
    const [result] = await waitForExchanges(recorder, 1);
    expect(result).toMatchObject({
      verdict: 'timeout',
      reason: 'No complete reply within 300 ms (got 5 of 18 bytes).',
      actual: bytes('TCP S'),
    });
  });

  it('judges the K230 after its welcome, and its last answer before it closes', async () => {
    const board = track(await startK230Board());
    const { manager, recorder, id } = await clientTo(board.port);
    await recorder.waitFor((e) => e.type === 'data' && e.dir === 'rx', 'the welcome');
    expect(recorder.of('data')[0]?.bytes).toEqual(bytes(K230_WELCOME));
    await manager.setExpect({
      id,
      expect: { rule: { kind: 'prefix-echo', prefix: 'recv: ' }, timeoutMs: 2000 },
    });
    await manager.send({ id, payload: text('abc') });
    await waitForExchanges(recorder, 1);
    await manager.send({ id, payload: text('end') });
    const results = await waitForExchanges(recorder, 2);
    expect(results.map((r) => [r.verdict, new TextDecoder().decode(r.actual)])).toEqual([
      ['pass', 'recv: abc'],
      ['pass', 'recv: end'],
    ]);
    await recorder.waitFor(stateIs(id, 'disconnected'), 'the board closes after "end"');
  });

  it('answers pipelined sends in order, splitting glued replies by the expected length', async () => {
    const board = track(await startLineEchoBoard());
    const { manager, recorder, id } = await clientTo(board.port);
    await manager.setExpect({ id, expect: { rule: W55RP20, timeoutMs: 2000 } });
    const words = ['one\n', 'two\n', 'three\n', 'four\n', 'five\n'];
    await Promise.all(words.map((w) => manager.send({ id, payload: text(w) })));
    const results = await waitForExchanges(recorder, words.length);
    expect(results.map((r) => r.verdict)).toEqual(words.map(() => 'pass'));
    expect(results.map((r) => new TextDecoder().decode(r.actual))).toEqual(
      words.map((w) => `TCP Server : ${w}`),
    );
    expect(results.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    // Written in one turn, read by the board in one go, answered in one write.
    expect(recorder.of('data').filter((e) => e.dir === 'rx').length).toBeLessThan(words.length);
  });

  it('stops judging with null, and refuses a rule that cannot judge', async () => {
    const board = track(await startW55rp20Board());
    const { manager, recorder, id } = await clientTo(board.port);
    await expect(
      manager.setExpect({ id, expect: { rule: { kind: 'regex', pattern: '(' }, timeoutMs: 100 } }),
    ).rejects.toMatchObject({
      code: 'E_BAD_ARGUMENT',
      message: expect.stringMatching(/not a valid regular expression/),
    });
    await manager.setExpect({
      id,
      expect: { rule: { kind: 'regex', pattern: '^TCP Server : \\w+$' }, timeoutMs: 2000 },
    });
    await manager.send({ id, payload: text('abc') });
    await waitForExchanges(recorder, 1);
    await manager.setExpect({ id, expect: null });
    await manager.send({ id, payload: text('def') });
    await recorder.waitFor((e) => e.type === 'counters' && e.counters.rxBytes === 32, 'the second reply');
    expect(exchangesOf(recorder).map((r) => r.verdict)).toEqual(['pass']);
  });

  it('judges a send to all of a server’s boards once per board', async () => {
    const { manager, recorder } = setup();
    const server = await manager.open({
      config: { protocol: 'tcp-server', localAddress: '127.0.0.1', port: 0 },
    });
    const port = Number(server.local?.split(':').pop());
    const boards = [
      await startEsp8266Client({ host: '127.0.0.1', port }),
      await startEsp8266Client({ host: '127.0.0.1', port }),
    ];
    for (const b of boards) track(b);
    const greeted = (peer: string) => (e: EngineEvent) =>
      e.type === 'client-counters' && e.peer === peer && e.counters.rxBytes === 19;
    for (const b of boards) await recorder.waitFor(greeted(b.peer), `${b.peer} greeted`);
    await manager.setExpect({ id: server.id, expect: { rule: { kind: 'echo' }, timeoutMs: 2000 } });
    await manager.send({ id: server.id, payload: text('status?') });
    const results = await waitForExchanges(recorder, 2, server.id);
    expect(results.map((r) => r.peer).sort()).toEqual(boards.map((b) => b.peer).sort());
    expect(results.every((r) => r.verdict === 'pass')).toBe(true);
  });

  it('judges each UDP datagram from the board it went to', async () => {
    const board = track(await startUdpEchoBoard());
    const { manager, recorder } = setup();
    const { id } = await manager.open({
      config: {
        protocol: 'udp',
        localAddress: '127.0.0.1',
        localPort: 0,
        remoteHost: board.host,
        remotePort: board.port,
      },
    });
    await manager.setExpect({ id, expect: { rule: { kind: 'text', text: 'ping 1' }, timeoutMs: 2000 } });
    await manager.send({ id, payload: text('ping 1') });
    await manager.send({ id, payload: text('ping 2') });
    const results = await waitForExchanges(recorder, 2, id);
    expect(results.map((r) => [r.verdict, r.peer, r.diffAt])).toEqual([
      ['pass', `127.0.0.1:${board.port}`, undefined],
      ['fail', `127.0.0.1:${board.port}`, 5],
    ]);
  });
});
