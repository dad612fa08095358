/**
 * webContents: loads a URL through the handled scheme (the response's status and headers kept), runs
 * the preload in a fresh Page, asks will-navigate / the window-open handler, and leaves a page only when
 * its beforeunload lets it go or a will-prevent-unload listener calls preventDefault (Electron's rule).
 */
import { EventEmitter } from 'node:events';
import { StandInEvent, ipcMainEvent } from './events.ts';
import { invokeHandler, ipcMain } from './ipc-main.ts';
import { Page } from './page.ts';
import { request } from './protocol.ts';
import { Session, receivedHeaders } from './session.ts';
import { later, state } from './state.ts';

export interface Load {
  url: string;
  status: number | null;
  headers: Record<string, string>;
  body: string;
}

type OpenHandler = (details: { url: string; frameName: string; features: string; disposition: string; referrer: { url: string; policy: string } }) => { action: 'allow' | 'deny' };

let nextId = 1;
// The stand-in's own access to a webContents' private state.
let internals: (contents: WebContents) => { page: Page | null; loads: Load[]; openHandler: OpenHandler | null; preferences: Record<string, unknown> };
/** Closing: the page is asked first; false if it stays. */
export let leavePage: (contents: WebContents) => boolean;
export let destroyContents: (contents: WebContents) => void;

export class WebContents extends EventEmitter {
  readonly id = nextId++;
  readonly session: Session = Session.defaultSession;
  #page: Page | null = null;
  #loads: Load[] = [];
  #openHandler: OpenHandler | null = null;
  #destroyed = false;
  #devTools = false;
  #preferences: Record<string, unknown>;
  #mainFrame: { url: string; parent: null; top: unknown; frameTreeNodeId: number; processId: number; routingId: number } | null = null;

  static {
    internals = (c) => ({ page: c.#page, loads: c.#loads, openHandler: c.#openHandler, preferences: c.#preferences });
    leavePage = (c) => c.#leavePage();
    destroyContents = (c) => {
      c.#destroyed = true;
      c.emit('destroyed');
    };
  }

  static getAllWebContents(): WebContents[] {
    return state.contents.filter((c) => !(c as WebContents).isDestroyed()) as WebContents[];
  }

  static fromId(id: number): WebContents | undefined {
    return WebContents.getAllWebContents().find((c) => c.id === id);
  }

  /** Created by BrowserWindow only. */
  constructor(preferences: Record<string, unknown>) {
    super();
    this.#preferences = preferences;
    state.contents.push(this);
  }

  /** The top frame, as ipcMain's events carry it (`senderFrame`): its URL is the page's, now. */
  get mainFrame(): { url: string; parent: null; top: unknown; frameTreeNodeId: number; processId: number; routingId: number } {
    const url = () => this.getURL();
    this.#mainFrame ??= {
      get url() {
        return url();
      },
      parent: null,
      get top() {
        return this;
      },
      frameTreeNodeId: 1,
      processId: 1,
      routingId: 1,
    };
    return this.#mainFrame;
  }

  getURL(): string {
    return this.#page?.url ?? '';
  }

  getTitle(): string {
    return /<title>([^<]*)<\/title>/.exec(this.#loads.at(-1)?.body ?? '')?.[1] ?? '';
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  isLoading(): boolean {
    return false;
  }

  async loadURL(url: string): Promise<void> {
    await later();
    if (this.#page && !this.#leavePage()) throw new Error(`ERR_ABORTED (-3) loading '${url}'`);
    await this.#load(url);
  }

  reload(): void {
    const url = this.getURL();
    if (!url || !this.#leavePage()) return;
    void this.#load(url);
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.#destroyed) throw new Error('Object has been destroyed');
    this.#page?.deliver(channel, args);
  }

  setWindowOpenHandler(handler: OpenHandler): void {
    this.#openHandler = handler;
  }

  async executeJavaScript(code: string, _userGesture?: boolean): Promise<unknown> {
    if (!this.#page) throw new Error('Script failed to execute');
    return this.#page.evaluate(`return (${code});`);
  }

  openDevTools(): void {
    if (this.#preferences.devTools === false) return;
    this.#devTools = true;
    this.emit('devtools-opened');
  }

  closeDevTools(): void {
    this.#devTools = false;
  }

  isDevToolsOpened(): boolean {
    return this.#devTools;
  }

  focus(): void {}

  /** The page may go: its beforeunload lets it, or a will-prevent-unload listener overrides it. */
  #leavePage(): boolean {
    if (!this.#page || this.#page.beforeUnload()) return true;
    const event = new StandInEvent();
    this.emit('will-prevent-unload', event);
    return event.defaultPrevented;
  }

  async #load(url: string): Promise<void> {
    const sandbox = state.sandboxEnabled || (this.#preferences.sandbox ?? !this.#preferences.nodeIntegration) === true;
    const response = await request(url).catch((error: unknown) => ({ status: 500, headers: {}, body: String(error) }));
    const load: Load = response
      ? { url, status: response.status, body: response.body, headers: await receivedHeaders(this.session, url, response.headers) }
      : { url, status: null, headers: {}, body: '' }; // nothing served it: no network in the stand-in
    this.#loads.push(load);
    this.emit('did-start-navigation', navigationEvent(this, url), url, false, true, 1, 1);
    this.emit('did-start-loading');
    this.#page = new Page({
      url,
      preload: this.#preferences.preload as string | undefined,
      sandbox,
      contextIsolation: this.#preferences.contextIsolation !== false,
      toMain: {
        // The answer travels behind the messages sent before it (progress), as on Electron's one IPC pipe.
        invoke: async (channel, args) => {
          const answer = await invokeHandler(channel, ipcMainEvent(this), args).finally(later);
          return structuredClone(answer);
        },
        send: (channel, args) => void later().then(() => ipcMain.emit(channel, ipcMainEvent(this, { returnValue: undefined, reply: (c: string, ...a: unknown[]) => this.send(c, ...a) }), ...args)),
      },
    });
    if (load.status === null || load.status >= 400) this.emit('did-fail-load', new StandInEvent(), -6, 'ERR_FILE_NOT_FOUND', url, true);
    else this.emit('did-finish-load');
    this.emit('dom-ready');
  }

}

/** The stand-in's view of a webContents (the driver reads it; not Electron's API). */
export function inspect(contents: WebContents) {
  return internals(contents);
}

/** What will-navigate, will-redirect and did-start-navigation carry (a top-level, cross-document navigation). */
export function navigationEvent(contents: WebContents, url: string): StandInEvent {
  return new StandInEvent({ url, isSameDocument: false, isMainFrame: true, frame: contents.mainFrame, initiator: contents.mainFrame });
}

/** A link the page follows: will-navigate (and the navigation itself unless prevented). */
export async function navigate(contents: WebContents, url: string): Promise<{ prevented: boolean; url: string }> {
  const event = navigationEvent(contents, url);
  contents.emit('will-navigate', event, url, false, true, 1, 1);
  if (!event.defaultPrevented) await contents.loadURL(url);
  return { prevented: event.defaultPrevented, url: contents.getURL() };
}

/** window.open / a target=_blank link: the open handler decides (Electron allows when there is none). */
export function openFromPage(contents: WebContents, url: string): { action: string } {
  const handler = internals(contents).openHandler;
  if (!handler) return { action: 'allow' };
  return handler({ url, frameName: '', features: '', disposition: 'foreground-tab', referrer: { url: contents.getURL(), policy: 'strict-origin-when-cross-origin' } });
}

/** A server redirect during a navigation: will-redirect (the navigation goes on unless prevented). */
export async function redirect(contents: WebContents, url: string): Promise<{ prevented: boolean; url: string }> {
  const event = navigationEvent(contents, url);
  contents.emit('will-redirect', event, url, false, true, 1, 1);
  if (!event.defaultPrevented) await contents.loadURL(url);
  return { prevented: event.defaultPrevented, url: contents.getURL() };
}

/** The page adds a <webview>: will-attach-webview, with the guest's preferences and attributes. */
export function attachWebview(contents: WebContents, src: string): { prevented: boolean } {
  const event = new StandInEvent();
  contents.emit('will-attach-webview', event, { nodeIntegration: false }, { src });
  return { prevented: event.defaultPrevented };
}
