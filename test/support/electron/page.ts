/**
 * The renderer side of one loaded page: the page's own world (where its scripts run), and the preload
 * run for real in an isolated world with only what Electron gives a sandboxed preload — `require` of
 * 'electron' (contextBridge, ipcRenderer…) and of the few Node modules allowed (events, timers, url),
 * a reduced `process`, Buffer and the immediates. contextBridge copies what it exposes into the page's
 * world; IPC arguments cross as structured clones, in order (an invoke's answer after what was sent before it).
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import * as vm from 'node:vm';
import { StandInEvent } from './events.ts';
import { later } from './state.ts';

export interface ToMain {
  invoke(channel: string, args: unknown[]): Promise<unknown>;
  send(channel: string, args: unknown[]): void;
}

export interface PageOptions {
  url: string;
  preload: string | undefined;
  sandbox: boolean;
  contextIsolation: boolean;
  toMain: ToMain;
}

/** The Node modules a sandboxed preload may require (Electron's documented list). */
export const SANDBOXED_NODE_MODULES = ['events', 'timers', 'url'];
/** Files dropped on a page, with the path only Electron's webUtils can tell. */
const droppedFiles = new WeakMap<File, string>();

class IpcRenderer extends EventEmitter {
  #toMain: ToMain;

  constructor(toMain: ToMain) {
    super();
    this.#toMain = toMain;
  }

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return this.#toMain.invoke(channel, structuredClone(args));
  }

  send(channel: string, ...args: unknown[]): void {
    this.#toMain.send(channel, structuredClone(args));
  }
}

export class Page {
  readonly url: string;
  /** The page's own world: its `window`, where the test's page scripts run. */
  readonly world: vm.Context;
  readonly ipcRenderer: IpcRenderer;
  /** What the preload exposed, by key (empty if it failed). */
  readonly exposed: string[] = [];
  preloadError: string | null = null;
  readonly requires: string[] = [];
  /** What `require('electron')` gives this page's preload. */
  readonly electron: Record<string, unknown>;
  readonly #dom = new EventTarget();

  constructor(options: PageOptions) {
    this.url = options.url;
    this.ipcRenderer = new IpcRenderer(options.toMain);
    this.electron = this.#rendererModules(options.contextIsolation);
    this.world = this.#newWorld();
    if (options.preload !== undefined) this.#runPreload(options);
  }

  /** Also hands what the main process sends to another renderer (a real browser's page, see driver.ts). */
  mirror: ((channel: string, args: unknown[]) => void) | null = null;

  /** Main → page (webContents.send): delivered to ipcRenderer's listeners on a later turn. */
  deliver(channel: string, args: unknown[]): void {
    const copy = structuredClone(args);
    this.mirror?.(channel, copy);
    void later().then(() => this.ipcRenderer.emit(channel, new StandInEvent({ sender: this.ipcRenderer, ports: [] }), ...copy));
  }

  /** The page is being left: true if it lets go, false if a beforeunload listener asks to stay. */
  beforeUnload(): boolean {
    const event = new Event('beforeunload', { cancelable: true });
    this.#dom.dispatchEvent(event);
    return !event.defaultPrevented;
  }

  /** Runs a page script (an async function body) in the page's world; its result as JSON data. */
  async evaluate(body: string): Promise<unknown> {
    const result: unknown = await vm.runInContext(`(async () => {\n${body}\n})()`, this.world, { filename: 'page-script.js' });
    return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
  }

  #newWorld(): vm.Context {
    const { origin, href, protocol, host, pathname, hash } = new URL(this.url);
    const dom = this.#dom;
    const world = vm.createContext({
      console,
      location: { origin, href, protocol, host, pathname, hash },
      addEventListener: dom.addEventListener.bind(dom),
      removeEventListener: dom.removeEventListener.bind(dom),
      dispatchEvent: dom.dispatchEvent.bind(dom),
      setTimeout,
      clearTimeout,
      File,
    });
    vm.runInContext('globalThis.window = globalThis; globalThis.self = globalThis;', world);
    return world;
  }

  #runPreload(options: PageOptions): void {
    const path = options.preload!;
    try {
      if (!isAbsolute(path)) throw new Error(`Unable to load preload script: ${path} (the path must be absolute)`);
      const source = readFileSync(path, 'utf8');
      const isolated = options.contextIsolation ? this.#newWorld() : this.world;
      const electron = this.electron;
      const nodeRequire = createRequire(path);
      const require = (name: string): unknown => {
        this.requires.push(name);
        if (name === 'electron' || name === 'electron/renderer' || name === 'electron/common') return electron;
        if (!options.sandbox) return nodeRequire(name);
        const bare = name.replace(/^node:/, '');
        if (SANDBOXED_NODE_MODULES.includes(bare)) return nodeRequire(bare);
        throw new Error(`module not found: ${name}`);
      };
      const module = { exports: {} as unknown };
      if (options.sandbox) {
        const run = vm.compileFunction(source, ['require', 'process', 'Buffer', 'global', 'setImmediate', 'clearImmediate', 'exports', 'module'], {
          parsingContext: isolated, filename: path,
        });
        run(require, sandboxedProcess(), Buffer, vm.runInContext('globalThis', isolated), setImmediate, clearImmediate, module.exports, module);
      } else {
        const run = vm.compileFunction(source, ['require', 'process', 'Buffer', 'global', 'setImmediate', 'clearImmediate', 'exports', 'module', '__filename', '__dirname'], {
          parsingContext: isolated, filename: path,
        });
        run(require, process, Buffer, vm.runInContext('globalThis', isolated), setImmediate, clearImmediate, module.exports, module, path, path.replace(/[/\\][^/\\]*$/, ''));
      }
    } catch (error) {
      // Electron reports a failing preload in the console and loads the page anyway.
      this.preloadError = String(error);
    }
  }

  #rendererModules(contextIsolation: boolean): Record<string, unknown> {
    const contextBridge = {
      exposeInMainWorld: (apiKey: string, api: unknown): void => {
        if (!contextIsolation) throw new Error('contextBridge API can only be used when contextIsolation is enabled');
        if (apiKey in this.world) throw new Error(`Cannot bind an API on top of an existing property on the window object`);
        vm.runInContext('globalThis', this.world)[apiKey] = copyInto(api, this.world);
        this.exposed.push(apiKey);
      },
    };
    const webUtils = {
      getPathForFile(file: unknown): string {
        if (!(file instanceof File)) throw new TypeError('Error processing argument at index 0, conversion failure from');
        return droppedFiles.get(file) ?? '';
      },
    };
    return { contextBridge, ipcRenderer: this.ipcRenderer, webUtils };
  }

  /** A file dragged from the file manager and dropped on the page: a 'drop' event carrying it. */
  drop(path: string, bytes: Uint8Array): void {
    const file = new File([new Uint8Array(bytes)], path.split(/[/\\]/).pop()!);
    droppedFiles.set(file, path);
    const event = new Event('drop', { cancelable: true });
    Object.defineProperty(event, 'dataTransfer', { value: { files: [file] } });
    this.#dom.dispatchEvent(event);
  }
}

/** The `process` of a sandboxed preload: a few facts, no bindings, no environment beyond what Electron copies. */
function sandboxedProcess(): EventEmitter {
  const emitter = new EventEmitter();
  return Object.assign(emitter, {
    arch: process.arch, platform: process.platform, pid: process.pid, type: 'renderer', sandboxed: true, contextIsolated: true,
    version: process.version, versions: { ...process.versions }, argv: [], env: {}, execPath: process.execPath,
  });
}

/**
 * contextBridge's copy into the page's world: functions become callable proxies (their arguments and
 * results copied again), promises are followed, objects and arrays copied; prototypes are not carried.
 */
function copyInto(value: unknown, world: vm.Context, seen = new Map<unknown, unknown>()): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
  if (seen.has(value)) return seen.get(value);
  if (value instanceof Blob) return value; // DOM objects (a dropped File) cross the bridge as they are
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    const proxy = (...args: unknown[]) => copyInto(fn(...args.map((a) => copyInto(a, world))), world);
    seen.set(value, proxy);
    return proxy;
  }
  if (value instanceof Promise || typeof (value as { then?: unknown }).then === 'function') {
    const PagePromise = vm.runInContext('Promise', world) as PromiseConstructor;
    return new PagePromise((resolve, reject) => (value as Promise<unknown>).then((v) => resolve(copyInto(v, world)), (e) => reject(copyInto(e, world))));
  }
  if (value instanceof Error) return new (vm.runInContext('Error', world) as ErrorConstructor)(value.message);
  const copy = Array.isArray(value) ? vm.runInContext('[]', world) : vm.runInContext('({})', world);
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[key] = copyInto(item, world, seen);
  return copy;
}
