/**
 * Leaving the page (closing the window, quitting, reloading) while something is being typed: the page
 * asks to stay (beforeunload), and Electron, unlike a browser, would then refuse silently. The user is
 * asked here instead. When the shell itself reloads the page (another catalogue opened, a backup
 * restored), it first lets the page finish its saves, then reloads without asking.
 */
import { type BrowserWindow, dialog } from 'electron';

export interface LeaveGuard {
  /** Waits for the page's saves under way (the field being typed in is left first). */
  settle(): Promise<void>;
  /** The next unload is the shell's own: no question. */
  allowNextUnload(): void;
}

export function guardLeaving(window: BrowserWindow): LeaveGuard {
  let allowed = false;
  window.webContents.on('will-prevent-unload', (event) => {
    if (allowed) {
      allowed = false;
      event.preventDefault(); // in Electron, this lets the page go
      return;
    }
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question', buttons: ['Quitter', 'Rester'], defaultId: 1, cancelId: 1,
      message: 'Une saisie est en cours.',
      detail: 'Le champ que vous remplissiez vient d’être enregistré ; une nouvelle rencontre pas encore enregistrée est gardée comme brouillon. Quitter quand même ?',
    });
    if (choice === 0) event.preventDefault();
  });
  return {
    settle: async () => {
      try {
        await window.webContents.executeJavaScript('window.syntheseSettleWrites ? window.syntheseSettleWrites() : undefined', true);
      } catch {
        // A page that failed to load has nothing to save.
      }
    },
    allowNextUnload: () => {
      allowed = true;
    },
  };
}
