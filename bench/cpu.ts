// Where the machine's cores go during a measurement: CPU time of the engine, the load, the raw
// reference and the browser (every other process the bench started), from /proc. Linux only;
// elsewhere the figures simply carry no CPU breakdown.
import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks per second (USER_HZ), 100 on every mainstream Linux build. */
const TICKS_PER_S = 100;

function stat(pid: number): { ppid: number; ticks: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields follow the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // Its own time and its reaped children's: a browser's renderer that came and went inside the
    // window (a fresh context per page load) is counted through its parent.
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    return { ppid: Number(fields[1]), ticks };
  } catch {
    return undefined;
  }
}

/** Each process's children, from one read of /proc. */
function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return children;
  }
  for (const pid of pids) {
    const s = stat(pid);
    if (s) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  }
  return children;
}

function descendants(root: number, children: Map<number, number[]>): Set<number> {
  const out = new Set<number>();
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      out.add(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** Busy ticks of the whole machine, all cores: everything but idle and I/O wait. */
function machineBusy(): number | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const t = line.trim().split(/\s+/).slice(1).map(Number);
    return t.slice(0, 8).reduce((a, b) => a + b, 0) - (t[3] ?? 0) - (t[4] ?? 0);
  } catch {
    return undefined;
  }
}

export type CpuShares = Record<string, number>;

/** Each named process with its descendants, the bench's other descendants as 'browser', and the bench. */
function groupsNow(named: Record<string, number | undefined>): Map<string, Set<number>> {
  const groups = new Map<string, Set<number>>();
  const children = childrenByParent();
  const all = descendants(process.pid, children);
  const claimed = new Set<number>();
  for (const [name, pid] of Object.entries(named)) {
    if (pid === undefined) continue;
    const set = new Set([pid, ...descendants(pid, children)]);
    for (const p of set) claimed.add(p);
    groups.set(name, set);
  }
  groups.set('browser', new Set([...all].filter((p) => !claimed.has(p))));
  groups.set('bench', new Set([process.pid]));
  return groups;
}

/** Percent of one core each group used between start() and the returned stop(). */
export function startCpu(named: Record<string, number | undefined>): () => CpuShares {
  const before = new Map<number, number>();
  const groupAtStart = new Map<number, string>();
  for (const [name, pids] of groupsNow(named)) {
    for (const pid of pids) {
      before.set(pid, stat(pid)?.ticks ?? 0);
      groupAtStart.set(pid, name);
    }
  }
  const busyBefore = machineBusy();
  const startedAt = performance.now();
  return () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const out: CpuShares = {};
    let ours = 0;
    // Grouped again: a process started meanwhile (a page's renderer) counts with its group, all of
    // its time; one that ended meanwhile counts through its parent's reaped children's time.
    const groups = groupsNow(named);
    const alive = new Set([...groups.values()].flatMap((pids) => [...pids]));
    for (const [name, pids] of groups) {
      let ticks = 0;
      for (const pid of pids) {
        const now = stat(pid)?.ticks;
        if (now !== undefined) ticks += now - (before.get(pid) ?? 0);
      }
      // Its parent now holds all of its time: what it had used before the window is not the window's.
      for (const [pid, group] of groupAtStart)
        if (group === name && !alive.has(pid)) ticks -= before.get(pid) ?? 0;
      ours += ticks;
      out[name] = seconds > 0 ? Math.round((100 * ticks) / TICKS_PER_S / seconds) : 0;
    }
    // What other programs on the machine took meanwhile: a busy machine makes every figure worse.
    const busyAfter = machineBusy();
    if (busyBefore !== undefined && busyAfter !== undefined && seconds > 0) {
      out.other = Math.max(0, Math.round((100 * (busyAfter - busyBefore - ours)) / TICKS_PER_S / seconds));
    }
    return out;
  };
}

/** "engine 92 %, load 61 %, browser 40 %, other 3 %" */
export const formatCpu = (shares: CpuShares): string =>
  Object.entries(shares)
    .map(([name, pct]) => `${name} ${pct} %`)
    .join(', ');
