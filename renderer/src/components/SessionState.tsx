// The session's state in words (role status): Connected / Listening / Open with the addresses, a
// server's "Waiting for a board to connect…", a client's reconnect countdown, or the error sentence.
import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import type { SessionSetup } from '../state/session-setup';
import { describeSession } from '../state/state-words';

/** Re-renders every half second while `on`, so a countdown in seconds never skips a number. */
function useTick(on: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!on) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [on]);
  return on ? now : Date.now();
}

export function SessionState({ session }: { session: SessionSetup }) {
  const now = useTick(session.state === 'reconnecting');
  useT(); // describeSession speaks the window's language: a switch redraws it.
  const { label, detail, note, tone } = describeSession(session, now);
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
