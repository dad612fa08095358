/** Writes run one after the other (a fast series of moves lands in order), with a discreet status and the error. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallError } from '../../api/client.ts';
import { asCallError } from '../../components/useCall.ts';

export type SavePhase = 'idle' | 'saving' | 'saved' | 'failed';

export interface SaveQueue {
  phase: SavePhase;
  /** What the status line says ("Enregistré", "« Titre » : position 2 sur 3 — enregistré"). */
  message: string;
  error: CallError | null;
  clearError: () => void;
  /** Queues `work`; resolves to true when it succeeded. `done` is said once every queued write is over. */
  save: (work: () => Promise<unknown>, done?: string) => Promise<boolean>;
}

export function useSaveQueue(): SaveQueue {
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);
  const failed = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => void (mounted.current = false);
  }, []);
  const [state, setState] = useState<{ phase: SavePhase; message: string; error: CallError | null }>({ phase: 'idle', message: '', error: null });

  const save = useCallback((work: () => Promise<unknown>, done = 'Enregistré') => {
    pending.current += 1;
    setState((s) => ({ ...s, phase: 'saving', message: 'Enregistrement…', error: null }));
    const run = chain.current.then(work).then(
      () => true,
      (error: unknown) => {
        failed.current = true;
        if (mounted.current) setState((s) => ({ ...s, error: asCallError(error) }));
        return false;
      },
    );
    chain.current = run;
    return run.then((ok) => {
      pending.current -= 1;
      if (pending.current === 0 && mounted.current) {
        const anyFailed = failed.current;
        failed.current = false;
        setState((s) => ({
          ...s,
          phase: anyFailed ? 'failed' : 'saved',
          message: anyFailed ? 'Non enregistré : voyez le message d’erreur.' : done,
        }));
      }
      return ok;
    });
  }, []);
  const clearError = useCallback(() => setState((s) => ({ ...s, error: null })), []);
  return { ...state, clearError, save };
}
