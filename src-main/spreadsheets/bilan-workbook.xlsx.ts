/**
 * The Bilan as a workbook: per académie, per département, per level and per participant category,
 * with live formulas for the totals (and their values, for readers that do not recalculate), number
 * formats, frozen headers and filters; then one sheet per kind of record for those who work in Excel.
 *
 * Written with exceljs's streaming writer: each row is committed as it comes, and the writer yields
 * every few hundred rows so that the zip takes them away (a national catalogue's 300 000
 * contributions once took 2.9 GB held as a workbook in memory).
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { safeCell } from './safe-cell.ts';

export type CellValue = string | number | boolean | Date | null;

export interface TableSheet {
  name: string;
  columns: { header: string; width: number; kind: 'text' | 'count' | 'date' | 'percent' }[];
  /** Read once, as the sheet is written (the records' sheets read the catalogue a batch at a time). */
  rows: Iterable<CellValue[]>;
  /** Adds a "Total" row summing these columns (0-based) with live formulas. */
  totalColumns?: number[];
}

/**
 * Deflate level of the workbook's zip, said rather than left to archiver's default (the same, 1). A
 * région at scale 10 is 64 MB of sheet XML: level 1 deflates it in 0.35 s to 7.6 MB, level 6 in 1.0 s to
 * 5.7 MB; the deflate runs beside the writer, but past what it keeps up with it holds the writer back
 * (compressed()), and a laptop has two cores. A quarter smaller is not worth a second.
 */
export const WORKBOOK_ZIP = { zlib: { level: 1 } };

/** Every data row's style (none): frozen, so that nothing can set a font on all the rows at once through it. */
const DATA_ROW_STYLE: Partial<ExcelJS.Style> = Object.freeze({});
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3E3FD' } };
const COUNT_FORMAT = '#,##0';
/** Rows written between two looks at the zip: it must have compressed what came before. */
const ROWS_PER_TURN = 200;
/** Bytes of a sheet's XML left waiting for the zip before the writer waits. */
const BACKLOG_BYTES = 1 << 20;

/** A filter's range, for the hidden name LibreOffice needs to keep it (see withFilterNames). */
interface SheetFilter {
  name: string;
  ref: string;
}

/**
 * `onRows` hears, every few hundred rows, how many are written and in which sheet: the progress shown, and
 * where a cancelled call stops (its progress report throws; nothing has been written to disk yet).
 */
export async function tablesWorkbook(sheets: TableSheet[], stamp: Date, onRows?: (written: number, sheet: string) => void): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false, zip: WORKBOOK_ZIP });
  workbook.creator = 'Synthèse régionale';
  workbook.created = stamp;
  workbook.modified = stamp;
  const filters: SheetFilter[] = [];
  stampEntries(workbook, stamp, filters);
  let before = 0;
  for (const table of sheets) {
    let rows = 0;
    filters.push(await addTable(workbook, table, (n) => {
      rows = n;
      onRows?.(before + n, table.name);
    }));
    before += rows;
  }
  await workbook.commit();
  return Buffer.concat(chunks);
}

async function addTable(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: TableSheet, onRows: (rows: number) => void): Promise<SheetFilter> {
  const name = table.name.slice(0, 31);
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  // One style object per column, shared by its cells: exceljs recognises an object it has seen, where
  // each cell's own copy cost a style lookup (a third of a national workbook's time).
  const styles = table.columns.map((c): Partial<ExcelJS.Style> => {
    const numFmt = c.kind === 'count' ? COUNT_FORMAT : c.kind === 'date' ? 'dd/mm/yyyy' : c.kind === 'percent' ? '0%' : undefined;
    return numFmt ? { numFmt } : {};
  });
  sheet.columns = table.columns.map((c, i) => ({ key: `c${i}`, width: c.width, style: styles[i]! }));
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.commit();
  const totals = new Map((table.totalColumns ?? []).map((i) => [i, 0]));
  let written = 0;
  const kinds = table.columns.map((c) => c.kind);
  for (const values of table.rows) {
    const row = sheet.addRow(values.map((v, i) => cell(v, kinds[i]!)));
    // Shared, as the cells' are: a row's own new style object cost a full style lookup per row.
    (row as unknown as { style: Partial<ExcelJS.Style> }).style = DATA_ROW_STYLE;
    row.eachCell({ includeEmpty: true }, (c, column) => {
      c.style = styles[column - 1] ?? {};
    });
    row.commit();
    for (const [i, sum] of totals) if (typeof values[i] === 'number') totals.set(i, sum + (values[i] as number));
    if (++written % ROWS_PER_TURN === 0) {
      onRows(written);
      await compressed(sheet);
    }
  }
  onRows(written);
  // The filter covers the data, not the total row, so that sorting never moves the total.
  const last = sheet.getColumn(table.columns.length).letter;
  sheet.autoFilter = `A1:${last}${Math.max(1, written + 1)}`;
  if (table.totalColumns && written > 0) addTotalRow(sheet, table, written, totals);
  await sheet.commit();
  return { name, ref: `$A$1:$${last}$${Math.max(1, written + 1)}` };
}

/**
 * Lets the zip take what was written, and waits while the sheet's XML waits for it. The deflate runs on
 * libuv's threads but needs this thread between two of its chunks: each turn gives it the event loop
 * (setImmediate), so that it deflates while the next rows are written rather than only when the writer
 * stops. exceljs's sheet stream passes its chunks on without heeding the zip's backpressure, and keeps
 * them while the zip has not reached the sheet yet: written faster than deflated, a national sheet piled
 * up hundreds of megabytes, hence the wait past BACKLOG_BYTES.
 */
async function compressed(sheet: ExcelJS.Worksheet): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const stream = (sheet as unknown as { stream?: { pipes?: ZipInput[]; buffers?: unknown[] } }).stream;
  for (;;) {
    const pipe = stream?.pipes?.[0];
    // Not yet taken by the zip, exceljs keeps 64 KB buffers; taken, the zip's input stream holds them.
    const backlog = pipe ? (pipe.writableLength ?? pipe._writableState?.length ?? 0) : (stream?.buffers?.length ?? 0) * 65_536;
    if (backlog < BACKLOG_BYTES) return;
    // Polled: archiver's streams are readable-stream's, whose 'drain' a sheet not yet taken never sees.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** The zip's input stream for a sheet: Node's, or readable-stream's with only its internal state. */
type ZipInput = { writableLength?: number; _writableState?: { length: number } };

function cell(value: CellValue, kind: TableSheet['columns'][number]['kind']): ExcelJS.CellValue {
  if (typeof value === 'string') return kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : safeCell(value);
  return value;
}

/** SUM formulas over the data rows, with the computed value cached for LibreOffice and viewers. */
function addTotalRow(sheet: ExcelJS.Worksheet, table: TableSheet, rows: number, totals: Map<number, number>): void {
  const first = 2;
  const last = rows + 1;
  const values: ExcelJS.CellValue[] = table.columns.map(() => null);
  values[0] = 'Total';
  for (const index of table.totalColumns!) {
    const letter = sheet.getColumn(index + 1).letter;
    values[index] = { formula: `SUM(${letter}${first}:${letter}${last})`, result: totals.get(index) ?? 0 };
  }
  const row = sheet.addRow(values);
  row.font = { bold: true };
  row.border = { top: { style: 'thin' } };
  row.commit();
}

/**
 * Every part of the zip dated by the catalogue's last change (the same catalogue gives the same file), and
 * the hidden `_xlnm._FilterDatabase` name beside each sheet's filter: exceljs writes the filter but not the
 * name, and LibreOffice drops a filter that has no name. The writer's workbook part is its last but one,
 * written once every sheet is: the filters are known by then.
 */
function stampEntries(workbook: ExcelJS.stream.xlsx.WorkbookWriter, stamp: Date, filters: SheetFilter[]): void {
  const zip = (workbook as unknown as {
    zip: { append: (source: unknown, data: { name: string; date?: Date }) => unknown; _queue?: Iterable<{ data?: { date?: Date } } | undefined> };
  }).zip;
  // The writer's constructor has already queued its theme and package relationships, dated now: dated
  // here too before archiver writes them (its queue holds them until the event loop's next turn).
  for (const task of zip._queue ?? []) if (task?.data) task.data.date = stamp;
  const append = zip.append.bind(zip);
  zip.append = (source, data) => {
    const patched = data.name === '/xl/workbook.xml' && typeof source === 'string' ? withFilterNames(source, filters) : source;
    return append(patched, { ...data, date: stamp });
  };
}

function withFilterNames(workbookXml: string, filters: SheetFilter[]): string {
  const names = filters.map(
    (f, index) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">'${escapeXml(f.name.replace(/'/g, "''"))}'!${f.ref}</definedName>`,
  );
  if (names.length === 0) return workbookXml;
  return workbookXml.includes('<definedNames>')
    ? workbookXml.replace('<definedNames>', `<definedNames>${names.join('')}`)
    : workbookXml.replace('</sheets>', `</sheets><definedNames>${names.join('')}</definedNames>`);
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
