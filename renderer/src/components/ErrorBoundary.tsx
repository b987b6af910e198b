// Catches a render failure and says what failed, with a way back in: one boundary per region of the
// window, so a crash in one (the log, say) leaves the others working, and one around the whole window.
import { Component, type ErrorInfo, type ReactNode, useId, useSyncExternalStore } from 'react';

/** The regions of the window, as the user would name them in a sentence. */
export const REGIONS = {
  banner: 'The engine banner',
  sessions: 'The session list',
  session: 'The session panel',
  composer: 'The composer',
  network: 'The network panel',
  clients: 'The client list',
  cases: 'The test cases panel',
  log: 'The traffic log',
  status: 'The status bar',
} as const;
export type Region = keyof typeof REGIONS;

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
    const where = this.props.region ? REGIONS[this.props.region].toLowerCase() : 'the window';
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
    if (region) return <RegionFailed name={REGIONS[region]} error={error} onRetry={this.retry} />;
    return (
      <div className="crash" role="alert" aria-labelledby="crash-title">
        <h1 id="crash-title">Something in this window failed</h1>
        <p>
          The connections in the engine are not affected. Try again to redraw the window; if it fails again,
          reload it.
        </p>
        <pre className="crash-detail">{error.stack ?? `${error.name}: ${error.message}`}</pre>
        <Actions onRetry={this.retry} />
      </div>
    );
  }
}

function Actions({ onRetry }: { onRetry: () => void }) {
  return (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 12 }}>
      <button type="button" className="btn primary" onClick={onRetry}>
        Try again
      </button>
      <button type="button" className="btn" onClick={() => window.location.reload()}>
        Reload window
      </button>
    </div>
  );
}

/** In place of one region: what failed and why, while the rest of the window carries on. */
function RegionFailed({ name, error, onRetry }: { name: string; error: Error; onRetry: () => void }) {
  const titleId = useId();
  return (
    <section className="panel" role="alert" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
        {name} failed
      </h2>
      <p>
        {error.name}: {error.message}
      </p>
      <p>
        The engine and its connections are not affected, and the rest of the window still works. Try again to
        redraw this part; if it fails again, reload the window.
      </p>
      {error.stack && (
        <details>
          <summary>Details</summary>
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
    throw new Error(
      `Simulated failure in ${region === 'window' ? 'the window' : REGIONS[region].toLowerCase()} (${FAULT_GLOBAL})`,
    );
  }
  return null;
}
