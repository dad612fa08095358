/**
 * The Bilan as a workbook: per académie, per département, per level and per participant category,
 * with live formulas for the totals (and their values, for readers that do not recalculate), number
 * formats, frozen headers and filters; then one sheet per kind of record for those who work in Excel.
 */
import ExcelJS from 'exceljs';
import { withFilterNames } from './filter-names.ts';
import { safeCell } from './safe-cell.ts';

export type CellValue = string | number | boolean | Date | null;

export interface TableSheet {
  name: string;
  columns: { header: string; width: number; kind: 'text' | 'count' | 'date' | 'percent' }[];
  rows: CellValue[][];
  /** Adds a "Total" row summing these columns (0-based) with live formulas. */
  totalColumns?: number[];
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3E3FD' } };
const COUNT_FORMAT = '#,##0';

export async function tablesWorkbook(sheets: TableSheet[], stamp: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Synthèse régionale';
  workbook.created = stamp;
  workbook.modified = stamp;
  for (const table of sheets) addTable(workbook, table);
  return withFilterNames(Buffer.from(await workbook.xlsx.writeBuffer()), stamp);
}

function addTable(workbook: ExcelJS.Workbook, table: TableSheet): void {
  const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { wrapText: true, vertical: 'middle' };
  for (const values of table.rows) {
    sheet.addRow(values.map((v, i) => cell(v, table.columns[i]!.kind)));
  }
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    if (c.kind === 'count') column.numFmt = COUNT_FORMAT;
    if (c.kind === 'date') column.numFmt = 'dd/mm/yyyy';
    if (c.kind === 'percent') column.numFmt = '0%';
  });
  // The filter covers the data, not the total row, so that sorting never moves the total.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, table.rows.length + 1), column: table.columns.length } };
  if (table.totalColumns && table.rows.length > 0) addTotalRow(sheet, table);
}

function cell(value: CellValue, kind: TableSheet['columns'][number]['kind']): ExcelJS.CellValue {
  if (typeof value === 'string') return kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : safeCell(value);
  return value;
}

/** SUM formulas over the data rows, with the computed value cached for LibreOffice and viewers. */
function addTotalRow(sheet: ExcelJS.Worksheet, table: TableSheet): void {
  const first = 2;
  const last = table.rows.length + 1;
  const values: ExcelJS.CellValue[] = table.columns.map(() => null);
  values[0] = 'Total';
  for (const index of table.totalColumns!) {
    const letter = sheet.getColumn(index + 1).letter;
    const result = table.rows.reduce((sum, r) => sum + (typeof r[index] === 'number' ? (r[index] as number) : 0), 0);
    values[index] = { formula: `SUM(${letter}${first}:${letter}${last})`, result };
  }
  const row = sheet.addRow(values);
  row.font = { bold: true };
  row.border = { top: { style: 'thin' } };
}
