/** The form's draft, readable at once after a change (a save started in the same event sees it). */
import { useCallback, useRef, useState } from 'react';
import type { FieldKey, MeetingDraft } from './meeting-draft.ts';

export type Change = Partial<MeetingDraft> | ((d: MeetingDraft) => Partial<MeetingDraft>);

export interface FormApi {
  draft: MeetingDraft;
  /** Changes the draft; with `commitKeys`, saves them at once (selects, boxes, toggles). */
  change: (changes: Change, commitKeys?: FieldKey[]) => void;
  /** Saves what changed among these keys (text fields, on blur). No-op for a meeting not yet created. */
  commit: (keys: FieldKey[]) => void;
}

export function useMeetingDraft(initial: () => MeetingDraft) {
  const [draft, setDraft] = useState(initial);
  const ref = useRef(draft);
  const apply = useCallback((changes: Change) => {
    const patch = typeof changes === 'function' ? changes(ref.current) : changes;
    ref.current = { ...ref.current, ...patch };
    setDraft(ref.current);
    return ref.current;
  }, []);
  return { draft, ref, apply };
}
