/** The main window: secure preferences, navigation and new windows denied, external links guarded. */
import { BrowserWindow, shell } from 'electron';
import { APP_ENTRY, APP_ORIGIN, secureWebPreferences } from './web-preferences.ts';
import { isSafeExternalUrl } from './link-guard.ts';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Synthèse régionale',
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  });
  const contents = window.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
  return window;
}
