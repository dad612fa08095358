/**
 * Runs in the sandboxed renderer before the page: exposes the service contract, and nothing else.
 * Names are allow-listed here too; inputs are validated by the dispatcher in the main process.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { OPERATION_NAMES } from '../contract/operations.ts';
import { CALL_CHANNEL, PROGRESS_CHANNEL } from '../transport/channels.ts';

const allowed = new Set<string>(OPERATION_NAMES);

export const bridge = {
  operations: [...OPERATION_NAMES],
  call(name: string, input: unknown): Promise<unknown> {
    if (!allowed.has(name)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Opération inconnue : « ${name} ».` } });
    }
    return ipcRenderer.invoke(CALL_CHANNEL, name, input);
  },
  /** Progress of long calls; returns the function that stops listening. */
  onProgress(listener: (progress: unknown) => void): () => void {
    const handler = (_event: unknown, progress: unknown) => listener(progress);
    ipcRenderer.on(PROGRESS_CHANNEL, handler);
    return () => ipcRenderer.removeListener(PROGRESS_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('synthese', Object.freeze(bridge));
