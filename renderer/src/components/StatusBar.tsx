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

function Counter(props: { name: 'RX' | 'TX'; bytes: number; chunks: number; verb: string }) {
  return (
    <span
      className={`counter ${props.name.toLowerCase()}`}
      title={`${formatCount(props.chunks)} chunks ${props.verb}`}
    >
      <span className="counter-name" aria-hidden="true">
        {props.name}
      </span>
      <output aria-label={props.name} aria-live="off">
        {formatBytes(props.bytes)}
      </output>
    </span>
  );
}

export function StatusBar() {
  const { bridge } = useServices();
  const counters = useSessions((s) => activeSession(s).counters);
  const status = useLinkStatus();
  return (
    <footer className="statusbar">
      <Counter name="RX" bytes={counters.rxBytes} chunks={counters.rxChunks} verb="received" />
      <Counter name="TX" bytes={counters.txBytes} chunks={counters.txChunks} verb="sent" />
      <span className="spacer" />
      <span className={`link link-${status}`}>
        <span className="dot" aria-hidden="true" />
        {bridge.mode === 'desktop' ? 'Desktop' : 'Browser mode'} · {LINK_TEXT[status]}
      </span>
    </footer>
  );
}
