/**
 * Runs in the sandboxed renderer before the page: exposes the service contract (`synthese`) and, apart,
 * the desktop's few extras (`syntheseDesktop`: native dialogs by kind, bundles opened from the file
 * manager, a dropped file's path), nothing else. Names are allow-listed here too; inputs are validated
 * by the dispatcher in the main process, dialog kinds by desktop/desktop-ipc.ts.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { OPERATION_NAMES } from '../contract/operations.ts';
import {
  CALL_CHANNEL, CALL_ID, CANCEL_CHANNEL, OPEN_BUNDLE_CHANNEL, OPEN_BUNDLE_READY_CHANNEL, PICK_CHANNEL, PROGRESS_CHANNEL,
} from '../transport/channels.ts';

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

export const desktop = {
  /** A native dialog of a kind (desktop/pick-kinds.ts): the chosen path, or null if the user cancelled. */
  pickPath(kind: string): Promise<string | null> {
    return ipcRenderer.invoke(PICK_CHANNEL, String(kind)) as Promise<string | null>;
  },
  /** Bundles opened from the file manager, by path; those opened before the page listened come at once. */
  onOpenBundle(listener: (path: string) => void): () => void {
    const handler = (_event: unknown, path: unknown) => {
      if (typeof path === 'string') listener(path);
    };
    ipcRenderer.on(OPEN_BUNDLE_CHANNEL, handler);
    ipcRenderer.send(OPEN_BUNDLE_READY_CHANNEL);
    return () => ipcRenderer.removeListener(OPEN_BUNDLE_CHANNEL, handler);
  },
  /** The path of a file dropped on the window ('' when it has none). */
  pathOfFile(file: File): string {
    try {
      return webUtils.getPathForFile(file);
    } catch {
      return '';
    }
  },
};

contextBridge.exposeInMainWorld('synthese', Object.freeze(bridge));
contextBridge.exposeInMainWorld('syntheseDesktop', Object.freeze(desktop));
