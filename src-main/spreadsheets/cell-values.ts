/** exceljs cell values → plain values the row parser understands; column numbers → letters. */
import type ExcelJS from 'exceljs';

export type RawCellValue = string | number | boolean | Date | null;


export function rowCells(row: ExcelJS.Row, date1904: boolean): { column: number; value: RawCellValue }[] {
  const cells: { column: number; value: RawCellValue }[] = [];
  row.eachCell((cell, column) => {
    const value = cellValue(cell, date1904);
    if (value !== null) cells.push({ column, value });
  });
  return cells;
}

function cellValue(cell: ExcelJS.Cell, date1904: boolean): RawCellValue {
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
  return normaliseValue(value, typeof numFmt === 'string' ? numFmt : undefined, date1904, 0);
}

/**
 * exceljs's cell value → a plain value: rich text → its text, formula → its cached result, hyperlink →
 * its text, error → its code ("#N/A"), date-formatted number → Date, strings trimmed, '' → null.
 */
function normaliseValue(value: unknown, numFmt: string | undefined, date1904: boolean, depth: number): RawCellValue {
  if (value === null || value === undefined || depth > 4) return null;
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
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
      if (isDateFormat(numFmt)) return excelToDate(result, date1904);
    }
    return normaliseValue(result, numFmt, date1904, depth + 1);
  }
  if ('error' in o) return typeof o.error === 'string' && o.error.trim() !== '' ? o.error.trim() : '#ERREUR';
  if ('text' in o) return normaliseValue(o.text, numFmt, date1904, depth + 1);
  return null;
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
