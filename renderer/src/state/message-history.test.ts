// The Message box's history: a bounded ring without repeats, recall back and forth with the draft
// restored, the keys that recall only from the first or last line, and what survives a restart.
import { describe, expect, it } from 'vitest';
import {
  createHistoryStore,
  HISTORY_LIMIT,
  type HistoryItem,
  parseHistory,
  type Recall,
  recallKey,
  recallStep,
  remember,
} from './message-history';

const item = (text: string, encodeAs: HistoryItem['encodeAs'] = 'ascii'): HistoryItem => ({ text, encodeAs });

describe('remember', () => {
  it('keeps the newest last, skips an immediate repeat and moves an older copy to the end', () => {
    let items = remember([], item('a'));
    items = remember(items, item('b'));
    expect(remember(items, item('b'))).toBe(items);
    items = remember(items, item('a'));
    expect(items.map((i) => i.text)).toEqual(['b', 'a']);
    // The same text in another encoding is another message.
    expect(remember(items, item('a', 'hex')).map((i) => `${i.text}/${i.encodeAs}`)).toEqual([
      'b/ascii',
      'a/ascii',
      'a/hex',
    ]);
  });

  it('drops the oldest beyond the limit and never keeps an empty message', () => {
    let items: HistoryItem[] = [];
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) items = remember(items, item(`m${i}`));
    expect(items).toHaveLength(HISTORY_LIMIT);
    expect(items[0]?.text).toBe('m5');
    expect(items.at(-1)?.text).toBe(`m${HISTORY_LIMIT + 4}`);
    expect(remember(items, item(''))).toBe(items);
  });
});

describe('recall', () => {
  const items = [item('one'), item('two', 'hex'), item('three')];

  it('goes back from the newest, stops at the oldest, and forward again to the draft', () => {
    const draft = item('typing…', 'utf-8');
    const seen: string[] = [];
    let recall: Recall | undefined;
    for (let i = 0; i < 4; i++) {
      const step = recallStep(items, recall, draft, 'older');
      if (!step) {
        seen.push('(stop)');
        break;
      }
      recall = step.recall;
      seen.push(`${step.item.text}/${step.item.encodeAs}`);
    }
    expect(seen).toEqual(['three/ascii', 'two/hex', 'one/ascii', '(stop)']);
    const forward: string[] = [];
    for (;;) {
      const step = recallStep(items, recall, draft, 'newer');
      if (!step) break;
      recall = step.recall;
      forward.push(step.item.text);
    }
    expect(forward).toEqual(['two', 'three', 'typing…']);
    expect(recall).toBeUndefined();
  });

  it('has nowhere to go with no history, or forward before going back', () => {
    expect(recallStep([], undefined, item('x'), 'older')).toBeUndefined();
    expect(recallStep(items, undefined, item('x'), 'newer')).toBeUndefined();
  });

  it('recalls with Arrow Up only from the first line and Arrow Down only from the last', () => {
    expect(recallKey('ArrowUp', 'hello', 3, 3)).toBe('older');
    expect(recallKey('ArrowDown', 'hello', 0, 0)).toBe('newer');
    expect(recallKey('ArrowUp', 'line 1\nline 2', 9, 9)).toBeUndefined();
    expect(recallKey('ArrowDown', 'line 1\nline 2', 2, 2)).toBeUndefined();
    expect(recallKey('ArrowDown', 'line 1\nline 2', 9, 9)).toBe('newer');
    // A selection is being extended or replaced, not recalled over.
    expect(recallKey('ArrowUp', 'hello', 0, 5)).toBeUndefined();
    expect(recallKey('Enter', 'hello', 0, 0)).toBeUndefined();
  });
});

describe('kept across restarts', () => {
  it('starts from the saved history, trusting only well-formed items', () => {
    const first = createHistoryStore();
    first.remember(item('AT\\r\\n'));
    first.remember(item('01 03', 'hex'));
    const second = createHistoryStore(first.getState().items);
    expect(second.getState().items).toEqual([item('AT\\r\\n'), item('01 03', 'hex')]);

    expect(parseHistory([item('ok'), { text: 5 }, { text: 'x', encodeAs: 'klingon' }, null])).toEqual([
      item('ok'),
    ]);
    expect(parseHistory('not a list')).toEqual([]);
    expect(createHistoryStore([{ text: 7 } as unknown as HistoryItem]).getState().items).toEqual([]);
  });
});
