/**
 * The bare library beside the Bilan workbook: exceljs's streaming WorkbookWriter writing the same sheets
 * of a région (same names, same number of rows and columns), plain values straight from SQLite, with
 * none of the app's work (no labels, no text cleaning, no styles, no totals, no filters): the writer as
 * exceljs makes it by default (no styles part, no shared strings), with the app's zip level (exceljs's
 * default too). What is left between the two is the app's own cost. Used by measure-bilan-export.ts and
 * the benchmark.
 */
import { createWriteStream } from 'node:fs';
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { contributionIdsOfScope, retexScope } from '../src-main/catalogue/repos/scope.repo.ts';
import { scopeMeetings, type StatsScope } from '../src-main/catalogue/repos/stats.repo.ts';
import { WORKBOOK_ZIP } from '../src-main/spreadsheets/bilan-workbook.xlsx.ts';

type Row = unknown[];

export async function bareBilanWrite(db: Database.Database, campaignId: number, regionCode: string, outPath: string): Promise<void> {
  const scope: StatsScope = { filterColumn: 'region_code', filterValue: regionCode, rowColumn: 'academie_code' };
  const meetings = scopeMeetings(campaignId, scope);
  const contributions = contributionIdsOfScope(campaignId, scope);
  const retex = retexScope(scope);
  const rows = (sql: string, ...params: unknown[]): Iterable<Row> => ({
    [Symbol.iterator]: () => db.prepare(sql).raw(true).iterate(...params) as IterableIterator<Row>,
  });
  // [sheet, columns, rows]: the app's sheets of a région, read as plainly as SQL gives them.
  const sheets: [string, number, Iterable<Row>][] = [
    ['Bilan par académie', 7, rows('SELECT code, nom, 1, 2, 3, 4, 5 FROM academie WHERE region_code = ? ORDER BY code', regionCode)],
    ['Bilan par département', 8, rows('SELECT d.code, d.nom, 1, 2, 3, 4, 5, 6 FROM departement d JOIN academie a ON a.code = d.academie_code WHERE a.region_code = ? ORDER BY d.code', regionCode)],
    ['Bilan par niveau', 4, rows("SELECT level, count(*), 0, 0 FROM meeting m WHERE " + meetings.sql + ' GROUP BY level', ...meetings.params)],
    ['Bilan par catégorie', 2, rows('SELECT category_code, sum(count) FROM attendance GROUP BY 1 LIMIT 11')],
    ['Rencontres', 26, rows(`SELECT m.* FROM meeting m WHERE ${meetings.sql} ORDER BY m.date, m.id`, ...meetings.params)],
    ['Ateliers', 5, rows(`SELECT m.id, m.title, a.thematique_id, a.defi, a.participants FROM meeting m JOIN atelier a ON a.meeting_id = m.id WHERE ${meetings.sql} ORDER BY m.date, m.id, a.position`, ...meetings.params)],
    ['Retex', 11, rows(`SELECT r.* FROM retex r ${retex.joins} WHERE r.campaign_id = ? AND ${retex.where.sql} ORDER BY r.id`, campaignId, ...retex.where.params)],
    ['Contributions', 9, rows(`SELECT c.* FROM contribution c WHERE c.id IN (${contributions.sql}) AND +c.campaign_id = ? ORDER BY c.id`, ...contributions.params, campaignId)],
    ['Thématiques', 3, rows('SELECT number, title, title FROM thematique WHERE campaign_id = ? ORDER BY number', campaignId)],
    ['Bassins', 4, rows('SELECT id, departement_code, kind, nom FROM bassin ORDER BY id')],
    ['Établissements', 5, rows('SELECT uai, nom, type, commune, departement_code FROM etablissement ORDER BY uai')],
  ];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(outPath), zip: WORKBOOK_ZIP });
  for (const [name, width, source] of sheets) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(Array.from({ length: width }, (_, i) => `Colonne ${i + 1}`)).commit();
    for (const raw of source) {
      // The sheet's width from the row's own values, as they come (a table narrower than its sheet repeats them).
      const values = raw.length === width ? raw : Array.from({ length: width }, (_, i) => raw[i % raw.length]);
      sheet.addRow(values).commit();
    }
    await sheet.commit();
  }
  await workbook.commit();
}
