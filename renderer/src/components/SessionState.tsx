// The session's state in words (role status): Connected / Listening / Open with the addresses, a
// server's "Waiting for a board to connect…", or the error sentence.

import type { UiSession } from '../state/sessions-reducer';
import { describeSession } from '../state/state-words';

export function SessionState({ session }: { session: UiSession }) {
  const { label, detail, note, tone } = describeSession(session);
  return (
    <div className={`session-state state-${tone}`} role="status">
      <span className="state-dot" aria-hidden="true" />
      <span className="state-text">
        <span className="state-label">{label}</span>
        {detail && <span className="state-detail">{detail}</span>}
        {note && <span className="state-note">{note}</span>}
      </span>
    </div>
  );
}
