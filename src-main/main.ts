/**
 * Electron lifecycle only: single instance, catalogue in the user-data folder with rotating backups,
 * secure window (its place remembered), French menu, IPC. Everything else is plain Node code shared
 * with the CLI and the HTTP bridge.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, shell } from 'electron';
import { backupCatalogue } from './catalogue/backup.ts';
import { type Catalogue, needsBackgroundCheck, openCatalogue } from './catalogue/database.ts';
import { damagedCatalogue, DamagedCatalogueError } from './catalogue/health.ts';
import { checkIntegrityInBackground } from './catalogue/integrity-worker.ts';
import { restoreBackup } from './catalogue/restore.ts';
import { handlers } from './services/handlers.ts';
import type { ServiceContext } from './services/context.ts';
import { errorLogPathFor } from './transport/error-log.ts';
import { registerIpc } from './transport/ipc.ts';
import { toAppError } from './transport/to-app-error.ts';
import { declareAppScheme, serveAppScheme } from './window/app-protocol.ts';
import { createMainWindow } from './window/create-window.ts';
import { guardLeaving } from './window/leave-guard.ts';
import { buildMenu } from './window/menu.ts';
import { readWindowState, writeWindowState } from './window/window-state.ts';

// Shipped files (assets/, migrations) are found from the app's own folder, inside or outside asar
// (read lazily, so setting it here is early enough).
process.env.SYNTHESE_APP_ROOT ??= app.getAppPath();
const here = dirname(fileURLToPath(import.meta.url));
const BACKUP_EVERY_MS = 30 * 60 * 1000;
// Every renderer sandboxed, whatever a window's own preferences say (only possible before ready).
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  declareAppScheme();
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.whenReady().then(start);
}

/** What a dialog may say of an error: French, summarised; the rest goes to the catalogue's journal. */
function said(error: unknown, cataloguePath: string): string {
  return toAppError(error, { logPath: errorLogPathFor(cataloguePath) }).toPayload().message;
}

/**
 * The catalogue, checked as it opens. Damaged: said in French, with its last sound backup offered
 * (the damaged file is kept aside by the restore, never deleted); anything else unreadable: said, then quit.
 */
async function openChecked(path: string, backups: string): Promise<Catalogue | null> {
  for (;;) {
    try {
      return openCatalogue(path);
    } catch (error) {
      const message = said(error, path);
      if (!(error instanceof DamagedCatalogueError) || !error.lastSound) {
        dialog.showErrorBox('Catalogue illisible', message);
        return null;
      }
      const answer = await dialog.showMessageBox({
        type: 'error', title: 'Catalogue endommagé', message: 'Le catalogue est endommagé.', detail: message,
        buttons: [`Restaurer ${error.lastSound.fileName}`, 'Quitter'], defaultId: 0, cancelId: 1,
      });
      if (answer.response !== 0) return null;
      try {
        await restoreBackup(error.lastSound.path, path, backups, new Date());
      } catch (e) {
        dialog.showErrorBox('Restauration impossible', said(e, path));
        return null;
      }
    }
  }
}

/** A large catalogue's full check, beside the window: damage found stops every operation (see ServiceContext.damaged). */
function watchIntegrity(context: ServiceContext, path: string): void {
  if (!needsBackgroundCheck(path)) return;
  void checkIntegrityInBackground(path).then((damage) => {
    if (!damage || context.cataloguePath !== path) return;
    context.damaged = damagedCatalogue(path, damage);
    dialog.showErrorBox('Catalogue endommagé', context.damaged.message);
  });
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const backups = join(userData, 'sauvegardes');
  let cataloguePath = join(userData, 'catalogue.sqlite');
  const opened = await openChecked(cataloguePath, backups);
  if (!opened) {
    app.quit();
    return;
  }
  // One context object whose catalogue can be swapped (another catalogue opened, a backup restored).
  const context: ServiceContext = {
    db: opened, now: () => new Date(), cataloguePath,
    // Relative output folders ("out" in the Synthèse screen) land in the user's documents, not where the app was launched.
    documentsDir: join(app.getPath('documents'), 'Synthèse régionale'),
  };
  watchIntegrity(context, cataloguePath);
  registerIpc(ipcMain, handlers, context);
  serveAppScheme(join(app.getAppPath(), 'dist', 'renderer'));
  const statePath = join(userData, 'fenetre.json');
  const window = createMainWindow(join(here, 'preload.cjs'), readWindowState(statePath));
  window.on('close', () => writeWindowState(statePath, { ...window.getNormalBounds(), maximized: window.isMaximized() }));

  const backupNow = async () => {
    try {
      return await backupCatalogue(context.db, backups, new Date());
    } catch (e) {
      dialog.showErrorBox('Sauvegarde impossible', said(e, cataloguePath));
      return null;
    }
  };
  void backupNow();
  const timer = setInterval(() => void backupNow(), BACKUP_EVERY_MS);

  const leaving = guardLeaving(window);
  /** Another catalogue in place of this one: the page's saves land in the old one first, then it reloads. */
  const swap = async (open: () => Catalogue) => {
    await leaving.settle();
    context.db.close();
    context.db = open();
    context.damaged = undefined;
    watchIntegrity(context, context.cataloguePath!);
    leaving.allowNextUnload();
    window.webContents.reload();
  };
  buildMenuFor(window, {
    openCatalogue: async () => {
      const choice = await dialog.showOpenDialog(window, { title: 'Ouvrir un catalogue', filters: [{ name: 'Catalogue', extensions: ['sqlite'] }], properties: ['openFile', 'promptToCreate'] });
      if (choice.canceled || !choice.filePaths[0]) return;
      try {
        const next = openCatalogue(choice.filePaths[0]);
        cataloguePath = choice.filePaths[0];
        context.cataloguePath = cataloguePath;
        await swap(() => next);
      } catch (e) {
        dialog.showErrorBox('Catalogue illisible', said(e, cataloguePath));
      }
    },
    backupNow: () =>
      void backupNow().then((b) => {
        if (b) void dialog.showMessageBox(window, { type: 'info', message: 'Catalogue sauvegardé', detail: b.path });
      }),
    restoreBackup: async () => {
      const choice = await dialog.showOpenDialog(window, { title: 'Restaurer une sauvegarde', defaultPath: backups, filters: [{ name: 'Sauvegarde', extensions: ['sqlite'] }], properties: ['openFile'] });
      if (choice.canceled || !choice.filePaths[0]) return;
      const answer = await dialog.showMessageBox(window, {
        type: 'question', buttons: ['Restaurer', 'Annuler'], defaultId: 1, cancelId: 1,
        message: 'Remplacer le catalogue par cette sauvegarde ?', detail: 'L’état actuel sera d’abord gardé comme sauvegarde : la restauration pourra être annulée.',
      });
      if (answer.response !== 0) return;
      await leaving.settle();
      try {
        // Our own connection closed first: the restore needs the catalogue to itself.
        context.db.close();
        const { damagedCopy } = await restoreBackup(choice.filePaths[0], cataloguePath, backups, new Date());
        if (damagedCopy) void dialog.showMessageBox(window, { type: 'info', message: 'Catalogue restauré', detail: `Le catalogue endommagé a été gardé de côté : ${damagedCopy}` });
      } catch (e) {
        dialog.showErrorBox('Restauration impossible', said(e, cataloguePath));
      }
      try {
        await swap(() => openCatalogue(cataloguePath));
      } catch (e) {
        dialog.showErrorBox('Catalogue illisible', said(e, cataloguePath));
        app.quit();
      }
    },
    showBackups: () => void shell.openPath(backups),
    about: () => void dialog.showMessageBox(window, { type: 'info', message: 'Synthèse régionale', detail: `Version ${app.getVersion()}. Catalogue : ${cataloguePath}` }),
  });

  app.on('window-all-closed', () => {
    clearInterval(timer);
    context.db.close();
    app.quit();
  });
}

function buildMenuFor(_window: BrowserWindow, actions: Parameters<typeof buildMenu>[0]): void {
  Menu.setApplicationMenu(buildMenu(actions));
}
