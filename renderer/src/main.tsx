// Entry point: builds the services once, then renders the app inside its error boundary.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppContext } from './app-context';
import { createBridge } from './bridge';
import { ErrorBoundary } from './components/ErrorBoundary';
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
