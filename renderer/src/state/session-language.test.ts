// The session area speaks the window's language: a switch to Chinese turns the reasons, state words,
// framing words and the engine's own sentences into Chinese, and back to the same English.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { BOARD_IDS, BOARD_PRESETS } from '../../../shared/presets/boards';
import { setLanguage } from '../i18n';
import { boardBehaviour, boardLabel } from './board-preset';
import { describeFraming, framingFromSettings } from './framing-settings';
import { toErrorInfo } from './session-actions';
import { createSessionsState, defaultSettings, type UiSession } from './sessions-reducer';
import { PROTOCOL_LABELS } from './settings';
import { describeSession, START_LABEL, shortState } from './state-words';
import { hostReason, portReason, settingsProblems } from './validation';

afterEach(() => setLanguage('en'));

const base = Object.values(createSessionsState().sessions)[0] as UiSession;
const refused = {
  code: 'ECONNREFUSED',
  message:
    "Nothing is listening at 192.168.1.123:8087. Is the board's program running, and is the port right?",
  detail: { key: 'error.ECONNREFUSED', params: { target: '192.168.1.123:8087' } },
};

describe('the session words in Chinese', () => {
  it('turns a validation message and a state word into Chinese', () => {
    expect(hostReason('')).toBe("Enter the board's IP address or host name.");
    expect(describeSession(base).label).toBe('Disconnected');
    setLanguage('zh-CN');
    expect(hostReason('')).toBe('请输入开发板的 IP 地址或主机名。');
    expect(portReason('70000')).toBe('端口必须是 1 到 65535 之间的整数。');
    expect(hostReason('192.168.1.123:8087')).toBe(
      '主机中不要带端口：这里填 192.168.1.123，把 8087 填在“端口”里。',
    );
    expect(describeSession(base).label).toBe('未连接');
    expect(START_LABEL['tcp-client']).toBe('连接');
    expect(PROTOCOL_LABELS['tcp-server']).toBe('TCP 服务器');
    setLanguage('en');
    expect(settingsProblems({ ...defaultSettings(), host: '', port: '' }).map((p) => p.reason)).toEqual([
      "Enter the board's IP address or host name.",
      'Enter the port the board listens on (1 to 65535).',
    ]);
  });

  it('words a server and its clients', () => {
    const server = { ...base, engineId: 'e1', protocol: 'tcp-server' as const, state: 'listening' as const };
    setLanguage('zh-CN');
    expect(describeSession({ ...server, local: '0.0.0.0:8888' })).toMatchObject({
      label: '监听中',
      detail: '在 0.0.0.0:8888',
      note: '正在等待开发板连接…',
    });
    const client = { peer: '127.0.0.1:1', connectedAt: 1, counters: base.counters };
    expect(shortState({ ...server, clients: [client, client] }).text).toBe('监听中 · 2 个客户端');
  });

  it("shows the engine's sentence from its key, and its English when it has none", () => {
    const failed = { ...base, engineId: 'e1', state: 'error' as const, error: refused };
    expect(describeSession(failed).label).toBe(`Error: ${refused.message}`);
    setLanguage('zh-CN');
    expect(describeSession(failed).label).toBe(
      '错误：192.168.1.123:8087 上没有程序在监听。开发板的程序在运行吗？端口对吗？',
    );
    const unknown = { ...failed, error: { code: 'EWEIRD', message: 'connect EWEIRD' } };
    expect(describeSession(unknown).label).toBe('错误：connect EWEIRD');
    // A key this window does not know (a newer engine) falls back to the engine's English.
    const newer = { ...failed, error: { ...refused, detail: { key: 'error.ENEWER', params: {} } } };
    expect(describeSession(newer).label).toBe(`错误：${refused.message}`);
  });

  it('keeps the detail of a thrown engine error and words it in the window language', () => {
    const thrown = new ApiError(refused.code, refused.message, refused.detail);
    expect(toErrorInfo(thrown)).toEqual(refused);
    setLanguage('zh-CN');
    expect(toErrorInfo(thrown)).toMatchObject({ code: 'ECONNREFUSED', detail: refused.detail });
    expect(toErrorInfo(thrown).message).toMatch(/^192\.168\.1\.123:8087 上没有程序在监听/);
    expect(toErrorInfo(new ApiError('E_X', 'As it came.')).message).toBe('As it came.');
  });

  it('words framing and its faults', () => {
    const spec = { kind: 'length-prefix', size: 1, order: 'le', offset: 2, includesHeader: true } as const;
    expect(describeFraming(spec)).toBe('length prefix, 1 byte LE at offset 2, counting the header');
    const tooBig = { ...defaultSettings(), framing: 'fixed' as const, frameLength: '999999999' };
    expect(framingFromSettings(tooBig)).toMatchObject({
      ok: false,
      field: 'frameLength',
      reason: 'The frame length must be a whole number of bytes from 1 to 67108864 (64 MiB).',
    });
    setLanguage('zh-CN');
    expect(describeFraming(spec)).toBe('长度前缀，1 字节，LE，偏移 2，长度包含头部');
    expect(framingFromSettings(tooBig)).toMatchObject({
      field: 'frameLength',
      reason: '帧长度必须是 1 到 67108864（64 MiB）之间的整数字节数。',
    });
    const smallMax = {
      ...defaultSettings(),
      framing: 'delimiter' as const,
      delimiterHex: '0D 0A',
      maxFrameBytes: '1',
    };
    expect(framingFromSettings(smallMax)).toMatchObject({
      field: 'maxFrameBytes',
      reason: '最大帧长度（1 字节）不能小于分隔符的长度（2 字节）。',
    });
  });

  it('names every board preset as the presets do in English, and in Chinese after a switch', () => {
    for (const id of BOARD_IDS) {
      expect(boardLabel(BOARD_PRESETS[id])).toBe(BOARD_PRESETS[id].label);
      expect(boardBehaviour(BOARD_PRESETS[id])).toBe(BOARD_PRESETS[id].behaviour);
    }
    setLanguage('zh-CN');
    expect(boardLabel(BOARD_PRESETS.esp8266)).toBe('ESP8266（MicroPython TCP 客户端）');
  });
});
