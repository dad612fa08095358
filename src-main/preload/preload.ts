/**
 * Runs in the sandboxed renderer before the page: exposes the service contract, and nothing else.
 * Names are allow-listed here too; inputs are validated by the dispatcher in the main process.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { OPERATION_NAMES } from '../contract/operations.ts';
import { CALL_CHANNEL, CALL_ID, CANCEL_CHANNEL, PROGRESS_CHANNEL } from '../transport/channels.ts';

const allowed = new Set<string>(OPERATION_NAMES);

export const bridge = {
  operations: [...OPERATION_NAMES],
  /** `callId`: for a call the page may cancel (see `cancel`). */
  call(name: string, input: unknown, callId?: string): Promise<unknown> {
    if (!allowed.has(name)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Opération inconnue : « ${name} ».` } });
    }
    return typeof callId === 'string' && CALL_ID.test(callId)
      ? ipcRenderer.invoke(CALL_CHANNEL, name, input, callId)
      : ipcRenderer.invoke(CALL_CHANNEL, name, input);
  },
  /** « Annuler »: the call stops at its next progress report and rolls back; it then answers « Opération annulée. ». */
  cancel(callId: string): void {
    if (typeof callId === 'string' && CALL_ID.test(callId)) ipcRenderer.send(CANCEL_CHANNEL, callId);
  },
  /** Progress of long calls; returns the function that stops listening. */
  onProgress(listener: (progress: unknown) => void): () => void {
    const handler = (_event: unknown, progress: unknown) => listener(progress);
    ipcRenderer.on(PROGRESS_CHANNEL, handler);
    return () => ipcRenderer.removeListener(PROGRESS_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('synthese', Object.freeze(bridge));
