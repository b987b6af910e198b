// The recent hosts and ports as datalists, so Host and Port (and UDP's Remote host and port)
// offer the boards reached before as suggestions while still taking anything typed.
import { useStore } from 'zustand';
import { useServices } from '../app-context';

export const RECENT_HOSTS_ID = 'socketbench-recent-hosts';
export const RECENT_PORTS_ID = 'socketbench-recent-ports';

export function RecentLists() {
  const { settings } = useServices();
  const recent = useStore(settings, (s) => s.recent);
  return (
    <>
      <datalist id={RECENT_HOSTS_ID}>
        {recent.hosts.map((host) => (
          <option key={host} value={host} />
        ))}
      </datalist>
      <datalist id={RECENT_PORTS_ID}>
        {recent.ports.map((port) => (
          <option key={port} value={port} />
        ))}
      </datalist>
    </>
  );
}
