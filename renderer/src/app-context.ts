// The services as React context, and the hooks components use to read the stores.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Services } from './services';
import type { LogState } from './state/log-reducer';
import type { Prefs } from './state/prefs-store';
import type { SessionsState } from './state/sessions-reducer';

export const AppContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(AppContext);
  if (!services) throw new Error('SocketBench components must be rendered inside AppContext.');
  return services;
}

export const useSessions = <T>(select: (s: SessionsState) => T): T =>
  useStore(useServices().sessions, select);
export const useLog = <T>(select: (s: LogState) => T): T => useStore(useServices().log, select);
export const usePrefs = <T>(select: (s: Prefs) => T): T => useStore(useServices().prefs, select);
