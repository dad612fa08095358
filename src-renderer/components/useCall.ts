/** Reading and writing through the service contract, with loading and French errors for the screens. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OperationInput, OperationName, OperationOutput } from '../../src-main/contract/operations.ts';
import { call, CallError, type Progress } from '../api/client.ts';

export interface Query<T> {
  data: T | undefined;
  error: CallError | null;
  loading: boolean;
  reload: () => void;
}

/** Runs `name(input)` now and whenever `input` changes (compared as JSON); `skip` waits. */
export function useQuery<N extends OperationName>(name: N, input: OperationInput<N>, skip = false): Query<OperationOutput<N>> {
  const key = JSON.stringify(input);
  const [state, setState] = useState<{ data?: OperationOutput<N>; error: CallError | null; loading: boolean }>({ error: null, loading: !skip });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (skip) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    call(name, JSON.parse(key) as OperationInput<N>).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState((s) => ({ ...s, error: asCallError(error), loading: false })),
    );
    return () => {
      live = false;
    };
  }, [name, key, tick, skip]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/**
 * A write: `run` resolves to the value, or to undefined after putting the error in `error`. Long work can
 * be cancelled (`cancel`, the « Annuler » of BusyStatus): the service rolls it back, and `cancelled` says so
 * instead of an error.
 */
export function useMutation() {
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);
  /** The last progress step of the running call, for long work. */
  const [progress, setProgress] = useState<Progress | null>(null);
  /** « Annuler » was chosen: pending until the service answers, then true while `cancelled` is shown. */
  const [cancelling, setCancelling] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const mounted = useRef(true);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => void (mounted.current = false), []);
  const run = useCallback(async <N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N> | undefined> => {
    const abort = new AbortController();
    controller.current = abort;
    setBusy(true);
    setError(null);
    setProgress(null);
    setCancelling(false);
    setCancelled(false);
    try {
      return await call(name, input, (p) => mounted.current && setProgress(p), abort.signal);
    } catch (e) {
      if (mounted.current) {
        if (abort.signal.aborted && isCancelled(e)) setCancelled(true);
        else setError(asCallError(e));
      }
      return undefined;
    } finally {
      if (controller.current === abort) controller.current = null;
      if (mounted.current) {
        setBusy(false);
        setProgress(null);
        setCancelling(false);
      }
    }
  }, []);
  const cancel = useCallback(() => {
    if (!controller.current || controller.current.signal.aborted) return;
    setCancelling(true);
    controller.current.abort();
  }, []);
  return {
    run, error, busy, progress, cancel, cancelling, cancelled,
    clearError: () => {
      setError(null);
      setCancelled(false);
    },
  };
}

/** The service's answer to « Annuler »: the work stopped and was rolled back. */
export function isCancelled(error: unknown): boolean {
  return error instanceof CallError && error.payload.code === 'CONFLICT' && error.payload.message === 'Opération annulée.';
}

export function asCallError(error: unknown): CallError {
  if (error instanceof CallError) return error;
  return new CallError({ code: 'INTERNAL', message: `Erreur inattendue : ${error instanceof Error ? error.message : String(error)}` });
}
