// The part of the session form that depends on Protocol: a client's board address, a server's listen
// address, a UDP socket's bind address, each with its Options.
import { useT } from '../i18n';
import { AddressSelect, CheckField, Options, TextField } from './FormFields';
import { RECENT_HOSTS_ID, RECENT_PORTS_ID } from './RecentLists';
import type { SettingsForm } from './useSettingsForm';

function ClientFields({ form }: { form: SettingsForm }) {
  const { t } = useT();
  return (
    <>
      <div className="field-row">
        <TextField
          form={form}
          name="host"
          label={t('session.host')}
          size="grow"
          placeholder="192.168.1.123"
          list={RECENT_HOSTS_ID}
        />
        <TextField
          form={form}
          name="port"
          label={t('session.port')}
          size="port"
          numeric
          placeholder="8087"
          list={RECENT_PORTS_ID}
        />
      </div>
      <Options form={form}>
        <div className="field-row">
          <AddressSelect
            form={form}
            name="localAddress"
            label={t('session.localAddress')}
            empty={t('session.automatic')}
          />
          <TextField
            form={form}
            name="localPort"
            label={t('session.localPort')}
            size="port"
            numeric
            placeholder={t('session.any')}
          />
        </div>
        <div className="field-row">
          <TextField
            form={form}
            name="connectTimeoutMs"
            label={t('session.connectTimeout')}
            size="grow"
            numeric
            placeholder="5000"
          />
          <TextField
            form={form}
            name="keepAliveS"
            label={t('session.keepAlive')}
            size="grow"
            numeric
            placeholder={t('session.off')}
          />
        </div>
        <CheckField form={form} name="noDelay" label={t('session.noDelay')} hint={t('session.noDelayHint')} />
        <CheckField
          form={form}
          name="reconnect"
          label={t('session.reconnect')}
          hint={t('session.reconnectHint')}
        />
        {form.session.settings.reconnect && (
          <div className="field-row">
            <TextField
              form={form}
              name="reconnectFirstMs"
              label={t('session.reconnectFirst')}
              size="grow"
              numeric
              placeholder="500"
            />
            <TextField
              form={form}
              name="reconnectMaxMs"
              label={t('session.reconnectMax')}
              size="grow"
              numeric
              placeholder="10000"
            />
            <TextField
              form={form}
              name="reconnectMaxTries"
              label={t('session.reconnectTries')}
              size="grow"
              numeric
              placeholder={t('session.zeroForever')}
            />
          </div>
        )}
      </Options>
    </>
  );
}

function ServerFields({ form }: { form: SettingsForm }) {
  const { t } = useT();
  return (
    <div className="field-row">
      <AddressSelect
        form={form}
        name="serverAddress"
        label={t('session.localAddress')}
        empty={t('session.allInterfaces')}
      />
      <TextField
        form={form}
        name="serverPort"
        label={t('session.port')}
        size="port"
        numeric
        placeholder="8888"
      />
    </div>
  );
}

function UdpFields({ form }: { form: SettingsForm }) {
  const { t } = useT();
  return (
    <>
      <div className="field-row">
        <AddressSelect
          form={form}
          name="udpAddress"
          label={t('session.localAddress')}
          empty={t('session.allInterfaces')}
        />
        <TextField
          form={form}
          name="udpPort"
          label={t('session.localPort')}
          size="port"
          numeric
          placeholder={t('session.zeroAny')}
        />
      </div>
      <Options form={form}>
        <CheckField
          form={form}
          name="broadcast"
          label={t('session.broadcast')}
          hint={t('session.broadcastHint')}
        />
        <fieldset className="group">
          <legend className="field-label">{t('session.multicast')}</legend>
          <div className="field-row">
            <TextField
              form={form}
              name="multicastGroup"
              label={t('session.multicastGroup')}
              size="grow"
              placeholder="239.1.2.3"
            />
            <TextField
              form={form}
              name="multicastTtl"
              label={t('session.multicastTtl')}
              size="port"
              numeric
              placeholder="1"
            />
          </div>
          <AddressSelect
            form={form}
            name="multicastInterface"
            label={t('session.multicastInterface')}
            empty={t('session.systemDefault')}
          />
          <CheckField
            form={form}
            name="multicastLoopback"
            label={t('session.multicastLoopback')}
            hint={t('session.multicastLoopbackHint')}
          />
        </fieldset>
        <TextField
          form={form}
          name="receiveBufferBytes"
          label={t('session.receiveBuffer')}
          numeric
          placeholder={t('session.systemDefaultLower')}
        />
      </Options>
    </>
  );
}

export function ProtocolFields({ form }: { form: SettingsForm }) {
  switch (form.session.settings.protocol) {
    case 'tcp-client':
      return <ClientFields form={form} />;
    case 'tcp-server':
      return <ServerFields form={form} />;
    case 'udp':
      return <UdpFields form={form} />;
  }
}
