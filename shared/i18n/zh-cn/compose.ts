// 简体中文: compose. Same keys as the English file; a missing or extra key fails to compile.
import type { compose as en } from '../en/compose';

export const compose: Record<keyof typeof en, string> = {};
