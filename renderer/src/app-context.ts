// The services as React context, and the hooks components use to read the stores.
import { createContext, useContext, useState } from 'react';
import { useStore } from 'zustand';
import type { Services } from './services';
import type { LogState } from './state/log-reducer';
import type { LogViewState } from './state/log-view-store';
import type { NetworkState } from './state/network-store';
import type { Prefs } from './state/prefs-store';
import { logOf } from './state/session-logs';
import { type SessionSetup, steadySetupSelector } from './state/session-setup';
import type { SessionsState } from './state/sessions-reducer';

export const AppContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(AppContext);
  if (!services) throw new Error('SocketBench components must be rendered inside AppContext.');
  return services;
}

export const useSessions = <T>(select: (s: SessionsState) => T): T =>
  useStore(useServices().sessions, select);
/** The active session without its traffic figures: no update while only those change. */
export function useSessionSetup(): SessionSetup {
  const [select] = useState(steadySetupSelector);
  return useSessions(select);
}
/** Reads the active session's log. */
export function useLog<T>(select: (s: LogState) => T): T {
  const { log } = useServices();
  const activeId = useSessions((s) => s.activeId);
  return useStore(log, (s) => select(logOf(s, activeId)));
}
export const useLogView = <T>(select: (s: LogViewState) => T): T => useStore(useServices().logView, select);
export const useNetwork = <T>(select: (s: NetworkState) => T): T => useStore(useServices().network, select);
export const usePrefs = <T>(select: (s: Prefs) => T): T => useStore(useServices().prefs, select);
