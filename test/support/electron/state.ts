/**
 * The stand-in's shared state: what the launch configured (paths, arguments, scripted dialog answers)
 * and what the shell did (windows, dialogs, links opened, app events). Never part of the Electron API:
 * the test's driver reads it, the Electron-shaped modules write it.
 */
import type { EventEmitter } from 'node:events';

export interface StandInConfig {
  /** app.getAppPath(): the folder holding package.json and dist/. */
  appPath: string;
  userData: string;
  documents: string;
  /** app.isPackaged. */
  packaged: boolean;
  /** The command-line arguments after the app's own (a file to open…). */
  args: string[];
  /** Dialog answers scripted before launch (a dialog the app shows as it starts), by method. */
  answers?: Record<string, unknown[]>;
  /** macOS: files opened from the Finder that start the app, given by 'open-file' before 'ready'. */
  openFilesAtLaunch?: string[];
}

export interface Recorded {
  module: string;
  method: string;
  args: unknown[];
}

export const state = {
  config: null as StandInConfig | null,
  ready: false,
  quitting: false,
  exited: null as number | null,
  sandboxEnabled: false,
  privilegedSchemes: [] as unknown[],
  /** scheme → handler given to protocol.handle. */
  schemeHandlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  /** Every call of dialog, shell and app.quit/exit, in order. */
  calls: [] as Recorded[],
  /** App events as emitted, by name. */
  appEvents: [] as { name: string; args: unknown[] }[],
  /** Scripted dialog answers by method, used in order; none left: the dialog is cancelled. */
  answers: new Map<string, unknown[]>(),
  windows: [] as EventEmitter[],
  windowsCreated: 0,
  contents: [] as EventEmitter[],
  applicationMenu: null as unknown,
  /** Called before the process exits (the driver sends its last report). */
  beforeExit: [] as (() => Promise<void> | void)[],
  /** Work the stand-in must finish before the process may exit (a second instance's message). */
  pending: new Set<Promise<unknown>>(),
};

export function config(): StandInConfig {
  if (!state.config) throw new Error('Stand-in Electron: no launch configuration (see test/support/electron/driver.ts).');
  return state.config;
}

export function record(module: string, method: string, args: unknown[]): void {
  state.calls.push({ module, method, args: args.map(describe) });
}

/** A call's arguments as data: windows by id, functions by name. */
function describe(value: unknown): unknown {
  if (typeof value === 'function') return `[function ${value.name}]`;
  if (value && typeof value === 'object' && 'webContents' in value && 'id' in value) return `[window ${String((value as { id: unknown }).id)}]`;
  return value;
}

export function nextAnswer(method: string): unknown {
  return state.answers.get(method)?.shift();
}

/** Electron delivers IPC and events on a later turn of the event loop. */
export const later = () => new Promise<void>((resolve) => setImmediate(resolve));
