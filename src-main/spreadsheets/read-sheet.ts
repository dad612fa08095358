/**
 * Reading an attendance sheet back, whatever people did to it: a title line above the headers,
 * columns reordered or renamed, extra columns, blank lines, merged cells, formulas, rich text.
 *
 * The file is checked before exceljs sees it, because exceljs 4.4 (unmaintained) crashes the
 * process on a missing path and its streaming reader hangs on a truncated file:
 *   1. the path exists and the file is at most 100 Mo;
 *   2. the bytes are a zip (not an .xls, a CSV, a web page), readable by jszip down to its central
 *      directory (a truncated copy fails here), holding xl/workbook.xml (not an .ods, a .docx), and
 *      every part exceljs will read inflates to its CRC (a part damaged inside an intact zip fails here);
 *   3. the same pass counts what exceljs would parse against the read's budget (read-budget.ts): a zip
 *      bomb, or 2 000 merged ranges in a few Ko, is refused there, in French, naming the limit;
 *   4. then exceljs's STREAMING reader reads the workbook-wide parts (see `preload`: styles, shared
 *      strings), and the sheets are read in bounded memory, from the bytes in memory (no file handle, no
 *      temporary file), by read-rows.ts: exceljs's worksheet reader mirrored over a scanner as strict
 *      as saxes, a third of the cost; raced against a timeout (60 s by default) that releases the streams.
 *      The text parsed goes through the cell guard (cell-guard.ts) first: a cell exceljs could not read
 *      honestly (a missing shared string, 1e999, a NUL) comes out unreadable, and the import refuses its
 *      row with the reason.
 *      Reading lets the event loop turn every few thousand rows, so that the timeout, and a server in
 *      the same process, keep running.
 * The sheet read is the first, in file order, whose header row (within its first 10 filled rows)
 * names at least 3 known columns and that has rows; sheets named like the template's "Instructions"
 * or "Listes", and hidden sheets, are skipped.
 * Every refusal is an AppError('FILE') in French naming the file; no exceljs or jszip message
 * reaches users.
 */
import { basename } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { AppError, summarise } from '../contract/errors.ts';
import { columnForHeader, isOfficialHeader, normaliseHeader, type AttendanceColumnKey } from './attendance-columns.ts';
import { CellProblems, guardSharedStrings, guardWorksheet, type SharedStringsCheck } from './cell-guard.ts';
import { type CellRead, columnLetter, modelCells, modelCellsInto, type RawCellValue, type RowContext, rowCells } from './cell-values.ts';
import { spreadMerges } from './merges.ts';
import { type RowModel, sharedStringsOf, worksheetRows } from './read-rows.ts';
import { DEFAULT_BUDGETS, ReadBudget, type ReadBudgets, yieldToEventLoop } from './read-budget.ts';
import { loadBytes, SAVE_AS, type SheetInput } from './sheet-bytes.ts';
import { damaged, inspectPackage, type PackageLayout, partStream } from './sheet-package.ts';

export { columnLetter, type RawCellValue } from './cell-values.ts';
export { DEFAULT_BUDGETS, type ReadBudgets } from './read-budget.ts';
export { MAX_FILE_BYTES, type SheetInput } from './sheet-bytes.ts';


export interface RawCell {
  /** Null when the cell is empty, or unreadable. */
  value: RawCellValue;
  /** Column letter: "A", "AB". */
  column: string;
  /** Why the cell cannot be read (a missing shared string, 1e999, a NUL…): its row is refused with it. */
  unreadable?: string;
}

/** A row by its columns' keys (the attendance sheet's by default; the contributions sheet has its own). */
export interface RawRow<Key extends string = AttendanceColumnKey> {
  /** 1-based row number in the sheet, as Excel shows it. */
  row: number;
  cells: Partial<Record<Key, RawCell>>;
}

export interface SheetRead<Key extends string = AttendanceColumnKey> {
  fileName: string;
  sheetName: string;
  /** 1-based row of the headers. */
  headerRow: number;
  columns: { key: Key; header: string; column: string }[];
  /** Headers the import does not use: unknown ones, and a second column for a key already taken. */
  ignoredColumns: { header: string; column: string }[];
  rows: RawRow<Key>[];
}


export interface ReadSheetOptions {
  /** Called every PROGRESS_EVERY rows kept, then once at the end with the total. */
  onProgress?: (rowsRead: number) => void;
  /** Default DEFAULT_READ_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Default DEFAULT_BUDGETS; lower ones for tests and tools. */
  budgets?: Partial<ReadBudgets>;
}

export const DEFAULT_READ_TIMEOUT_MS = 60_000;
/** The headers are looked for in the first non-empty rows of each sheet. */
export const HEADER_SEARCH_ROWS = 10;
/** A row is the header row when it names at least this many different known columns. */
export const MIN_KNOWN_COLUMNS = 3;
export const PROGRESS_EVERY = 500;
/** The event loop turns at least this often while exceljs's rows are read. */
const YIELD_EVERY_ROWS = 2_000;
/** Sheets named in a refusal before « et N autres ». */
const SHEETS_SHOWN = 5;
/** Far beyond any région's meetings: a sheet filled further is a mistake (a column filled down). */
export const MAX_DATA_ROWS = 200_000;

const STREAM_CHUNK = 64 * 1024;

/** Sheets of the app's template (and their usual companions) that are never the data. */
const AUXILIARY_SHEETS = new Set([
  'instructions', 'instruction', 'listes', 'liste', 'lisez-moi', 'lisez moi', 'aide', 'mode d emploi', 'notice',
  'parametres', 'read me', 'readme', 'consignes', 'valeurs', 'referentiel',
]);


// ---------------------------------------------------------------------------------------------------------

export async function readAttendanceSheet(input: SheetInput, options: ReadSheetOptions = {}): Promise<SheetRead> {
  const fileName = sheetDisplayName(input);
  const timeoutMs =
    typeof options.timeoutMs === 'number' && Number.isFinite(options.timeoutMs) && options.timeoutMs > 0
      ? options.timeoutMs
      : DEFAULT_READ_TIMEOUT_MS;
  const budget = new ReadBudget(fileName, { ...DEFAULT_BUDGETS, ...options.budgets });
  return withTimeout(fileName, timeoutMs, async (signal) => {
    const bytes = await loadBytes(input, fileName);
    signal.throwIfAborted();
    const layout = await inspectPackage(bytes, fileName, budget, signal);
    signal.throwIfAborted();
    return streamSheets(bytes, fileName, layout, options.onProgress, signal);
  });
}

/** The file's name as messages show it. */
export function sheetDisplayName(input: SheetInput): string {
  const raw = 'path' in input ? input.path : input.fileName;
  const name = typeof raw === 'string' ? basename(raw.replace(/\\/g, '/')).trim() : '';
  return name === '' ? 'classeur' : name;
}

/** Runs `work`, or rejects in French after `ms`, aborting it so that it releases its streams. */
async function withTimeout<T>(fileName: string, ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let rejectTimeout: (error: unknown) => void = () => {};
  const timeout = new Promise<never>((_, reject) => {
    rejectTimeout = reject;
  });
  // Whichever way the race ends, this promise is settled (below) and its rejection handled.
  timeout.catch(() => {});
  const timer = setTimeout(() => {
    const duration = ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
    const error = new AppError(
      'FILE',
      `La lecture de « ${fileName} » a été abandonnée après ${duration} : le fichier est peut-être endommagé ou trop ` +
        `volumineux. ${capitalise(SAVE_AS)}, puis importez-le à nouveau.`,
    );
    controller.abort(error);
    rejectTimeout(error);
  }, ms);
  const running = work(controller.signal);
  // After a timeout, whatever the abandoned read ends with no longer matters (and must not be "unhandled").
  running.catch(() => {});
  try {
    return await Promise.race([running, timeout]);
  } finally {
    clearTimeout(timer);
    rejectTimeout(new Error('lecture terminée'));
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}



/** What exceljs's streaming worksheet reader offers beyond its (incomplete) typings. */
interface WorksheetStream extends AsyncIterable<ExcelJS.Row> {
  name?: string;
  state?: string;
}

/**
 * A row of a sheet being read: as read-rows.ts parsed it, or exceljs's, whose cells are read once the
 * reader knows the row's context.
 */
type SheetRow = RowModel | { number: number; read: (context: RowContext) => CellRead[] };

/** A worksheet's rows, in batches (read-rows.ts yields each parsed chunk's rows at once). */
interface SheetRows {
  name?: string;
  state?: string;
  batches: AsyncIterable<SheetRow[]>;
}

/** exceljs's own worksheet stream, a row at a time (when exceljs unzips the file itself). */
function exceljsRows(worksheet: WorksheetStream): SheetRows {
  return {
    name: worksheet.name,
    state: worksheet.state,
    batches: (async function* () {
      for await (const row of worksheet) yield [{ number: row.number, read: (context: RowContext) => rowCells(row, context) }];
    })(),
  };
}

interface HeaderMatch {
  row: number;
  keyByColumn: Map<number, AttendanceColumnKey>;
  columns: SheetRead['columns'];
  ignoredColumns: SheetRead['ignoredColumns'];
}

/** A chunked stream over the bytes, remembering where it is piped so that an abort can end everything. */
function byteStream(bytes: Buffer): { stream: Readable; release: () => void } {
  let offset = 0;
  const stream = new Readable({
    highWaterMark: STREAM_CHUNK,
    read() {
      if (offset >= bytes.length) {
        this.push(null);
        return;
      }
      const end = Math.min(offset + STREAM_CHUNK, bytes.length);
      const chunk = bytes.subarray(offset, end);
      offset = end;
      this.push(chunk);
    },
  });
  const destinations: NodeJS.WritableStream[] = [];
  const pipe = stream.pipe.bind(stream);
  stream.pipe = (<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }) => {
    destinations.push(destination);
    return pipe(destination, options);
  }) as typeof stream.pipe;
  const release = () => {
    stream.unpipe();
    stream.destroy();
    for (const destination of destinations) {
      const d = destination as NodeJS.WritableStream & { destroy?: (error?: Error) => void; destroyed?: boolean };
      // An error lets exceljs's pending iteration over the zip end instead of waiting forever.
      if (typeof d.destroy === 'function' && !d.destroyed) {
        d.on('error', () => {});
        d.destroy(new Error('read-sheet: lecture abandonnée'));
      }
    }
  };
  return { stream, release };
}

/** exceljs's streaming reader, as far as this file relies on what its typings do not say. */
interface ReaderInternals {
  sharedStrings?: unknown;
  workbookRels?: unknown;
  model?: unknown;
  properties?: { model?: { date1904?: unknown } };
  _parseRels?: (entry: NodeJS.ReadableStream) => Promise<void>;
  _parseWorkbook?: (entry: NodeJS.ReadableStream) => Promise<void>;
  _parseStyles?: (entry: NodeJS.ReadableStream) => Promise<void>;
  _parseSharedStrings?: (entry: NodeJS.ReadableStream) => AsyncIterable<unknown>;
  _parseWorksheet?: (iterator: AsyncIterable<string>, sheetNo: string) => Iterable<{ value: unknown }>;
  styles?: { getStyleModel(id: number): { numFmt?: unknown } | undefined };
}

/**
 * The part's text in chunks that never split a character. exceljs 4.4 decodes each chunk of a part on
 * its own, so an "é" across two inflated chunks became two "\uFFFD" (seen on row 9 144 of a large
 * sheet: "ZAP Gu\uFFFD\uFFFDret", then "bassin inconnu"). Given strings, it decodes nothing.
 */
async function* utf8Chunks(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  // jszip's streams are of an older kind, not async-iterable: piped through a Node stream first.
  const source = Symbol.asyncIterator in stream ? stream : (stream as NodeJS.ReadableStream).pipe(new PassThrough());
  for await (const chunk of source as AsyncIterable<Buffer>) {
    const text = decoder.write(chunk);
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

/** The same, as the readable stream exceljs's part parsers listen to. */
function utf8Stream(stream: NodeJS.ReadableStream): NodeJS.ReadableStream {
  return Readable.from(utf8Chunks(stream));
}

/**
 * The worksheets in the order of their tabs (workbook.xml), then any the workbook does not list, each
 * given to exceljs as decoded text. The first tab is the one people filled, whatever the zip's order.
 */
async function* ownWorksheets(reader: ReaderInternals, layout: PackageLayout, shared: SharedStringsCheck, date1904: () => boolean): AsyncGenerator<SheetStream> {
  const inZip = Object.keys(layout.zip.files).flatMap((n) => /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(n)?.[1] ?? []);
  const listed = new Set(inZip);
  const ordered = [...[...layout.sheets.keys()].filter((n) => listed.has(n)), ...inZip.filter((n) => !layout.sheets.has(n))];
  for (const number of ordered) {
    const name = `xl/worksheets/sheet${number}.xml`;
    const problems = new CellProblems();
    const text = utf8Chunks(partStream(layout.zip.file(name)!, layout));
    const sharedStrings = Array.isArray(reader.sharedStrings) ? (reader.sharedStrings as unknown[]) : undefined;
    const parts = { styles: reader.styles, sharedStrings, date1904 };
    // Nothing to clean: the cells are judged as they are parsed, without the guard's own pass over the text.
    const parsed = layout.clean.has(name)
      ? worksheetRows(text, { ...parts, judge: { shared, problems, sheetName: sheetName(layout, number) } })
      : worksheetRows(guardWorksheet(text, sheetName(layout, number), shared, problems), parts);
    yield { worksheet: { batches: parsed }, number, problems };
  }
}

async function* exceljsWorksheets(sheets: AsyncIterable<WorksheetStream>, current: () => string | undefined): AsyncGenerator<SheetStream> {
  for await (const worksheet of sheets) yield { worksheet: exceljsRows(worksheet), number: current(), problems: null };
}

interface SheetStream {
  worksheet: SheetRows;
  number: string | undefined;
  /** What the cell guard found; null when exceljs read the file itself, unguarded. */
  problems: CellProblems | null;
}

/** The sheet's name as its tab shows it; clipped, as Excel's 31 characters are not enforced by the file. */
function sheetName(layout: PackageLayout, number: string | undefined, worksheet?: SheetRows): string {
  const info = number !== undefined ? layout.sheets.get(number) : undefined;
  const name = info?.name ?? (typeof worksheet?.name === 'string' ? worksheet.name : `Feuille ${number ?? '?'}`);
  return name.length > 100 ? `${name.slice(0, 99)}…` : name;
}

/**
 * Gives exceljs the workbook-wide parts (relationships, workbook, styles, shared strings) read from the
 * checked package BEFORE it streams the file. Otherwise, as soon as a sheet comes before one of them in
 * the zip (Excel, LibreOffice and exceljs all write some after the sheets), exceljs copies the sheet to a
 * temporary file on disk, which it neither closes nor deletes when a read is abandoned; it also misses
 * date formats and sheet names when styles or workbook.xml come late. Returns false when this version of
 * exceljs lacks the methods (it then reads the way it usually does).
 */
async function preload(reader: ReaderInternals, layout: PackageLayout, shared: SharedStringsCheck): Promise<boolean> {
  if (
    typeof reader._parseRels !== 'function' ||
    typeof reader._parseWorkbook !== 'function' ||
    typeof reader._parseStyles !== 'function' ||
    typeof reader._parseSharedStrings !== 'function' ||
    typeof reader._parseWorksheet !== 'function'
  ) {
    return false;
  }
  const part = (name: string) => {
    const file = layout.zip.file(name);
    return file ? utf8Stream(partStream(file, layout)) : null;
  };
  const rels = part('xl/_rels/workbook.xml.rels');
  if (rels) await reader._parseRels(rels);
  const workbook = part('xl/workbook.xml');
  if (workbook) await reader._parseWorkbook(workbook);
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);
  const sharedStrings = layout.zip.file('xl/sharedStrings.xml');
  if (sharedStrings) {
    const chunks = () => utf8Chunks(partStream(sharedStrings, layout));
    // Nothing to clean, nothing to note: read by read-rows.ts's scanner, as exceljs would read it.
    const own = layout.clean.has(sharedStrings.name) ? await sharedStringsOf(chunks()) : null;
    if (own !== null) reader.sharedStrings = own;
    else for await (const _ of reader._parseSharedStrings(Readable.from(guardSharedStrings(chunks(), shared))));
  }
  // What a part-less package still needs, so that every sheet is read as it streams by.
  reader.workbookRels ??= [];
  reader.sharedStrings ??= [];
  shared.count = Array.isArray(reader.sharedStrings) ? reader.sharedStrings.length : 0;
  reader.model ??= { sheets: [] };
  reader.properties ??= { model: { date1904: layout.date1904 } };
  return true;
}

async function streamSheets(
  bytes: Buffer,
  fileName: string,
  layout: PackageLayout,
  onProgress: ((rowsRead: number) => void) | undefined,
  signal: AbortSignal,
): Promise<SheetRead> {
  const { stream, release } = byteStream(bytes);
  signal.addEventListener('abort', release, { once: true });
  const shared: SharedStringsCheck = { count: null, unreadable: new Map() };

  let chosen: SheetRead | null = null;
  const examined: string[] = [];
  const skipped: string[] = [];
  let headersOnly: SheetRead | null = null;
  let currentSheet: string | undefined;
  let currentProblems: CellProblems | null = null;
  let sheetNumber: string | undefined;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      // Hyperlink cells then read as their text.
      hyperlinks: 'ignore',
      // Needed to tell date-formatted numbers from numbers.
      styles: 'cache',
      entries: 'emit',
    });
    const internals = reader as unknown as ReaderInternals;
    const preloaded = await preload(internals, layout, shared);
    signal.throwIfAborted();
    const emitter = reader as unknown as NodeJS.EventEmitter;
    emitter.on('entry', (entry: { type?: unknown; id?: unknown } | null) => {
      if (entry && entry.type === 'worksheet') sheetNumber = String(entry.id);
    });
    emitter.on('error', () => {});
    const date1904 = () => {
      const flag = internals.properties?.model?.date1904;
      return flag === undefined ? layout.date1904 : !!flag;
    };

    // Preloaded, the sheets are handed to exceljs from the checked package, decoded here (see utf8Chunks);
    // otherwise exceljs unzips the file itself.
    const sheets = preloaded
      ? ownWorksheets(internals, layout, shared, date1904)
      : exceljsWorksheets(reader as unknown as AsyncIterable<WorksheetStream>, () => sheetNumber);
    for await (const { worksheet, number, problems } of sheets) {
      signal.throwIfAborted();
      sheetNumber = number;
      const name = sheetName(layout, sheetNumber, worksheet);
      currentProblems = problems;
      const hidden = layout.sheets.get(sheetNumber ?? '')?.hidden ?? (worksheet.state === 'hidden' || worksheet.state === 'veryHidden');
      currentSheet = name;
      if (chosen === null && (hidden || AUXILIARY_SHEETS.has(normaliseHeader(name)))) skipped.push(`« ${name} »`);
      if (chosen !== null || hidden || AUXILIARY_SHEETS.has(normaliseHeader(name))) {
        // Preloaded, exceljs skips a sheet nobody iterates; otherwise it must be read to its end, or
        // exceljs leaves the temporary file it copied the sheet to open.
        if (!preloaded) {
          let seen = 0;
          for await (const _rows of worksheet.batches) {
            signal.throwIfAborted();
            if (++seen % YIELD_EVERY_ROWS === 0) await yieldToEventLoop();
          }
        }
        continue;
      }
      const merges = sheetNumber !== undefined ? (layout.merges.get(sheetNumber) ?? []) : [];
      const result = await readOneSheet(worksheet, { fileName, sheetName: name, date1904, problems, onProgress, signal });
      if (typeof result !== 'string') await spreadMerges(result.rows, result.columns, merges, signal);
      if (typeof result === 'string') examined.push(result);
      else if (result.rows.length === 0) {
        // Headers and no meeting (the template's blank sheet, left beside the filled copy): kept only
        // if no later sheet has both.
        headersOnly ??= result;
        examined.push(`« ${name} » (en-têtes ligne ${result.headerRow}, aucune rencontre)`);
      } else {
        chosen = result;
        // The rest of the file does not matter; release() below ends exceljs's streams.
        if (preloaded) break;
      }
    }
    currentSheet = undefined;
    chosen ??= headersOnly;
  } catch (error) {
    if (signal.aborted) throw signal.reason instanceof AppError ? signal.reason : damaged(fileName);
    if (error instanceof AppError) throw error;
    if (error instanceof ProgressCallbackError) throw error.original;
    const where = currentProblems?.firstCharacter;
    const place = where && where.row > 0 ? `, ligne ${where.row}${where.column > 0 ? `, colonne ${columnLetter(where.column)}` : ''} : caractère interdit ${where.code}` : '';
    throw damaged(fileName, currentSheet ? ` (feuille « ${currentSheet} »${place})` : '');
  } finally {
    signal.removeEventListener('abort', release);
    release();
  }

  if (!chosen) {
    const detail =
      (examined.length > 0 ? ` Feuilles lues : ${summarise(examined, SHEETS_SHOWN, ' ; ')}.` : '') +
      (skipped.length > 0 ? ` Feuilles ignorées (consignes, listes ou masquées) : ${summarise(skipped, SHEETS_SHOWN)}.` : '');
    throw new AppError(
      'FILE',
      `Dans « ${fileName} », aucune feuille ne contient les colonnes attendues (Date, Département, Total déclaré…) : ` +
        `la ligne d'en-tête doit figurer dans les ${HEADER_SEARCH_ROWS} premières lignes remplies, nommer la colonne Date et ` +
        `au moins ${MIN_KNOWN_COLUMNS} colonnes du modèle.${detail}`,
    );
  }
  if (onProgress && chosen.rows.length % PROGRESS_EVERY !== 0) onProgress(chosen.rows.length);
  return chosen;
}

/** An error of the caller's progress callback: passed through as is, not mistaken for a damaged file. */
class ProgressCallbackError extends Error {
  constructor(readonly original: unknown) {
    super('onProgress');
  }
}

function report(onProgress: (rowsRead: number) => void, rowsRead: number): void {
  try {
    onProgress(rowsRead);
  } catch (error) {
    throw new ProgressCallbackError(error);
  }
}

interface SheetContext {
  fileName: string;
  sheetName: string;
  date1904: () => boolean;
  /** The cell guard's findings for this sheet, or null when exceljs read it unguarded. */
  problems: CellProblems | null;
  onProgress: ((rowsRead: number) => void) | undefined;
  signal: AbortSignal;
}

/** The sheet's headers and rows, or, when it has no header row, what it showed (for the error message). */
async function readOneSheet(worksheet: SheetRows, context: SheetContext): Promise<SheetRead | string> {
  const { fileName, sheetName, problems, onProgress, signal } = context;
  let header: HeaderMatch | null = null;
  let best: { row: number; headers: string[] } | null = null;
  let searched = 0;
  let seen = 0;
  const rows: RawRow[] = [];
  const letters = new Map<number, string>();
  const contextOf = (row: SheetRow): RowContext =>
    ({ date1904: context.date1904(), sheetName, problems: problems?.inRow(row.number), blanks: problems?.blanksInRow(row.number) });
  const cellsOf = (row: SheetRow) => ('read' in row ? row.read(contextOf(row)) : modelCells(row, contextOf(row)));
  const letterOf = (column: number) => {
    // The header's columns only: their letters made once.
    let letter = letters.get(column);
    if (letter === undefined) letters.set(column, (letter = columnLetter(column)));
    return letter;
  };

  for await (const batch of worksheet.batches) {
    signal.throwIfAborted();
    for (const row of batch) {
      if (++seen % YIELD_EVERY_ROWS === 0) {
        await yieldToEventLoop();
        signal.throwIfAborted();
      }
      if (header === null) {
        // Read to its end all the same: stopping half-way would leave exceljs buffering the rest of the sheet.
        if (searched >= HEADER_SEARCH_ROWS) continue;
        const cells = cellsOf(row);
        if (cells.length === 0) continue;
        searched++;
        const match = matchHeader(row.number, cells);
        const known = match.columns.length;
        // A sheet of meetings has a Date column: a Bilan sheet (académies, totals) is not one.
        if (known >= MIN_KNOWN_COLUMNS && match.columns.some((c) => c.key === 'date')) header = match;
        else if (known > 0 && (best === null || known > best.headers.length)) {
          best = { row: row.number, headers: match.columns.map((c) => c.header) };
        }
        continue;
      }
      const cells: RawRow['cells'] = {};
      let filled = false;
      if ('read' in row) {
        for (const { column, value, unreadable } of row.read(contextOf(row))) {
          const key = header.keyByColumn.get(column);
          if (key === undefined) continue;
          cells[key] = unreadable === undefined ? { value, column: letterOf(column) } : { value, column: letterOf(column), unreadable };
          filled = true;
        }
      } else filled = modelCellsInto(row, contextOf(row), header.keyByColumn, letterOf, cells);
      // A row with nothing in the known columns (blank, or only a comment) is not a meeting.
      if (!filled) continue;
      rows.push({ row: row.number, cells });
      if (rows.length > MAX_DATA_ROWS) {
        throw new AppError(
          'FILE',
          `La feuille « ${sheetName} » de « ${fileName} » compte plus de ${MAX_DATA_ROWS.toLocaleString('fr-FR')} lignes remplies ` +
            `(ligne ${row.number}) : vérifiez qu'aucune colonne n'a été recopiée jusqu'en bas, ou répartissez les rencontres dans plusieurs fichiers.`,
        );
      }
      if (onProgress && rows.length % PROGRESS_EVERY === 0) report(onProgress, rows.length);
    }
  }

  if (header === null) {
    if (best === null) return `« ${sheetName} » (aucune colonne reconnue)`;
    const plural = best.headers.length > 1 ? 's' : '';
    return `« ${sheetName} » (ligne ${best.row}, ${best.headers.length} colonne${plural} reconnue${plural} : ${best.headers.join(', ')})`;
  }
  return {
    fileName,
    sheetName,
    headerRow: header.row,
    columns: header.columns,
    ignoredColumns: header.ignoredColumns,
    rows,
  };
}

function matchHeader(rowNumber: number, cells: { column: number; value: RawCellValue }[]): HeaderMatch {
  const keyByColumn = new Map<number, AttendanceColumnKey>();
  const taken = new Set<AttendanceColumnKey>();
  const found = cells
    .map(({ column, value }) => ({ column, header: headerText(value) }))
    .filter((c) => c.header !== '')
    .map((c) => ({ ...c, key: keyForHeader(c.header) }));
  // A column headed exactly as the template heads it wins over one that only matches an alias: under a
  // "Participants" merged over the categories, the real "Total déclaré" is the total.
  for (const exactFirst of [true, false]) {
    for (const c of found) {
      if (c.key === null || taken.has(c.key) || keyByColumn.has(c.column) || isOfficialHeader(c.key, c.header) !== exactFirst) continue;
      taken.add(c.key);
      keyByColumn.set(c.column, c.key);
    }
  }
  const columns: SheetRead['columns'] = [];
  const ignoredColumns: SheetRead['ignoredColumns'] = [];
  for (const c of found) {
    const key = keyByColumn.get(c.column);
    if (key !== undefined) columns.push({ key, header: c.header, column: columnLetter(c.column) });
    else ignoredColumns.push({ header: c.header, column: columnLetter(c.column) });
  }
  return { row: rowNumber, keyByColumn, columns, ignoredColumns };
}

/** The known column a header names, also when people decorate it: "Date *", "Élèves (nombre)", "Total :". */
function keyForHeader(header: string): AttendanceColumnKey | null {
  const direct = columnForHeader(header);
  if (direct !== null) return direct;
  const bare = header
    .replace(/\s*\*+\s*$/, '')
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/\s*\[[^\][]*\]\s*$/, '')
    .replace(/\s*[:*]+\s*$/, '')
    .trim();
  return bare !== header && bare !== '' ? columnForHeader(bare) : null;
}

function headerText(value: RawCellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).replace(/\s+/g, ' ').trim();
}
