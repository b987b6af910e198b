// The window: session setup and the composer on the left, the traffic log taking the rest, the
// counters along the bottom.
import { Composer } from './components/Composer';
import { EngineBanner } from './components/EngineBanner';
import { SessionPanel } from './components/SessionPanel';
import { StatusBar } from './components/StatusBar';
import { TrafficLog } from './components/TrafficLog';

export function App() {
  return (
    <div className="app">
      <EngineBanner />
      <div className="workspace">
        <aside className="sidebar">
          <header className="brand">
            <span className="brand-mark" aria-hidden="true" />
            SocketBench
          </header>
          <SessionPanel />
          <Composer />
        </aside>
        <main className="main">
          <TrafficLog />
        </main>
      </div>
      <StatusBar />
    </div>
  );
}
