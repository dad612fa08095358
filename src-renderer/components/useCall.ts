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

/** A write: `run` resolves to the value, or to undefined after putting the error in `error`. */
export function useMutation() {
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);
  /** The last progress step of the running call, for long work. */
  const [progress, setProgress] = useState<Progress | null>(null);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  const run = useCallback(async <N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N> | undefined> => {
    setBusy(true);
    setError(null);
    setProgress(null);
    try {
      return await call(name, input, (p) => mounted.current && setProgress(p));
    } catch (e) {
      if (mounted.current) setError(asCallError(e));
      return undefined;
    } finally {
      if (mounted.current) {
        setBusy(false);
        setProgress(null);
      }
    }
  }, []);
  return { run, error, busy, progress, clearError: () => setError(null) };
}

export function asCallError(error: unknown): CallError {
  if (error instanceof CallError) return error;
  return new CallError({ code: 'INTERNAL', message: `Erreur inattendue : ${error instanceof Error ? error.message : String(error)}` });
}
