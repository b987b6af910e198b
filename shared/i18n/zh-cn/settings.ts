// 简体中文: settings. Same keys as the English file; a missing or extra key fails to compile.
import type { settings as en } from '../en/settings';

export const settings: Record<keyof typeof en, string> = {};
