/**
 * The desktop app's host: another catalogue can be opened, or a backup restored, while the window's IPC
 * handler stays registered. Calls go to the current host; `replace` closes the old one first (its work
 * under way ends, cancelled), so that no call reaches a catalogue being swapped.
 */
import { AppError } from '../contract/errors.ts';
import type { ServiceHost } from './service-host.ts';

export interface SwappableHost extends ServiceHost {
  /** Closes the current host (its catalogue), then hands the next calls to what `open` starts. */
  replace(open: () => Promise<ServiceHost>): Promise<void>;
}

const SWAPPING = 'Le catalogue est en cours de changement : réessayez dans un instant.';

export function swappableHost(first: ServiceHost): SwappableHost {
  let current: ServiceHost | null = first;
  return {
    get cataloguePath() {
      return current?.cataloguePath;
    },
    call(name, input, onProgress, signal) {
      if (!current) return Promise.resolve({ ok: false, error: new AppError('CONFLICT', SWAPPING).toPayload() });
      return current.call(name, input, onProgress, signal);
    },
    cancel() {
      current?.cancel();
    },
    async close() {
      const closing = current;
      current = null;
      await closing?.close();
    },
    async replace(open) {
      const old = current;
      current = null;
      await old?.close();
      current = await open();
    },
  };
}
