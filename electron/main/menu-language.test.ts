// The menu hears the window's Language setting through the real settings service on a real file:
// when the window loads the file and when it saves its preferences, and not for other saves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LanguagePreference } from '../../shared/i18n/catalog';
import { defaultUi } from '../../shared/settings';
import { createSettingsService } from '../core/settings-service';
import { watchLanguage } from './menu-language';

const dir = mkdtempSync(join(tmpdir(), 'socketbench-menu-language-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('watchLanguage', () => {
  it('reports the setting on load and on each save of the preferences', async () => {
    const heard: LanguagePreference[] = [];
    const service = watchLanguage(createSettingsService({ file: join(dir, 'settings.json') }), (p) =>
      heard.push(p),
    );
    const first = await service.loadSettings({});
    expect(first.settings.ui.language).toBe('system');
    expect(heard).toEqual(['system']);

    await service.saveSettings({ settings: { ui: { ...defaultUi(), language: 'zh-CN' } } });
    expect(heard).toEqual(['system', 'zh-CN']);
    // A save of another part says nothing about the language.
    await service.saveSettings({ settings: { recent: { hosts: ['192.168.1.123'], ports: ['8087'] } } });
    expect(heard).toEqual(['system', 'zh-CN']);

    // What was saved is what the next window loads, and the menu hears it then too.
    await service.flush();
    const again = watchLanguage(createSettingsService({ file: join(dir, 'settings.json') }), (p) =>
      heard.push(p),
    );
    await again.loadSettings({});
    expect(heard).toEqual(['system', 'zh-CN', 'zh-CN']);
  });

  it('keeps the rest of the service as it was', () => {
    const base = createSettingsService({ file: join(dir, 'other.json') });
    const watched = watchLanguage(base, () => {});
    expect(watched.flush).toBe(base.flush);
  });
});
