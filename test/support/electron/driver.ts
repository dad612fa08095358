/**
 * One launch of the built shell (dist/main/main.mjs) on the stand-in, in its own process (started by
 * harness.ts with tsx): 'electron' resolves to the stand-in, the main module runs, then 'ready' is
 * emitted, as Electron does. The test drives the app through messages ({id, command, args}) and reads
 * what the shell did; the last report is sent just before the process exits.
 */
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, emitReady } from './app.ts';
import { BrowserWindow, closeWindow, optionsOf } from './browser-window.ts';
import { StandInEvent } from './events.ts';
import { handledChannels, ipcMain } from './ipc-main.ts';
import { describeMenu, Menu } from './menu.ts';
import { request } from './protocol.ts';
import { askPermission } from './session.ts';
import { state, type StandInConfig } from './state.ts';
import { attachWebview, inspect, navigate, openFromPage, redirect } from './web-contents.ts';

register('./hooks.mjs', import.meta.url);
const config = JSON.parse(process.env.SYNTHESE_STANDIN ?? 'null') as StandInConfig;
state.config = config;
for (const [method, answers] of Object.entries(config.answers ?? {})) state.answers.set(method, [...answers]);
// Electron started from the sources: [electron, app folder, …arguments]; installed: [exe, …arguments].
process.argv = config.packaged ? [process.execPath, ...config.args] : [process.execPath, config.appPath, ...config.args];

const send = (message: unknown) => new Promise<void>((resolve) => process.send!(message, undefined, undefined, () => resolve()));
state.beforeExit.push(() => send({ type: 'exit', report: snapshot() }));

/** Data only: functions named, windows by id. */
function data(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'function' ? `[function]` : v instanceof BrowserWindow ? `[window ${v.id}]` : v)) ?? 'null');
}

function snapshot() {
  return data({
    ready: state.ready,
    quitting: state.quitting,
    sandboxEnabled: state.sandboxEnabled,
    privilegedSchemes: state.privilegedSchemes,
    handledSchemes: [...state.schemeHandlers.keys()],
    ipc: { handled: handledChannels(), listened: ipcMain.eventNames().map(String) },
    windowsCreated: state.windowsCreated,
    windows: BrowserWindow.getAllWindows().map((w) => {
      const { page, loads } = inspect(w.webContents);
      return {
        id: w.id, options: optionsOf(w), url: w.webContents.getURL(), visible: w.isVisible(), focused: w.isFocused(),
        minimized: w.isMinimized(), maximized: w.isMaximized(), loads: loads.map(({ url, status, headers }) => ({ url, status, headers })),
        page: page && { exposed: page.exposed, preloadError: page.preloadError, requires: page.requires },
      };
    }),
    calls: state.calls,
    appEvents: state.appEvents.map((e) => (['second-instance', 'open-file'].includes(e.name) ? e : { name: e.name, args: [] })),
    menu: describeMenu(Menu.getApplicationMenu()),
  });
}

function mainWindow(): BrowserWindow {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) throw new Error('Stand-in Electron: no window is open.');
  return window;
}

function currentPage() {
  const { page } = inspect(mainWindow().webContents);
  if (!page) throw new Error('Stand-in Electron: no page loaded.');
  return page;
}

async function until(check: () => boolean, what: string, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Stand-in Electron: still waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const commands: Record<string, (args: any) => Promise<unknown> | unknown> = {
  snapshot,
  /** The window shown with its page loaded (or the app gone before that). */
  async shown() {
    await until(() => state.exited !== null || BrowserWindow.getAllWindows().some((w) => w.isVisible() && inspect(w.webContents).page !== null), 'the window');
    return snapshot();
  },
  fetch: ({ url }: { url: string }) => request(url),
  navigate: ({ url }: { url: string }) => navigate(mainWindow().webContents, url),
  /** The window shows another page anyway (what navigation guards are there to prevent): its preload runs too. */
  loadAnyway: ({ url }: { url: string }) => mainWindow().webContents.loadURL(url),
  redirect: ({ url }: { url: string }) => redirect(mainWindow().webContents, url),
  attachWebview: ({ src }: { src: string }) => attachWebview(mainWindow().webContents, src),
  /** A file dropped on the page from the file manager. */
  drop: ({ path }: { path: string }) => inspect(mainWindow().webContents).page?.drop(path, readFileSync(path)),
  open: ({ url }: { url: string }) => openFromPage(mainWindow().webContents, url),
  permission: ({ permission }: { permission: string }) => askPermission(mainWindow().webContents.session, mainWindow().webContents, permission, mainWindow().webContents.getURL()),
  /** A script in the page's own world (an async function body): what the renderer's code can do. */
  page: ({ script }: { script: string }) => currentPage().evaluate(script),
  /**
   * The page's IPC, for a renderer outside this process (Chromium driven by the test, see
   * test/shell/shell-chromium.test.ts): its calls go out as this page's, what main sends it comes back as
   * 'ipc' messages.
   */
  ipcInvoke: ({ channel, args }: { channel: string; args: unknown[] }) => currentPage().ipcRenderer.invoke(channel, ...args),
  ipcSend: ({ channel, args }: { channel: string; args: unknown[] }) => currentPage().ipcRenderer.send(channel, ...args),
  mirror: () => {
    currentPage().mirror = (channel, args) => void send({ type: 'ipc', channel, args: data(args) });
  },
  answer: ({ method, answers }: { method: string; answers: unknown[] }) => {
    state.answers.set(method, [...(state.answers.get(method) ?? []), ...answers]);
  },
  minimize: () => mainWindow().minimize(),
  /** The user closes the window: true once it is gone. */
  close: () => closeWindow(mainWindow()),
  openFile: ({ path }: { path: string }) => app.emit('open-file', new StandInEvent(), path),
  clickMenu: ({ path }: { path: string[] }) => {
    let items = Menu.getApplicationMenu()?.items ?? [];
    for (const label of path.slice(0, -1)) items = items.find((i) => i.label === label)?.submenu?.items ?? [];
    const item = items.find((i) => i.label === path.at(-1));
    if (!item) throw new Error(`Stand-in Electron: no menu item ${path.join(' > ')}.`);
    item.click(item, mainWindow(), { triggeredByAccelerator: false });
  },
};

process.on('message', (message: { id: number; command: string; args?: unknown }) => {
  void (async () => {
    try {
      const run = commands[message.command];
      if (!run) throw new Error(`Stand-in Electron: unknown command ${message.command}.`);
      await send({ type: 'reply', id: message.id, ok: true, value: data(await run(message.args ?? {})) });
    } catch (error) {
      await send({ type: 'reply', id: message.id, ok: false, error: error instanceof Error ? error.stack : String(error) });
    }
  })();
});

await import(pathToFileURL(join(config.appPath, 'dist', 'main', 'main.mjs')).href);
for (const path of config.openFilesAtLaunch ?? []) app.emit('open-file', new StandInEvent(), path);
// Electron emits 'ready' once the main script has run (unless it quit first: a second instance).
setImmediate(emitReady);
