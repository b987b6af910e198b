// Which class runs which protocol, and the names sessions get by default. Plain Node.
import type { SessionConfig } from '../../shared/contract/model';
import { splitEndpoint } from '../../shared/net/ip';
import { formatEndpoint } from './error-messages';
import { bareHost } from './resolve';
import type { EngineSession, SessionDeps, SessionStatus } from './session';
import { TcpClientSession } from './tcp-client';
import { TcpServerSession } from './tcp-server';
import { UdpSession } from './udp';

/** The one place that knows which class runs which protocol. */
export function createSession(config: SessionConfig, deps: SessionDeps): EngineSession {
  switch (config.protocol) {
    case 'tcp-client':
      return new TcpClientSession({ ...deps, config });
    case 'tcp-server':
      return new TcpServerSession({ ...deps, config });
    case 'udp':
      return new UdpSession({ ...deps, config });
  }
}

/** "192.168.1.123:8087" for a client; "Server :8087" and "UDP :5000" with the bound port (port 0 too). */
export function defaultName(config: SessionConfig, status: SessionStatus): string {
  if (config.protocol === 'tcp-client') return formatEndpoint(bareHost(config.host), config.port);
  const bound = status.local ? splitEndpoint(status.local)?.port : undefined;
  if (config.protocol === 'tcp-server') return `Server :${config.port || bound || 0}`;
  return `UDP :${config.localPort || bound || 0}`;
}
