// Catches a render failure and says what failed, with a way back in: one boundary per region of the
// window, so a crash in one (the log, say) leaves the others working, and one around the whole window.
import { Component, type ErrorInfo, type ReactNode, useId, useSyncExternalStore } from 'react';
import { translate } from '../../../shared/i18n/catalog';
import { type MessageKey, useT } from '../i18n';

/** The regions of the window, as the user would name them in a sentence (catalogue keys). */
export const REGIONS = {
  banner: 'crash.region.banner',
  sessions: 'crash.region.sessions',
  session: 'crash.region.session',
  composer: 'crash.region.composer',
  network: 'crash.region.network',
  clients: 'crash.region.clients',
  cases: 'crash.region.cases',
  log: 'crash.region.log',
  status: 'crash.region.status',
} as const satisfies Record<string, MessageKey>;
export type Region = keyof typeof REGIONS;

/** For the console and the simulated failure: English, whatever the window's language. */
const englishName = (region: Region | 'window'): string =>
  region === 'window' ? 'the window' : translate('en', REGIONS[region]).toLowerCase();

interface Props {
  children: ReactNode;
  /** Which region this boundary guards; without one it guards the whole window. */
  region?: Region;
  /** A failed region tries again by itself when this changes (the user switched to another session). */
  resetKey?: unknown;
}

interface State {
  error?: Error;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    const where = englishName(this.props.region ?? 'window');
    console.error(`SocketBench: ${where} failed to render`, error, info.componentStack);
  }

  override componentDidUpdate(prev: Props): void {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: undefined });
  }

  private readonly retry = () => this.setState({ error: undefined });

  override render(): ReactNode {
    const { error } = this.state;
    const { region, children } = this.props;
    if (!error) {
      return (
        <>
          <FaultProbe region={region ?? 'window'} />
          {children}
        </>
      );
    }
    if (region) return <RegionFailed region={region} error={error} onRetry={this.retry} />;
    return <WindowFailed error={error} onRetry={this.retry} />;
  }
}

function WindowFailed({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useT();
  return (
    <div className="crash" role="alert" aria-labelledby="crash-title">
      <h1 id="crash-title">{t('crash.window')}</h1>
      <p>{t('crash.windowAbout')}</p>
      <pre className="crash-detail">{error.stack ?? `${error.name}: ${error.message}`}</pre>
      <Actions onRetry={onRetry} />
    </div>
  );
}

function Actions({ onRetry }: { onRetry: () => void }) {
  const { t } = useT();
  return (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 12 }}>
      <button type="button" className="btn primary" onClick={onRetry}>
        {t('crash.tryAgain')}
      </button>
      <button type="button" className="btn" onClick={() => window.location.reload()}>
        {t('crash.reload')}
      </button>
    </div>
  );
}

/** In place of one region: what failed and why, while the rest of the window carries on. */
function RegionFailed({ region, error, onRetry }: { region: Region; error: Error; onRetry: () => void }) {
  const titleId = useId();
  const { t } = useT();
  return (
    <section className="panel" role="alert" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
        {t('crash.regionFailed', { region: t(REGIONS[region]) })}
      </h2>
      <p>
        {error.name}: {error.message}
      </p>
      <p>{t('crash.regionAbout')}</p>
      {error.stack && (
        <details>
          <summary>{t('crash.details')}</summary>
          <pre className="crash-detail">{error.stack}</pre>
        </details>
      )}
      <Actions onRetry={onRetry} />
    </section>
  );
}

/*
 * Test hook, inert in normal use. End-to-end tests set `window.__socketbenchFault` to a region's
 * name (or 'window' for the whole window) to make that region throw while it renders, and clear it
 * to let `Try again` recover. Nothing happens while it is unset; it can do nothing that script in
 * the page could not already do.
 */
const FAULT_GLOBAL = '__socketbenchFault';
let fault: unknown;
const faultListeners = new Set<() => void>();

/** Turns `window.__socketbenchFault` into a watched property, keeping a value set before the app loaded. */
export function installFaultHook(win: Window): void {
  const holder = win as unknown as Record<string, unknown>;
  fault = holder[FAULT_GLOBAL];
  Object.defineProperty(win, FAULT_GLOBAL, {
    configurable: true,
    get: () => fault,
    set: (value: unknown) => {
      fault = value;
      for (const listener of [...faultListeners]) listener();
    },
  });
}

const subscribeFault = (listener: () => void) => {
  faultListeners.add(listener);
  return () => faultListeners.delete(listener);
};

function FaultProbe({ region }: { region: Region | 'window' }) {
  const current = useSyncExternalStore(subscribeFault, () => fault);
  if (current === region) {
    throw new Error(`Simulated failure in ${englishName(region)} (${FAULT_GLOBAL})`);
  }
  return null;
}
