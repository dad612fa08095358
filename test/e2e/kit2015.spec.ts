/**
 * Synthèse on the 2015 consultation: "Écrire le kit 2015" writes one .zip per académie, named and
 * filled as the kit asks, downloadable, with the checks of the meetings it wrote up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expect, openApp, screenshot, test } from './support/app.ts';
import { expectNoPageErrors, expectNoSeriousViolations, openScreen } from './support/ui.ts';

test('écrire le kit 2015 : une archive par académie, ses documents nommés comme le kit, et les vérifications', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('combobox', { name: 'Consultation' }).selectOption({ label: 'Concertation nationale sur le numérique pour l’éducation' });
  await openScreen(page, 'Synthèse');
  // Checked before generating: the pre-flight gives each établissement's synthesis its day due (15 days, before 10 March).
  const preflight = page.getByRole('region', { name: 'Avant de générer' });
  await expect(preflight.getByRole('listitem').filter({ hasText: /Collège Jean Picart Le Doux.* : synthèse de l’établissement non reçue ; attendue au DAN au plus tard le 27\sfévrier 2015/ })).toHaveCount(1);
  const kit = page.getByRole('region', { name: 'Kit 2015 : une archive par académie' });
  await kit.getByRole('textbox', { name: /^Dossier des archives/ }).fill(join(app.dir, 'kit'));
  await kit.getByRole('button', { name: 'Écrire le kit 2015' }).click();

  await expect(page.getByText(/^2 archives écrites, \d+ documents\.$/)).toBeVisible({ timeout: 60_000 });
  const downloads = kit.getByRole('button', { name: /^Télécharger Concertation2015_.+\.zip$/ });
  await expect(downloads).toHaveCount(2);
  await expect(kit.getByText(/des élus sont comptés, or aucune rencontre ne peut se tenir en présence d’élus après le 8\sfévrier 2015/)).toBeVisible();
  // The day each synthesis was due: 15 days after the meeting of 12 February (this computer's calendar is long past it).
  await expect(kit.getByText(/Collège Jean Picart Le Doux.* : synthèse de l’établissement en retard, non reçue ; attendue au DAN au plus tard le 27\sfévrier 2015/)).toBeVisible();
  await screenshot(page, 'synthese-kit-2015');
  await expectNoSeriousViolations(page, 'Synthèse (kit 2015)');

  const [download] = await Promise.all([page.waitForEvent('download'), downloads.last().click()]);
  expect(download.suggestedFilename()).toBe('Concertation2015_Poitiers.zip');
  const saved = join(app.dir, 'telechargement', download.suggestedFilename());
  await download.saveAs(saved);
  const names = Object.keys((await JSZip.loadAsync(readFileSync(saved))).files);
  expect(names.some((n) => /^Synthese_Poitiers_.+\.docx$/.test(n))).toBe(true);
  expect(names.some((n) => /^Defi_Theme \d_Poitiers_.+\.docx$/.test(n))).toBe(true);
  expectNoPageErrors(page);
});

test('le tableau de bord suit la synthèse de chaque établissement : reçue, attendue, en retard', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('combobox', { name: 'Consultation' }).selectOption({ label: 'Concertation nationale sur le numérique pour l’éducation' });
  await openScreen(page, 'Tableau de bord');
  await expect(page.getByRole('heading', { name: 'Synthèses des établissements' })).toBeVisible();
  await expect(page.getByText(/dans la quinzaine qui suit la rencontre et au plus tard le 9\smars 2015/)).toBeVisible();
  const counts = page.getByRole('list', { name: 'Synthèses des établissements' });
  await expect(counts.getByRole('listitem')).toHaveText(['7 reçues', '0 attendue', '1 en retard']);
  const table = page.getByRole('table', { name: 'Synthèses d’établissement non reçues : 1' });
  await expect(table.getByRole('row')).toHaveCount(2);
  const row = table.getByRole('row').nth(1);
  await expect(row.getByRole('link', { name: /Collège Jean Picart Le Doux/ })).toHaveAttribute('href', /#\/rencontres\/\d+$/);
  await expect(row).toContainText('12 février 2015');
  await expect(row).toContainText('27 février 2015');
  await expect(row).toContainText('En retard');
  // The generic « restitutions en retard » would call late a synthesis still within its fifteen days: not shown here.
  await expect(page.getByRole('heading', { name: 'Restitutions en retard' })).toHaveCount(0);
  await screenshot(page, 'tableau-de-bord-kit-2015');
  await expectNoSeriousViolations(page, 'Tableau de bord (kit 2015)');
  expectNoPageErrors(page);
});
