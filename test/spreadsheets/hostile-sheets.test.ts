/**
 * Issue 10: hostile workbooks, built here part by part (test/support/hostile-sheets.ts). Each must be
 * refused, or have its row refused, in French naming the file, the sheet, the row and the column,
 * within 10 s and 400 Mo, while the event loop keeps turning (a server may share the process).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors.ts';
import { readAttendanceSheet, type RawRow, type SheetRead } from '../../src-main/spreadsheets/read-sheet.ts';
import { demoCatalogue, type TestCatalogue } from '../support/catalogue.ts';
import {
  repeatedDeflate, rowXml, SHEET_HEAD, SHEET_TAIL, sharedStringsXml, sheetXml, workbookOf, type HostileSheet,
} from '../support/hostile-sheets.ts';

const MB = 1024 * 1024;
/** What a hostile file may cost at most. */
const MAX_MS = 10_000;
const MAX_RSS_GROWTH = 400 * MB;
/** Longest the event loop may stay blocked while a file is read. */
const MAX_BLOCKED_MS = 1_000;

/** The French spelling of a number, whatever space toLocaleString puts between thousands. */
const fr = (n: number) => n.toLocaleString('fr-FR').replace(/\s/g, '[\\s\u202f]');

interface Measured<T> {
  outcome: T | AppError;
  elapsed: number;
  /** Peak RSS growth over the read, sampled as the event loop turns. */
  rssGrowth: number;
  /** Longest stretch without a timer tick. */
  blocked: number;
  ticks: number;
}

/** Runs a read, timing it, sampling memory, and watching a 10 ms timer keep ticking. */
async function measured<T>(read: () => Promise<T>): Promise<Measured<T>> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const started = Date.now();
  let last = started;
  let blocked = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    blocked = Math.max(blocked, now - last);
    last = now;
    ticks++;
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  let outcome: T | AppError;
  try {
    outcome = await read();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    outcome = error;
  } finally {
    clearInterval(timer);
  }
  const ended = Date.now();
  peak = Math.max(peak, process.memoryUsage().rss);
  return { outcome, elapsed: ended - started, rssGrowth: peak - before, blocked: Math.max(blocked, ended - last), ticks };
}

/** The French refusal of a measured read, checked to be an AppError('FILE') naming the file. */
function refusal(result: Measured<unknown>, fileName: string): string {
  expect(result.outcome, 'la lecture aurait dû être refusée').toBeInstanceOf(AppError);
  const error = result.outcome as AppError;
  expect(error.code).toBe('FILE');
  expect(error.message).toContain(`« ${fileName} »`);
  expect(error.message).not.toMatch(/\b(Error|error|undefined|null|Cannot|Invalid|ENOENT)\b/);
  return error.message;
}

function withinLimits(result: Measured<unknown>): void {
  expect(result.elapsed).toBeLessThan(MAX_MS);
  expect(result.rssGrowth).toBeLessThan(MAX_RSS_GROWTH);
  expect(result.blocked).toBeLessThan(MAX_BLOCKED_MS);
}

/** The 10 ms timer ticked all along the read, not only once it was over. */
function keptTicking(result: Measured<unknown>): void {
  expect(result.ticks).toBeGreaterThanOrEqual(Math.floor(result.elapsed / 500));
}

const HEADER = rowXml(1, ['Date', 'Département', 'Intitulé', 'Total déclaré']);

function read(bytes: Buffer, fileName: string) {
  return measured(() => readAttendanceSheet({ bytes, fileName }));
}

/** "A" … "XFD" for 1 … 16 384. */
function letters(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

describe('merged ranges are handled as ranges, never cell by cell', () => {
  /** 3 000 meetings; the date given on row 2 only, for the merges to carry down. */
  const rows = (count: number) => {
    let xml = HEADER + rowXml(2, ['14/10/2020', '33', 'Atelier 2', 10]);
    for (let row = 3; row < count + 2; row++) xml += rowXml(row, [null, '33', `Atelier ${row}`, 10]);
    return xml;
  };

  it('reads a sheet of 2 000 headers merged down to row 1 048 576 (7 Ko) at once, the event loop turning', async () => {
    const merges = Array.from({ length: 2_000 }, (_, i) => `${letters(i + 1)}1:${letters(i + 1)}1048576`);
    const bytes = workbookOf([{ name: 'Rencontres', xml: sheetXml(rows(3_000), merges) }]);
    const result = await read(bytes, 'fusions.xlsx');
    withinLimits(result);
    keptTicking(result);
    const sheet = result.outcome as SheetRead;
    expect(sheet.rows).toHaveLength(3_000);
    // A1:A1048576 starts on the header row: nothing is carried into the meetings.
    expect(sheet.rows[1]!.cells.date).toBeUndefined();
  });

  it('reads 20 000 tall ranges that overlap, carrying the date down once per row', async () => {
    const merges: string[] = [];
    for (const column of ['A', 'B', 'C', 'D']) for (let row = 2; row < 5_002; row++) merges.push(`${column}${row}:${column}1048576`);
    const bytes = workbookOf([{ name: 'Rencontres', xml: sheetXml(rows(3_000), merges) }]);
    const result = await read(bytes, 'fusions-20000.xlsx');
    withinLimits(result);
    keptTicking(result);
    const sheet = result.outcome as SheetRead;
    expect(sheet.rows).toHaveLength(3_000);
    expect(sheet.rows.every((r) => r.cells.date?.value === '14/10/2020')).toBe(true);
    // A count is never carried: one figure for the rows merged.
    expect(sheet.rows.every((r) => r.cells.total?.value === 10)).toBe(true);
  });

  it('refuses more than 100 000 ranges, saying so', async () => {
    const merges = Array.from({ length: 150_000 }, (_, i) => `E${i + 2}:F${i + 2}`);
    const bytes = workbookOf([{ name: 'Rencontres', xml: sheetXml(rows(10), merges) }]);
    const result = await read(bytes, 'trop de fusions.xlsx');
    withinLimits(result);
    expect(refusal(result, 'trop de fusions.xlsx')).toMatch(new RegExp(`plus de ${fr(100_000)} plages fusionnées`));
  });
});

describe('zip bombs are refused before exceljs sees them', () => {
  const GB_OF = (unit: string) => Math.ceil(1024 * MB / unit.length);

  it('1 Go of blanks announced by the zip’s directory: refused before inflating anything', async () => {
    const unit = ' '.repeat(MB);
    const xml = repeatedDeflate(SHEET_HEAD + HEADER, unit, GB_OF(unit), SHEET_TAIL);
    const bytes = workbookOf([{ name: 'Rencontres', xml }]);
    expect(bytes.length).toBeLessThan(3 * MB);
    const result = await read(bytes, 'bombe.xlsx');
    withinLimits(result);
    expect(refusal(result, 'bombe.xlsx')).toMatch(/décompressé, il dépasserait 100 Mo/);
  });

  it('1 Go of text in one cell, the directory announcing 5 Ko: stopped at 100 Mo inflated', async () => {
    const unit = 'a'.repeat(MB);
    const xml = repeatedDeflate(`${SHEET_HEAD}${HEADER}<row r="2"><c r="C2" t="inlineStr"><is><t>`, unit, GB_OF(unit), `</t></is></c></row>${SHEET_TAIL}`);
    const bytes = workbookOf([{ name: 'Rencontres', xml, announcedSize: 5_000 }]);
    const result = await read(bytes, 'bombe menteuse.xlsx');
    withinLimits(result);
    expect(refusal(result, 'bombe menteuse.xlsx')).toMatch(/décompressé, il dépasserait 100 Mo/);
  });

  it('1.1 Go of empty rows, the directory lying: refused on the rows, a few Mo in', async () => {
    const unit = '<row r="9"/>'.repeat(MB / 8);
    const xml = repeatedDeflate(SHEET_HEAD + HEADER, unit, Math.ceil((1100 * MB) / unit.length), SHEET_TAIL);
    const bytes = workbookOf([{ name: 'Rencontres', xml, announcedSize: 5_000 }]);
    const result = await read(bytes, 'lignes vides.xlsx');
    withinLimits(result);
    expect(refusal(result, 'lignes vides.xlsx')).toMatch(new RegExp(`compte plus de ${fr(1_100_000)} lignes`));
  });

  it('a million filled cells in 1 Mo: refused on the cells', async () => {
    const unit = '<c><v>1</v></c>'.repeat(1_000);
    const xml = repeatedDeflate(`${SHEET_HEAD}${HEADER}<row r="2">`, unit, 1_000, `</row>${SHEET_TAIL}`);
    const bytes = workbookOf([{ name: 'Rencontres', xml }]);
    const result = await read(bytes, 'cellules.xlsx');
    withinLimits(result);
    expect(refusal(result, 'cellules.xlsx')).toMatch(new RegExp(`plus de ${fr(800_000)} cellules remplies`));
  });
});

describe('no silent guesses: a cell that cannot be read refuses its row, located', () => {
  const cellOf = (sheet: SheetRead, row: number, key: keyof RawRow['cells']) => sheet.rows.find((r) => r.row === row)?.cells[key];

  it('a shared string past the end of the table, a count of 1e999, "12abc", a bad boolean', async () => {
    const xml = sheetXml(
      HEADER +
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>99999</v></c><c r="C2" t="s"><v>2</v></c><c r="D2"><v>1e999</v></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c><c r="C3" t="b"><v>oui</v></c><c r="D3"><v>12abc</v></c></row>' +
        // Empty values are blanks, not problems.
        '<row r="4"><c r="A4" t="s"><v>0</v></c><c r="B4" t="s"><v>1</v></c><c r="C4" t="s"><v></v></c><c r="D4"><v/></c></row>' +
        // An ISO date cell (exceljs would read 2020), a formula whose cached result is not finite.
        '<row r="5"><c r="A5" t="d"><v>2020-10-14</v></c><c r="B5" t="s"><v>1</v></c><c r="D5"><f>D2*2</f><v>1e999</v></c></row>',
    );
    const bytes = workbookOf([{ name: 'Rencontres', xml }], sharedStringsXml(['14/10/2020', '33', 'Atelier']));
    const result = await read(bytes, 'illisible.xlsx');
    withinLimits(result);
    const sheet = result.outcome as SheetRead;
    expect(cellOf(sheet, 2, 'departement')).toEqual({
      value: null,
      column: 'B',
      unreadable: expect.stringMatching(new RegExp(`^texte introuvable dans la feuille « Rencontres » : la cellule renvoie au texte n° ${fr(99_999)} et le classeur n’en contient que 3`)),
    });
    expect(cellOf(sheet, 2, 'intitule')).toEqual({ value: 'Atelier', column: 'C' });
    expect(cellOf(sheet, 2, 'total')).toEqual({ value: null, column: 'D', unreadable: expect.stringMatching(/^nombre illisible \(1e999\) dans la feuille « Rencontres »/) });
    expect(cellOf(sheet, 3, 'intitule')?.unreadable).toMatch(/^valeur VRAI\/FAUX illisible \(« oui »\) dans la feuille « Rencontres »/);
    expect(cellOf(sheet, 3, 'total')?.unreadable).toMatch(/^nombre illisible \(12abc\)/);
    expect(sheet.rows.find((r) => r.row === 4)!.cells).toEqual({ date: { value: '14/10/2020', column: 'A' }, departement: { value: '33', column: 'B' } });
    expect(cellOf(sheet, 5, 'date')?.unreadable).toMatch(/^date écrite « 2020-10-14 », une forme que l’import ne lit pas dans la feuille « Rencontres »/);
    expect(cellOf(sheet, 5, 'total')?.unreadable).toMatch(/^nombre illisible \(1e999\)/);
  });

  it.each([
    ['NUL', '\u0000', 'U+0000'],
    ['U+FFFE', '\uFFFE', 'U+FFFE'],
    ['U+FFFF', '\uFFFF', 'U+FFFF'],
    ['a vertical tab', '\u000B', 'U+000B'],
    ['a reference to NUL', '&#0;', 'U+0000'],
    ['a lone surrogate, referenced', '&#xD800;', 'U+D800'],
  ])('%s in an inline string and in a shared string (XML forbids it)', async (_name, raw, code) => {
    const xml = sheetXml(
      HEADER +
        `<row r="2"><c r="A2" t="inlineStr"><is><t>14/10/2020</t></is></c><c r="B2" t="inlineStr"><is><t>3${raw}3</t></is></c><c r="C2" t="s"><v>0</v></c></row>` +
        `<row r="3"><c r="A3" t="inlineStr"><is><t>14/10/2020</t></is></c><c r="B3" t="inlineStr"><is><t>33</t></is></c><c r="C3" t="s"><v>1</v></c></row>` +
        `<row r="4"><c r="A4" t="inlineStr"><is><t>14/10/2020</t></is></c><c r="B4" t="inlineStr"><is><t>33</t></is></c><c r="C4" t="s"><v>0</v></c></row>`,
    );
    const bytes = workbookOf([{ name: 'Rencontres', xml }], sharedStringsXml(['Atelier', `Ate${raw}lier`]));
    const result = await read(bytes, 'caracteres.xlsx');
    withinLimits(result);
    const sheet = result.outcome as SheetRead;
    expect(cellOf(sheet, 2, 'departement')).toEqual({ value: null, column: 'B', unreadable: `caractère interdit (${code}) dans la feuille « Rencontres » : ressaisissez la cellule dans Excel ou LibreOffice` });
    expect(cellOf(sheet, 3, 'intitule')).toEqual({ value: null, column: 'C', unreadable: expect.stringMatching(new RegExp(`^caractère interdit \\(${code.replace("+", "\\+")}, texte partagé n° 1\\) dans la feuille « Rencontres »`)) });
    // The rest of the file reads as it is.
    expect(cellOf(sheet, 2, 'intitule')).toEqual({ value: 'Atelier', column: 'C' });
    expect(sheet.rows.find((r) => r.row === 4)!.cells).toEqual({
      date: { value: '14/10/2020', column: 'A' }, departement: { value: '33', column: 'B' }, intitule: { value: 'Atelier', column: 'C' },
    });
  });
});

describe('no silent guesses, through the import: the row is refused with its reason, the others kept', () => {
  let demo: TestCatalogue & { campaignId: number };
  let dir: string;

  beforeAll(async () => {
    demo = await demoCatalogue();
    dir = mkdtempSync(join(tmpdir(), 'synthese-hostile-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses the rows with a missing shared string, 1e999 or a NUL, naming row, column and sheet', async () => {
    const xml = sheetXml(
      HEADER +
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2"><v>40</v></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>99999</v></c><c r="C3" t="inlineStr"><is><t>Sans département</t></is></c><c r="D3"><v>40</v></c></row>' +
        '<row r="4"><c r="A4" t="s"><v>0</v></c><c r="B4" t="s"><v>1</v></c><c r="C4" t="inlineStr"><is><t>Infini</t></is></c><c r="D4"><v>1e999</v></c></row>' +
        '<row r="5"><c r="A5" t="s"><v>0</v></c><c r="B5" t="s"><v>1</v></c><c r="C5" t="inlineStr"><is><t>Nul\u0000</t></is></c><c r="D5"><v>40</v></c></row>',
    );
    const path = join(dir, 'rencontres gironde.xlsx');
    writeFileSync(path, workbookOf([{ name: 'Rencontres', xml }], sharedStringsXml(['21/09/2020', '24', 'Concertation lisible'])));
    const report = await demo.call('spreadsheets.previewImport', { campaignId: demo.campaignId, path });
    expect(report.sheetName).toBe('Rencontres');
    expect(report.rowsRead).toBe(4);
    expect(report.added).toBe(1);
    expect(report.refused).toBe(3);
    expect(report.problems).toEqual([
      { row: 3, column: 'B', field: 'Département', message: expect.stringMatching(/^texte introuvable dans la feuille « Rencontres » : la cellule renvoie au texte n° 99[\s\u202f]999/) },
      { row: 4, column: 'D', field: 'Total déclaré', message: expect.stringMatching(/^nombre illisible \(1e999\) dans la feuille « Rencontres »/) },
      { row: 5, column: 'C', field: 'Intitulé', message: expect.stringMatching(/^caractère interdit \(U\+0000\) dans la feuille « Rencontres »/) },
    ]);
  });
});

describe('many sheets: bounded, and summarised in messages', () => {
  const noHeaders = (count: number): HostileSheet[] =>
    Array.from({ length: count }, (_, i) => ({ name: `Feuille ${i + 1}`, xml: sheetXml(rowXml(1, ['Nom', 'Prénom'])) }));

  it('refuses 2 000 sheets in a short message', async () => {
    const result = await read(workbookOf(noHeaders(2_000)), 'classeur géant.xlsx');
    withinLimits(result);
    const message = refusal(result, 'classeur géant.xlsx');
    expect(message).toMatch(new RegExp(`compte plus de ${fr(1_000)} feuilles`));
    expect(message.length).toBeLessThan(300);
  });

  it('names the first sheets without headers, then « et N autres »', async () => {
    const result = await read(workbookOf(noHeaders(600)), 'sans en-têtes.xlsx');
    withinLimits(result);
    const message = refusal(result, 'sans en-têtes.xlsx');
    expect(message).toMatch(/aucune feuille ne contient les colonnes attendues/);
    expect(message).toMatch(/Feuilles lues : « Feuille 1 » \(aucune colonne reconnue\) ; .*« Feuille 5 » \(aucune colonne reconnue\) et 595 autres\./);
    expect(message).not.toMatch(/Feuille 6\b/);
    expect(message.length).toBeLessThan(800);
  });
});

describe('a forbidden character that breaks the XML itself', () => {
  it('refuses the file naming the sheet, the row and the column', async () => {
    // Inside the tag, between two attributes: no replacement makes that well-formed.
    const xml = sheetXml(`${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>14/10/2020</t></is></c><c r="B2"\u0000 t="inlineStr"><is><t>33</t></is></c></row>`);
    const result = await read(workbookOf([{ name: 'Rencontres', xml }]), 'cassé.xlsx');
    withinLimits(result);
    expect(refusal(result, 'cassé.xlsx')).toMatch(/^Le classeur « cassé\.xlsx » est incomplet ou endommagé \(feuille « Rencontres », ligne 2, colonne B : caractère interdit U\+0000\)/);
  });
});
