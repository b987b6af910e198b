// Linux caps a socket's receive buffer at net.core.rmem_max, on many machines far below what a
// burst of 100,000 datagrams needs (each small one takes about 800 B of it). As `npm run bench`
// raises the open-file limit for figure 4, figure 3 raises this cap when it runs as root, just while
// its sockets take their buffers (a socket keeps what it got), and then puts the old value back.
// Otherwise the note says how to raise it.
import { readFileSync, writeFileSync } from 'node:fs';
import { count } from './stats';

const RMEM_MAX = '/proc/sys/net/core/rmem_max';

export interface ReceiveBufferCap {
  /** For the figure's note: what was done, or what to do; '' when the cap was already enough. */
  note: string;
  /** Puts the cap back as it was (nothing when it was left alone). */
  restore(): void;
}

const read = (path: string): number | undefined => {
  try {
    return Number(readFileSync(path, 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
};

/** Lets a socket ask for `bytes` of receive buffer, when the cap is below that and can be raised. */
export function allowReceiveBuffer(bytes: number, path = RMEM_MAX): ReceiveBufferCap {
  const before = read(path);
  const nothing = () => {};
  if (before === undefined || before >= bytes) return { note: '', restore: nothing };
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    try {
      writeFileSync(path, String(bytes));
    } catch {
      // A container may show the file read-only: then the figure runs with the cap as it is.
    }
  }
  if (read(path) === bytes) {
    return {
      note: `; net.core.rmem_max raised from ${count(before)} to ${count(bytes)} B while the sockets were opened`,
      restore: () => writeFileSync(path, String(before)),
    };
  }
  return {
    note: `; net.core.rmem_max is ${count(before)} B, which caps the buffer (as root: sysctl -w net.core.rmem_max=${bytes})`,
    restore: nothing,
  };
}
