// Keeps each live engine session's expect rule and auto-reply rules in step with what its UI session
// holds: at once for an engine session new to us (so the first send is judged), a moment after an
// edit otherwise (like Framing), and only when the fields hold a valid change. Each change is a row
// in the session's log.
import type { StoreApi } from 'zustand/vanilla';
import type { SessionApi } from '../../../shared/contract/api';
import type { AutoReplyRule, ExpectSpec, TextEncodingName } from '../../../shared/contract/model';
import { formatCount } from '../format';
import { t, tn } from '../i18n';
import { rulesFromRows } from './auto-reply-rows';
import { hitsReset } from './automation-view';
import { isTextEncoding } from './compose';
import { isActiveState } from './engine-view';
import { describeExpect, expectFromSettings } from './expect-settings';
import type { LogStore } from './log-store';
import type { Prefs } from './prefs-store';
import { toErrorInfo } from './session-actions';
import type { UiSession } from './sessions-reducer';
import type { SessionsStore } from './sessions-store';

export interface AutomationSyncOptions {
  sessions: SessionsStore;
  prefs: StoreApi<Prefs>;
  log: LogStore;
  api: Pick<SessionApi, 'setExpect' | 'setAutoReply'>;
  /** Wait after an edit before applying it (default 300 ms). */
  delayMs?: number;
  now?: () => number;
}

export interface Desired {
  expect?: ExpectSpec | null;
  rules?: AutoReplyRule[];
}

/** What the session's fields ask for; a part whose fields are not valid yet is absent. */
export function desiredAutomation(session: UiSession, prefs: Pick<Prefs, 'encodeAs' | 'escapes'>): Desired {
  const encoding = isTextEncoding(prefs.encodeAs) ? (prefs.encodeAs as TextEncodingName) : undefined;
  const expect = expectFromSettings(session.settings, encoding, prefs.escapes);
  const rules = rulesFromRows(session.settings.autoReply, encoding);
  return {
    ...(expect.ok ? { expect: expect.spec } : {}),
    ...(rules.ok ? { rules: rules.rules } : {}),
  };
}

export function describeRules(rules: readonly AutoReplyRule[]): string {
  if (rules.length === 0) return t('autoReply.describeNone');
  const off = rules.filter((r) => r.enabled === false).length;
  const n = tn('autoReply.describe', rules.length);
  return off > 0 ? t('autoReply.describeOff', { rules: n, off: formatCount(off) }) : n;
}

interface Applied {
  expect: string;
  rules: string;
}

/** The engine's own starting point for a new session: no expect rule, no auto-replies. */
const ENGINE_DEFAULT: Applied = { expect: 'null', rules: '[]' };

export function startAutomationSync(o: AutomationSyncOptions): () => void {
  const delayMs = o.delayMs ?? 300;
  const now = o.now ?? Date.now;
  const applied = new Map<string, Applied>();
  // What each engine session was last checked against: traffic changes the store many times a
  // second, and only an edit (or Encode as) can change what is wanted.
  const seen = new Map<string, { settings: UiSession['settings']; prefs: Prefs }>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let stopped = false;

  const current = (uiId: string) => o.sessions.getState().sessions[uiId];
  const info = (uiId: string, text: string) => o.log.appendSystem(uiId, { at: now(), tone: 'info', text });

  async function apply(uiId: string, engineId: string): Promise<void> {
    const session = current(uiId);
    if (stopped || !session || session.engineId !== engineId) return;
    const want = desiredAutomation(session, o.prefs.getState());
    const had = applied.get(engineId) ?? ENGINE_DEFAULT;
    const expectKey = want.expect === undefined ? had.expect : JSON.stringify(want.expect);
    const rulesKey = want.rules === undefined ? had.rules : JSON.stringify(want.rules);
    // Recorded first: an edit made while a call is out is compared with what that call sends.
    applied.set(engineId, { expect: expectKey, rules: rulesKey });
    if (expectKey !== had.expect && want.expect !== undefined) {
      try {
        // The session's totals run on across rule changes; Reset results starts them again.
        await o.api.setExpect({ id: engineId, expect: want.expect });
        info(uiId, t('expect.applied', { expect: describeExpect(want.expect) }));
      } catch (error) {
        o.log.appendSystem(uiId, {
          at: now(),
          tone: 'error',
          text: t('expect.failedToApply', { message: toErrorInfo(error).message }),
        });
      }
    }
    if (rulesKey !== had.rules && want.rules !== undefined) {
      try {
        await o.api.setAutoReply({ id: engineId, rules: want.rules });
        o.sessions.updateAutomation(uiId, hitsReset);
        info(uiId, t('autoReply.applied', { rules: describeRules(want.rules) }));
      } catch (error) {
        o.log.appendSystem(uiId, {
          at: now(),
          tone: 'error',
          text: t('autoReply.failed', { message: toErrorInfo(error).message }),
        });
      }
    }
  }

  const schedule = (uiId: string, engineId: string, wait: number) => {
    const key = `${uiId} ${engineId}`;
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        void apply(uiId, engineId);
      }, wait),
    );
  };

  const check = () => {
    const state = o.sessions.getState();
    const prefs = o.prefs.getState();
    const live = new Set<string>();
    for (const uiId of state.order) {
      const session = state.sessions[uiId];
      const engineId = session?.engineId;
      if (!session || !engineId || !isActiveState(session.state)) continue;
      live.add(engineId);
      const had = applied.get(engineId);
      const last = seen.get(engineId);
      if (had && last?.settings === session.settings && last.prefs === prefs) continue;
      seen.set(engineId, { settings: session.settings, prefs });
      const want = desiredAutomation(session, prefs);
      const base = had ?? ENGINE_DEFAULT;
      const differs =
        (want.expect !== undefined && JSON.stringify(want.expect) !== base.expect) ||
        (want.rules !== undefined && JSON.stringify(want.rules) !== base.rules);
      if (!had) applied.set(engineId, ENGINE_DEFAULT);
      // New to us: at once, so the first send is already judged and the first message answered.
      if (differs) schedule(uiId, engineId, had ? delayMs : 0);
    }
    for (const engineId of [...applied.keys()]) {
      if (live.has(engineId)) continue;
      applied.delete(engineId);
      seen.delete(engineId);
    }
  };

  const offSessions = o.sessions.subscribe(check);
  const offPrefs = o.prefs.subscribe(check);
  check();
  return () => {
    stopped = true;
    offSessions();
    offPrefs();
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  };
}
