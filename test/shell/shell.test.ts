/**
 * The desktop app's shell, built (scripts/build-main.mjs, as `npm run build:main`) and driven end to end
 * on the Electron stand-in (test/support/electron/): dist/main/main.mjs runs as Electron would run it,
 * the real preload in a sandboxed vm world, the services in their worker threads, the catalogue on disk.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtShell, freshProfile, removeProfiles, ShellProcess } from '../support/electron/harness.ts';

let root: string;
let profile: ReturnType<typeof freshProfile>;
let shell: ShellProcess;
let shown: any;
const others: ShellProcess[] = [];

const callsOf = (report: any, module: string, method: string) => (report.calls as any[]).filter((c) => c.module === module && c.method === method);

/** The whole backups in a folder (not one being written). */
const made = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.sqlite')) : []);

async function until(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 50) {
    if (waited > 30_000) throw new Error('still waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A CSP as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources]));
}

beforeAll(async () => {
  root = builtShell();
  profile = freshProfile();
  shell = new ShellProcess(root, profile);
  shown = await shell.ask('shown');
}, 240_000);

afterAll(async () => {
  for (const process of [shell, ...others]) {
    process?.stop();
    await process?.exited;
  }
  removeProfiles();
});

describe('the built shell on the Electron stand-in', () => {
  it('gets ready and opens one window, shown once its page has loaded', () => {
    expect(shown.ready).toBe(true);
    expect(shown.windowsCreated).toBe(1);
    expect(shown.windows).toHaveLength(1);
    const [window] = shown.windows;
    expect(window.options.show).toBe(false); // shown on ready-to-show, never blank
    expect(window.visible).toBe(true);
    expect(window.options.title).toBe('Synthèse régionale');
    expect(shown.menu.map((m: any) => m.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
  });

  it('gives its window the security checklist, item by item', () => {
    const prefs = shown.windows[0].options.webPreferences;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.partition).toBeUndefined();
    expect(prefs.preload).toBe(join(root, 'dist', 'main', 'preload.cjs'));
    expect(existsSync(prefs.preload)).toBe(true);
    // Every renderer sandboxed by the app itself too, whatever a window says.
    expect(shown.sandboxEnabled).toBe(true);
    // The app:// scheme is privileged as a standard secure scheme, and never exempt from the CSP.
    expect(shown.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('runs the real preload sandboxed: it needs only electron, and exposes the two bridges, nothing else', async () => {
    const { page } = shown.windows[0];
    expect(page.preloadError).toBeNull();
    expect(page.requires).toEqual(['electron']);
    expect(page.exposed).toEqual(['synthese', 'syntheseDesktop']);
    const seen = await shell.page(`return {
      bridge: Object.keys(synthese).sort(), desktop: Object.keys(syntheseDesktop).sort(),
      ipcRenderer: typeof ipcRenderer, require: typeof require, process: typeof process, electron: typeof electron,
    }`);
    expect(seen).toEqual({
      bridge: ['call', 'cancel', 'onProgress', 'operations'], desktop: ['onOpenBundle', 'pathOfFile', 'pickPath'],
      ipcRenderer: 'undefined', require: 'undefined', process: 'undefined', electron: 'undefined',
    });
  });

  it('serves index.html through app:// with a CSP that lets in no remote content', async () => {
    const [load] = shown.windows[0].loads;
    expect(load).toMatchObject({ url: 'app://synthese/index.html', status: 200 });
    expect(load.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(load.headers['x-content-type-options']).toBe('nosniff');
    const csp = directives(load.headers['content-security-policy']);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    // No host, no scheme that reaches the network, no wildcard, nothing inline but two hashed rules.
    for (const [name, sources] of csp) {
      for (const source of sources) expect(`${name} ${source}`).toMatch(/ ('self'|'none'|data:|blob:|'sha256-[A-Za-z0-9+/=]+')$/);
    }
    expect(csp.get('style-src')!.filter((s) => s.startsWith("'sha256-"))).toHaveLength(2);

    const page = await shell.ask('fetch', { url: 'app://synthese/index.html' });
    const script = /<script[^>]+src="\.?\/?([^"]+)"/.exec(page.body)?.[1];
    expect(script).toMatch(/^assets\/.+\.js$/);
    const asset = await shell.ask('fetch', { url: `app://synthese/${script}` });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['content-security-policy']).toBe(load.headers['content-security-policy']);
    for (const outside of ['app://synthese/%2e%2e/%2e%2e/package.json', 'app://synthese/..%2F..%2Fpackage.json', 'app://synthese/absent.js']) {
      expect((await shell.ask('fetch', { url: outside })).status, outside).toBe(404);
    }
  });

  it('refuses navigation away from the app, and stays on its page', async () => {
    for (const url of ['https://example.org/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://synthese.example.org/index.html', 'app://autre/index.html']) {
      expect(await shell.ask('navigate', { url }), url).toEqual({ prevented: true, url: 'app://synthese/index.html' });
      expect(await shell.ask('redirect', { url }), url).toEqual({ prevented: true, url: 'app://synthese/index.html' });
    }
    expect(await shell.ask('attachWebview', { src: 'https://example.org/' })).toEqual({ prevented: true });
  });

  it('refuses every new window; a safe web or mail link goes to the system, and nothing else', async () => {
    const asked = ['https://www.education.gouv.fr/', 'mailto:dane@ac-poitiers.fr', 'http://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://synthese/index.html', 'https://user:pw@example.org/'];
    for (const url of asked) expect(await shell.ask('open', { url }), url).toEqual({ action: 'deny' });
    const report = await shell.ask('snapshot');
    expect(callsOf(report, 'shell', 'openExternal').map((c) => c.args[0])).toEqual(['https://www.education.gouv.fr/', 'mailto:dane@ac-poitiers.fr']);
    expect(report.windows).toHaveLength(1);
  });

  it('refuses the page every permission', async () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      expect(await shell.ask('permission', { permission }), permission).toEqual({ granted: false, checked: false });
    }
  });

  it('carries a call from the page through IPC to the worker services and back', async () => {
    expect(await shell.page("return await synthese.call('campaigns.list', {})")).toEqual({ ok: true, value: [] });
    expect(await shell.page("return await synthese.call('fs.readFile', { path: '/etc/passwd' })")).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(await shell.page("return await synthese.call('campaigns.get', { id: 'pas-un-id' })")).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // The demo loaded by the services in their worker, into the catalogue in userData.
    expect(await shell.page("return (await synthese.call('identity.loadDemo', {})).ok")).toBe(true);
    const campaigns = await shell.page("return await synthese.call('campaigns.list', {})");
    expect(campaigns.ok).toBe(true);
    expect(campaigns.value.length).toBeGreaterThan(0);
    expect(existsSync(join(profile.userData, 'catalogue.sqlite'))).toBe(true);
  });

  it('brings a long call’s progress to the page’s listener', async () => {
    const result = await shell.page(`
      const progress = [];
      const stop = synthese.onProgress((p) => progress.push(p));
      const [campaign] = (await synthese.call('campaigns.list', {})).value;
      const answer = await synthese.call('synthesis.generate', { campaignId: campaign.id, thematique: 1, outputDir: 'sorties' });
      stop();
      return { answer, progress };
    `);
    expect(result.answer.ok).toBe(true);
    expect(result.progress.map((p: any) => [p.operation, p.done, p.total])).toEqual([['synthesis.generate', 0, 1], ['synthesis.generate', 1, 1]]);
    expect(result.progress[0].message).toMatch(/^Rédaction de .+\.docx$/);
    const [document] = result.answer.value.documents;
    // A relative output folder lands in the user's documents.
    expect(document.path.startsWith(join(profile.documents, 'Synthèse régionale', 'sorties'))).toBe(true);
    expect(existsSync(document.path)).toBe(true);
  });

  it('cancels a long call by its id from the page: « Opération annulée. », no document written', async () => {
    const result = await shell.page(`
      const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
      const [campaign] = (await synthese.call('campaigns.list', {})).value;
      const stop = synthese.onProgress(() => synthese.cancel(id));
      const answer = await synthese.call('synthesis.generate', { campaignId: campaign.id, outputDir: 'annulee' }, id);
      stop();
      return answer;
    `);
    expect(result).toMatchObject({ ok: false, error: { message: 'Opération annulée.' } });
    const folder = join(profile.documents, 'Synthèse régionale', 'annulee');
    expect(existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith('.docx')) : []).toEqual([]);
  });

  it('shows the native dialog of a kind the page names, with its French title, and answers the path', async () => {
    await shell.ask('answer', { method: 'showOpenDialog', answers: [['/tmp/reçu.synthese']] });
    expect(await shell.page("return await syntheseDesktop.pickPath('bundle')")).toBe('/tmp/reçu.synthese');
    expect(await shell.page("return await syntheseDesktop.pickPath('bundle')")).toBeNull(); // cancelled
    await expect(shell.page("return await syntheseDesktop.pickPath('../etc')")).rejects.toThrow(/genre de fichier/);
    const [first] = callsOf(await shell.ask('snapshot'), 'dialog', 'showOpenDialog');
    expect(first.args[0]).toBe('[window 1]');
    expect(first.args[1]).toMatchObject({ title: 'Choisir un paquet reçu', filters: [{ name: 'Paquet Synthèse régionale', extensions: ['synthese'] }] });
  });

  it('a second instance hands its bundle over and quits; the first restores and focuses its window', async () => {
    const bundle = join(profile.documents, 'paquet-region.synthese');
    const written = await shell.page(`return await synthese.call('exchange.export', { outPath: ${JSON.stringify(bundle)} })`);
    expect(written.ok).toBe(true);
    await shell.page('globalThis.opened = []; syntheseDesktop.onOpenBundle((path) => opened.push(path));');
    await shell.ask('minimize');
    expect((await shell.ask('snapshot')).windows[0]).toMatchObject({ minimized: true, focused: false });

    const second = new ShellProcess(root, { ...profile, args: ['--enable-logging', bundle] });
    others.push(second);
    const { code, report } = await second.exited;
    expect(code).toBe(0);
    expect(report.windowsCreated).toBe(0);
    expect(report.ready).toBe(false);
    expect(callsOf(report, 'app', 'quit')).toHaveLength(1);

    const first = await shell.ask('snapshot');
    const handed = first.appEvents.find((e: any) => e.name === 'second-instance');
    expect(handed.args[0]).toContain(bundle);
    expect(first.windows[0]).toMatchObject({ minimized: false, focused: true });
    expect(await shell.page('return opened')).toEqual([bundle]);

    // Dropped on the window: the page learns its path through the preload (webUtils), nothing else.
    await shell.page("globalThis.dropped = []; addEventListener('drop', (event) => dropped.push(syntheseDesktop.pathOfFile(event.dataTransfer.files[0])));");
    await shell.ask('drop', { path: bundle });
    expect(await shell.page('return [...dropped, syntheseDesktop.pathOfFile(new File([], "x.synthese"))]')).toEqual([bundle, '']);
  });

  it('asks before closing on a field being typed in: « Rester » keeps the window', async () => {
    await shell.page("addEventListener('beforeunload', (event) => event.preventDefault());");
    await shell.ask('answer', { method: 'showMessageBox', answers: [1] });
    expect(await shell.ask('close')).toBe(false);
    const report = await shell.ask('snapshot');
    expect(report.windows).toHaveLength(1);
    const [asked] = callsOf(report, 'dialog', 'showMessageBoxSync');
    expect(asked.args[0]).toBe('[window 1]');
    expect(asked.args[1]).toMatchObject({ message: 'Une saisie est en cours.', buttons: ['Quitter', 'Rester'], cancelId: 1 });
  });

  it('« Quitter » closes it; the app then closes its services and catalogue, after one last backup', async () => {
    const backups = join(profile.userData, 'sauvegardes');
    const before = made(backups);
    expect(before.length).toBeGreaterThan(0); // the backup made at launch
    await shell.ask('answer', { method: 'showMessageBox', answers: [0] });
    expect(await shell.ask('close')).toBe(true);
    const { code, report } = await shell.exited;
    expect(code).toBe(0);
    const events = report.appEvents.map((e: any) => e.name);
    expect(events.slice(events.indexOf('window-all-closed'))).toEqual(['window-all-closed', 'before-quit', 'will-quit', 'quit']);
    expect(callsOf(report, 'dialog', 'showErrorBox')).toEqual([]);
    const after = made(backups);
    expect(after.length).toBe(before.length + 1);
    expect(after.filter((n) => !before.includes(n))[0]).toMatch(/^catalogue-\d{8}-\d{6}(-\d+)?\.sqlite$/);
    // Every connection closed (the workers' and the main one): SQLite removed its WAL files.
    expect(readdirSync(profile.userData).filter((n) => n.startsWith('catalogue.sqlite'))).toEqual(['catalogue.sqlite']);
  });
});

describe('the built shell, given a bundle on its command line', () => {
  it('hands it to the page, which previews its merge', async () => {
    const sender = freshProfile();
    const source = new ShellProcess(root, sender);
    others.push(source);
    await source.ask('shown');
    expect(await source.page("return (await synthese.call('identity.loadDemo', {})).ok")).toBe(true);
    const bundle = join(sender.documents, 'paquet.synthese');
    expect((await source.page(`return await synthese.call('exchange.export', { outPath: ${JSON.stringify(bundle)} })`)).ok).toBe(true);
    source.stop();

    const receiver = new ShellProcess(root, { ...freshProfile(), args: [bundle] });
    others.push(receiver);
    await receiver.ask('shown');
    const preview = await receiver.page(`
      await synthese.call('identity.setup', { regionCode: 'NAQ', name: 'Région académique Nouvelle-Aquitaine' });
      const path = await new Promise((resolve) => syntheseDesktop.onOpenBundle(resolve));
      return { path, preview: await synthese.call('exchange.preview', { path }) };
    `);
    expect(preview.path).toBe(bundle);
    expect(preview.preview).toMatchObject({ ok: true, value: { dryRun: true } });
    expect(preview.preview.value.added).toBeGreaterThan(0);
    // macOS: a bundle opened from the Finder while the app runs arrives by 'open-file'.
    await receiver.page('globalThis.later = []; syntheseDesktop.onOpenBundle((path) => later.push(path));');
    await receiver.ask('openFile', { path: bundle.replace('paquet', 'absent') });
    await receiver.ask('openFile', { path: bundle });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await receiver.page('return later')).toEqual([bundle]);
    receiver.stop();
  });
});

describe('the installed build (app.isPackaged)', () => {
  it('refuses the developer tools, and « Quitter » makes the last backup too', async () => {
    const packaged = freshProfile();
    const app = new ShellProcess(root, { ...packaged, packaged: true });
    others.push(app);
    const state = await app.ask('shown');
    expect(state.windows[0].options.webPreferences.devTools).toBe(false);
    const labels = JSON.stringify(state.menu);
    expect(labels).not.toContain('toggleDevTools');
    expect(labels).not.toContain('Outils de développement');
    const backups = join(packaged.userData, 'sauvegardes');
    await until(() => made(backups).length === 1); // the backup made at launch
    await app.ask('clickMenu', { path: ['Fichier', 'Quitter'] });
    const { code, report } = await app.exited;
    expect(code).toBe(0);
    // « Quitter » closes the window itself: no window-all-closed, the will-quit path makes the backup.
    expect(report.appEvents.map((e: any) => e.name)).not.toContain('window-all-closed');
    expect(made(backups)).toHaveLength(2);
  });
});
