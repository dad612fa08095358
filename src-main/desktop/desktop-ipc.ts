/**
 * The desktop's own IPC, beside the service contract's: native dialogs by kind, and bundles opened from
 * the file manager. Senders are checked as for every call (transport/ipc.ts isTrustedSender); Electron is
 * reached through the objects main.ts passes, so this runs under plain Node in tests.
 */
import { OPEN_BUNDLE_CHANNEL, OPEN_BUNDLE_READY_CHANNEL, PICK_CHANNEL } from '../transport/channels.ts';
import { isTrustedSender } from '../transport/ipc.ts';
import type { BundleInbox } from './opened-bundles.ts';
import { isPickKind, type PickKind } from './pick-kinds.ts';

/** The page's webContents, as far as used here. */
export interface PageSender {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

type DesktopEvent = Parameters<typeof isTrustedSender>[0] & { sender: PageSender };

/** Electron's ipcMain, as far as used here. */
export interface DesktopIpcMain {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Electron's own listener signature
  handle(channel: string, listener: (event: DesktopEvent, ...args: any[]) => unknown): void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Electron's own listener signature
  on(channel: string, listener: (event: DesktopEvent, ...args: any[]) => void): void;
}

export interface DesktopActions {
  /** Shows the kind's dialog over the app's window: the chosen path, or null. */
  pick(kind: PickKind): Promise<string | null>;
  inbox: BundleInbox;
}

export function registerDesktopIpc(ipcMain: DesktopIpcMain, actions: DesktopActions): void {
  ipcMain.handle(PICK_CHANNEL, async (event, kind: unknown) => {
    if (!isTrustedSender(event)) throw new Error('Choix de fichier refusé : origine non autorisée.');
    if (!isPickKind(kind)) throw new Error(`Choix de fichier refusé : « ${String(kind).slice(0, 40)} » n’est pas un genre de fichier connu.`);
    return actions.pick(kind);
  });
  ipcMain.on(OPEN_BUNDLE_READY_CHANNEL, (event) => {
    if (!isTrustedSender(event)) return;
    const sender = event.sender;
    actions.inbox.listen((path) => {
      if (sender.isDestroyed()) return false;
      sender.send(OPEN_BUNDLE_CHANNEL, path);
      return true;
    });
  });
}
