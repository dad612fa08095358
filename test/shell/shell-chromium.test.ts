/**
 * The whole chain with the real renderer: the built shell on the Electron stand-in, started with a bundle
 * on its command line; the built renderer in Debian's Chromium (what Electron embeds), served by the
 * shell's own app:// handler with its CSP, the built preload run in the page before it with `require`
 * giving the stand-in's ipcRenderer (the vm page of shell.test.ts proves its sandbox; here it is the
 * renderer that is real). The page shows the bundle's merge preview in « Échanges ».
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtShell, freshProfile, removeProfiles, ShellProcess } from '../support/electron/harness.ts';

/**
 * Where Chromium believes the page is: every request is answered by the shell's app:// handler. A secure
 * origin, as app:// is (registered `secure`): crypto.randomUUID and the like exist only in secure contexts.
 */
const ORIGIN = 'https://synthese.invalid';
const launched: ShellProcess[] = [];
let browser: Browser | null = null;

/** The preload as Electron runs a sandboxed one: a function of require, process… with 'electron' given. */
function preloadScript(source: string): string {
  return `(() => {
    const listeners = new Map();
    const ipcRenderer = {
      invoke: (channel, ...args) => window.__standInInvoke(channel, args),
      send: (channel, ...args) => void window.__standInSend(channel, args),
      on(channel, listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel).add(listener);
        return ipcRenderer;
      },
      removeListener(channel, listener) {
        listeners.get(channel)?.delete(listener);
        return ipcRenderer;
      },
    };
    Object.defineProperty(window, '__standInDeliver', {
      value: (channel, args) => { for (const listener of listeners.get(channel) ?? []) listener({ sender: ipcRenderer, ports: [] }, ...args); },
    });
    const electron = {
      contextBridge: { exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: api, enumerable: true }) },
      ipcRenderer,
      webUtils: { getPathForFile: () => '' },
    };
    const require = (name) => {
      if (name === 'electron') return electron;
      throw new Error('module not found: ' + name);
    };
    const module = { exports: {} };
    (function (require, process, Buffer, global, setImmediate, clearImmediate, exports, module) {
${source}
    })(require, { platform: 'linux', sandboxed: true, env: {} }, undefined, window, undefined, undefined, module.exports, module);
  })();`;
}

async function exportDemoBundle(root: string): Promise<string> {
  const sender = freshProfile();
  const shell = new ShellProcess(root, sender);
  launched.push(shell);
  await shell.ask('shown');
  expect(await shell.page("return (await synthese.call('identity.loadDemo', {})).ok")).toBe(true);
  const bundle = join(sender.documents, 'Nouvelle-Aquitaine.synthese');
  expect((await shell.page(`return await synthese.call('exchange.export', { outPath: ${JSON.stringify(bundle)} })`)).ok).toBe(true);
  shell.stop();
  return bundle;
}

/** Chromium's page wired to the shell: requests to its app:// handler, IPC to its page's ipcRenderer. */
async function rendererOf(shell: ShellProcess, problems: string[]): Promise<Page> {
  browser ??= await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--lang=fr-FR'],
  });
  const page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`); // CSP violations among them
  });
  await page.route(`${ORIGIN}/**`, async (route) => {
    const answer = await shell.ask('fetch', { url: `app://synthese${new URL(route.request().url()).pathname}` });
    await route.fulfill({ status: answer.status, headers: answer.headers, body: Buffer.from(answer.base64, 'base64') });
  });
  await page.exposeFunction('__standInInvoke', (channel: string, args: unknown[]) => shell.ask('ipcInvoke', { channel, args }));
  await page.exposeFunction('__standInSend', (channel: string, args: unknown[]) => shell.ask('ipcSend', { channel, args }));
  shell.onIpc = (channel, args) => {
    void page.evaluate(([c, a]) => (window as any).__standInDeliver(c, a), [channel, args] as const).catch(() => {});
  };
  await shell.ask('mirror');
  await page.addInitScript({ content: preloadScript(readFileSync(join(builtShell(), 'dist', 'main', 'preload.cjs'), 'utf8')) });
  return page;
}

afterAll(async () => {
  await browser?.close();
  for (const shell of launched) {
    shell.stop();
    await shell.exited;
  }
  removeProfiles();
});

describe('the built shell with the real renderer in Chromium', () => {
  let root: string;
  beforeAll(() => {
    root = builtShell();
  }, 240_000);

  it('started with a bundle on its command line, shows its merge preview in « Échanges »', async () => {
    const bundle = await exportDemoBundle(root);
    const shell = new ShellProcess(root, { ...freshProfile(), args: [bundle] });
    launched.push(shell);
    await shell.ask('shown');
    // The catalogue says whom it is for (first launch), through the same IPC as the page's calls.
    expect((await shell.page("return await synthese.call('identity.setup', { regionCode: 'NAQ', name: 'Région académique Nouvelle-Aquitaine' })")).ok).toBe(true);

    const problems: string[] = [];
    const page = await rendererOf(shell, problems);
    await page.goto(`${ORIGIN}/index.html`);
    const receive = page.getByRole('region', { name: 'Recevoir' });
    const preview = receive.getByRole('heading', { name: 'Aperçu de la fusion : « Nouvelle-Aquitaine.synthese »' });
    await preview.waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
      // What the page shows instead, to tell why.
      await page.screenshot({ path: join('test-results', 'shell-chromium.png') });
      throw new Error(`${String(error)}\nproblems: ${problems.join('\n')}\npage: ${(await page.locator('body').innerText()).slice(0, 3000)}`);
    });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Échanges');
    expect(await receive.getByRole('textbox', { name: /^Chemin du paquet reçu/ }).inputValue()).toBe(bundle);
    expect(await receive.textContent()).toMatch(/ajout/i);
    expect(problems).toEqual([]);
  }, 180_000);
});
