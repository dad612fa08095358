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
  const kit = page.getByRole('region', { name: 'Kit 2015 : une archive par académie' });
  await kit.getByRole('textbox', { name: /^Dossier des archives/ }).fill(join(app.dir, 'kit'));
  await kit.getByRole('button', { name: 'Écrire le kit 2015' }).click();

  await expect(page.getByText(/^2 archives écrites, \d+ documents\.$/)).toBeVisible({ timeout: 60_000 });
  const downloads = kit.getByRole('button', { name: /^Télécharger Concertation2015_.+\.zip$/ });
  await expect(downloads).toHaveCount(2);
  await expect(kit.getByText(/des élus sont comptés alors que la période de réserve a commencé/)).toBeVisible();
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
