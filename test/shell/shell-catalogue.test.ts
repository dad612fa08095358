/**
 * The built shell (on the Electron stand-in) and its catalogue: a damaged one found at launch offers its
 * last sound backup, an unreadable one is said before quitting, and « Ouvrir un autre catalogue… » swaps
 * the services onto another file and reloads the page without asking it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupCatalogue } from '../../src-main/catalogue/backup.ts';
import { openCatalogue } from '../../src-main/catalogue/database.ts';
import { damageHeader, damageTable, demoFile, integrity, rowCount } from '../support/damaged-catalogue.ts';
import { builtShell, freshProfile, removeProfiles, ShellProcess } from '../support/electron/harness.ts';

let root: string;
const launched: ShellProcess[] = [];
const launch = (...args: ConstructorParameters<typeof ShellProcess>) => {
  const shell = new ShellProcess(...args);
  launched.push(shell);
  return shell;
};
const callsOf = (report: any, method: string) => (report.calls as any[]).filter((c) => c.module === 'dialog' && c.method === method);

/** A profile whose catalogue is the demo, with one backup of it. */
async function demoProfile() {
  const profile = freshProfile();
  mkdirSync(profile.userData, { recursive: true });
  const path = await demoFile(profile.userData);
  const db = openCatalogue(path);
  const backup = await backupCatalogue(db, join(profile.userData, 'sauvegardes'), new Date('2026-12-01T10:00:00Z'));
  db.close();
  return { profile, path, backup };
}

beforeAll(() => {
  root = builtShell();
}, 240_000);

afterAll(async () => {
  for (const shell of launched) {
    shell.stop();
    await shell.exited;
  }
  removeProfiles();
});

describe('the built shell, launched on a damaged catalogue', () => {
  it('offers the last sound backup; « Quitter » leaves everything as it was', async () => {
    const { profile, path, backup } = await demoProfile();
    damageTable(path, 'meeting');
    const { code, report } = await launch(root, profile).exited; // no answer scripted: the user quits
    expect(code).toBe(0);
    expect(report.windowsCreated).toBe(0);
    const [asked] = callsOf(report, 'showMessageBox');
    expect(asked.args[0]).toMatchObject({ type: 'error', title: 'Catalogue endommagé', buttons: [`Restaurer ${backup.fileName}`, 'Quitter'], cancelId: 1 });
    expect(asked.args[0].detail).toMatch(/endommag/);
    expect(integrity(path)).not.toBe('ok'); // untouched: nothing restored, nothing deleted
  });

  it('« Restaurer » puts the backup in place and opens the window on it', async () => {
    const { profile, path } = await demoProfile();
    const meetings = rowCount(path, 'meeting');
    damageTable(path, 'meeting');
    const shell = launch(root, { ...profile, answers: { showMessageBox: [0] } });
    const shown = await shell.ask('shown');
    expect(shown.windows).toHaveLength(1);
    expect(integrity(path)).toBe('ok');
    expect(rowCount(path, 'meeting')).toBe(meetings);
    const campaigns = await shell.page("return await synthese.call('campaigns.list', {})");
    expect(campaigns.value.length).toBeGreaterThan(0);
  });

  it('says an unreadable catalogue in French, then quits without a window', async () => {
    const profile = freshProfile();
    mkdirSync(profile.userData, { recursive: true });
    damageHeader(await demoFile(profile.userData));
    const { code, report } = await launch(root, profile).exited;
    expect(code).toBe(0);
    expect(report.windowsCreated).toBe(0);
    const [said] = callsOf(report, 'showErrorBox');
    expect(said.args[0]).toBe('Catalogue illisible');
    expect(said.args[1]).toMatch(/catalogue/i);
    expect(said.args[1]).not.toMatch(/SQLITE_|at \//); // said, not a stack
  });
});

describe('« Ouvrir un autre catalogue… »', () => {
  it('moves the services onto the chosen file and reloads the page, without asking it', async () => {
    const { profile } = await demoProfile();
    const other = join(profile.documents, 'autre.sqlite');
    const shell = launch(root, profile);
    await shell.ask('shown');
    expect((await shell.page("return await synthese.call('campaigns.list', {})")).value.length).toBeGreaterThan(0);
    // Something being typed: the page would ask to stay, but the shell lets it settle and reloads.
    await shell.page("addEventListener('beforeunload', (event) => event.preventDefault());");
    await shell.ask('answer', { method: 'showOpenDialog', answers: [[other]] });
    await shell.ask('clickMenu', { path: ['Fichier', 'Ouvrir un autre catalogue…'] });
    let state: any;
    for (let waited = 0; waited < 30_000 && (state?.windows[0].loads.length ?? 0) < 2; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = await shell.ask('snapshot');
    }
    expect(state.windows[0].loads).toHaveLength(2);
    expect(callsOf(state, 'showMessageBoxSync')).toEqual([]);
    expect(callsOf(state, 'showErrorBox')).toEqual([]);
    const [asked] = callsOf(state, 'showOpenDialog');
    expect(asked.args[1]).toMatchObject({ title: 'Ouvrir un catalogue', filters: [{ extensions: ['sqlite'] }] });
    expect(existsSync(other)).toBe(true);
    // The new page talks to the new, empty catalogue.
    expect(await shell.page("return await synthese.call('campaigns.list', {})")).toEqual({ ok: true, value: [] });
    expect(state.windows[0].page.preloadError).toBeNull();
  });
});

describe('the window between launches', () => {
  it('comes back where and as large as it was left, maximized if it was', async () => {
    const profile = freshProfile();
    const first = launch(root, profile);
    await first.ask('shown');
    expect(await first.ask('close')).toBe(true);
    expect((await first.exited).code).toBe(0);
    const saved = JSON.parse(readFileSync(join(profile.userData, 'fenetre.json'), 'utf8'));
    expect(saved).toEqual({ x: 0, y: 0, width: 1280, height: 860, maximized: false });

    writeFileSync(join(profile.userData, 'fenetre.json'), JSON.stringify({ x: 40, y: 30, width: 1000, height: 700, maximized: true }));
    const second = launch(root, profile);
    const [window] = (await second.ask('shown')).windows;
    expect(window.options).toMatchObject({ x: 40, y: 30, width: 1000, height: 700 });
    expect(window.maximized).toBe(true);
    expect(window.options.maximized).toBeUndefined(); // not a BrowserWindow option: maximized once ready
  });
});

describe('a bundle that starts the app on macOS (open-file before ready)', () => {
  it('waits for the page, then reaches it', async () => {
    const { profile } = await demoProfile();
    const bundle = join(profile.documents, 'reçu.synthese');
    writeFileSync(bundle, 'not read before the preview');
    const shell = launch(root, { ...profile, openFilesAtLaunch: [bundle, join(profile.documents, 'note.txt')] });
    await shell.ask('shown');
    expect(await shell.page('return await new Promise((resolve) => syntheseDesktop.onOpenBundle(resolve))')).toBe(bundle);
  });
});

describe('« Restaurer une sauvegarde… »', () => {
  it('puts the chosen backup in place (the current state kept as a backup first) and reloads the page on it', async () => {
    const { profile, backup } = await demoProfile();
    const shell = launch(root, profile);
    await shell.ask('shown');
    const campaigns = (await shell.page("return await synthese.call('campaigns.list', {})")).value;
    const [first] = campaigns;
    expect((await shell.page(`return await synthese.call('campaigns.delete', { id: ${first.id} })`)).ok).toBe(true);
    expect((await shell.page("return await synthese.call('campaigns.list', {})")).value).toHaveLength(campaigns.length - 1);
    const backups = () => readdirSync(join(profile.userData, 'sauvegardes')).filter((n) => n.endsWith('.sqlite'));
    const before = backups();

    await shell.ask('answer', { method: 'showOpenDialog', answers: [[backup.path]] });
    await shell.ask('answer', { method: 'showMessageBox', answers: [0] });
    await shell.ask('clickMenu', { path: ['Fichier', 'Restaurer une sauvegarde…'] });
    let state: any;
    for (let waited = 0; waited < 30_000 && (state?.windows[0].loads.length ?? 0) < 2; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = await shell.ask('snapshot');
    }
    expect(state.windows[0].loads).toHaveLength(2);
    const [asked] = callsOf(state, 'showMessageBox');
    expect(asked.args[1]).toMatchObject({ message: 'Remplacer le catalogue par cette sauvegarde ?', buttons: ['Restaurer', 'Annuler'] });
    expect(callsOf(state, 'showErrorBox')).toEqual([]);
    expect((await shell.page("return await synthese.call('campaigns.list', {})")).value.map((c: any) => c.id)).toEqual(campaigns.map((c: any) => c.id));
    expect(backups().length).toBeGreaterThan(before.length); // the state before the restore, kept
  });
});

describe('a page from elsewhere in the window', () => {
  it('gets the preload’s bridge, but the main process refuses its calls', async () => {
    const { profile } = await demoProfile();
    const shell = launch(root, profile);
    await shell.ask('shown');
    await shell.ask('loadAnyway', { url: 'https://example.org/' });
    expect(await shell.page("return await synthese.call('campaigns.list', {})")).toEqual({
      ok: false, error: { code: 'INVALID_INPUT', message: 'Appel refusé : origine non autorisée.' },
    });
    await expect(shell.page("return await syntheseDesktop.pickPath('bundle')")).rejects.toThrow(/origine non autorisée/);
    expect(callsOf(await shell.ask('snapshot'), 'showOpenDialog')).toEqual([]);
  });
});
