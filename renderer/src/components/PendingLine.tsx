// Under the log: bytes of a frame not complete yet (framing waits for its end), per the engine's
// `pending` events, so a reply that seems missing is seen to be arriving.
import { formatCount } from '../format';

export function PendingLine({ pending }: { pending: Readonly<Record<string, number>> }) {
  const peers = Object.keys(pending);
  if (peers.length === 0) return null;
  const total = peers.reduce((sum, peer) => sum + (pending[peer] ?? 0), 0);
  const from = peers.length === 1 ? `from ${peers[0]}` : `from ${peers.length} peers`;
  return (
    <p className="pending-line" aria-live="polite">
      {formatCount(total)} {total === 1 ? 'byte' : 'bytes'} pending {from}: a frame not complete yet
    </p>
  );
}
