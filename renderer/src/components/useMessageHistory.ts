// The Message box's history keys: Arrow Up on the first line recalls the message sent before (with
// its Encode as), Arrow Down on the last line goes forward and finally back to the draft. Typing
// ends recall; every message sent is remembered, across runs.
import { type KeyboardEvent, useCallback, useRef } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../app-context';
import { type Recall, recallKey, recallStep } from '../state/message-history';
import type { EncodeAs } from '../state/prefs-store';

export interface MessageHistory {
  /** For the textarea's onKeyDown; true when the key recalled a message. */
  onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>): boolean;
  /** Call on every edit: an edited message is a new draft. */
  edited(): void;
  remember(text: string, encodeAs: EncodeAs): void;
  /** Messages remembered, for the box's description. */
  count: number;
}

export function useMessageHistory(text: string, setText: (text: string) => void): MessageHistory {
  const { history, prefs } = useServices();
  const count = useStore(history, (s) => s.items.length);
  const recall = useRef<Recall | undefined>(undefined);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return false;
      const box = e.currentTarget;
      const direction = recallKey(e.key, box.value, box.selectionStart, box.selectionEnd);
      if (!direction) return false;
      const current = { text, encodeAs: prefs.getState().encodeAs };
      const step = recallStep(history.getState().items, recall.current, current, direction);
      if (!step) return false;
      e.preventDefault();
      recall.current = step.recall;
      setText(step.item.text);
      if (step.item.encodeAs !== current.encodeAs) prefs.setState({ encodeAs: step.item.encodeAs });
      // The caret goes where the next press continues: the start going back, the end going forward.
      const at = direction === 'older' ? 0 : step.item.text.length;
      requestAnimationFrame(() => box.setSelectionRange(at, at));
      return true;
    },
    [history, prefs, text, setText],
  );

  return {
    onKeyDown,
    edited: () => {
      recall.current = undefined;
    },
    remember: (t, encodeAs) => {
      recall.current = undefined;
      history.remember({ text: t, encodeAs });
    },
    count,
  };
}
