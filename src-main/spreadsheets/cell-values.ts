/** exceljs cell values → plain values the row parser understands; column numbers → letters. */
import type ExcelJS from 'exceljs';
import type { RowModel } from './read-rows.ts';

export type RawCellValue = string | number | boolean | Date | null;

/** A cell as the row parser gets it: its value, or why it cannot be read (then its value is null). */
export interface CellRead {
  column: number;
  value: RawCellValue;
  unreadable?: string;
}

/** Not a value: a cell exceljs gave but nothing can honestly be made of (a number that is not finite). */
class Unreadable {
  constructor(readonly message: string) {}
}

export interface RowContext {
  date1904: boolean;
  sheetName: string;
  /** Problems the cell guard found in this row, by column: they override what exceljs made of the cell. */
  problems?: ReadonlyMap<number, string>;
  /** Columns whose number the guard saw empty (<v/>): what exceljs makes NaN or an invalid date is then a blank. */
  blanks?: ReadonlySet<number>;
}

export function rowCells(row: ExcelJS.Row, context: RowContext): CellRead[] {
  const cells: CellRead[] = [];
  row.eachCell((cell, column) => {
    if (context.problems?.get(column) !== undefined) return;
    push(cells, column, cellValue(cell, context, context.blanks?.has(column) ?? false));
  });
  return withProblems(cells, context);
}

/** The same, from a row read-rows.ts parsed: each cell's value as exceljs's would be. */
export function modelCells(row: RowModel, context: RowContext): CellRead[] {
  const cells: CellRead[] = [];
  for (const { column, value, numFmt } of row.cells) {
    // exceljs's eachCell skips the cells left without a value.
    if (value === null || value === undefined || context.problems?.get(column) !== undefined) continue;
    push(cells, column, normaliseValue(value, numFmt, context, context.blanks?.has(column) ?? false, 0));
  }
  return withProblems(cells, context);
}

/**
 * The same cells, only those of the columns in `keyOf`, put straight under their keys into `into` (as
 * read-sheet.ts keeps a data row), without the list modelCells makes for each row. Whether any was put.
 */
export function modelCellsInto<Key extends string>(
  row: RowModel,
  context: RowContext,
  keyOf: ReadonlyMap<number, Key>,
  letterOf: (column: number) => string,
  into: Partial<Record<Key, { value: RawCellValue; column: string; unreadable?: string }>>,
): boolean {
  let filled = false;
  const problems = context.problems;
  for (const { column, value, numFmt } of row.cells) {
    if (value === null || value === undefined || problems?.get(column) !== undefined) continue;
    const key = keyOf.get(column);
    if (key === undefined) continue;
    const read = normaliseValue(value, numFmt, context, context.blanks?.has(column) ?? false, 0);
    if (read instanceof Unreadable) into[key] = { value: null, column: letterOf(column), unreadable: read.message };
    else if (read !== null) into[key] = { value: read, column: letterOf(column) };
    else continue;
    filled = true;
  }
  // A cell the guard refused may have reached the reader as nothing at all (a missing shared string).
  if (problems) {
    for (const [column, message] of problems) {
      const key = keyOf.get(column);
      if (key === undefined) continue;
      into[key] = { value: null, column: letterOf(column), unreadable: message };
      filled = true;
    }
  }
  return filled;
}

function push(cells: CellRead[], column: number, value: RawCellValue | Unreadable): void {
  if (value instanceof Unreadable) cells.push({ column, value: null, unreadable: value.message });
  else if (value !== null) cells.push({ column, value });
}

function withProblems(cells: CellRead[], context: RowContext): CellRead[] {
  const problems = context.problems;
  // A cell the guard refused may have reached exceljs as nothing at all (a missing shared string).
  if (problems) {
    for (const [column, message] of problems) cells.push({ column, value: null, unreadable: message });
    cells.sort((a, b) => a.column - b.column);
  }
  return cells;
}

function cellValue(cell: ExcelJS.Cell, context: RowContext, blank: boolean): RawCellValue | Unreadable {
  let value: unknown;
  let numFmt: unknown;
  try {
    value = cell.value;
    numFmt = cell.numFmt;
    if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value) && !('result' in value)) {
      // exceljs leaves a falsy result (0, NaN for an error, '') out of a formula's value; the cell keeps it.
      value = { ...value, result: (cell as unknown as { result?: unknown }).result };
    }
  } catch {
    return null;
  }
  return normaliseValue(value, typeof numFmt === 'string' ? numFmt : undefined, context, blank, 0);
}

/**
 * exceljs's cell value → a plain value: rich text → its text, formula → its cached result, hyperlink →
 * its text, error → its code ("#N/A"), date-formatted number → Date, strings trimmed, '' → null.
 * A number that is not finite, or a date out of any calendar, is Unreadable: never a blank.
 */
function normaliseValue(value: unknown, numFmt: string | undefined, context: RowContext, blank: boolean, depth: number): RawCellValue | Unreadable {
  if (value === null || value === undefined || depth > 4) return null;
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    if (blank) return null;
    return unreadable(`nombre illisible (${Number.isNaN(value) ? 'pas un nombre' : 'hors des limites d’Excel'})`, context);
  }
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) {
    if (!Number.isNaN(value.getTime())) return value;
    return blank ? null : unreadable('date illisible (hors de tout calendrier)', context);
  }
  if (typeof value !== 'object') return null;
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    return cleanText(o.richText.map((run) => (run && typeof (run as { text?: unknown }).text === 'string' ? (run as { text: string }).text : '')).join(''));
  }
  if ('formula' in o || 'sharedFormula' in o) {
    const result = o.result;
    if (typeof result === 'number') {
      // exceljs parses an error result (t="e") as a number: NaN. The error's code is lost.
      if (Number.isNaN(result)) return '#ERREUR';
      if (isDateFormat(numFmt)) return excelToDate(result, context.date1904);
    }
    return normaliseValue(result, numFmt, context, blank, depth + 1);
  }
  if ('error' in o) return typeof o.error === 'string' && o.error.trim() !== '' ? o.error.trim() : '#ERREUR';
  if ('text' in o) return normaliseValue(o.text, numFmt, context, blank, depth + 1);
  return null;
}

function unreadable(what: string, context: RowContext): Unreadable {
  return new Unreadable(`${what} dans la feuille « ${context.sheetName} » : ressaisissez la cellule dans Excel ou LibreOffice`);
}

/** Trimmed, OOXML escapes decoded (Excel writes a carriage return as _x000D_), '' → null. */
function cleanText(text: string): string | null {
  const decoded = text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
  const trimmed = decoded.trim();
  return trimmed === '' ? null : trimmed;
}

/** exceljs's own test, for formula results (exceljs converts only plain numbers). */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhMsb]+/.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}


/** "A" for 1, "Z" for 26, "AA" for 27. */
export function columnLetter(column: number): string {
  let n = Math.floor(column);
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
