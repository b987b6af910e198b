// The bottom bar: exact RX / TX byte counters of the active session and the engine link's state.
import { useServices, useSessions } from '../app-context';
import { formatBytes, formatCount } from '../format';
import { activeSession } from '../state/sessions-reducer';
import { useLinkStatus } from '../useLinkStatus';

const LINK_TEXT = {
  connecting: 'connecting to the engine…',
  open: 'engine connected',
  lost: 'engine unreachable',
};

export function StatusBar() {
  const { bridge } = useServices();
  const counters = useSessions((s) => activeSession(s).counters);
  const status = useLinkStatus();
  return (
    <footer className="statusbar">
      <span className="counter rx" title={`${formatCount(counters.rxChunks)} chunks received`}>
        <span className="counter-name" aria-hidden="true">
          RX
        </span>
        <output aria-label="RX" aria-live="off">
          {formatBytes(counters.rxBytes)}
        </output>
      </span>
      <span className="counter tx" title={`${formatCount(counters.txChunks)} chunks sent`}>
        <span className="counter-name" aria-hidden="true">
          TX
        </span>
        <output aria-label="TX" aria-live="off">
          {formatBytes(counters.txBytes)}
        </output>
      </span>
      <span className="spacer" />
      <span className={`link link-${status}`}>
        <span className="dot" aria-hidden="true" />
        {bridge.mode === 'desktop' ? 'Desktop' : 'Browser mode'} · {LINK_TEXT[status]}
      </span>
    </footer>
  );
}
