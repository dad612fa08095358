/** Electron IPC: one channel, the same dispatcher as the HTTP bridge; senders are checked. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Handlers, ServiceContext } from '../services/context.ts';
import { APP_ORIGIN } from '../window/web-preferences.ts';
import type { DispatchOptions } from './dispatch.ts';
import { inProcessHost, type ServiceHost } from './service-host.ts';

import { CALL_CHANNEL, CALL_ID, CANCEL_CHANNEL, PROGRESS_CHANNEL } from './channels.ts';

export { CALL_CHANNEL };

/** Only the app's own top-level page may call: not an iframe, not a page that navigated away. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  try {
    // Compared by parts: Node gives non-special schemes an opaque origin ("null").
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * The services in-process (handlers and a context; `options.errorLog`: the errors journal, the
 * catalogue's own by default, see DispatchOptions), or wherever a ServiceHost runs them.
 */
export function registerIpc(ipcMain: IpcMain, handlers: Handlers, context: ServiceContext, options?: DispatchOptions): void;
export function registerIpc(ipcMain: IpcMain, host: ServiceHost): void;
export function registerIpc(ipcMain: IpcMain, first: Handlers | ServiceHost, context?: ServiceContext, options: DispatchOptions = {}): void {
  const host = context === undefined ? (first as ServiceHost) : inProcessHost(first as Handlers, context, options);
  // The calls a page may cancel, by its webContents and the id it gave them.
  const cancellable = new Map<string, AbortController>();
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown, callId?: unknown) => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: 'Appel refusé : origine non autorisée.' } };
    }
    const key = typeof callId === 'string' && CALL_ID.test(callId) ? `${event.sender.id}:${callId}` : null;
    const controller = new AbortController();
    if (key) cancellable.set(key, controller);
    try {
      // Progress of this call goes back to the page that made it.
      return await host.call(name, input, (progress) => event.sender.send(PROGRESS_CHANNEL, progress), controller.signal);
    } finally {
      if (key && cancellable.get(key) === controller) cancellable.delete(key);
    }
  });
  ipcMain.on(CANCEL_CHANNEL, (event, callId: unknown) => {
    if (!isTrustedSender(event) || typeof callId !== 'string') return;
    cancellable.get(`${event.sender.id}:${callId}`)?.abort();
  });
}
