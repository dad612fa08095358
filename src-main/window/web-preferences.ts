/**
 * The Electron security checklist, in one place: every window of the app is created from here.
 * (Plain data: unit tests check it without Electron.)
 */
import type { WebPreferences } from 'electron';

export interface ShellBuild {
  /** `app.isPackaged`: the installed app, as opposed to `npm start` from the sources. */
  packaged: boolean;
}

export function secureWebPreferences(preloadPath: string, build: ShellBuild): WebPreferences {
  return {
    preload: preloadPath,
    // DevTools run any script with the page's rights (the whole contract, every catalogue write):
    // a developer's tool, not the installed app's.
    devTools: !build.packaged,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

/** The only origin the window may show: the app's own files, served by the custom protocol. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://synthese`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;
