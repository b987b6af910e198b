// The session form's building blocks: a labelled text field, a checkbox, the Options disclosure
// (opened by itself when it hides the fault) and the select of this PC's addresses.
import { type InputHTMLAttributes, type ReactNode, useEffect, useState } from 'react';
import type { InterfaceAddress } from '../../../shared/contract/model';
import { isLinkLocalIPv6 } from '../../../shared/net/ip';
import { useNetwork } from '../app-context';
import { type Translator, useT } from '../i18n';
import type { FlagSetting, TextSetting } from '../state/settings';
import { OPTION_FIELDS } from '../state/validation';
import type { SettingsForm } from './useSettingsForm';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'form' | 'name' | 'size'> {
  form: SettingsForm;
  name: TextSetting;
  label: string;
  /** 'port' keeps the field narrow. */
  size?: 'grow' | 'port' | 'full';
  numeric?: boolean;
}

export function TextField({ form, name, label, size = 'full', numeric, ...rest }: TextFieldProps) {
  return (
    <div className={size === 'full' ? 'field' : `field ${size}`}>
      <label className="field-label" htmlFor={form.idOf(name)}>
        {label}
      </label>
      <input
        {...form.text(name)}
        type="text"
        inputMode={numeric ? 'numeric' : undefined}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        {...rest}
      />
    </div>
  );
}

/** The label is the control's exact name; the hint beside it describes, without joining the name. */
export function CheckField(props: { form: SettingsForm; name: FlagSetting; label: string; hint?: string }) {
  const { form, name } = props;
  const hintId = `${form.idOf(name)}-hint`;
  return (
    <div className="check">
      <input {...form.flag(name)} aria-describedby={props.hint ? hintId : undefined} />
      <label htmlFor={form.idOf(name)}>{props.label}</label>
      {props.hint && (
        <span id={hintId} className="muted check-hint">
          {props.hint}
        </span>
      )}
    </div>
  );
}

/** Options stay folded until used; a fault inside them would otherwise leave the button disabled for no visible reason. */
export function Options({ form, children }: { form: SettingsForm; children: ReactNode }) {
  const settings = form.session.settings;
  const used = OPTION_FIELDS.some((f) => settings[f].trim() !== '');
  const [open, setOpen] = useState(used);
  const { t } = useT();
  const fault = form.first?.field !== undefined && OPTION_FIELDS.includes(form.first.field);
  useEffect(() => {
    if (fault) setOpen(true);
  }, [fault]);
  return (
    <details
      className="options"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{t('session.options')}</summary>
      <div className="options-body">{children}</div>
    </details>
  );
}

const addressLabel = (a: InterfaceAddress, t: Translator['t']): string =>
  t(a.internal ? 'session.addressLoopback' : 'session.address', { address: a.address, name: a.name });

/** A link-local IPv6 address means nothing without its interface: bind to "fe80::1%eth0". */
const bindValue = (a: InterfaceAddress): string =>
  a.family === 'IPv6' && isLinkLocalIPv6(a.address) && !a.address.includes('%')
    ? `${a.address}%${a.name}`
    : a.address;

/** "All interfaces" (or another empty choice) plus this PC's IPv4 and IPv6 addresses. */
export function AddressSelect(props: {
  form: SettingsForm;
  name: TextSetting;
  label: string;
  empty: string;
  families?: 'both' | 'IPv4';
}) {
  const { form, name, label, empty } = props;
  const interfaces = useNetwork((s) => s.interfaces);
  const { t } = useT();
  const value = form.session.settings[name];
  const shown = (interfaces ?? []).filter((a) => props.families !== 'IPv4' || a.family === 'IPv4');
  const known = value === '' || shown.some((a) => bindValue(a) === value);
  const group = (family: 'IPv4' | 'IPv6') => {
    const addresses = shown.filter((a) => a.family === family);
    return addresses.length === 0 ? null : (
      <optgroup label={family}>
        {addresses.map((a) => (
          <option key={`${a.name}-${a.address}`} value={bindValue(a)}>
            {addressLabel(a, t)}
          </option>
        ))}
      </optgroup>
    );
  };
  return (
    <div className="field grow">
      <label className="field-label" htmlFor={form.idOf(name)}>
        {label}
      </label>
      <select {...form.text(name)}>
        <option value="">{empty}</option>
        {group('IPv4')}
        {group('IPv6')}
        {!known && (
          <option value={value}>{interfaces ? t('session.addressGone', { address: value }) : value}</option>
        )}
      </select>
    </div>
  );
}
