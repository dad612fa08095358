/**
 * Electron lifecycle only: single instance, catalogue in the user-data folder, secure window,
 * IPC. Everything else is plain Node code shared with the CLI and the HTTP bridge.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain } from 'electron';
import { openCatalogue } from './catalogue/database.ts';
import { handlers } from './services/handlers.ts';
import { registerIpc } from './transport/ipc.ts';
import { declareAppScheme, serveAppScheme } from './window/app-protocol.ts';
import { createMainWindow } from './window/create-window.ts';

// Shipped files (assets/, migrations) are found from the app's own folder, inside or outside asar
// (read lazily, so setting it here is early enough).
process.env.SYNTHESE_APP_ROOT ??= app.getAppPath();
const here = dirname(fileURLToPath(import.meta.url));

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
  app.whenReady().then(() => {
    const db = openCatalogue(join(app.getPath('userData'), 'catalogue.sqlite'));
    registerIpc(ipcMain, handlers, { db, now: () => new Date() });
    serveAppScheme(join(app.getAppPath(), 'dist', 'renderer'));
    createMainWindow(join(here, 'preload.cjs'));
    app.on('window-all-closed', () => {
      db.close();
      app.quit();
    });
  });
}
