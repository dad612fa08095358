/**
 * Reading attendance sheets back. Every fixture is built here, at test time: with exceljs (both
 * writers), with LibreOffice from a CSV, and by damaging good files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors.ts';
import { parseCount, parseDate, parseLevel, parseThematiques, parseYesNo } from '../../src-main/spreadsheets/parse-cells.ts';
import { columnLetter, readAttendanceSheet, type RawRow, type SheetRead } from '../../src-main/spreadsheets/read-sheet.ts';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synthese-read-sheet-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** The rejection of a read, checked to be a French AppError('FILE'). */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => {
      throw new Error('la lecture aurait dû être refusée');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('FILE');
  const message = (error as AppError).message;
  // Nothing from exceljs, jszip or Node reaches users.
  expect(message).not.toMatch(/\b(Error|error|undefined|null|Cannot|Invalid|ENOENT|zip file|End of data|signature)\b/);
  return message;
}

function cellsOf(read: SheetRead, row: number): RawRow['cells'] {
  const found = read.rows.find((r) => r.row === row);
  if (!found) throw new Error(`ligne ${row} absente`);
  return found.cells;
}

/** A sheet as people return it: title line, reordered and renamed headers, merged cells, formulas… */
async function messyWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const instructions = wb.addWorksheet('Instructions');
  instructions.addRow(['Remplissez la feuille « Rencontres », une ligne par rencontre.']);
  // Looks like a header row: the sheet must be skipped for its name.
  instructions.addRow(['Département', 'Date', 'Total déclaré', 'Élèves']);
  const lists = wb.addWorksheet('Listes', { state: 'hidden' });
  lists.addRow(['Niveau', 'Académie', 'Département']);
  lists.addRow(['Établissement', 'Bordeaux', '33']);

  const ws = wb.addWorksheet('Rencontres');
  ws.getCell('A1').value = 'Rencontres du numérique — académie de Bordeaux';
  ws.mergeCells('A1:H1');
  // Row 2 left empty.
  ws.getRow(3).values = ['Commentaire', 'date de la rencontre', 'DÉPARTEMENT', 'Eleves', 'Nb participants', 'Intitulé', 'Total', 'Niveau *'];
  ws.getRow(4).values = [
    'à revoir',
    utc(2020, 10, 14),
    '33',
    12,
    40,
    { richText: [{ text: 'Rencontre ' }, { font: { bold: true }, text: 'parents-profs' }] },
    41,
    'Établissement',
  ];
  // Row 5 left empty.
  ws.getRow(6).values = [
    null,
    { formula: 'B4+1', result: utc(2020, 10, 15) },
    { text: 'Gironde', hyperlink: 'https://fr.wikipedia.org/wiki/Gironde' },
    { formula: 'D4*2', result: 24 },
    { formula: 'D6+3', result: 27 },
    { error: '#N/A' },
    null,
    '  bassin  ',
  ];
  ws.getCell('B6').numFmt = 'dd/mm/yyyy';
  // Row 7: formatted, but empty.
  ws.getCell('B7').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell('B7').numFmt = 'dd/mm/yyyy';
  // Row 8: only a comment. Row 9: blanks only in known columns.
  ws.getCell('A8').value = 'ligne de commentaire seule';
  ws.getCell('A9').value = 'note';
  ws.getCell('B9').value = '   ';
  // Row 10: participants typed once across the merged Élèves and Nb participants cells.
  ws.getRow(10).values = [null, utc(2020, 11, 3), '2A', 5, null, 'Rencontre fusionnée', null, 'Départemental'];
  ws.mergeCells('D10:E10');
  // Row 11: a formula worth 0 (exceljs drops falsy results from a formula's value) and one in error.
  ws.getRow(11).values = [null, utc(2020, 11, 4), '33', { formula: 'D4-D4', result: 0 }, { formula: '1/0', result: { error: '#DIV/0!' } }, 'Formules', null, 'bassin'];
  // Rows 12-14: one date merged down over two ateliers and an empty row.
  ws.getRow(12).values = [null, utc(2020, 11, 5), '33', 8, null, 'Atelier 1', 9, 'bassin'];
  ws.getRow(13).values = [null, null, '33', 6, null, 'Atelier 2', 7, 'bassin'];
  ws.mergeCells('B12:B14');
  await wb.xlsx.writeFile(file);
}

describe('readAttendanceSheet on a sheet people reworked (exceljs writer)', () => {
  let read: SheetRead;
  let file: string;

  beforeAll(async () => {
    file = join(dir, 'rencontres bordeaux.xlsx');
    await messyWorkbook(file);
    read = await readAttendanceSheet({ path: file });
  });

  it('skips the Instructions and Listes sheets and finds the headers below the title', () => {
    expect(read.fileName).toBe('rencontres bordeaux.xlsx');
    expect(read.sheetName).toBe('Rencontres');
    expect(read.headerRow).toBe(3);
  });

  it('maps headers whatever their case, accents, decoration or order, and reports the others', () => {
    expect(read.columns).toEqual([
      { key: 'date', header: 'date de la rencontre', column: 'B' },
      { key: 'departement', header: 'DÉPARTEMENT', column: 'C' },
      { key: 'categorie:eleves', header: 'Eleves', column: 'D' },
      { key: 'total', header: 'Nb participants', column: 'E' },
      { key: 'intitule', header: 'Intitulé', column: 'F' },
      { key: 'niveau', header: 'Niveau *', column: 'H' },
    ]);
    // "Total" names the same column as "Nb participants": the first wins.
    expect(read.ignoredColumns).toEqual([
      { header: 'Commentaire', column: 'A' },
      { header: 'Total', column: 'G' },
    ]);
  });

  it('skips empty rows, formatted-only rows and rows with nothing in the known columns', () => {
    expect(read.rows.map((r) => r.row)).toEqual([4, 6, 10, 11, 12, 13]);
  });

  it('gives plain values: dates, numbers, rich text as text, trimmed strings', () => {
    expect(cellsOf(read, 4)).toEqual({
      date: { value: utc(2020, 10, 14), column: 'B' },
      departement: { value: '33', column: 'C' },
      'categorie:eleves': { value: 12, column: 'D' },
      total: { value: 40, column: 'E' },
      intitule: { value: 'Rencontre parents-profs', column: 'F' },
      niveau: { value: 'Établissement', column: 'H' },
    });
  });

  it('reads formulas as their cached result, hyperlinks as their text, errors as their code', () => {
    expect(cellsOf(read, 6)).toEqual({
      date: { value: utc(2020, 10, 15), column: 'B' },
      departement: { value: 'Gironde', column: 'C' },
      'categorie:eleves': { value: 24, column: 'D' },
      total: { value: 27, column: 'E' },
      intitule: { value: '#N/A', column: 'F' },
      niveau: { value: 'bassin', column: 'H' },
    });
  });

  it('keeps a formula worth 0, and marks a formula in error', () => {
    const cells = cellsOf(read, 11);
    expect(cells['categorie:eleves']).toEqual({ value: 0, column: 'D' });
    expect(cells.total).toEqual({ value: '#ERREUR', column: 'E' });
  });

  it('gives a merged cell its value in the first cell only', () => {
    const cells = cellsOf(read, 10);
    expect(cells['categorie:eleves']).toEqual({ value: 5, column: 'D' });
    expect(cells.total).toBeUndefined();
    expect(cells.departement?.value).toBe('2A');
  });

  it('gives a cell merged down over several rows to each of them', () => {
    // B12:B13 holds one date for two ateliers; row 14, under the merge, has nothing of its own.
    expect(cellsOf(read, 12).date?.value).toEqual(utc(2020, 11, 5));
    expect(cellsOf(read, 13).date).toEqual({ value: utc(2020, 11, 5), column: 'B' });
    expect(cellsOf(read, 13).intitule?.value).toBe('Atelier 2');
    expect(read.rows.some((r) => r.row === 14)).toBe(false);
  });

  it('hands the parsers values they understand', () => {
    const row4 = cellsOf(read, 4);
    expect(parseDate(row4.date?.value)).toEqual({ ok: true, value: '2020-10-14' });
    expect(parseLevel(row4.niveau?.value)).toEqual({ ok: true, value: 'etablissement' });
    expect(parseDate(cellsOf(read, 6).date?.value)).toEqual({ ok: true, value: '2020-10-15' });
    const error = parseCount(cellsOf(read, 6).intitule?.value);
    expect(error.ok ? '' : error.message).toMatch(/^« #N\/A » : la cellule contient une erreur de formule/);
  });

  it('reads the same bytes given in memory', async () => {
    const again = await readAttendanceSheet({ bytes: readFileSync(file), fileName: 'C:\\Users\\cpe\\Bureau\\retour.xlsx' });
    expect(again.fileName).toBe('retour.xlsx');
    expect(again.rows).toEqual(read.rows);
  });
});

describe('readAttendanceSheet choosing among sheets', () => {
  it('prefers the filled copy to the blank template sheet left before it', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Modèle').addRow(['Département', 'Date', 'Total déclaré']);
    const copy = wb.addWorksheet('Rencontres (2)');
    copy.addRow(['Département', 'Date', 'Total déclaré']);
    copy.addRow(['87', utc(2020, 10, 2), 9]);
    const file = join(dir, 'deux feuilles.xlsx');
    await wb.xlsx.writeFile(file);
    const read = await readAttendanceSheet({ path: file });
    expect(read.sheetName).toBe('Rencontres (2)');
    expect(read.rows).toEqual([
      { row: 2, cells: { departement: { value: '87', column: 'A' }, date: { value: utc(2020, 10, 2), column: 'B' }, total: { value: 9, column: 'C' } } },
    ]);
  });

  it('returns a sheet with headers and no meeting as such, with no rows', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Rencontres').addRow(['Département', 'Date', 'Total déclaré']);
    const read = await readAttendanceSheet({ bytes: Buffer.from(await wb.xlsx.writeBuffer()), fileName: 'vierge.xlsx' });
    expect(read.sheetName).toBe('Rencontres');
    expect(read.headerRow).toBe(1);
    expect(read.rows).toEqual([]);
  });

  it('looks no further than the first 10 filled rows for the headers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rencontres');
    for (let i = 1; i <= 10; i++) ws.addRow([`ligne de présentation ${i}`]);
    ws.addRow(['Département', 'Date', 'Total déclaré']);
    ws.addRow(['33', utc(2020, 10, 14), 4]);
    const message = await refusal(readAttendanceSheet({ bytes: Buffer.from(await wb.xlsx.writeBuffer()), fileName: 'long.xlsx' }));
    expect(message).toMatch(/10 premières lignes remplies/);
    expect(message).toMatch(/« Rencontres » \(aucune colonne reconnue\)/);
  });
});

describe('readAttendanceSheet on a CSV converted by LibreOffice', () => {
  it('reads headers without accents and French dates kept as text', async () => {
    const csv = join(dir, 'export-dsden.csv');
    writeFileSync(
      csv,
      [
        'Synthese des rencontres DSDEN,,,,,,,,',
        ',,,,,,,,',
        'Academie,Departement,Niveau,Date,Eleves,Enseignants,Nb participants,Thematiques,Restitution',
        'Bordeaux,33,etablissement,14/10/2020,12,3,"1 250","1, 3",oui',
        'Limoges,87,bassin,01/10/2020,"12,0",,5,2,non',
        ',,,,,,,,',
        'Poitiers,86,departemental,1er octobre 2020,,,,"Theme 1, theme 4",',
        '',
      ].join('\n'),
    );
    const outDir = mkdtempSync(join(dir, 'lo-out-'));
    const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
    try {
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'xlsx', '--outdir', outDir, csv], {
        stdio: 'pipe',
        timeout: 120_000,
      });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const xlsx = join(outDir, 'export-dsden.xlsx');
    // soffice exits 0 even when it could not convert.
    expect(existsSync(xlsx), 'LibreOffice n’a pas produit le .xlsx').toBe(true);

    const read = await readAttendanceSheet({ path: xlsx });
    expect(read.headerRow).toBe(3);
    expect(read.columns.map((c) => `${c.column}:${c.key}`)).toEqual([
      'A:academie', 'B:departement', 'C:niveau', 'D:date', 'E:categorie:eleves', 'F:categorie:enseignants', 'G:total', 'H:thematiques', 'I:restitution',
    ]);
    expect(read.ignoredColumns).toEqual([]);
    expect(read.rows.map((r) => r.row)).toEqual([4, 5, 7]);

    const [bordeaux, limoges, poitiers] = read.rows as [RawRow, RawRow, RawRow];
    expect(bordeaux.cells.date?.value).toBe('14/10/2020');
    expect(typeof limoges.cells.date?.value).toBe('string');
    expect(parseDate(bordeaux.cells.date?.value)).toEqual({ ok: true, value: '2020-10-14' });
    expect(parseDate(limoges.cells.date?.value)).toEqual({ ok: true, value: '2020-10-01' });
    expect(parseDate(poitiers.cells.date?.value)).toEqual({ ok: true, value: '2020-10-01' });
    // LibreOffice makes numbers of what looks like one: a département code arrives as a number.
    expect(bordeaux.cells.departement?.value).toBe(33);
    expect(parseCount(bordeaux.cells.total?.value)).toEqual({ ok: true, value: 1250 });
    expect(parseCount(limoges.cells['categorie:eleves']?.value)).toEqual({ ok: true, value: 12 });
    expect(limoges.cells['categorie:enseignants']).toBeUndefined();
    expect(parseThematiques(bordeaux.cells.thematiques?.value)).toEqual({ ok: true, value: [1, 3] });
    expect(parseThematiques(poitiers.cells.thematiques?.value)).toEqual({ ok: true, value: [1, 4] });
    expect(parseYesNo(bordeaux.cells.restitution?.value)).toEqual({ ok: true, value: true });
    expect(parseYesNo(limoges.cells.restitution?.value)).toEqual({ ok: true, value: false });
    expect(parseLevel(poitiers.cells.niveau?.value)).toEqual({ ok: true, value: 'departemental' });
  });
});

describe('readAttendanceSheet on 10 000 rows (exceljs streaming writer)', () => {
  let big: string;

  beforeAll(async () => {
    big = join(dir, 'grand.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: big, useStyles: true, useSharedStrings: true });
    const sheet = writer.addWorksheet('Rencontres');
    sheet.addRow(['Département', 'Date', 'Niveau', 'Élèves', 'Enseignants', 'Total déclaré']).commit();
    for (let i = 0; i < 10_000; i++) {
      sheet.addRow([String(10 + (i % 80)), utc(2020, 10, 1 + (i % 28)), i % 2 ? 'bassin' : 'établissement', i % 50, i % 7, 100 + (i % 90)]).commit();
    }
    await sheet.commit();
    await writer.commit();
  });

  it('reads them all in a few seconds, reporting progress every 500 rows', async () => {
    const progress: number[] = [];
    const started = Date.now();
    const read = await readAttendanceSheet({ path: big }, { onProgress: (n) => progress.push(n) });
    const elapsed = Date.now() - started;
    expect(read.rows).toHaveLength(10_000);
    expect(read.rows[0]).toEqual({
      row: 2,
      cells: {
        departement: { value: '10', column: 'A' },
        date: { value: utc(2020, 10, 1), column: 'B' },
        niveau: { value: 'établissement', column: 'C' },
        'categorie:eleves': { value: 0, column: 'D' },
        'categorie:enseignants': { value: 0, column: 'E' },
        total: { value: 100, column: 'F' },
      },
    });
    expect(read.rows.at(-1)?.row).toBe(10_001);
    expect(progress.length).toBeGreaterThanOrEqual(20);
    expect(progress.slice(0, 3)).toEqual([500, 1000, 1500]);
    expect(progress.at(-1)).toBe(10_000);
    expect(elapsed).toBeLessThan(10_000);
  });

  it('gives up after its timeout with a French message, leaving nothing open', async () => {
    const openFiles = () => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : 0);
    const resources = process.getActiveResourcesInfo().length;
    const files = openFiles();
    for (const timeoutMs of [30, 80, 150, 250]) {
      const started = Date.now();
      const read = readAttendanceSheet({ path: big }, { timeoutMs });
      // A fast machine may finish within the longer ones: only a refusal is checked.
      const outcome = await read.then(() => null, (e: unknown) => e);
      if (outcome === null) continue;
      const message = await refusal(Promise.reject(outcome));
      expect(message).toMatch(/^La lecture de « grand\.xlsx » a été abandonnée après \d+ ms/);
      expect(Date.now() - started).toBeLessThan(timeoutMs + 2_000);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(process.getActiveResourcesInfo().length).toBeLessThanOrEqual(resources);
    expect(openFiles()).toBeLessThanOrEqual(files);
  });

  it('refuses a truncated copy instead of hanging', { timeout: 20_000 }, async () => {
    const bytes = readFileSync(big);
    const truncated = join(dir, 'grand tronqué.xlsx');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const message = await refusal(readAttendanceSheet({ path: truncated }));
    expect(message).toMatch(/^Le classeur « grand tronqué\.xlsx » est incomplet ou endommagé/);
    expect(message).toMatch(/enregistrez-le au format Excel \(\.xlsx\)/);
  });

  it('refuses a copy damaged inside an intact zip at once (exceljs would hang on it)', { timeout: 20_000 }, async () => {
    const bytes = Buffer.from(readFileSync(big));
    // Garbles the compressed data of the sheet, keeping the zip's directories intact.
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files);
    expect(names).toContain('xl/worksheets/sheet1.xml');
    const at = bytes.indexOf('xl/worksheets/sheet1.xml');
    for (let i = at + 200; i < at + 400; i++) bytes[i] = (bytes[i]! * 31 + 7) & 0xff;
    const started = Date.now();
    const message = await refusal(readAttendanceSheet({ bytes, fileName: 'abîmé.xlsx' }));
    expect(message).toMatch(/« abîmé\.xlsx » est incomplet ou endommagé/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('readAttendanceSheet on accented text across the inflater’s chunks', () => {
  it.each([['inline', false], ['shared', true]])('keeps every "é" whole in a large sheet (%s strings)', async (_kind, useSharedStrings) => {
    // exceljs 4.4 decoded each inflated chunk on its own: a character cut in two became two U+FFFD.
    const file = join(dir, `accents-${String(useSharedStrings)}.xlsx`);
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings });
    const sheet = writer.addWorksheet('Rencontres');
    sheet.addRow(['Département', 'Bassin / réseau', 'Intitulé', 'Date']).commit();
    for (let i = 0; i < 12_000; i++) sheet.addRow(['23', 'ZAP Guéret', `Réunion n° ${i} — élèves, enseignants`, '14/10/2020']).commit();
    await writer.commit();
    const read = await readAttendanceSheet({ path: file });
    expect(read.rows).toHaveLength(12_000);
    const damaged = read.rows.filter((r) => r.cells.bassin?.value !== 'ZAP Guéret' || !String(r.cells.intitule?.value).startsWith('Réunion n° '));
    expect(damaged.map((r) => r.row)).toEqual([]);
  }, 30_000);
});

describe('readAttendanceSheet, what a merge or a tab order must not change', () => {
  it('does not copy a count merged over several rows (one figure for the three)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rencontres');
    ws.addRow(['Date', 'Département', 'Intitulé', 'Total déclaré']);
    ws.addRow([utc(2020, 10, 14), '86', 'Atelier A', 90]);
    ws.addRow([utc(2020, 10, 14), '86', 'Atelier B', null]);
    ws.addRow([utc(2020, 10, 14), '86', 'Atelier C', null]);
    ws.mergeCells('D2:D4');
    ws.mergeCells('A2:A4');
    const read = await readAttendanceSheet({ bytes: Buffer.from(await wb.xlsx.writeBuffer()), fileName: 'fusion-total.xlsx' });
    expect(read.rows.map((r) => r.cells.total?.value ?? null)).toEqual([90, null, null]);
    expect(read.rows.every((r) => r.cells.date !== undefined)).toBe(true);
  });

  it('reads the first tab, whatever the order of the sheets in the zip', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ancienne').addRows([['Date', 'Département', 'Intitulé'], [utc(2020, 10, 1), '33', 'Ancienne version']]);
    wb.addWorksheet('Nouvelle').addRows([['Date', 'Département', 'Intitulé'], [utc(2020, 10, 2), '33', 'Nouvelle version']]);
    const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const sheets = [...workbookXml.matchAll(/<sheet [^>]*\/>/g)].map((m) => m[0]);
    expect(sheets).toHaveLength(2);
    zip.file('xl/workbook.xml', workbookXml.replace(sheets.join(''), `${sheets[1]}${sheets[0]}`));
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    const read = await readAttendanceSheet({ bytes, fileName: 'onglets.xlsx' });
    expect(read.sheetName).toBe('Nouvelle');
  });
});

describe('readAttendanceSheet on cells merged down by LibreOffice', () => {
  it('reads the merged date on every row it covers', async () => {
    // A flat OpenDocument sheet with A2 spanning two rows, converted to .xlsx by LibreOffice itself.
    const fods = join(dir, 'fusion.fods');
    writeFileSync(fods, `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet><table:table table:name="Rencontres">
<table:table-row><table:table-cell><text:p>Date</text:p></table:table-cell><table:table-cell><text:p>Département</text:p></table:table-cell><table:table-cell><text:p>Intitulé</text:p></table:table-cell><table:table-cell><text:p>Total</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>14/10/2020</text:p></table:table-cell><table:table-cell><text:p>86</text:p></table:table-cell><table:table-cell><text:p>Atelier A</text:p></table:table-cell><table:table-cell><text:p>20</text:p></table:table-cell></table:table-row>
<table:table-row><table:covered-table-cell/><table:table-cell><text:p>86</text:p></table:table-cell><table:table-cell><text:p>Atelier B</text:p></table:table-cell><table:table-cell><text:p>25</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document>`);
    execFileSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', dir, fods], { stdio: 'ignore' });
    const xlsx = join(dir, 'fusion.xlsx');
    expect(existsSync(xlsx)).toBe(true);
    const read = await readAttendanceSheet({ path: xlsx });
    expect(read.rows.map((r) => [r.row, r.cells.intitule?.value, r.cells.date?.value])).toEqual([
      [2, 'Atelier A', '14/10/2020'],
      [3, 'Atelier B', '14/10/2020'],
    ]);
  });
});

describe('readAttendanceSheet refuses what it cannot read, in French', () => {
  it('a sheet cut short inside a zip rebuilt around it (CRCs right, rows silently missing)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rencontres');
    ws.addRow(['Date', 'Département', 'Total déclaré']);
    for (let i = 0; i < 2_000; i++) ws.addRow([utc(2020, 10, 14), '33', i]);
    const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file('xl/worksheets/sheet1.xml', xml.slice(0, Math.floor(xml.length / 2)));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const message = await refusal(readAttendanceSheet({ bytes, fileName: 'moitié.xlsx' }));
    expect(message).toMatch(/^Le classeur « moitié\.xlsx » est incomplet ou endommagé \(une feuille s’arrête au milieu\)/);
  });

  it('a missing path (exceljs would crash the process)', async () => {
    const message = await refusal(readAttendanceSheet({ path: join(dir, 'absent.xlsx') }));
    expect(message).toBe('Fichier introuvable : « absent.xlsx ».');
  });

  it('a folder, an empty file', async () => {
    expect(await refusal(readAttendanceSheet({ path: dir }))).toMatch(/n'est pas un fichier/);
    const empty = join(dir, 'vide.xlsx');
    writeFileSync(empty, '');
    expect(await refusal(readAttendanceSheet({ path: empty }))).toMatch(/^Le fichier « vide\.xlsx » est vide/);
  });

  it('random bytes named .xlsx', async () => {
    const file = join(dir, 'hasard.xlsx');
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    writeFileSync(file, bytes);
    const message = await refusal(readAttendanceSheet({ path: file }));
    expect(message).toMatch(/^« hasard\.xlsx » n'est pas un classeur Excel/);
    expect(message).toMatch(/enregistrez-le au format Excel \(\.xlsx\)/);
  });

  it('a CSV named .xlsx', async () => {
    const file = join(dir, 'rencontres.xlsx');
    writeFileSync(file, 'Département;Date;Total déclaré\n33;14/10/2020;12\n');
    const message = await refusal(readAttendanceSheet({ path: file }));
    expect(message).toMatch(/^« rencontres\.xlsx » est un fichier texte \(CSV \?\)/);
    expect(message).toMatch(/enregistrez-le au format Excel \(\.xlsx\)/);
  });

  it('an old .xls (or a password-protected workbook) and an .ods renamed', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    expect(await refusal(readAttendanceSheet({ bytes: xls, fileName: 'ancien.xlsx' }))).toMatch(/Excel 97-2003 \(\.xls\)/);

    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    ods.file('content.xml', '<office:document-content/>');
    const odsBytes = await ods.generateAsync({ type: 'nodebuffer' });
    const message = await refusal(readAttendanceSheet({ bytes: odsBytes, fileName: 'calc.xlsx' }));
    expect(message).toMatch(/OpenDocument \(\.ods\)/);
    expect(message).toMatch(/enregistrez-le au format Excel \(\.xlsx\)/);
  });

  it('a workbook without recognisable headers, saying what it saw', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Feuil1');
    ws.addRow(['Nom', 'Prénom', 'Date']);
    ws.addRow(['Dupont', 'Marie', utc(2020, 10, 14)]);
    const file = join(dir, 'autre chose.xlsx');
    await wb.xlsx.writeFile(file);
    const message = await refusal(readAttendanceSheet({ path: file }));
    expect(message).toMatch(/^Dans « autre chose\.xlsx », aucune feuille ne contient les colonnes attendues \(Date, Département, Total déclaré…\)/);
    expect(message).toMatch(/« Feuil1 » \(ligne 1, 1 colonne reconnue : Date\)/);
  });

  it('a file over 100 Mo, before reading it', async () => {
    const file = join(dir, 'énorme.xlsx');
    writeFileSync(file, '');
    truncateSync(file, 101 * 1024 * 1024); // sparse: no disk used
    expect(await refusal(readAttendanceSheet({ path: file }))).toMatch(/^Le fichier « énorme\.xlsx » pèse 101 Mo, plus que les 100 Mo acceptés/);
  });
});

describe('columnLetter', () => {
  it('names columns as Excel does', () => {
    expect([1, 2, 26, 27, 28, 52, 53, 702, 703, 16_384].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
});
