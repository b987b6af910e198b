// 简体中文: keys. Same keys as the English file; a missing or extra key fails to compile.
import type { keys as en } from '../en/keys';

export const keys: Record<keyof typeof en, string> = {};
