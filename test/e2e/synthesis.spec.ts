/**
 * Synthèse: the pre-flight list and the preview of the demo région, then "Générer" and "Télécharger": the
 * downloaded file is a Word document (.docx, a zip) whose text, read back by LibreOffice, has the Bilan.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openApp, screenshot, test } from './support/app.ts';
import { expectNoPageErrors, expectNoSeriousViolations, openScreen } from './support/ui.ts';

/** The text of a .docx as LibreOffice reads it (a fresh profile, removed afterwards). */
function docxText(file: string, dir: string): string {
  const profile = join(dir, `lo-profile-${process.pid}`);
  const outDir = join(dir, 'txt');
  mkdirSync(outDir, { recursive: true });
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'txt:Text', '--outdir', outDir, file], {
      stdio: 'pipe',
      timeout: 120_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  // soffice exits 0 even when it could not convert: the output file is the proof.
  const txt = join(outDir, file.split('/').pop()!.replace(/\.docx$/, '.txt'));
  expect(existsSync(txt), `LibreOffice n’a pas produit ${txt}`).toBe(true);
  return readFileSync(txt, 'utf8');
}

test('vérifier, prévisualiser, générer et télécharger la synthèse régionale', async ({ page, app }) => {
  test.setTimeout(180_000);
  await openApp(page, app);
  await openScreen(page, 'Synthèse');

  // Pre-flight: what the demo lacks, each finding with a link to fix it.
  const preflight = page.getByRole('region', { name: 'Avant de générer' });
  const toCheck = preflight.getByRole('region', { name: /^À vérifier/ });
  await expect(toCheck.getByRole('heading')).toHaveText('À vérifier (7)');
  await expect(toCheck.getByRole('listitem').filter({ hasText: 'Thématique 1, retours d’expérience : 4 retex sélectionnés, la trame en prévoit 3 au plus.' })).toHaveCount(1);
  await expect(toCheck.getByRole('listitem').filter({ hasText: 'restitution non reçue' })).toHaveCount(3);
  await expect(toCheck.getByRole('link', { name: 'Ouvrir : Concertation de bassin — Réseau ECLORE Ruffec (9 septembre 2020)' })).toHaveAttribute('href', /#\/rencontres\/\d+$/);

  // Preview: the Bilan's figures and the thématiques.
  const preview = page.getByRole('region', { name: 'Aperçu de la synthèse' });
  await expect(preview.getByRole('heading', { name: 'Bilan des rencontres' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: /^Thématique 1 : Un égal accès au numérique pour tous/ })).toBeVisible();
  const participants = preview.getByRole('table', { name: /^Nombre de participants aux concertations de second niveau/ });
  await expect(participants.getByRole('row', { name: /^Total / }).getByRole('cell').last()).toHaveText('800');
  const bassins = preview.getByRole('table', { name: /^Nombre de rencontres ZAP \/ ECLORE/ });
  await expect(bassins.getByRole('row', { name: /^Total / }).getByRole('cell').last()).toHaveText('67');
  await expect(preview.getByText(/Au total,\s*800\s*personnes/)).toBeVisible();
  await screenshot(page, 'synthese-avant-generation');

  // Générer, into a folder given by its bare name: it lands in the documents folder (this run's own).
  await page.getByRole('textbox', { name: /^Dossier de destination/ }).fill('Synthèses de test');
  await page.getByRole('button', { name: 'Générer' }).click();
  const folder = join(app.dir, 'documents', 'Synthèses de test');
  await expect(page.getByText(`6 fichiers Word écrits dans « ${folder} ».`)).toBeVisible({ timeout: 60_000 });
  expect(existsSync(join(folder, 'Synthese_Nouvelle-Aquitaine.docx'))).toBe(true);
  const downloads = page.getByRole('button', { name: /^Télécharger .+\.docx$/ });
  await expect(downloads.first()).toBeVisible();
  const names = (await downloads.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''))).map((n) => n.replace(/^Télécharger /, ''));
  console.log(`Fichiers proposés au téléchargement : ${names.join(', ')}`);
  expect(names).toHaveLength(6);
  // The history lists them too, each button naming when its file was written.
  await expect(page.getByRole('button', { name: /^Télécharger Synthese_Nouvelle-Aquitaine\.docx, écrit le \d/ })).toHaveCount(1);
  await screenshot(page, 'synthese-apres-generation');
  await expectNoSeriousViolations(page, 'Synthèse (fichiers écrits)');

  // Télécharger the first (the whole document) through the browser.
  const [download] = await Promise.all([page.waitForEvent('download'), downloads.first().click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  expect(download.suggestedFilename()).toBe(names[0]);
  const saved = join(app.dir, 'telechargement', download.suggestedFilename());
  await download.saveAs(saved);
  const bytes = readFileSync(saved);
  expect(bytes.length).toBeGreaterThan(2_000);
  expect(bytes.subarray(0, 2).toString('latin1'), 'un .docx est un zip (signature PK)').toBe('PK');

  const text = docxText(saved, app.dir);
  expect(text).toContain('Bilan des rencontres');
  expect(text).toMatch(/\b800\b/);
  expect(text).toContain('Thématique 1');
  expectNoPageErrors(page);
});
