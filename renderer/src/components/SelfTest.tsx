// A listening server's self-test: connect to it through each of this PC's addresses, so a firewall
// that blocks boards (but not loopback) shows up as such, address by address.
import { useEffect, useRef, useState } from 'react';
import type { SelfTestResult } from '../../../shared/contract/model';
import { useServices } from '../app-context';
import { useT } from '../i18n';
import { faultText } from '../state/phrase';
import { toErrorInfo } from '../state/session-actions';

const ms = (n: number): string => (n < 10 ? n.toFixed(1) : String(Math.round(n)));

export function SelfTest({ engineId }: { engineId: string }) {
  const { bridge } = useServices();
  const [results, setResults] = useState<SelfTestResult[]>();
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string>();
  const list = useRef<HTMLUListElement>(null);
  const { t } = useT();

  // The results sit at the panel's foot: bring them into view when they arrive.
  useEffect(() => {
    if (results) list.current?.scrollIntoView({ block: 'nearest' });
  }, [results]);

  const run = async () => {
    setRunning(true);
    setFailure(undefined);
    try {
      setResults(await bridge.api.selfTest({ id: engineId }));
    } catch (error) {
      setFailure(toErrorInfo(error).message);
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="self-test">
      <div className="actions">
        <button type="button" className="btn small" disabled={running} onClick={() => void run()}>
          {t('network.selfTest')}
        </button>
        <span className="muted">{running ? t('network.selfTestRunning') : t('network.selfTestAbout')}</span>
      </div>
      {failure && (
        <p className="reason reason-fault" role="alert">
          {failure}
        </p>
      )}
      {results && (
        <ul ref={list} className="self-test-results" aria-label={t('network.selfTestResults')}>
          {results.map((r) => (
            <li key={r.address} className={r.ok ? 'ok' : 'failed'}>
              <span className="mono">{r.address}</span>{' '}
              {r.ok ? (
                <span className="tone-ok">
                  {r.ms === undefined ? t('network.selfTestOk') : t('network.selfTestOkMs', { ms: ms(r.ms) })}
                </span>
              ) : (
                <span className="tone-error">
                  {r.error ? faultText(r.error) : t('network.selfTestFailed')}
                </span>
              )}
            </li>
          ))}
          {results.length === 0 && <li className="muted">{t('network.selfTestNone')}</li>}
        </ul>
      )}
    </div>
  );
}
