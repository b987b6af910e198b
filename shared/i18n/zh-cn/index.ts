// 简体中文, one part per area of the app, mirroring the English parts.
import { common } from './common';
import { compose } from './compose';
import { errors } from './errors';
import { keys } from './keys';
import { log } from './log';
import { menu } from './menu';
import { session } from './session';
import { settings } from './settings';

export const ZH_CN_PARTS = { common, session, compose, log, errors, menu, settings, keys };
export const zhCN = { ...common, ...session, ...compose, ...log, ...errors, ...menu, ...settings, ...keys };
