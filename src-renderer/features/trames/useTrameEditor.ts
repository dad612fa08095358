/**
 * The trame being edited: a local draft shown at once, saved whole ("trames.update" with every field and
 * the whole sections array) on each change, one save at a time. A refused save keeps the draft and
 * places each problem next to its field.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrameSection, Trame } from '../../../src-main/contract/schemas/trame.ts';
import { call, type CallError } from '../../api/client.ts';
import { asCallError } from '../../components/useCall.ts';

export interface Problem {
  /** The section's key, or null for a field of the trame itself. */
  section: string | null;
  field: string;
  message: string;
}

export interface Failure {
  error: CallError;
  problems: Problem[];
  /** Problems with no field to show them by. */
  unplaced: boolean;
}

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

function body(t: Trame) {
  return { id: t.id, name: t.name, title: t.title, subtitle: t.subtitle, closingNote: t.closingNote, sections: t.sections };
}

function problemsOf(error: CallError, sent: Trame): Failure {
  const problems: Problem[] = [];
  let unplaced = false;
  for (const issue of error.payload.issues ?? []) {
    const section = /^sections\.(\d+)\.(\w+)/.exec(issue.path);
    if (section) {
      const key = sent.sections[Number(section[1])]?.key ?? null;
      problems.push({ section: key, field: section[2]!, message: issue.message });
    } else if (/^(name|title|subtitle|closingNote)$/.test(issue.path)) {
      problems.push({ section: null, field: issue.path, message: issue.message });
    } else unplaced = true;
  }
  if ((error.payload.issues ?? []).length === 0) unplaced = true;
  return { error, problems, unplaced };
}

export function useTrameEditor(initial: Trame, onSaved: (trame: Trame) => void) {
  const [draft, setDraft] = useState(initial);
  const draftRef = useRef(initial);
  const savedRef = useRef(JSON.stringify(body(initial)));
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [failure, setFailure] = useState<Failure | null>(null);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);

  /** Changes the draft only (typing); `save` follows on blur. */
  const edit = useCallback((patch: Partial<Trame>) => {
    draftRef.current = { ...draftRef.current, ...patch };
    setDraft(draftRef.current);
  }, []);

  const editSection = useCallback((key: string, patch: Partial<TrameSection>) => {
    edit({ sections: draftRef.current.sections.map((s) => (s.key === key ? { ...s, ...patch } : s)) });
  }, [edit]);

  /** Saves the current draft if it differs from what the catalogue holds; true when the catalogue has it. */
  const save = useCallback((): Promise<boolean> => {
    const run = queue.current.then(async () => {
      const sent = draftRef.current;
      const json = JSON.stringify(body(sent));
      if (json === savedRef.current) {
        // Back to what the catalogue holds (a refused change undone): nothing to send, nothing wrong.
        if (mounted.current) {
          setFailure(null);
          setStatus((current) => (current === 'failed' ? 'saved' : current));
        }
        return true;
      }
      setStatus('saving');
      try {
        const saved = await call('trames.update', body(sent));
        savedRef.current = JSON.stringify(body(saved));
        if (!mounted.current) return true;
        // Normalised by the service (defaults filled in); taken unless the user changed something meanwhile.
        if (draftRef.current === sent) {
          draftRef.current = saved;
          setDraft(saved);
        }
        setFailure(null);
        setStatus('saved');
        onSaved(saved);
        return true;
      } catch (e) {
        if (mounted.current) {
          setFailure(problemsOf(asCallError(e), sent));
          setStatus('failed');
        }
        return false;
      }
    });
    queue.current = run.then(() => undefined);
    return run;
  }, [onSaved]);

  /** A change that is saved at once (selects, check boxes, moves). */
  const commit = useCallback((patch: Partial<Trame>) => {
    edit(patch);
    return save();
  }, [edit, save]);

  const commitSection = useCallback((key: string, patch: Partial<TrameSection>) => {
    editSection(key, patch);
    return save();
  }, [editSection, save]);

  const problemsFor = useCallback(
    (section: string | null) => (failure?.problems ?? []).filter((p) => p.section === section),
    [failure],
  );

  return { draft, draftRef, status, failure, edit, editSection, save, commit, commitSection, problemsFor };
}
