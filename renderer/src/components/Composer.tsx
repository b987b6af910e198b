// The message box: where it goes, what to send, how to encode it, a live byte preview (or the exact
// fault), and Send / Ctrl+Enter. The preview runs the same encoder as the engine, so its count is what goes out.
import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { formatHex } from '../../../shared/codec/hex';
import { encodePayload } from '../../../shared/codec/payload';
import { LINE_ENDINGS, type LineEnding, type Payload } from '../../../shared/contract/model';
import { usePrefs, useServices, useSessions } from '../app-context';
import { pluralBytes } from '../format';
import { ENCODE_AS, type EncodeAs } from '../state/prefs-store';
import { sendPlan } from '../state/send-target';
import { toErrorInfo } from '../state/session-actions';
import { activeSession } from '../state/sessions-reducer';
import { useLinkStatus } from '../useLinkStatus';
import { SendTargetFields } from './SendTargetFields';

const PREVIEW_BYTES = 32;
const SHORTCUT = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘+Enter' : 'Ctrl+Enter';
const ENCODE_LABELS: Record<EncodeAs, string> = { ascii: 'ASCII', 'utf-8': 'UTF-8', hex: 'Hex' };
const ENDING_LABELS: Record<LineEnding, string> = { none: 'None', cr: 'CR', lf: 'LF', crlf: 'CRLF' };
const PLACEHOLDER: Record<EncodeAs, string> = {
  ascii: 'hello\\r\\n',
  'utf-8': 'hello\\r\\n',
  hex: '31 32 33  or  0x31,0x32  or  313233',
};

export function Composer() {
  const { prefs, actions } = useServices();
  const session = useSessions(activeSession);
  const encodeAs = usePrefs((p) => p.encodeAs);
  const lineEnding = usePrefs((p) => p.lineEnding);
  const escapes = usePrefs((p) => p.escapes);
  const [text, setText] = useState('');
  // An engine refusal is about what was sent: once the message or its encoding changes it no longer applies.
  const [refusal, setRefusal] = useState<{ payload: Payload; message: string }>();
  const ids = { preview: useId(), hint: useId(), message: useId(), encodeAs: useId(), lineEnding: useId() };

  const payload = useMemo<Payload>(
    () => (encodeAs === 'hex' ? { hex: text } : { text, encoding: encodeAs, escapes, lineEnding }),
    [text, encodeAs, escapes, lineEnding],
  );
  const encoded = useMemo(() => encodePayload(payload), [payload]);
  const sendError = refusal?.payload === payload ? refusal.message : undefined;

  const linkUp = useLinkStatus() === 'open';
  const plan = sendPlan(session);
  const empty = encoded.ok && encoded.bytes.length === 0;
  const canSend = linkUp && plan.ok && encoded.ok && !empty;
  const hint = !linkUp
    ? 'Waiting for the engine connection.'
    : !plan.ok
      ? plan.reason
      : empty
        ? 'Type a message to send.'
        : undefined;
  const hintTone = !plan.ok && plan.fault ? 'fault' : 'hint';

  const send = () => {
    if (!canSend) return;
    setRefusal(undefined);
    actions
      .send(session.id, payload, plan.to)
      .catch((error: unknown) => setRefusal({ payload, message: toErrorInfo(error).message }));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      send();
    }
  };

  return (
    <section className="panel composer" aria-labelledby={`${ids.preview}-title`}>
      <h2 id={`${ids.preview}-title`} className="panel-title">
        Send
      </h2>
      <SendTargetFields session={session} />
      <div className="field">
        <label className="field-label" htmlFor={ids.message}>
          Message
        </label>
        <textarea
          id={ids.message}
          className="mono"
          value={text}
          rows={4}
          spellCheck={false}
          placeholder={PLACEHOLDER[encodeAs]}
          aria-invalid={!encoded.ok || undefined}
          aria-describedby={ids.preview}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <div className="preview" id={ids.preview}>
        {encoded.ok ? (
          encoded.bytes.length > 0 && (
            <span>
              {pluralBytes(encoded.bytes.length)}:{' '}
              <span className="mono">
                {formatHex(encoded.bytes.subarray(0, PREVIEW_BYTES))}
                {encoded.bytes.length > PREVIEW_BYTES ? ' …' : ''}
              </span>
            </span>
          )
        ) : (
          <span className="fault" role="alert">
            {encoded.error.message}
          </span>
        )}
      </div>
      <div className="field-row">
        <div className="field grow">
          <label className="field-label" htmlFor={ids.encodeAs}>
            Encode as
          </label>
          <select
            id={ids.encodeAs}
            value={encodeAs}
            onChange={(e) => prefs.setState({ encodeAs: e.target.value as EncodeAs })}
          >
            {ENCODE_AS.map((v) => (
              <option key={v} value={v}>
                {ENCODE_LABELS[v]}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label className="field-label" htmlFor={ids.lineEnding}>
            Line ending
          </label>
          <select
            id={ids.lineEnding}
            value={encodeAs === 'hex' ? 'none' : lineEnding}
            disabled={encodeAs === 'hex'}
            title={encodeAs === 'hex' ? 'Hex sends exactly the bytes typed' : undefined}
            onChange={(e) => prefs.setState({ lineEnding: e.target.value as LineEnding })}
          >
            {LINE_ENDINGS.map((v) => (
              <option key={v} value={v}>
                {ENDING_LABELS[v]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {encodeAs !== 'hex' && (
        <label className="check">
          <input
            type="checkbox"
            checked={escapes}
            onChange={(e) => prefs.setState({ escapes: e.target.checked })}
          />
          <span>
            Escapes <span className="mono muted">\r \n \t \0 \xNN \\</span>
          </span>
        </label>
      )}
      <div className="actions">
        <button
          type="button"
          className="btn primary"
          disabled={!canSend}
          aria-describedby={hint ? ids.hint : undefined}
          onClick={send}
        >
          Send
        </button>
        <span className="shortcut muted" aria-hidden="true">
          {SHORTCUT}
        </span>
        {hint && (
          <p id={ids.hint} className={`reason reason-${hintTone}`}>
            {hint}
          </p>
        )}
      </div>
      {sendError && (
        <p className="reason reason-fault" role="alert">
          {sendError}
        </p>
      )}
    </section>
  );
}
