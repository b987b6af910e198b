// The bottom bar: exact RX / TX byte counters of the active session with their rates over the last
// second, Reset counters, and the engine link's state.
import { useEffect, useRef, useState } from 'react';
import type { Counters } from '../../../shared/contract/model';
import { useServices, useSessions } from '../app-context';
import { formatBytes, formatCount } from '../format';
import { type MessageKey, useT } from '../i18n';
import { addSample, formatRate, type RateSample, ratesAt } from '../state/rates';
import { activeSession } from '../state/sessions-reducer';
import { useLinkStatus } from '../useLinkStatus';

/** Rates stay live without traffic (falling to zero), so they are recomputed on a timer too. */
const TICK_MS = 500;

function useRates(uiId: string, counters: Counters): { rx: number; tx: number } {
  const history = useRef<{ id: string; samples: RateSample[] }>({ id: uiId, samples: [] });
  const [rates, setRates] = useState({ rx: 0, tx: 0 });
  useEffect(() => {
    const update = () => {
      const next = ratesAt(history.current.samples, Date.now());
      setRates((prev) => (prev.rx === next.rx && prev.tx === next.tx ? prev : next));
    };
    // Another session's totals are another history.
    const own = history.current.id === uiId ? history.current.samples : [];
    history.current = { id: uiId, samples: addSample(own, Date.now(), counters) };
    update();
    const timer = setInterval(update, TICK_MS);
    return () => clearInterval(timer);
  }, [uiId, counters]);
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
