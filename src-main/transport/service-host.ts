/**
 * Where the services run, seen from a transport: `call` answers an envelope, as `dispatch` does. Two
 * hosts: in-process (the CLI, the tests, Electron: the caller's own thread) and in a worker thread
 * (`service-worker.ts`, for `npm run web`: the bridge's thread stays free to answer while an import runs).
 */
import { AppError, type Envelope } from '../contract/errors.ts';
import type { Handlers, Progress, ServiceContext } from '../services/context.ts';
import { dispatch, type DispatchOptions } from './dispatch.ts';

export interface ServiceHost {
  /**
   * One call. `onProgress` receives the progress of long work; `signal` cancels it: the work stops at its
   * next progress report and rolls back (the services write in one transaction), answering « Opération annulée. ».
   */
  call(name: unknown, input: unknown, onProgress?: (progress: Progress) => void, signal?: AbortSignal): Promise<Envelope<unknown>>;
  /** Cancels every call under way (each answers « Opération annulée. » at its next progress report). */
  cancel(): void;
  /** Lets the calls under way end (cancelled), then closes the catalogue when the host owns it. */
  close(): Promise<void>;
  /** The catalogue file, for the errors journal of the transport itself. */
  readonly cataloguePath?: string;
}

export function cancelledError(): AppError {
  return new AppError('CONFLICT', 'Opération annulée.');
}

/**
 * The context's progress callback for one call: it throws once the call is cancelled, so that the
 * work stops where it reports (inside its transaction, which then rolls back).
 */
export function cancellableProgress(
  isCancelled: () => boolean,
  forward: ((progress: Progress) => void) | undefined,
): (progress: Progress) => void {
  return (progress) => {
    if (isCancelled()) throw cancelledError();
    forward?.(progress);
  };
}

/**
 * Today's behaviour: the services run on the caller's thread. The context is read at each call (a
 * catalogue reopened, or found damaged later, is followed); the host does not own the catalogue.
 */
export function inProcessHost(handlers: Handlers, context: ServiceContext, options: DispatchOptions = {}): ServiceHost {
  const underWay = new Set<{ cancelled: boolean }>();
  return {
    get cataloguePath() {
      return context.cataloguePath;
    },
    async call(name, input, onProgress, signal) {
      const state = { cancelled: signal?.aborted ?? false };
      const abort = () => (state.cancelled = true);
      signal?.addEventListener('abort', abort, { once: true });
      underWay.add(state);
      try {
        if (state.cancelled) return { ok: false, error: cancelledError().toPayload() };
        const progress = cancellableProgress(() => state.cancelled, onProgress ?? context.onProgress);
        return await dispatch(handlers, { ...context, onProgress: progress }, name, input, options);
      } finally {
        underWay.delete(state);
        signal?.removeEventListener('abort', abort);
      }
    },
    cancel() {
      for (const state of underWay) state.cancelled = true;
    },
    async close() {
      // The caller owns the catalogue: nothing to close here.
    },
  };
}
