/**
 * BrowserWindow: its constructor options kept as given, its webContents created with them; closing
 * emits 'close' (preventable), asks the page, then 'closed' — and the app hears when the last one goes.
 */
import { EventEmitter } from 'node:events';
import { StandInEvent } from './events.ts';
import { state } from './state.ts';
import { destroyContents, leavePage, WebContents } from './web-contents.ts';

interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

let nextId = 1;
let internals: (window: BrowserWindow) => { options: Record<string, unknown> };
/** The app's side of the last window going (app.ts sets it: window-all-closed, or quit). */
export const lifecycle = { windowClosed: () => {}, contentsCreated: (_contents: WebContents) => {} };

export class BrowserWindow extends EventEmitter {
  readonly id = nextId++;
  readonly webContents: WebContents;
  #options: Record<string, unknown>;
  #bounds: Rectangle;
  #title: string;
  #visible: boolean;
  #focused = false;
  #minimized = false;
  #maximized = false;
  #destroyed = false;

  static {
    internals = (w) => ({ options: w.#options });
  }

  static getAllWindows(): BrowserWindow[] {
    return [...state.windows] as BrowserWindow[];
  }

  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.getAllWindows().find((w) => w.isFocused()) ?? null;
  }

  static fromWebContents(contents: WebContents): BrowserWindow | null {
    return BrowserWindow.getAllWindows().find((w) => w.webContents === contents) ?? null;
  }

  static fromId(id: number): BrowserWindow | null {
    return BrowserWindow.getAllWindows().find((w) => w.id === id) ?? null;
  }

  constructor(options: Record<string, unknown> = {}) {
    super();
    if (!state.ready) throw new Error('Cannot create BrowserWindow before app is ready');
    this.#options = options;
    const n = (v: unknown, d: number) => (typeof v === 'number' ? v : d);
    this.#bounds = { x: n(options.x, 0), y: n(options.y, 0), width: n(options.width, 800), height: n(options.height, 600) };
    this.#title = typeof options.title === 'string' ? options.title : '';
    this.#visible = options.show !== false;
    this.webContents = new WebContents({ ...(options.webPreferences as Record<string, unknown> | undefined) });
    lifecycle.contentsCreated(this.webContents);
    this.webContents.once('did-finish-load', () => {
      if (!this.#visible && !this.#destroyed) this.emit('ready-to-show');
    });
    state.windows.push(this);
    state.windowsCreated += 1;
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  show(): void {
    this.#visible = true;
    this.focus();
    this.emit('show');
  }

  hide(): void {
    this.#visible = false;
    this.#focused = false;
    this.emit('hide');
  }

  isVisible(): boolean {
    return this.#visible && !this.#minimized;
  }

  focus(): void {
    for (const other of BrowserWindow.getAllWindows()) if (other !== this) other.#focused = false;
    this.#focused = true;
    this.emit('focus');
  }

  isFocused(): boolean {
    return this.#focused;
  }

  minimize(): void {
    this.#minimized = true;
    this.#focused = false;
    this.emit('minimize');
  }

  isMinimized(): boolean {
    return this.#minimized;
  }

  restore(): void {
    this.#minimized = false;
    this.emit('restore');
  }

  maximize(): void {
    this.#maximized = true;
    this.emit('maximize');
  }

  unmaximize(): void {
    this.#maximized = false;
    this.emit('unmaximize');
  }

  isMaximized(): boolean {
    return this.#maximized;
  }

  getBounds(): Rectangle {
    return { ...this.#bounds };
  }

  setBounds(bounds: Partial<Rectangle>): void {
    this.#bounds = { ...this.#bounds, ...bounds };
  }

  getNormalBounds(): Rectangle {
    return this.getBounds();
  }

  getTitle(): string {
    return this.#title;
  }

  setTitle(title: string): void {
    this.#title = title;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** As the user's close button: 'close' (preventable), the page asked, then gone. */
  close(): void {
    void closeWindow(this);
  }

  /** Gone at once: no 'close' event, no question to the page. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#focused = false;
    state.windows.splice(state.windows.indexOf(this), 1);
    this.emit('closed');
    destroyContents(this.webContents);
    lifecycle.windowClosed();
  }
}

/** Closes a window as Electron does; true once it is gone, false if 'close' or the page kept it. */
export async function closeWindow(window: BrowserWindow): Promise<boolean> {
  await new Promise((resolve) => setImmediate(resolve));
  if (window.isDestroyed()) return true;
  const event = new StandInEvent();
  window.emit('close', event);
  if (event.defaultPrevented || !leavePage(window.webContents)) return false;
  window.destroy();
  return true;
}

export function optionsOf(window: BrowserWindow): Record<string, unknown> {
  return internals(window).options;
}
