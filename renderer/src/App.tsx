// The window: the sessions on the left, the active session's setup and composer beside them, and its
// network panel, clients and traffic log taking the rest; the counters along the bottom.
import { useNetwork, useSessions } from './app-context';
import { ClientList } from './components/ClientList';
import { Composer } from './components/Composer';
import { EngineBanner } from './components/EngineBanner';
import { NetworkPanel } from './components/NetworkPanel';
import { SessionList } from './components/SessionList';
import { SessionPanel } from './components/SessionPanel';
import { StatusBar } from './components/StatusBar';
import { TrafficLog } from './components/TrafficLog';
import { activeSession } from './state/sessions-reducer';

export function App() {
  const networkOpen = useNetwork((s) => s.panelOpen);
  const activeId = useSessions((s) => s.activeId);
  const server = useSessions((s) => {
    const session = activeSession(s);
    return (session.engineId ? session.protocol : session.settings.protocol) === 'tcp-server';
  });
  return (
    <div className="app">
      <EngineBanner />
      <div className="workspace">
        <div className="rail">
          <header className="brand">
            <span className="brand-mark" aria-hidden="true" />
            SocketBench
          </header>
          <SessionList />
        </div>
        <aside className="sidebar">
          <SessionPanel />
          <Composer />
        </aside>
        <main className="main">
          {networkOpen && <NetworkPanel />}
          {server && <ClientList />}
          {/* One log view per session: its scroll position and row measurements are its own. */}
          <TrafficLog key={activeId} />
        </main>
      </div>
      <StatusBar />
    </div>
  );
}
