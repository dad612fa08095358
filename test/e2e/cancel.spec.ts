/**
 * « Annuler » during long work: a large import is stopped from the screen, the service rolls its one
 * transaction back, and the catalogue holds exactly what it held before.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { expect, openApp, test } from './support/app.ts';
import { openScreen } from './support/ui.ts';

// Over what a preview keeps for its import (50 000 rows): the import reads the file again, and takes seconds.
const ROWS = 60_000;

function meetingCount(dbPath: string): number {
  const reader = new Database(dbPath, { readonly: true });
  try {
    return (reader.prepare('SELECT count(*) AS n FROM meeting').get() as { n: number }).n;
  } finally {
    reader.close();
  }
}

test('« Annuler » arrête un import en cours et laisse le catalogue tel qu’il était', async ({ app, page }) => {
  test.setTimeout(300_000);
  const reader = new Database(app.dbPath, { readonly: true });
  const bassins = reader.prepare('SELECT nom, departement_code FROM bassin').all() as { nom: string; departement_code: string }[];
  reader.close();
  // Every row valid and distinct: an atelier of its own (its title), in a bassin, within the consultation's dates.
  const sheetPath = join(app.dir, 'tres-grand-tableau.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: sheetPath });
  const sheet = writer.addWorksheet('Rencontres');
  sheet.addRow(['Département', 'Niveau', 'Bassin / réseau', 'Intitulé', 'Date', 'Élèves', 'Enseignants', 'Total déclaré']).commit();
  for (let i = 0; i < ROWS; i++) {
    const b = bassins[i % bassins.length]!;
    const date = `${String(1 + (i % 30)).padStart(2, '0')}/09/2020`.replace(/^0[1-6]\//, '07/');
    sheet.addRow([b.departement_code, 'bassin', b.nom, `Atelier ${i + 1}`, date, 5, 10, 20]).commit();
  }
  await writer.commit();
  const before = meetingCount(app.dbPath);

  await openApp(page, app);
  await openScreen(page, 'Imports et exports');
  await page.getByLabel(/^Tableau des rencontres \(\.xlsx\)/).setInputFiles(sheetPath);
  const report = page.getByRole('region', { name: 'Ce que l’import ferait' });
  await expect(report).toBeVisible({ timeout: 240_000 });

  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  const cancel = page.getByRole('button', { name: 'Annuler', exact: true });
  await cancel.click();
  await expect(page.getByText('Opération annulée : le catalogue est resté tel qu’il était.')).toBeVisible({ timeout: 60_000 });
  await expect(cancel).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Import effectué' })).toHaveCount(0);
  expect(meetingCount(app.dbPath), 'rien de l’import annulé n’est resté').toBe(before);
});
