/**
 * The stand-in's preload world is as strict as Electron's sandbox: a preload that reaches for Node is
 * refused there, so the built preload passing in it (shell.test.ts) means something.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Page } from '../support/electron/page.ts';

const dir = mkdtempSync(join(tmpdir(), 'synthese-preload-'));
function preload(source: string): string {
  const path = join(dir, `preload-${Math.random().toString(36).slice(2)}.cjs`);
  writeFileSync(path, source);
  return path;
}
const toMain = { invoke: async (_channel: string, args: unknown[]) => args, send: () => {} };
const load = (path: string, options: { sandbox?: boolean; contextIsolation?: boolean } = {}) =>
  new Page({ url: 'app://synthese/index.html', preload: path, sandbox: options.sandbox ?? true, contextIsolation: options.contextIsolation ?? true, toMain });

describe('the stand-in’s sandboxed preload', () => {
  it('gets electron and events, timers, url; any other module is refused', () => {
    const allowed = load(preload("require('events'); require('node:timers'); require('url'); require('electron').contextBridge.exposeInMainWorld('ok', { yes: true });"));
    expect(allowed.preloadError).toBeNull();
    expect(allowed.exposed).toEqual(['ok']);
    for (const name of ['fs', 'node:child_process', 'path', 'better-sqlite3']) {
      expect(load(preload(`require(${JSON.stringify(name)});`)).preloadError, name).toBe(`Error: module not found: ${name}`);
    }
    // Without the sandbox, Node is there: what the checklist's sandbox: true takes away.
    expect(load(preload("require('fs');"), { sandbox: false }).preloadError).toBeNull();
  });

  it('has no __dirname, a process without bindings, and the page sees only what the bridge exposed', async () => {
    const page = load(preload(`
      const { contextBridge } = require('electron');
      contextBridge.exposeInMainWorld('seen', { dirname: typeof __dirname, binding: typeof process.binding, env: Object.keys(process.env).length, sandboxed: process.sandboxed });
    `));
    expect(page.preloadError).toBeNull();
    expect(await page.evaluate('return { seen, require: typeof require, process: typeof process }')).toEqual({
      seen: { dirname: 'undefined', binding: 'undefined', env: 0, sandboxed: true }, require: 'undefined', process: 'undefined',
    });
  });

  it('refuses contextBridge without context isolation, and a relative preload path', () => {
    expect(load(preload("require('electron').contextBridge.exposeInMainWorld('x', {});"), { contextIsolation: false }).preloadError).toMatch(/contextIsolation/);
    expect(load('preload.cjs').preloadError).toMatch(/must be absolute/);
  });

  it('sends IPC arguments as structured clones: a function cannot cross', async () => {
    const page = load(preload("const { contextBridge, ipcRenderer } = require('electron'); contextBridge.exposeInMainWorld('send', (v) => ipcRenderer.invoke('x', v));"));
    expect(await page.evaluate('return await send({ a: [1, 2] })')).toEqual([{ a: [1, 2] }]);
    await expect(page.evaluate('return await send({ f() {} })')).rejects.toThrow(/could not be cloned/);
  });
});
