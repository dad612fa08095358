/**
 * A bundle opened from outside « Échanges » shows its merge preview there: dropped on the window (the
 * browser reads its bytes), or — with the desktop preload's `syntheseDesktop` stood in for by the page —
 * handed over by the shell (file manager, command line) or chosen with « Parcourir… ». In the browser,
 * no « Parcourir… » is offered: the path fields stay as they are.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, type RunningApp, withFreshApp, test as base } from './support/app.ts';
import { apiCall, expectNoPageErrors, mainNav, openScreen } from './support/ui.ts';

const test = base.extend<{ fresh: RunningApp; bundle: string }>({
  fresh: async ({}, use, testInfo) => withFreshApp(use, testInfo),
  /** Another laptop's bundle: the DSDEN de la Vienne's new catalogue, by the CLI. */
  bundle: async ({}, use) => {
    const work = mkdtempSync(join(tmpdir(), 'synthese-e2e-open-'));
    const db = join(work, 'vienne.sqlite');
    const bundle = join(work, 'Vienne.synthese');
    for (const args of [
      ['nouveau', '--db', db, '--region', 'NAQ', '--departement', '86', '--nom', 'DSDEN de la Vienne'],
      ['bundle-export', '--db', db, '--out', bundle],
    ]) {
      const run = spawnSync(join(process.cwd(), 'node_modules/.bin/tsx'), ['src-main/cli/index.ts', ...args], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`${args[0]} : ${run.stderr}`);
    }
    await use(bundle);
    rmSync(work, { recursive: true, force: true });
  },
});

/** The région's catalogue, ready, on its dashboard. */
async function openRegion(page: Page, app: RunningApp): Promise<void> {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pour qui est ce catalogue ?');
  await apiCall(page, 'identity.setup', { regionCode: 'NAQ', name: 'Région académique Nouvelle-Aquitaine' });
  await page.reload();
  await expect(mainNav(page)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableau de bord');
}

/** Drops files on the page as a file manager would. */
async function drop(page: Page, files: { name: string; base64: string }[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((files) => {
    const transfer = new DataTransfer();
    for (const f of files) transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    return transfer;
  }, files);
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}

const previewOf = (page: Page, name: string) =>
  page.getByRole('region', { name: 'Recevoir' }).getByRole('heading', { name: `Aperçu de la fusion : « ${name} »` });

test('navigateur : un paquet déposé sur la fenêtre s’ouvre en aperçu dans « Échanges », sans « Parcourir… »', async ({ page, fresh, bundle }) => {
  await openRegion(page, fresh);
  await drop(page, [{ name: 'notes.txt', base64: btoa('texte') }]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableau de bord');

  await drop(page, [{ name: 'notes.txt', base64: btoa('texte') }, { name: 'Vienne.synthese', base64: readFileSync(bundle).toString('base64') }]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Échanges');
  await expect(previewOf(page, 'Vienne.synthese')).toBeFocused();
  await expect(page.getByRole('region', { name: 'Recevoir' })).toContainText('DSDEN de la Vienne');
  await expect(page.getByRole('button', { name: /^Parcourir…/ })).toHaveCount(0);
  expectNoPageErrors(page);
});

test('bureau : paquet donné par le shell, déposé ou choisi par « Parcourir… », aperçu par son chemin', async ({ page, fresh, bundle }) => {
  // The preload's second object, as the desktop shell exposes it: the page cannot tell the difference.
  await page.addInitScript((bundle) => {
    const state = window as unknown as { picked: string[]; openBundle?: (path: string) => void };
    state.picked = [];
    Object.defineProperty(window, 'syntheseDesktop', {
      value: Object.freeze({
        pickPath: async (kind: string) => {
          state.picked.push(kind);
          return kind === 'bundle' ? bundle : kind === 'folder' ? '/home/anne/Partage' : null;
        },
        onOpenBundle: (listener: (path: string) => void) => {
          state.openBundle = listener;
          return () => (state.openBundle = undefined);
        },
        pathOfFile: (file: File) => (file.name === 'Vienne.synthese' ? bundle : ''),
      }),
    });
  }, bundle);
  await openRegion(page, fresh);

  // The shell hands over a bundle opened from the file manager.
  await page.evaluate((path) => (window as unknown as { openBundle: (p: string) => void }).openBundle(path), bundle);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Échanges');
  await expect(previewOf(page, 'Vienne.synthese')).toBeFocused();
  const receive = page.getByRole('region', { name: 'Recevoir' });
  await expect(receive.getByRole('textbox', { name: /^Chemin du paquet reçu/ })).toHaveValue(bundle);
  await receive.getByRole('button', { name: 'Ne pas fusionner' }).click();

  // Dropped on another screen: read where it is, by its path.
  await openScreen(page, 'Rencontres');
  await drop(page, [{ name: 'Vienne.synthese', base64: btoa('pas lu') }]);
  await expect(previewOf(page, 'Vienne.synthese')).toBeFocused();
  await receive.getByRole('button', { name: 'Ne pas fusionner' }).click();

  // « Parcourir… » fills the field, which stays editable; the dialog is asked by kind only.
  const path = receive.getByRole('textbox', { name: /^Chemin du paquet reçu/ });
  await path.fill('');
  await receive.getByRole('button', { name: 'Parcourir… : choisir le paquet reçu' }).click();
  await expect(path).toHaveValue(bundle);
  await page.getByRole('button', { name: 'Parcourir… : choisir le dossier partagé' }).click();
  await expect(page.getByRole('textbox', { name: /^Chemin du dossier partagé/ })).toHaveValue('/home/anne/Partage');
  await page.getByRole('button', { name: 'Parcourir… : choisir le fichier à écrire' }).click(); // cancelled: null
  await expect(page.getByRole('textbox', { name: /^Fichier du paquet/ })).toHaveValue(/\.synthese$/);
  expect(await page.evaluate(() => (window as unknown as { picked: string[] }).picked)).toEqual(['bundle', 'folder', 'bundle-save']);
  expectNoPageErrors(page);
});
