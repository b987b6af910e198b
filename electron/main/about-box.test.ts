// The About box: the version and the runtimes inside, in the window's language, and an English copy
// for bug reports.
import { describe, expect, it } from 'vitest';
import { aboutBox } from './about-box';

const info = {
  appName: 'SocketBench',
  version: '0.1.0',
  versions: { electron: '41.7.1', chrome: '146.0.7680.0', node: '24.11.1' },
};

describe('aboutBox', () => {
  it('shows the version and the Electron, Chromium and Node.js versions', () => {
    const box = aboutBox('en', info, 'linux x64');
    expect(box.title).toBe('About SocketBench');
    expect(box.message).toBe('SocketBench');
    expect(box.detail).toContain('Version 0.1.0');
    expect(box.detail).toContain('Electron 41.7.1, Chromium 146.0.7680.0, Node.js 24.11.1');
    expect(box.buttons).toEqual(['OK', 'Copy details']);
  });

  it('speaks Chinese in the box and English on the clipboard', () => {
    const box = aboutBox('zh-CN', info, 'win32 x64');
    expect(box.title).toBe('关于 SocketBench');
    expect(box.detail).toContain('版本 0.1.0');
    expect(box.buttons).toEqual(['确定', '复制详细信息']);
    expect(box.copyText).toBe(
      'SocketBench 0.1.0\nElectron 41.7.1, Chromium 146.0.7680.0, Node.js 24.11.1\nwin32 x64',
    );
  });

  it('says "?" for a runtime it cannot name instead of "undefined"', () => {
    const box = aboutBox('en', { ...info, versions: { node: '20.19.0' } }, 'linux x64');
    expect(box.detail).toContain('Electron ?, Chromium ?, Node.js 20.19.0');
  });
});
