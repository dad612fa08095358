/** The main window: secure preferences, navigation and new windows denied, external links guarded. */
import { app, BrowserWindow, shell } from 'electron';
import { APP_ENTRY, APP_ORIGIN, secureWebPreferences } from './web-preferences.ts';
import { isSafeExternalUrl } from './link-guard.ts';
import type { WindowState } from './window-state.ts';

export function createMainWindow(preloadPath: string, state: WindowState): BrowserWindow {
  const { maximized, ...bounds } = state;
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    title: 'Synthèse régionale',
    show: false,
    webPreferences: secureWebPreferences(preloadPath, { packaged: app.isPackaged }),
  });
  const contents = window.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const stayInApp = (event: { preventDefault: () => void }, url: string) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  // The app needs no camera, microphone, location or notification: every permission is refused.
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // devTools: false already refuses them; should anything open them anyway, they close at once.
  if (app.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });
  void window.loadURL(APP_ENTRY);
  return window;
}
