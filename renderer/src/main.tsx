// Entry point: reads the settings (handing over what an older version kept in this window), builds
// the services once from them, then renders the app inside the window's error boundary (each
// region of the app has its own as well).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppContext } from './app-context';
import { createBridge } from './bridge';
import { ErrorBoundary, installFaultHook } from './components/ErrorBoundary';
import { RecentLists } from './components/RecentLists';
import { SettingsNotice } from './components/SettingsNotice';
import { createServices } from './services';
import { loadStartupSettings } from './state/settings-startup';
import './styles.css';
import './settings.css';

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();

async function start(): Promise<void> {
  const bridge = createBridge(window);
  const startup = await loadStartupSettings(bridge, storage);
  const services = createServices(bridge, startup);
  // A save still waiting would be lost with the page; the link carries it before the page goes.
  window.addEventListener('pagehide', () => services.settingsSync.flush());
  // Inert unless a test sets window.__socketbenchFault (see ErrorBoundary.tsx).
  installFaultHook(window);

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <AppContext.Provider value={services}>
          <App />
          <SettingsNotice />
          <RecentLists />
        </AppContext.Provider>
      </ErrorBoundary>
    </StrictMode>,
  );
}

void start();
