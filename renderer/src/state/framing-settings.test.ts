// The Framing fields as typed -> the engine's FramingSpec, or the field to fix and why; and back.
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { configFromSettings } from './config-from-settings';
import { describeFraming, framingFromSettings, sameFraming } from './framing-settings';
import { defaultSettings, framingSettings, type SessionSettings, settingsFromConfig } from './settings';
import { settingsProblems } from './validation';

const with_ = (change: Partial<SessionSettings>): SessionSettings => ({
  ...defaultSettings(),
  host: '127.0.0.1',
  port: '8087',
  ...change,
});

describe('framingFromSettings', () => {
  it('is raw chunks by default, and then leaves the config without framing', () => {
    expect(framingFromSettings(with_({}))).toEqual({ ok: true, spec: { kind: 'raw' } });
    const config = configFromSettings(with_({}));
    expect(config.ok && 'framing' in config.config).toBe(false);
  });

  it('builds a delimiter spec, with the maximum frame size only when given', () => {
    expect(framingFromSettings(with_({ framing: 'delimiter', delimiterHex: ' 0d 0a ' }))).toEqual({
      ok: true,
      spec: { kind: 'delimiter', delimiterHex: '0d 0a' },
    });
    expect(framingFromSettings(with_({ framing: 'delimiter', maxFrameBytes: '4096' }))).toEqual({
      ok: true,
      spec: { kind: 'delimiter', delimiterHex: '0A', maxFrameBytes: 4096 },
    });
  });

  it('builds fixed length, length prefix and idle gap specs', () => {
    expect(framingFromSettings(with_({ framing: 'fixed', frameLength: '8' }))).toEqual({
      ok: true,
      spec: { kind: 'fixed', length: 8 },
    });
    expect(
      framingFromSettings(
        with_({
          framing: 'length-prefix',
          lengthSize: '4',
          lengthOrder: 'le',
          lengthOffset: '2',
          lengthIncludesHeader: true,
        }),
      ),
    ).toEqual({
      ok: true,
      spec: { kind: 'length-prefix', size: 4, order: 'le', offset: 2, includesHeader: true },
    });
    expect(framingFromSettings(with_({ framing: 'idle-gap', gapMs: '50' }))).toEqual({
      ok: true,
      spec: { kind: 'idle-gap', gapMs: 50 },
    });
  });

  it('names the field to fix, with validateFraming`s sentence where it applies', () => {
    expect(framingFromSettings(with_({ framing: 'delimiter', delimiterHex: '0' }))).toMatchObject({
      ok: false,
      field: 'delimiterHex',
    });
    expect(framingFromSettings(with_({ framing: 'delimiter', delimiterHex: '' }))).toMatchObject({
      ok: false,
      field: 'delimiterHex',
      reason: expect.stringContaining('at least one byte'),
    });
    expect(framingFromSettings(with_({ framing: 'fixed', frameLength: '' }))).toEqual({
      ok: false,
      field: 'frameLength',
      reason: 'Enter the frame length in bytes.',
    });
    expect(framingFromSettings(with_({ framing: 'fixed', frameLength: '0' }))).toMatchObject({
      ok: false,
      field: 'frameLength',
    });
    expect(framingFromSettings(with_({ framing: 'idle-gap', gapMs: '1.5' }))).toEqual({
      ok: false,
      field: 'gapMs',
      reason: 'The idle gap in milliseconds must be a whole number.',
    });
    expect(framingFromSettings(with_({ framing: 'length-prefix', maxFrameBytes: '1' }))).toMatchObject({
      ok: false,
      field: 'maxFrameBytes',
      reason: expect.stringContaining('at least the header'),
    });
  });

  it('keeps Connect disabled with the reason for a TCP session, and ignores framing for UDP', () => {
    const bad = with_({ framing: 'fixed', frameLength: 'x' });
    expect(settingsProblems(bad)).toEqual([
      { field: 'frameLength', reason: 'The frame length in bytes must be a whole number.' },
    ]);
    expect(settingsProblems({ ...bad, protocol: 'udp' })).toEqual([]);
  });

  it('sends the spec with the config of a client and a server, never of UDP', () => {
    const s = with_({ framing: 'delimiter', delimiterHex: '0D 0A', serverPort: '0' });
    const client = configFromSettings(s);
    expect(client.ok && client.config).toMatchObject({
      framing: { kind: 'delimiter', delimiterHex: '0D 0A' },
    });
    const server = configFromSettings({ ...s, protocol: 'tcp-server' });
    expect(server.ok && server.config).toMatchObject({ framing: { kind: 'delimiter' } });
    const udp = configFromSettings({ ...s, protocol: 'udp' });
    expect(udp.ok && 'framing' in udp.config).toBe(false);
  });
});

describe('framing settings round trip', () => {
  it('turns every spec back into the fields that make it', () => {
    const specs = [
      { kind: 'raw' },
      { kind: 'delimiter', delimiterHex: '0D 0A', maxFrameBytes: 100 },
      { kind: 'fixed', length: 16 },
      { kind: 'length-prefix', size: 1, order: 'be', offset: 0, includesHeader: false },
      { kind: 'idle-gap', gapMs: 30 },
    ] as const;
    for (const spec of specs) {
      const back = framingFromSettings(with_(framingSettings(spec)));
      expect(back.ok && sameFraming(back.spec, spec)).toBe(true);
    }
  });

  it('prefers the framing in force over the config`s when a window adopts a session', () => {
    const s = settingsFromConfig(
      { protocol: 'tcp-client', host: 'h', port: 1, framing: { kind: 'fixed', length: 4 } },
      { kind: 'idle-gap', gapMs: 5 },
    );
    expect(s).toMatchObject({ framing: 'idle-gap', gapMs: '5' });
  });

  it('compares specs whatever the key order, absent meaning raw', () => {
    expect(sameFraming(undefined, { kind: 'raw' })).toBe(true);
    expect(sameFraming({ kind: 'fixed', length: 4 }, { length: 4, kind: 'fixed' } as never)).toBe(true);
    expect(sameFraming({ kind: 'fixed', length: 4 }, { kind: 'fixed', length: 5 })).toBe(false);
  });

  it('describes a spec in words', () => {
    expect(describeFraming({ kind: 'delimiter', delimiterHex: '0d 0a' })).toBe('delimiter 0D 0A');
    expect(
      describeFraming({ kind: 'length-prefix', size: 2, order: 'be', offset: 1, includesHeader: true }),
    ).toBe('length prefix, 2 bytes BE at offset 1, counting the header');
  });
});

describe('a delimiter that is no hex', () => {
  afterEach(() => setLanguage('en'));

  it("says the hex codec's fault in English as before, and wholly in Chinese", () => {
    const bad = with_({ framing: 'delimiter', delimiterHex: '0x' });
    expect(framingFromSettings(bad)).toEqual({
      ok: false,
      field: 'delimiterHex',
      reason: "Delimiter: '0x' at position 1 has no hex digits after it.",
    });
    setLanguage('zh-CN');
    const result = framingFromSettings(bad);
    expect(result.ok).toBe(false);
    const reason = result.ok ? '' : result.reason;
    expect(reason).toMatch(/^分隔符：/);
    expect(reason.replace(/'0x'/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });
});
