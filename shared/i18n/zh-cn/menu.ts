// 简体中文: menu. Same keys as the English file; a missing or extra key fails to compile.
import type { menu as en } from '../en/menu';

export const menu: Record<keyof typeof en, string> = {};
