// The Periodic send and Soak run fields as typed, checked and turned into the numbers the engine
// takes, or the sentence that says which field to fix. Pure.
import { t } from '../i18n';
import type { SessionSettings, TextSetting } from './settings';

export type Checked<T> = ({ ok: true } & T) | { ok: false; field: TextSetting; reason: string };

const whole = (value: string, min: number, max: number): number | undefined => {
  const t = value.trim();
  if (!/^\d{1,10}$/.test(t)) return undefined;
  const n = Number(t);
  return n >= min && n <= max ? n : undefined;
};

export function periodicFields(
  s: Pick<SessionSettings, 'periodicIntervalMs' | 'periodicCount'>,
): Checked<{ intervalMs: number; count?: number }> {
  const intervalMs = whole(s.periodicIntervalMs, 1, 86_400_000);
  if (intervalMs === undefined) {
    return {
      ok: false,
      field: 'periodicIntervalMs',
      reason: t('task.intervalBad'),
    };
  }
  if (s.periodicCount.trim() === '') return { ok: true, intervalMs };
  const count = whole(s.periodicCount, 1, 1_000_000_000);
  if (count === undefined) {
    return {
      ok: false,
      field: 'periodicCount',
      reason: t('task.countBad'),
    };
  }
  return { ok: true, intervalMs, count };
}

export function soakFields(
  s: Pick<SessionSettings, 'soakRounds' | 'soakDurationS' | 'soakIntervalMs'>,
): Checked<{ intervalMs: number; rounds?: number; durationMs?: number }> {
  const roundsText = s.soakRounds.trim();
  const durationText = s.soakDurationS.trim();
  if (roundsText === '' && durationText === '') {
    return { ok: false, field: 'soakRounds', reason: t('task.soakNeedsLength') };
  }
  const rounds = roundsText === '' ? undefined : whole(roundsText, 1, 1_000_000_000);
  if (roundsText !== '' && rounds === undefined) {
    return { ok: false, field: 'soakRounds', reason: t('task.roundsBad') };
  }
  const seconds = durationText === '' ? undefined : whole(durationText, 1, 604_800);
  if (durationText !== '' && seconds === undefined) {
    return {
      ok: false,
      field: 'soakDurationS',
      reason: t('task.durationBad'),
    };
  }
  const intervalMs = s.soakIntervalMs.trim() === '' ? 0 : whole(s.soakIntervalMs, 0, 86_400_000);
  if (intervalMs === undefined) {
    return {
      ok: false,
      field: 'soakIntervalMs',
      reason: t('task.soakIntervalBad'),
    };
  }
  return {
    ok: true,
    intervalMs,
    ...(rounds !== undefined ? { rounds } : {}),
    ...(seconds !== undefined ? { durationMs: seconds * 1000 } : {}),
  };
}
