// The sending tools under the message box, as tabs: Presets, Periodic send, Send file, Auto-reply and
// Soak run. One panel shows at a time; a running periodic send or soak run marks its tab, and its
// state lives in the stores, so switching tabs or sessions never stops it.
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import type { Payload } from '../../../shared/contract/model';
import '../automation.css';
import { useT } from '../i18n';
import type { SendPlan } from '../state/send-target';
import type { UiSession } from '../state/sessions-reducer';
import { AutoReplyPanel } from './AutoReplyPanel';
import { FileSendPanel } from './FileSendPanel';
import { PeriodicPanel } from './PeriodicPanel';
import { PresetsPanel } from './PresetsPanel';
import { SoakPanel } from './SoakPanel';

export interface ToolProps {
  session: UiSession;
  /** The message box's payload. */
  payload: Payload;
  /** Where a send goes, when one can go now. */
  ready?: Extract<SendPlan, { ok: true }>;
  /** Why nothing can be sent now (not started, no board connected …). */
  why?: string;
  /** Why the message box's payload cannot go (empty, or a fault in it). */
  messageWhy?: string;
  /** The message as typed. */
  text: string;
}

const TABS = [
  { id: 'presets', label: 'tools.presets' },
  { id: 'periodic', label: 'tools.periodic' },
  { id: 'file', label: 'tools.file' },
  { id: 'auto-reply', label: 'tools.autoReply' },
  { id: 'soak', label: 'tools.soak' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function SendTools(props: ToolProps) {
  const { t } = useT();
  const [tab, setTab] = useState<TabId>('presets');
  const base = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const automation = props.session.automation;
  const running: Partial<Record<TabId, boolean>> = {
    periodic: automation?.periodic?.state === 'running',
    soak: automation?.soak?.state === 'running',
  };

  // Arrow keys move between tabs, as the ARIA tabs pattern has it.
  const onKeyDown = (e: KeyboardEvent) => {
    const at = TABS.findIndex((x) => x.id === tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = (at + step + TABS.length) % TABS.length;
    setTab((TABS[next] as (typeof TABS)[number]).id);
    buttons.current[next]?.focus();
  };

  return (
    <div className="send-tools">
      <div className="tabs" role="tablist" aria-label={t('tools.label')} onKeyDown={onKeyDown}>
        {TABS.map((x, i) => (
          <button
            key={x.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-${x.id}-tab`}
            aria-selected={tab === x.id}
            aria-controls={`${base}-${x.id}-panel`}
            tabIndex={tab === x.id ? 0 : -1}
            className={tab === x.id ? 'tab on' : 'tab'}
            onClick={() => setTab(x.id)}
          >
            {t(x.label)}
            {running[x.id] && <span className="tab-running" title={t('tools.running')} aria-hidden="true" />}
          </button>
        ))}
      </div>
      <div
        className="tab-panel"
        role="tabpanel"
        id={`${base}-${tab}-panel`}
        aria-labelledby={`${base}-${tab}-tab`}
      >
        {tab === 'presets' && <PresetsPanel {...props} />}
        {tab === 'periodic' && <PeriodicPanel {...props} />}
        {tab === 'file' && <FileSendPanel {...props} />}
        {tab === 'auto-reply' && <AutoReplyPanel session={props.session} />}
        {tab === 'soak' && <SoakPanel {...props} />}
      </div>
    </div>
  );
}
