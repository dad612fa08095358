/**
 * The stand-in for the 'electron' module as Electron's main process sees it (never shipped: the tests
 * map 'electron' here). Only names and members the pinned Electron declares (test/shell/electron-shape.test.ts).
 */
export { app } from './app.ts';
export { BrowserWindow } from './browser-window.ts';
export { dialog } from './dialog.ts';
export { ipcMain } from './ipc-main.ts';
export { Menu, MenuItem } from './menu.ts';
export { protocol } from './protocol.ts';
export { Session as session } from './session.ts';
export { shell } from './shell.ts';
export { WebContents as webContents } from './web-contents.ts';
