// Catches a render failure anywhere below it and says what failed, with a way back in.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
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
    console.error('SocketBench: the window failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="crash" role="alert">
        <h1>Something in this window failed</h1>
        <p>
          The connections in the engine are not affected. Try again to redraw the window; if it fails again,
          reload it.
        </p>
        <pre className="crash-detail">{error.stack ?? `${error.name}: ${error.message}`}</pre>
        <button type="button" className="btn primary" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </div>
    );
  }
}
