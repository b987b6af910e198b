// The desktop app's transport: requests and event batches through the preload's window.socketbench,
// which already wraps every answer in a Result and acknowledges each batch after our listeners ran.
import type { PreloadApi } from '../../../shared/rpc/transport';
import type { LinkTransport } from './link';

export function createIpcTransport(preload: PreloadApi): LinkTransport {
  const unsubscribes = new Set<() => void>();
  return {
    request: (method, arg) => preload[method](arg),
    onEvents(listener) {
      const unsubscribe = preload.onEvents(listener);
      unsubscribes.add(unsubscribe);
      return () => {
        unsubscribes.delete(unsubscribe);
        unsubscribe();
      };
    },
    // IPC to our own main process cannot drop without the window going with it.
    status: () => 'open',
    onStatus: () => () => {},
    dispose() {
      for (const unsubscribe of unsubscribes) unsubscribe();
      unsubscribes.clear();
    },
  };
}
