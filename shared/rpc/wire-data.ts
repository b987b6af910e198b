// The compact form of a data event on the wire: a short JSON array instead of an object, its id and
// peer as indexes into the frame's string table. A flood is thousands of them per frame.
import type { DataEvent } from '../contract/events';

/*
 * [block, at, idIndex, peerIndex, dir (0 rx, 1 tx)] or the same with the frame issue as a sixth
 * element. The string table is the envelope's "s" array; the block is a raw block of the frame.
 */
export type CompactData =
  | [number, number, number, number, 0 | 1]
  | [number, number, number, number, 0 | 1, string];

const isUint8Array = (x: unknown): x is Uint8Array =>
  ArrayBuffer.isView(x) && (x as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === 'Uint8Array';

/** Only an event with exactly the fields of a DataEvent takes the compact form; anything else stays generic. */
export function isPlainDataEvent(e: unknown): e is DataEvent {
  const d = e as Partial<DataEvent>;
  if (d.type !== 'data' || typeof d.id !== 'string' || typeof d.peer !== 'string') return false;
  if ((d.dir !== 'rx' && d.dir !== 'tx') || typeof d.at !== 'number' || !isUint8Array(d.bytes)) return false;
  let keys = 0;
  for (const key in d) {
    if (!Object.hasOwn(d, key)) continue;
    keys++;
    if (key === 'issue' ? typeof d.issue !== 'string' : !DATA_KEYS.has(key)) return false;
  }
  return keys === (d.issue === undefined ? 6 : 7);
}

const DATA_KEYS = new Set(['type', 'id', 'dir', 'at', 'peer', 'bytes']);

/** Interns the strings of one frame: each id and peer travels once. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  of(s: string): number {
    let n = this.index.get(s);
    if (n === undefined) {
      n = this.strings.length;
      this.strings.push(s);
      this.index.set(s, n);
    }
    return n;
  }
}

export function compactData(e: DataEvent, block: number, table: StringTable): CompactData {
  const dir = e.dir === 'rx' ? 0 : 1;
  const id = table.of(e.id);
  const peer = table.of(e.peer);
  return e.issue === undefined ? [block, e.at, id, peer, dir] : [block, e.at, id, peer, dir, e.issue];
}

/**
 * The event back from its compact form; `why` names what is wrong, or the event is returned.
 * `take` hands out block n (and refuses a second use).
 */
export function expandData(
  c: unknown[],
  strings: readonly unknown[],
  take: (n: unknown) => Uint8Array,
): DataEvent | string {
  if (c.length !== 5 && c.length !== 6) return 'a compact data event has 5 or 6 elements.';
  const [block, at, idIndex, peerIndex, dir, issue] = c;
  const id = strings[idIndex as number];
  const peer = strings[peerIndex as number];
  if (typeof at !== 'number') return 'a compact data event needs a time.';
  if (!Number.isInteger(idIndex) || typeof id !== 'string') return 'a compact data event names no id.';
  if (!Number.isInteger(peerIndex) || typeof peer !== 'string') return 'a compact data event names no peer.';
  if (dir !== 0 && dir !== 1) return 'a compact data event needs a direction.';
  if (c.length === 6 && typeof issue !== 'string') return 'a compact data event has a bad issue.';
  const event: DataEvent = { type: 'data', id, dir: dir === 0 ? 'rx' : 'tx', at, peer, bytes: take(block) };
  if (c.length === 6) event.issue = issue as DataEvent['issue'];
  return event;
}
