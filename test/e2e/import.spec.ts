/**
 * Importing a filled-in sheet: a row that counts more élèves than its declared total is refused with its row
 * number; nothing is written while a row is refused; "Importer les lignes valides" writes the good one, which
 * then shows in Rencontres.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, openApp, screenshot, test } from './support/app.ts';
import { catalogueMeetings, expectNoPageErrors, expectNoSeriousViolations, openScreen } from './support/ui.ts';

/** Two departmental concertations on 3 October 2020: Dordogne (valid), Landes (50 élèves for 10 declared). */
async function writeSheet(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Rencontres');
  sheet.addRow(['Date', 'Département', 'Niveau', 'Élèves', 'Total déclaré']);
  sheet.addRow([new Date(Date.UTC(2020, 9, 3)), '24', 'départemental', 30, 45]);
  sheet.addRow([new Date(Date.UTC(2020, 9, 3)), '40', 'départemental', 50, 10]);
  await workbook.xlsx.writeFile(file);
}

test('importer un tableau : ligne refusée signalée, rien d’écrit, puis les lignes valides seulement', async ({ page, app }) => {
  const file = join(app.dir, 'fichiers', 'rencontres-octobre.xlsx');
  mkdirSync(join(app.dir, 'fichiers'), { recursive: true });
  await writeSheet(file);

  await openApp(page, app);
  const before = await catalogueMeetings(page);
  await openScreen(page, 'Imports et exports');
  await page.getByLabel(/^Tableau des rencontres \(\.xlsx\)/).setInputFiles(file);

  // The preview: one row to add, one refused, with its row and the reason.
  const report = page.getByRole('region', { name: 'Ce que l’import ferait' });
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(report.getByText('« rencontres-octobre.xlsx », feuille « Rencontres » : 2 lignes lues.')).toBeVisible();
  await expect(report.getByRole('listitem').filter({ hasText: /À ajouter$/ })).toHaveText(/^1\s*À ajouter$/);
  await expect(report.getByRole('listitem').filter({ hasText: /Refusées$/ })).toHaveText(/^1\s*Refusées$/);
  const problems = report.getByRole('table', { name: /^Problèmes ligne par ligne/ });
  const row3 = problems.getByRole('row', { name: /^3 / });
  await expect(row3).toHaveCount(1);
  await expect(row3).toContainText('plus que le total déclaré');
  await expect(problems.getByRole('rowheader')).toHaveText(['3']); // row 2 has no problem
  await screenshot(page, 'import-apercu-ligne-refusee');
  await expectNoSeriousViolations(page, 'Imports (aperçu avec une ligne refusée)');

  // "Importer" cannot write while a row is refused: the catalogue is as before.
  const importAll = page.getByRole('button', { name: 'Importer', exact: true });
  await expect(importAll).toBeDisabled();
  await expect(page.getByText(/Rien n’est écrit tant qu’une ligne est refusée \(1 ligne refusée\)/)).toBeVisible();
  expect((await catalogueMeetings(page)).length, 'l’aperçu n’écrit rien').toBe(before.length);

  // Only the valid rows.
  await page.getByRole('button', { name: 'Importer les lignes valides (1)' }).click();
  await expect(page.getByRole('region', { name: 'Import effectué' })).toBeVisible();
  await expect(page.getByText('Import terminé : 1 rencontre ajoutée, 0 mise à jour, 1 ligne refusée.')).toBeVisible();

  const after = await catalogueMeetings(page);
  expect(after.length).toBe(before.length + 1);
  const added = after.filter((m) => !before.some((b) => b.id === m.id));
  expect(added.map((m) => [m.date, m.level, m.departementCode])).toEqual([['2020-10-03', 'departemental', '24']]);

  // It shows in Rencontres (filtered on Dordogne, départemental).
  await openScreen(page, 'Rencontres');
  await page.getByRole('combobox', { name: 'Département' }).selectOption({ label: '24 — Dordogne' });
  await page.getByRole('combobox', { name: 'Niveau' }).selectOption({ label: 'Départemental' });
  const table = page.getByRole('table', { name: /^Rencontres de la consultation/ });
  const imported = table.getByRole('row').filter({ hasText: '3 octobre 2020' });
  await expect(imported).toHaveCount(1);
  await expect(imported).toContainText('45');
  await expect(table.getByRole('row').filter({ hasText: 'Landes' })).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: /40\s*Landes/ })).toHaveCount(0);
  await screenshot(page, 'import-rencontre-importee');
  expectNoPageErrors(page);
});
