// The message box: where it goes, what to send, how to encode it, a live byte preview (or the exact
// fault), Send / Ctrl+Enter and the history keys; under it the sending tools that use the same
// message. The preview runs the same encoder as the engine, so its count is what goes out.
import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { defaultMacroContext } from '../../../shared/codec/macros';
import { encodePayload } from '../../../shared/codec/payload';
import type { Payload } from '../../../shared/contract/model';
import { usePrefs, useServices, useSessions } from '../app-context';
import { useT } from '../i18n';
import { payloadOf, usesMacros } from '../state/compose';
import type { EncodeAs } from '../state/prefs-store';
import { sendPlan } from '../state/send-target';
import { toErrorInfo } from '../state/session-actions';
import { activeSession } from '../state/sessions-reducer';
import { useLinkStatus } from '../useLinkStatus';
import { SEND_BUTTON_ID } from '../useShortcuts';
import { BytePreview } from './BytePreview';
import { PayloadOptions } from './PayloadOptions';
import { SendTargetFields } from './SendTargetFields';
import { SendTools } from './SendTools';
import { useMessageHistory } from './useMessageHistory';

const SHORTCUT = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘+Enter' : 'Ctrl+Enter';
const TEXT_PLACEHOLDER = 'hello\\r\\n';
const PLACEHOLDER: Partial<Record<EncodeAs, string>> = {
  gbk: '你好\\r\\n',
  gb18030: '你好\\r\\n',
  base64: 'aGVsbG8NCg==',
};

export function Composer() {
  const { t } = useT();
  const { actions } = useServices();
  const session = useSessions(activeSession);
  const encodeAs = usePrefs((p) => p.encodeAs);
  const lineEnding = usePrefs((p) => p.lineEnding);
  const escapes = usePrefs((p) => p.escapes);
  const macros = usePrefs((p) => p.macros);
  const checksum = usePrefs((p) => p.checksum);
  const checksumOrder = usePrefs((p) => p.checksumOrder);
  const [text, setText] = useState('');
  // An engine refusal is about what was sent: once the message or its encoding changes it no longer applies.
  const [refusal, setRefusal] = useState<{ payload: Payload; message: string }>();
  const ids = { preview: useId(), hint: useId(), message: useId() };
  const history = useMessageHistory(text, setText);

  const options = { encodeAs, lineEnding, escapes, macros, checksum, checksumOrder };
  const payload = useMemo<Payload>(
    () => payloadOf(text, { encodeAs, lineEnding, escapes, macros, checksum, checksumOrder }),
    [text, encodeAs, escapes, lineEnding, macros, checksum, checksumOrder],
  );
  // Macros preview with sample values (the engine's counter starts at 1); it expands them when sending.
  const encoded = useMemo(() => encodePayload(payload, { ...defaultMacroContext(), counter: 1 }), [payload]);
  const sendError = refusal?.payload === payload ? refusal.message : undefined;

  const linkUp = useLinkStatus() === 'open';
  const plan = sendPlan(session);
  const empty = encoded.ok && encoded.bytes.length === 0;
  const canSend = linkUp && plan.ok && encoded.ok && !empty;
  const hint = !linkUp
    ? t('compose.waitingForEngine')
    : !plan.ok
      ? plan.reason
      : empty
        ? t('compose.typeMessage')
        : undefined;
  const hintTone = !plan.ok && plan.fault ? 'fault' : 'hint';

  const send = () => {
    if (!canSend) return;
    setRefusal(undefined);
    history.remember(text, encodeAs);
    actions
      .send(session.id, payload, plan.to)
      .catch((error: unknown) => setRefusal({ payload, message: toErrorInfo(error).message }));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      send();
      return;
    }
    history.onKeyDown(e);
  };

  return (
    <section className="panel composer" aria-labelledby={`${ids.preview}-title`}>
      <h2 id={`${ids.preview}-title`} className="panel-title">
        {t('compose.title')}
      </h2>
      <SendTargetFields session={session} />
      <div className="field">
        <label className="field-label" htmlFor={ids.message}>
          {t('compose.message')}
        </label>
        <textarea
          id={ids.message}
          className="mono"
          value={text}
          rows={4}
          spellCheck={false}
          placeholder={
            encodeAs === 'hex' ? t('compose.hexPlaceholder') : (PLACEHOLDER[encodeAs] ?? TEXT_PLACEHOLDER)
          }
          aria-invalid={!encoded.ok || undefined}
          aria-describedby={ids.preview}
          aria-keyshortcuts={history.count > 0 ? 'ArrowUp ArrowDown' : undefined}
          onChange={(e) => {
            history.edited();
            setText(e.target.value);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <BytePreview id={ids.preview} encoded={encoded} payload={payload} macros={usesMacros(text, options)} />
      <PayloadOptions />
      <div className="actions">
        <button
          type="button"
          id={SEND_BUTTON_ID}
          className="btn primary"
          disabled={!canSend}
          aria-describedby={hint ? ids.hint : undefined}
          onClick={send}
        >
          {t('compose.send')}
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
      <SendTools
        session={session}
        payload={payload}
        ready={linkUp && plan.ok ? plan : undefined}
        why={!linkUp ? t('compose.waitingForEngine') : plan.ok ? undefined : plan.reason}
        messageWhy={
          empty ? t('compose.typeMessageToSend') : encoded.ok ? undefined : t('compose.fixMessageFirst')
        }
        text={text}
      />
    </section>
  );
}
