// Under the log: bytes of a frame not complete yet (framing waits for its end), per the engine's
// `pending` events, so a reply that seems missing is seen to be arriving.
import { formatCount } from '../format';
import { useT } from '../i18n';

export function PendingLine({ pending }: { pending: Readonly<Record<string, number>> }) {
  const { t, tn } = useT();
  const peers = Object.keys(pending);
  if (peers.length === 0) return null;
  const total = peers.reduce((sum, peer) => sum + (pending[peer] ?? 0), 0);
  const from =
    peers.length === 1
      ? t('log.pending.fromPeer', { peer: peers[0] as string })
      : t('log.pending.fromPeers', { count: formatCount(peers.length) });
  return (
    <p className="pending-line" aria-live="polite">
      {tn('log.pending', total, { from })}
    </p>
  );
}
