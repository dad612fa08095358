/**
 * app: ready, paths from the launch's configuration, the single-instance lock (a lock file and a local
 * socket in userData, as Electron's own: a second instance hands its command line to the first, which
 * hears 'second-instance'), quit as Electron sequences it (before-quit, windows closed, will-quit, quit).
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BrowserWindow, closeWindow, lifecycle } from './browser-window.ts';
import { StandInEvent } from './events.ts';
import { config, record, state } from './state.ts';

const PATH_NAMES = ['home', 'appData', 'userData', 'sessionData', 'temp', 'exe', 'module', 'desktop', 'documents', 'downloads', 'music', 'pictures', 'videos', 'recent', 'logs', 'crashDumps'];

let markReady: () => void = () => {};
const readyPromise = new Promise<void>((resolve) => (markReady = resolve));
let lockServer: Server | null = null;
const pathOverrides = new Map<string, string>();

class App extends EventEmitter {
  get isPackaged(): boolean {
    return config().packaged;
  }

  whenReady(): Promise<void> {
    return readyPromise;
  }

  isReady(): boolean {
    return state.ready;
  }

  enableSandbox(): void {
    if (state.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    state.sandboxEnabled = true;
  }

  getAppPath(): string {
    return config().appPath;
  }

  getVersion(): string {
    return (JSON.parse(readFileSync(join(config().appPath, 'package.json'), 'utf8')) as { version: string }).version;
  }

  getName(): string {
    const manifest = JSON.parse(readFileSync(join(config().appPath, 'package.json'), 'utf8')) as { name: string; productName?: string };
    return manifest.productName ?? manifest.name;
  }

  getLocale(): string {
    return 'fr';
  }

  getPath(name: string): string {
    const override = pathOverrides.get(name);
    if (override) return override;
    const { userData, documents } = config();
    const home = dirname(documents);
    switch (name) {
      case 'userData':
      case 'sessionData':
        return userData;
      case 'appData':
        return dirname(userData);
      case 'documents':
        return documents;
      case 'home':
        return home;
      case 'temp':
        return tmpdir();
      case 'exe':
      case 'module':
        return process.execPath;
      case 'logs':
        return join(userData, 'logs');
      case 'crashDumps':
        return join(userData, 'Crashpad');
      default:
        if (PATH_NAMES.includes(name)) return join(home, name);
        throw new Error(`Failed to get '${name}' path`);
    }
  }

  setPath(name: string, path: string): void {
    pathOverrides.set(name, path);
  }

  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    if (lockServer) return true;
    const dir = this.getPath('userData');
    mkdirSync(dir, { recursive: true });
    const lock = join(dir, 'SingletonLock');
    const socket = join(dir, 'SingletonSocket');
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
    } catch {
      const holder = Number(readFileSync(lock, 'utf8'));
      if (holder !== process.pid && alive(holder)) {
        handOver(socket, { argv: process.argv, workingDirectory: process.cwd(), additionalData: additionalData ?? null });
        return false;
      }
      writeFileSync(lock, String(process.pid)); // left by an instance that crashed
    }
    rmSync(socket, { force: true });
    lockServer = createServer((connection) => {
      let text = '';
      connection.setEncoding('utf8');
      connection.on('data', (chunk: string) => (text += chunk));
      connection.on('end', () => {
        const { argv, workingDirectory, additionalData: data } = JSON.parse(text) as { argv: string[]; workingDirectory: string; additionalData: unknown };
        this.emit('second-instance', new StandInEvent(), argv, workingDirectory, data);
      });
    });
    lockServer.listen(socket);
    lockServer.unref();
    return true;
  }

  hasSingleInstanceLock(): boolean {
    return lockServer !== null;
  }

  releaseSingleInstanceLock(): void {
    if (!lockServer) return;
    lockServer.close();
    lockServer = null;
    rmSync(join(this.getPath('userData'), 'SingletonLock'), { force: true });
  }

  focus(): void {}

  quit(): void {
    record('app', 'quit', []);
    if (state.quitting) return;
    void quitting(this);
  }

  exit(exitCode = 0): void {
    record('app', 'exit', [exitCode]);
    state.quitting = true;
    for (const window of BrowserWindow.getAllWindows()) window.destroy();
    void exitProcess(exitCode);
  }

  override emit(name: string | symbol, ...args: unknown[]): boolean {
    if (typeof name === 'string') state.appEvents.push({ name, args: args.filter((a) => !(a instanceof StandInEvent)) });
    return super.emit(name, ...args);
  }
}

export const app = new App();

lifecycle.windowClosed = () => {
  if (BrowserWindow.getAllWindows().length > 0 || state.quitting) return;
  // Electron quits by itself only when nobody listens for window-all-closed.
  if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed', new StandInEvent());
  else app.quit();
};

lifecycle.contentsCreated = (contents) => app.emit('web-contents-created', new StandInEvent(), contents);

/** 'ready' (the driver calls this once the main module has run, as Electron does). */
export function emitReady(): void {
  if (state.ready || state.quitting) return;
  state.ready = true;
  app.emit('will-finish-launching');
  app.emit('ready', new StandInEvent(), {});
  markReady();
}

async function quitting(target: App): Promise<void> {
  const before = new StandInEvent();
  target.emit('before-quit', before);
  if (before.defaultPrevented) return;
  state.quitting = true;
  for (const window of BrowserWindow.getAllWindows()) {
    if (!(await closeWindow(window))) {
      state.quitting = false; // a page kept its window: Electron cancels the quit
      return;
    }
  }
  const will = new StandInEvent();
  target.emit('will-quit', will);
  if (will.defaultPrevented) {
    state.quitting = false;
    return;
  }
  target.emit('quit', new StandInEvent(), 0);
  await exitProcess(0);
}

async function exitProcess(code: number): Promise<void> {
  if (state.exited !== null) return;
  state.exited = code;
  await Promise.all(state.pending);
  app.releaseSingleInstanceLock();
  for (const hook of state.beforeExit) await hook();
  process.exit(code);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The second instance's command line, sent to the first; the process exits only once it is sent. */
function handOver(socket: string, message: unknown): void {
  const sent = new Promise<void>((resolve) => {
    const connection = createConnection(socket, () => connection.end(JSON.stringify(message)));
    connection.on('close', () => resolve());
    connection.on('error', () => resolve());
  });
  state.pending.add(sent);
}
