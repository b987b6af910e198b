// The window: the sessions on the left, the active session's setup and composer beside them, and its
// network panel, clients and traffic log taking the rest; the counters along the bottom. Each region
// has its own error boundary, so one that fails to render leaves the others in use.
import { useState } from 'react';
import { useNetwork, useServices, useSessions } from './app-context';
import { ClientList } from './components/ClientList';
import { Composer } from './components/Composer';
import { EngineBanner } from './components/EngineBanner';
import { ErrorBoundary } from './components/ErrorBoundary';
import { NetworkPanel } from './components/NetworkPanel';
import { SavedSessions } from './components/SavedSessions';
import { SessionList } from './components/SessionList';
import { SessionPanel } from './components/SessionPanel';
import { SettingsButton } from './components/SettingsDialog';
import { ShortcutsButton, ShortcutsSheet } from './components/ShortcutsSheet';
import { StatusBar } from './components/StatusBar';
import { TestCasesPanel } from './components/TestCasesPanel';
import { TrafficLog } from './components/TrafficLog';
import { useT } from './i18n';
import { activeSession } from './state/sessions-reducer';
import { createTestCasesStore } from './state/test-cases';
import { useShortcuts } from './useShortcuts';

export function App() {
  const { t } = useT();
  const networkOpen = useNetwork((s) => s.panelOpen);
  const { bridge } = useServices();
  // Made once per window, so the loaded case and its result outlive closing the panel.
  const [testCases] = useState(() => createTestCasesStore(bridge.api));
  const [casesOpen, setCasesOpen] = useState(false);
  const shortcuts = useShortcuts();
  const activeId = useSessions((s) => s.activeId);
  const server = useSessions((s) => {
    const session = activeSession(s);
    return (session.engineId ? session.protocol : session.settings.protocol) === 'tcp-server';
  });
  return (
    <div className="app">
      <ErrorBoundary region="banner">
        <EngineBanner />
      </ErrorBoundary>
      <div className="workspace">
        <div className="rail">
          <header className="brand">
            <span className="brand-mark" aria-hidden="true" />
            {t('app.name')}
          </header>
          <button
            type="button"
            className="btn rail-button"
            aria-pressed={casesOpen}
            onClick={() => setCasesOpen((open) => !open)}
          >
            {t('app.testCases')}
          </button>
          <ShortcutsButton onClick={shortcuts.openSheet} />
          <SettingsButton />
          <ErrorBoundary region="sessions">
            <SessionList />
            <SavedSessions />
          </ErrorBoundary>
        </div>
        <aside className="sidebar">
          <ErrorBoundary region="session" resetKey={activeId}>
            <SessionPanel />
          </ErrorBoundary>
          <ErrorBoundary region="composer" resetKey={activeId}>
            <Composer />
          </ErrorBoundary>
        </aside>
        <main className="main">
          {casesOpen && (
            <ErrorBoundary region="cases">
              <TestCasesPanel store={testCases} onHide={() => setCasesOpen(false)} />
            </ErrorBoundary>
          )}
          {networkOpen && (
            <ErrorBoundary region="network">
              <NetworkPanel />
            </ErrorBoundary>
          )}
          {server && (
            <ErrorBoundary region="clients" resetKey={activeId}>
              <ClientList />
            </ErrorBoundary>
          )}
          <ErrorBoundary region="log" resetKey={activeId}>
            {/* One log view per session: its scroll position and row measurements are its own. */}
            <TrafficLog key={activeId} />
          </ErrorBoundary>
        </main>
      </div>
      <ErrorBoundary region="status">
        <StatusBar />
      </ErrorBoundary>
      <ShortcutsSheet open={shortcuts.sheetOpen} onClose={shortcuts.closeSheet} notice={shortcuts.notice} />
    </div>
  );
}
