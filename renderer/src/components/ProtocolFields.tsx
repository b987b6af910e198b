// The part of the session form that depends on Protocol: a client's board address, a server's listen
// address, a UDP socket's bind address, each with its Options.
import { AddressSelect, CheckField, Options, TextField } from './FormFields';
import type { SettingsForm } from './useSettingsForm';

function ClientFields({ form }: { form: SettingsForm }) {
  return (
    <>
      <div className="field-row">
        <TextField form={form} name="host" label="Host" size="grow" placeholder="192.168.1.123" />
        <TextField form={form} name="port" label="Port" size="port" numeric placeholder="8087" />
      </div>
      <Options form={form}>
        <div className="field-row">
          <AddressSelect form={form} name="localAddress" label="Local address" empty="Automatic" />
          <TextField form={form} name="localPort" label="Local port" size="port" numeric placeholder="any" />
        </div>
        <div className="field-row">
          <TextField
            form={form}
            name="connectTimeoutMs"
            label="Connect timeout (ms)"
            size="grow"
            numeric
            placeholder="5000"
          />
          <TextField
            form={form}
            name="keepAliveS"
            label="Keepalive (s)"
            size="grow"
            numeric
            placeholder="off"
          />
        </div>
        <CheckField
          form={form}
          name="noDelay"
          label="No delay (TCP_NODELAY)"
          hint="small messages go out at once"
        />
        <CheckField
          form={form}
          name="reconnect"
          label="Reconnect automatically"
          hint="when the board drops or reboots"
        />
        {form.session.settings.reconnect && (
          <div className="field-row">
            <TextField
              form={form}
              name="reconnectFirstMs"
              label="First retry (ms)"
              size="grow"
              numeric
              placeholder="500"
            />
            <TextField
              form={form}
              name="reconnectMaxMs"
              label="Max retry (ms)"
              size="grow"
              numeric
              placeholder="10000"
            />
            <TextField
              form={form}
              name="reconnectMaxTries"
              label="Max tries"
              size="grow"
              numeric
              placeholder="0 = forever"
            />
          </div>
        )}
      </Options>
    </>
  );
}

function ServerFields({ form }: { form: SettingsForm }) {
  return (
    <div className="field-row">
      <AddressSelect form={form} name="serverAddress" label="Local address" empty="All interfaces" />
      <TextField form={form} name="serverPort" label="Port" size="port" numeric placeholder="8888" />
    </div>
  );
}

function UdpFields({ form }: { form: SettingsForm }) {
  return (
    <>
      <div className="field-row">
        <AddressSelect form={form} name="udpAddress" label="Local address" empty="All interfaces" />
        <TextField form={form} name="udpPort" label="Local port" size="port" numeric placeholder="0 = any" />
      </div>
      <Options form={form}>
        <CheckField
          form={form}
          name="broadcast"
          label="Broadcast"
          hint="to send to 255.255.255.255 or a subnet's broadcast address"
        />
        <fieldset className="group">
          <legend className="field-label">Multicast</legend>
          <div className="field-row">
            <TextField form={form} name="multicastGroup" label="Group" size="grow" placeholder="239.1.2.3" />
            <TextField form={form} name="multicastTtl" label="TTL" size="port" numeric placeholder="1" />
          </div>
          <AddressSelect form={form} name="multicastInterface" label="Interface" empty="System default" />
          <CheckField
            form={form}
            name="multicastLoopback"
            label="Loopback"
            hint="receive our own datagrams"
          />
        </fieldset>
        <TextField
          form={form}
          name="receiveBufferBytes"
          label="Receive buffer (bytes)"
          numeric
          placeholder="system default"
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
