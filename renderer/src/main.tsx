// Entry point: builds the services once, then renders the app inside the window's error boundary
// (each region of the app has its own as well).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppContext } from './app-context';
import { createBridge } from './bridge';
import { ErrorBoundary, installFaultHook } from './components/ErrorBoundary';
import { createServices } from './services';
import './styles.css';

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();

const services = createServices(createBridge(window), storage);
// Inert unless a test sets window.__socketbenchFault (see ErrorBoundary.tsx).
installFaultHook(window);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <AppContext.Provider value={services}>
        <App />
      </AppContext.Provider>
    </ErrorBoundary>
  </StrictMode>,
);
