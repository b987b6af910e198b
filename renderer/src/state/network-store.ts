// This PC's interface addresses as the engine lists them (for Local address and the "Which IP?"
// panel), fetched on first need and on Refresh; and whether that panel is open.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SessionApi } from '../../../shared/contract/api';
import type { InterfaceAddress } from '../../../shared/contract/model';
import { toErrorInfo } from './session-actions';

export interface NetworkState {
  interfaces?: InterfaceAddress[];
  loading: boolean;
  /** Why the last listing failed. */
  error?: string;
  panelOpen: boolean;
}

export interface NetworkStore extends StoreApi<NetworkState> {
  /** Lists again, unless a listing is already under way. */
  refresh(): Promise<void>;
  /** Lists unless a list is in (a failed listing is retried), or on its way. */
  ensure(): void;
  setPanelOpen(open: boolean): void;
}

export function createNetworkStore(api: Pick<SessionApi, 'listInterfaces'>): NetworkStore {
  const store = createStore<NetworkState>()(() => ({ loading: false, panelOpen: false }));
  let inFlight: Promise<void> | undefined;

  const refresh = (): Promise<void> => {
    inFlight ??= (async () => {
      store.setState({ loading: true });
      try {
        const interfaces = await api.listInterfaces({});
        store.setState({ interfaces, loading: false, error: undefined });
      } catch (error) {
        store.setState({ loading: false, error: toErrorInfo(error).message });
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };

  return {
    ...store,
    refresh,
    ensure: () => {
      if (!store.getState().interfaces) void refresh();
    },
    setPanelOpen: (panelOpen) => store.setState({ panelOpen }),
  };
}
