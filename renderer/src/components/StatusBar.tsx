// The bottom bar: exact RX / TX byte counters of the active session with their rates over the last
// second, Reset counters, and the engine link's state.
import { useEffect, useReducer, useRef, useState } from 'react';
import type { Counters } from '../../../shared/contract/model';
import { useServices, useSessions } from '../app-context';
import { formatBytes, formatCount } from '../format';
import { type MessageKey, useT } from '../i18n';
import { addSample, formatRate, ratesAt } from '../state/rates';
import { activeSession } from '../state/sessions-reducer';
import { useLinkStatus } from '../useLinkStatus';

/** Rates stay live without traffic (falling to zero), so they are recomputed on a timer too. */
const TICK_MS = 500;

function useRates(uiId: string, counters: Counters): { rx: number; tx: number } {
  // New totals are a sample as the render sees them: a state change made while rendering is applied
  // before the commit, so a counters update costs the page one commit, not a second for the rates.
  const [history, setHistory] = useState(() => ({
    id: uiId,
    counters,
    samples: addSample([], Date.now(), counters),
  }));
  let current = history;
  if (history.id !== uiId || history.counters !== counters) {
    // Another session's totals are another history.
    const own = history.id === uiId ? history.samples : [];
    current = { id: uiId, counters, samples: addSample(own, Date.now(), counters) };
    setHistory(current);
  }
  const rates = ratesAt(current.samples, Date.now());
  const shown = useRef({ samples: current.samples, rates });
  useEffect(() => {
    shown.current = { samples: current.samples, rates };
  });
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const timer = setInterval(() => {
      const next = ratesAt(shown.current.samples, Date.now());
      const { rx, tx } = shown.current.rates;
      if (next.rx !== rx || next.tx !== tx) redraw();
    }, TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return rates;
}

function Counter(props: {
  name: 'RX' | 'TX';
  bytes: number;
  chunks: number;
  rate: number;
  verb: MessageKey;
}) {
  const { t } = useT();
  return (
    <span
      className={`counter ${props.name.toLowerCase()}`}
      title={t(props.verb, { count: formatCount(props.chunks) })}
    >
      <span className="counter-name" aria-hidden="true">
        {props.name}
      </span>
      <output aria-label={props.name} aria-live="off">
        {formatBytes(props.bytes)}
      </output>
      <output
        className="rate"
        aria-label={t(props.name === 'RX' ? 'status.rxRate' : 'status.txRate')}
        aria-live="off"
      >
        {formatRate(props.rate)}
      </output>
    </span>
  );
}

export function StatusBar() {
  const { bridge, actions } = useServices();
  const session = useSessions(activeSession);
  const { counters } = session;
  const rates = useRates(session.id, counters);
  const status = useLinkStatus();
  const { t } = useT();
  return (
    <footer className="statusbar">
      <Counter
        name="RX"
        bytes={counters.rxBytes}
        chunks={counters.rxChunks}
        rate={rates.rx}
        verb="status.received"
      />
      <Counter
        name="TX"
        bytes={counters.txBytes}
        chunks={counters.txChunks}
        rate={rates.tx}
        verb="status.sent"
      />
      <button
        type="button"
        className="btn small"
        disabled={!session.engineId || status !== 'open'}
        onClick={() => void actions.resetCounters(session.id)}
      >
        {t('status.resetCounters')}
      </button>
      <span className="spacer" />
      <span className={`link link-${status}`}>
        <span className="dot" aria-hidden="true" />
        {t(bridge.mode === 'desktop' ? 'status.desktop' : 'status.browserMode')} ·{' '}
        {t(`status.link.${status}`)}
      </span>
    </footer>
  );
}
