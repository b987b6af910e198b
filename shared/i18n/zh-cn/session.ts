// 简体中文: session. Same keys as the English file; a missing or extra key fails to compile.
import type { session as en } from '../en/session';

export const session: Record<keyof typeof en, string> = {};
