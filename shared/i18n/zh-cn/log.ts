// 简体中文: log. Same keys as the English file; a missing or extra key fails to compile.
import type { log as en } from '../en/log';

export const log: Record<keyof typeof en, string> = {};
