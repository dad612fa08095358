/**
 * Electron lifecycle only: single instance, catalogue in the user-data folder with rotating backups
 * (one more on quitting), secure window (its place remembered), French menu, IPC, bundles opened from
 * the file manager and native dialogs (desktop/). Everything else is plain Node code shared with the
 * CLI and the HTTP bridge.
 */
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, shell } from 'electron';
import { backupCatalogue } from './catalogue/backup.ts';
import { type Catalogue, openCatalogue } from './catalogue/database.ts';
import { DamagedCatalogueError } from './catalogue/health.ts';
import { restoreBackup } from './catalogue/restore.ts';
import { registerDesktopIpc } from './desktop/desktop-ipc.ts';
import { bundleInbox, bundlePathsIn } from './desktop/opened-bundles.ts';
import { chosenPath, dialogFor } from './desktop/pick-kinds.ts';
import { shutdownSequence } from './desktop/shutdown.ts';
import { errorLogPathFor } from './transport/error-log.ts';
import { registerIpc } from './transport/ipc.ts';
import { startWorkerHost } from './transport/service-worker.ts';
import { swappableHost } from './transport/swappable-host.ts';
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
/** Bundles opened from the file manager wait here until the page listens (desktop-ipc.ts). */
const inbox = bundleInbox();
const bundlesIn = (argv: readonly string[], cwd: string) => bundlePathsIn(argv, cwd, (path) => statSync(path).isFile());

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  declareAppScheme();
  inbox.offer(bundlesIn(process.argv, process.cwd()));
  // macOS: a bundle double-clicked or dropped on the Dock icon, possibly before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    inbox.offer(bundlesIn([path], process.cwd()));
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    inbox.offer(bundlesIn(argv, workingDirectory));
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

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const backups = join(userData, 'sauvegardes');
  let cataloguePath = join(userData, 'catalogue.sqlite');
  // Checked here first (a damaged catalogue offers its last sound backup); this connection then only
  // makes the backups: the services have their own, in worker threads.
  const opened = await openChecked(cataloguePath, backups);
  if (!opened) {
    app.quit();
    return;
  }
  let db: Catalogue = opened;
  // Relative output folders ("out" in the Synthèse screen) land in the user's documents, not where the app was launched.
  const documentsDir = join(app.getPath('documents'), 'Synthèse régionale');
  /** The catalogue and every service in worker threads: the window never waits on SQLite or Word. */
  const startServices = (path: string) =>
    startWorkerHost({
      entry: new URL('./service-worker.mjs', import.meta.url),
      dbPath: path,
      documentsDir,
      // A large catalogue's full check runs beside: damage found stops every operation, and is said.
      onDamaged: (message) => dialog.showErrorBox('Catalogue endommagé', message),
      onExit: (message) => dialog.showErrorBox('Service arrêté', message),
    });
  let services;
  try {
    services = await startServices(cataloguePath);
  } catch (e) {
    dialog.showErrorBox('Catalogue illisible', said(e, cataloguePath));
    db.close();
    app.quit();
    return;
  }
  const host = swappableHost(services);
  registerIpc(ipcMain, host);
  serveAppScheme(join(app.getAppPath(), 'dist', 'renderer'));
  const statePath = join(userData, 'fenetre.json');
  const window = createMainWindow(join(here, 'preload.cjs'), readWindowState(statePath));
  // From the moment another document starts loading (a reload, another catalogue), opened bundles
  // wait until its page listens again.
  window.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) inbox.pause();
  });
  registerDesktopIpc(ipcMain, {
    inbox,
    pick: async (kind) => {
      const request = dialogFor(kind, app.getPath('documents'), join);
      return chosenPath(request.save ? await dialog.showSaveDialog(window, request.options) : await dialog.showOpenDialog(window, request.options));
    },
  });
  window.on('close', () => writeWindowState(statePath, { ...window.getNormalBounds(), maximized: window.isMaximized() }));

  const backupNow = async () => {
    try {
      return await backupCatalogue(db, backups, new Date());
    } catch (e) {
      dialog.showErrorBox('Sauvegarde impossible', said(e, cataloguePath));
      return null;
    }
  };
  void backupNow();
  const timer = setInterval(() => void backupNow(), BACKUP_EVERY_MS);

  const leaving = guardLeaving(window);
  /** Another catalogue in place of this one: the page's saves land in the old one first, then it reloads. */
  const swap = async (open: () => Catalogue | Promise<Catalogue>) => {
    await leaving.settle();
    await host.replace(async () => {
      // Every connection closed (the services' are, by now): a restore needs the catalogue to itself.
      db.close();
      db = await open();
      return startServices(cataloguePath);
    });
    leaving.allowNextUnload();
    window.webContents.reload();
  };
  buildMenuFor(window, {
    openCatalogue: async () => {
      const choice = await dialog.showOpenDialog(window, { title: 'Ouvrir un catalogue', filters: [{ name: 'Catalogue', extensions: ['sqlite'] }], properties: ['openFile', 'promptToCreate'] });
      if (choice.canceled || !choice.filePaths[0]) return;
      const chosen = choice.filePaths[0];
      try {
        // Checked before the one open is let go.
        openCatalogue(chosen).close();
      } catch (e) {
        dialog.showErrorBox('Catalogue illisible', said(e, chosen));
        return;
      }
      try {
        const previous = cataloguePath;
        cataloguePath = chosen;
        await swap(() => openCatalogue(chosen)).catch(async (e: unknown) => {
          // The chosen one would not start its services: back to the one that was open.
          dialog.showErrorBox('Catalogue illisible', said(e, chosen));
          cataloguePath = previous;
          await swap(() => openCatalogue(previous));
        });
      } catch (e) {
        dialog.showErrorBox('Catalogue illisible', said(e, cataloguePath));
        app.quit();
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
      const restoreThenOpen = async () => {
        try {
          const { damagedCopy } = await restoreBackup(choice.filePaths[0]!, cataloguePath, backups, new Date());
          if (damagedCopy) void dialog.showMessageBox(window, { type: 'info', message: 'Catalogue restauré', detail: `Le catalogue endommagé a été gardé de côté : ${damagedCopy}` });
        } catch (e) {
          dialog.showErrorBox('Restauration impossible', said(e, cataloguePath));
        }
        return openCatalogue(cataloguePath);
      };
      try {
        await swap(restoreThenOpen);
      } catch (e) {
        dialog.showErrorBox('Catalogue illisible', said(e, cataloguePath));
        app.quit();
      }
    },
    showBackups: () => void shell.openPath(backups),
    about: () => void dialog.showMessageBox(window, { type: 'info', message: 'Synthèse régionale', detail: `Version ${app.getVersion()}. Catalogue : ${cataloguePath}` }),
  });

  // Quitting (the window closed, or « Quitter » which skips window-all-closed): services closed, one
  // last backup, catalogue closed, then the app goes.
  const shutdown = shutdownSequence({
    closeServices: () => {
      clearInterval(timer);
      return host.close();
    },
    backup: backupNow,
    closeCatalogue: () => db.close(),
    say: (title, message) => dialog.showErrorBox(title, message),
  });
  const quitAfterShutdown = () => void shutdown.run().then(() => app.quit());
  app.on('window-all-closed', quitAfterShutdown);
  app.on('will-quit', (event) => {
    if (shutdown.done) return;
    event.preventDefault();
    quitAfterShutdown();
  });
}

function buildMenuFor(_window: BrowserWindow, actions: Parameters<typeof buildMenu>[0]): void {
  Menu.setApplicationMenu(buildMenu(actions));
}
