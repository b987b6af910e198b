// The app's one way to the engine: picks the desktop preload or browser mode's WebSocket, and hands
// out the ApiClient plus the link's status. Nothing outside this folder knows which one it got.

import type { MessageKey } from '../../../shared/i18n/catalog';
import { type ApiClient, createApiClient } from '../../../shared/rpc/client';
import { PRELOAD_GLOBAL, type PreloadApi } from '../../../shared/rpc/transport';
import { createIpcTransport } from './ipc-transport';
import type { LinkStatus, LinkTransport } from './link';
import { createWsTransport } from './ws-transport';

export type { LinkStatus } from './link';

export interface Bridge {
  readonly api: ApiClient;
  readonly mode: 'desktop' | 'browser';
  status(): LinkStatus;
  onStatus(listener: (status: LinkStatus) => void): () => void;
  /** Set when the engine cannot be reached at all, e.g. a browser-mode URL without its token. */
  readonly problem?: MessageKey;
  dispose(): void;
}

export function createBridge(win: Window = window): Bridge {
  const preload = (win as unknown as Record<string, PreloadApi | undefined>)[PRELOAD_GLOBAL];
  if (preload) return fromTransport(createIpcTransport(preload), 'desktop');

  const token = new URLSearchParams(win.location.search).get('token');
  const scheme = win.location.protocol === 'https:' ? 'wss' : 'ws';
  const transport = createWsTransport(
    `${scheme}://${win.location.host}/rpc?token=${encodeURIComponent(token ?? '')}`,
  );
  return fromTransport(transport, 'browser', token ? undefined : 'status.noToken');
}

function fromTransport(transport: LinkTransport, mode: Bridge['mode'], problem?: MessageKey): Bridge {
  return {
    api: createApiClient(transport),
    mode,
    status: () => transport.status(),
    onStatus: (listener) => transport.onStatus(listener),
    problem,
    dispose: () => transport.dispose(),
  };
}
