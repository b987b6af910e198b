// 简体中文: errors. Same keys as the English file; a missing or extra key fails to compile.
import type { errors as en } from '../en/errors';

export const errors: Record<keyof typeof en, string> = {};
