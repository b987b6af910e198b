// English, the reference catalogue, one part per area of the app. A key may live in one part only
// (a test checks it), so a later part can never silently replace an earlier one's string.
import { common } from './common';
import { compose } from './compose';
import { errors } from './errors';
import { keys } from './keys';
import { log } from './log';
import { menu } from './menu';
import { session } from './session';
import { settings } from './settings';

export const EN_PARTS = { common, session, compose, log, errors, menu, settings, keys };
export const en = { ...common, ...session, ...compose, ...log, ...errors, ...menu, ...settings, ...keys };
