// The engine link's status as React state.
import { useSyncExternalStore } from 'react';
import { useServices } from './app-context';
import type { LinkStatus } from './bridge';

export function useLinkStatus(): LinkStatus {
  const { bridge } = useServices();
  return useSyncExternalStore(bridge.onStatus, bridge.status);
}
