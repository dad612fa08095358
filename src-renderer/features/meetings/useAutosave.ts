/**
 * An existing meeting is saved as it is edited: each commit sends only the fields that changed among
 * those it names ('meetings.update'), one call at a time, and says where a refusal belongs.
 */
import { type RefObject, useCallback, useRef, useState } from 'react';
import { call, type CallError } from '../../api/client.ts';
import { asCallError } from '../../components/useCall.ts';
import { rememberMeetingLabel } from '../../components/useMeetingLabels.ts';
import type { Meeting } from '../../../src-main/contract/schemas/meeting.ts';
import { type FieldKey, type MeetingDraft, patchFor, PLACE_KEYS } from './meeting-draft.ts';

export type Section = 'general' | 'place' | 'thematiques' | 'attendance' | 'ateliers' | 'suivi';

export function sectionOf(key: FieldKey): Section {
  if ((PLACE_KEYS as readonly string[]).includes(key)) return 'place';
  switch (key) {
    case 'thematiqueIds': return 'thematiques';
    case 'declaredTotal':
    case 'attendance': return 'attendance';
    case 'ateliers': return 'ateliers';
    case 'restitutionReceived':
    case 'notes': return 'suivi';
    default: return 'general';
  }
}

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed' };

export function useAutosave(initial: Meeting, draftRef: RefObject<MeetingDraft>) {
  const saved = useRef(initial);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [errors, setErrors] = useState<Partial<Record<Section, CallError>>>({});
  const [placePending, setPlacePending] = useState(false);
  const [current, setCurrent] = useState(initial);
  const retired = useRef(false);

  const commit = useCallback((keys: FieldKey[]) => {
    chain.current = chain.current.then(async () => {
      if (retired.current) return;
      const { patch, placePending: pending } = patchFor(draftRef.current, saved.current, keys);
      if (keys.some((k) => (PLACE_KEYS as readonly string[]).includes(k))) setPlacePending(pending);
      const sections = [...new Set(keys.map(sectionOf))];
      if (!patch) return;
      setState({ kind: 'saving' });
      try {
        const meeting = await call('meetings.update', { id: saved.current.id, ...patch });
        saved.current = meeting;
        rememberMeetingLabel(meeting); // a retex or a contribution citing it says its new title
        setCurrent(meeting);
        setState({ kind: 'saved', at: new Date() });
        setErrors((e) => {
          const next = { ...e };
          for (const s of sections) delete next[s];
          return next;
        });
      } catch (error) {
        setState({ kind: 'failed' });
        setErrors((e) => ({ ...e, ...Object.fromEntries(sections.map((s) => [s, asCallError(error)])) }));
      }
    });
  }, [draftRef]);

  /** Waits for the saves under way, and gives the meeting as the catalogue now holds it. */
  const settle = useCallback(async () => {
    await chain.current;
    return saved.current;
  }, []);

  /** The meeting was deleted: nothing more is sent for it (not even when the page closes). */
  const retire = useCallback(() => {
    retired.current = true;
  }, []);

  const clearError = useCallback((section: Section) => setErrors((e) => {
    const next = { ...e };
    delete next[section];
    return next;
  }), []);

  return { commit, settle, retire, state, errors, clearError, placePending, current };
}
