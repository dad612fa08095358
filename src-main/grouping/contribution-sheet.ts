/**
 * Reading a sheet of contributions (one per row: « Référence de la rencontre », « Thématique »,
 * « Nature », « Texte »), with the attendance import's forgiving habits: headers matched whatever their
 * case, accents, spacing, order or decoration (« Texte * », « Nature : »), a title line above them,
 * extra columns ignored and reported, blank lines skipped, hidden and instruction sheets passed over.
 * The file goes through the same checks as an attendance sheet first (sheet-bytes.ts: exists, size;
 * sheet-package.ts: a real, intact .xlsx within the read's budget), so a damaged or hostile file is
 * refused in French before exceljs sees it; cells are read as the attendance import reads them
 * (cell-values.ts: rich text, formulas' results, unreadable values).
 */
import ExcelJS from 'exceljs';
import { AppError } from '../contract/errors.ts';
import { normaliseHeader } from '../spreadsheets/attendance-columns.ts';
import { type CellRead, columnLetter } from '../spreadsheets/cell-values.ts';
import { rowCells } from '../spreadsheets/cell-values.ts';
import { DEFAULT_BUDGETS, ReadBudget } from '../spreadsheets/read-budget.ts';
import { HEADER_SEARCH_ROWS, type RawCell, type SheetRead, sheetDisplayName } from '../spreadsheets/read-sheet.ts';
import { loadBytes } from '../spreadsheets/sheet-bytes.ts';
import { damaged, inspectPackage } from '../spreadsheets/sheet-package.ts';

export type ContributionColumnKey = 'reference' | 'thematique' | 'nature' | 'texte';

export const CONTRIBUTION_COLUMNS: { key: ContributionColumnKey; header: string; aliases: string[] }[] = [
  { key: 'reference', header: 'Référence de la rencontre', aliases: ['reference', 'ref', 'ref.', 'reference rencontre', 'rencontre', 'identifiant de la rencontre', 'n de la rencontre'] },
  { key: 'thematique', header: 'Thématique', aliases: ['theme', 'thematique (numero)', 'numero de thematique', 'n de thematique', 'thematique n'] },
  { key: 'nature', header: 'Nature', aliases: ['type', 'type de contribution', 'nature de la contribution', 'categorie', 'rubrique'] },
  { key: 'texte', header: 'Texte', aliases: ['contribution', 'texte de la contribution', 'contenu', 'libelle', 'enonce'] },
];

const BY_HEADER = new Map(CONTRIBUTION_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [normaliseHeader(h), c.key] as const)));

/** The column a header names, also decorated: « Texte * », « Thématique (numéro) », « Nature : ». */
export function contributionColumnFor(header: string): ContributionColumnKey | null {
  const normal = normaliseHeader(header.replace(/[°º]/g, ''));
  const bare = normal.replace(/\s*\*+\s*$/, '').replace(/\s*\([^()]*\)\s*$/, '').replace(/\s*[:*]+\s*$/, '').trim();
  return BY_HEADER.get(normal) ?? BY_HEADER.get(bare) ?? null;
}

/** A cell and a sheet as the attendance import reads them, by the contributions' column keys. */
export type ContributionCell = RawCell;
export type ContributionSheet = SheetRead<ContributionColumnKey>;

/** Headers found on a row, when it names the Texte column and at least two others. */
function matchHeader(cells: CellRead[]): Pick<ContributionSheet, 'columns' | 'ignoredColumns'> & { byColumn: Map<number, ContributionColumnKey> } | null {
  const byColumn = new Map<number, ContributionColumnKey>();
  const columns: ContributionSheet['columns'] = [];
  const ignoredColumns: ContributionSheet['ignoredColumns'] = [];
  for (const { column, value } of cells) {
    const header = value === null ? '' : String(value).replace(/\s+/g, ' ').trim();
    if (header === '') continue;
    const key = contributionColumnFor(header);
    if (key !== null && ![...byColumn.values()].includes(key)) {
      byColumn.set(column, key);
      columns.push({ key, header, column: columnLetter(column) });
    } else ignoredColumns.push({ header, column: columnLetter(column) });
  }
  return columns.length >= 3 && [...byColumn.values()].includes('texte') ? { byColumn, columns, ignoredColumns } : null;
}

const AUXILIARY = new Set(['instructions', 'instruction', 'listes', 'liste', 'lisez-moi', 'aide', 'consignes', 'notice']);

export async function readContributionSheet(path: string): Promise<ContributionSheet> {
  const fileName = sheetDisplayName({ path });
  const bytes = await loadBytes({ path }, fileName);
  const layout = await inspectPackage(bytes, fileName, new ReadBudget(fileName, DEFAULT_BUDGETS), new AbortController().signal);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw damaged(fileName);
  }
  const examined: string[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible' || AUXILIARY.has(normaliseHeader(sheet.name))) continue;
    const context = { date1904: layout.date1904, sheetName: sheet.name };
    let header: (NonNullable<ReturnType<typeof matchHeader>> & { row: number }) | null = null;
    let searched = 0;
    const rows: ContributionSheet['rows'] = [];
    sheet.eachRow((row, number) => {
      const cells = rowCells(row, context);
      if (header === null) {
        if (cells.length === 0 || searched++ >= HEADER_SEARCH_ROWS) return;
        const match = matchHeader(cells);
        if (match) header = { ...match, row: number };
        return;
      }
      const found: ContributionSheet['rows'][number]['cells'] = {};
      let filled = false;
      for (const { column, value, unreadable } of cells) {
        const key = header.byColumn.get(column);
        if (key === undefined) continue;
        found[key] = { value, column: columnLetter(column), ...(unreadable === undefined ? {} : { unreadable }) };
        filled ||= unreadable !== undefined || (value !== null && String(value).trim() !== '');
      }
      // A row with nothing in the known columns is not a contribution; in one that is, an empty cell
      // is still named by its column in the messages.
      if (!filled) return;
      for (const c of header.columns) found[c.key] ??= { value: null, column: c.column };
      rows.push({ row: number, cells: found });
    });
    const h = header as (NonNullable<ReturnType<typeof matchHeader>> & { row: number }) | null;
    if (h !== null) return { fileName, sheetName: sheet.name, headerRow: h.row, columns: h.columns, ignoredColumns: h.ignoredColumns, rows };
    examined.push(`« ${sheet.name} »`);
  }
  throw new AppError(
    'FILE',
    `Dans « ${fileName} », aucune feuille ne contient les colonnes attendues (Référence de la rencontre, Thématique, Nature, Texte) : ` +
      `la ligne d'en-tête doit figurer dans les ${HEADER_SEARCH_ROWS} premières lignes remplies et nommer la colonne Texte et au moins deux autres.` +
      (examined.length > 0 ? ` Feuilles lues : ${examined.join(', ')}.` : ''),
  );
}
