// The session's state in words (role status), with our address and the board's once connected.
import type { UiSession } from '../state/sessions-reducer';

function describe(session: UiSession): { label: string; detail?: string } {
  if (session.opening || session.state === 'connecting') {
    return { label: 'Connecting…', detail: session.target ? `to ${session.target}` : undefined };
  }
  switch (session.state) {
    case 'connected':
      return {
        label: 'Connected',
        detail: session.local && session.remote ? `${session.local} → ${session.remote}` : session.remote,
      };
    case 'error':
      return { label: `Error: ${session.error?.message ?? 'the connection failed.'}` };
    default:
      return { label: 'Disconnected', detail: session.error?.message };
  }
}

export function SessionState({ session }: { session: UiSession }) {
  const tone = session.opening ? 'connecting' : session.state;
  const { label, detail } = describe(session);
  return (
    <div className={`session-state state-${tone}`} role="status">
      <span className="state-dot" aria-hidden="true" />
      <span className="state-text">
        <span className="state-label">{label}</span>
        {detail && <span className="state-detail">{detail}</span>}
      </span>
    </div>
  );
}
