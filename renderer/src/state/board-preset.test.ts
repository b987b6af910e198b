// Board presets fill a session for each seed board: the opposite role, the port in the right field,
// framing and expect rule, and the composer's line ending and encodings.
import { describe, expect, it } from 'vitest';
import { BOARD_PRESETS } from '../../../shared/presets/boards';
import { boardPreset, boardPresetChange } from './board-preset';
import { configFromSettings } from './config-from-settings';
import { defaultSettings } from './settings';

describe('board presets', () => {
  it('fill a W55RP20 client session with its port and prefix echo', () => {
    const change = boardPresetChange(BOARD_PRESETS.w55rp20);
    expect(change.settings).toMatchObject({
      protocol: 'tcp-client',
      port: '8087',
      framing: 'raw',
      expectKind: 'prefix-echo',
      expectPrefix: 'TCP Server : ',
      expectTimeoutMs: '2000',
      boardPreset: 'w55rp20',
    });
    expect(change.prefs).toEqual({ lineEnding: 'none', encodeAs: 'ascii', decodeAs: 'ascii' });
  });

  it('listen for an ESP8266 and aim a UDP socket at a QuecPython module', () => {
    expect(boardPresetChange(BOARD_PRESETS.esp8266).settings).toMatchObject({
      protocol: 'tcp-server',
      serverPort: '8888',
    });
    expect(boardPresetChange(BOARD_PRESETS['quecpython-udp']).settings).toMatchObject({
      protocol: 'udp',
      remotePort: '80',
    });
  });

  it('leave only the board’s address to type for a client, and none for the others', () => {
    for (const preset of Object.values(BOARD_PRESETS)) {
      const settings = {
        ...defaultSettings(),
        ...boardPresetChange(preset).settings,
        host: '127.0.0.1',
        remoteHost: '127.0.0.1',
      };
      expect(configFromSettings(settings).ok).toBe(true);
    }
  });

  it('knows only the seed boards', () => {
    expect(boardPreset('k230')?.label).toBe(BOARD_PRESETS.k230.label);
    expect(boardPreset('toString')).toBeUndefined();
    expect(boardPreset('')).toBeUndefined();
  });
});
