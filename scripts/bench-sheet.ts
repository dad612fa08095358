/**
 * The bench's 10 000-row attendance sheet (as a large académie's export could be) and exceljs's bare
 * streaming read of a sheet: shared by scripts/benchmark.ts and scripts/measure-import.ts, so that both
 * measure the import against the same file and the same bare figure.
 */
import { performance } from 'node:perf_hooks';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { AppError } from '../src-main/contract/errors.ts';
import { convertWithLibreOffice } from '../src-main/restitutions/libreoffice.ts';
import type { Caller } from '../src-main/transport/local.ts';

/** One row per bassin in turn, every day of the consultation, dates in the French form people type. */
export async function writeBenchSheet(
  path: string, bassins: { departementCode: string; nom: string }[], campaign: { startDate: string; endDate: string },
): Promise<void> {
  const days = 1 + Math.round((Date.parse(campaign.endDate) - Date.parse(campaign.startDate)) / 86_400_000);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
  const sheet = writer.addWorksheet('Rencontres');
  sheet.addRow(['Département', 'Niveau', 'Bassin / réseau', 'Intitulé', 'Date', 'Élèves', 'Enseignants', 'Total déclaré']).commit();
  for (let i = 0; i < 10_000; i++) {
    const b = bassins[i % bassins.length]!;
    const day = new Date(Date.parse(`${campaign.startDate}T00:00:00Z`) + 86_400_000 * (Math.floor(i / bassins.length) % days));
    const date = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
    sheet.addRow([b.departementCode, 'bassin', b.nom, `Atelier n° ${i + 1}`, date, 5, 10, 20]).commit();
  }
  await writer.commit();
}

/** exceljs's bare streaming read of `file` (every row's values), in ms. */
export async function bareRead(file: string): Promise<number> {
  const t = performance.now();
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit' });
  for await (const worksheet of reader) {
    for await (const row of worksheet) cells += ((row as ExcelJS.Row).values as unknown[]).length;
  }
  if (cells === 0) throw new Error('exceljs n’a lu aucune cellule');
  return performance.now() - t;
}

/** The Imports screen's two calls on `path`, timed: the preview, then the import that follows it. */
export async function previewThenImport(importer: Caller, campaignId: number, path: string) {
  let t = performance.now();
  const preview = await importer('spreadsheets.previewImport', { campaignId, path });
  const previewMs = performance.now() - t;
  t = performance.now();
  const done = await importer('spreadsheets.importAttendance', { campaignId, path });
  return { preview, done, previewMs, importMs: performance.now() - t };
}

/** `sheet` as LibreOffice saves it again, beside it (« -lo.xlsx »); null when LibreOffice is missing or fails. */
export async function libreOfficeCopy(sheet: string): Promise<string | null> {
  try {
    const out = sheet.replace(/\.xlsx$/, '-lo.xlsx');
    writeFileSync(out, await convertWithLibreOffice(readFileSync(sheet), basename(sheet), '.xlsx', 'xlsx'));
    return out;
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}
