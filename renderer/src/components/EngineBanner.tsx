// Says so, at the top of the window, when the engine cannot be reached (browser mode's WebSocket
// dropped, or the page lacks its token). The link retries by itself and the app resyncs after.
import { useEffect, useState } from 'react';
import { useServices } from '../app-context';
import { useT } from '../i18n';
import { useLinkStatus } from '../useLinkStatus';

/** A restarted engine has a new token, so retries with the old page never succeed: say so. */
const LONG_LOSS_MS = 10_000;

export function EngineBanner() {
  const { bridge } = useServices();
  const status = useLinkStatus();
  const [long, setLong] = useState(false);
  const { t } = useT();

  useEffect(() => {
    setLong(false);
    if (status !== 'lost') return;
    const timer = setTimeout(() => setLong(true), LONG_LOSS_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const text =
    (bridge.problem && t(bridge.problem)) ??
    (status === 'lost' ? t(long ? 'status.engineLostLong' : 'status.engineLost') : undefined);
  if (!text) return null;
  return (
    <div className="banner" role="alert">
      {text}
    </div>
  );
}
