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
 *   3. then exceljs's STREAMING reader, given the workbook-wide parts first (see `preload`), goes
 *      through the sheets in bounded memory, from the bytes in memory (no file handle, no temporary
 *      file), raced against a timeout (60 s by default) that releases its streams.
 * The sheet read is the first, in file order, whose header row (within its first 10 filled rows)
 * names at least 3 known columns and that has rows; sheets named like the template's "Instructions"
 * or "Listes", and hidden sheets, are skipped.
 * Every refusal is an AppError('FILE') in French naming the file; no exceljs or jszip message
 * reaches users.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { AppError } from '../contract/errors.ts';
import { columnForHeader, normaliseHeader, type AttendanceColumnKey } from './attendance-columns.ts';

export type RawCellValue = string | number | boolean | Date | null;

export interface RawCell {
  value: RawCellValue;
  /** Column letter: "A", "AB". */
  column: string;
}

export interface RawRow {
  /** 1-based row number in the sheet, as Excel shows it. */
  row: number;
  cells: Partial<Record<AttendanceColumnKey, RawCell>>;
}

export interface SheetRead {
  fileName: string;
  sheetName: string;
  /** 1-based row of the headers. */
  headerRow: number;
  columns: { key: AttendanceColumnKey; header: string; column: string }[];
  /** Headers the import does not use: unknown ones, and a second column for a key already taken. */
  ignoredColumns: { header: string; column: string }[];
  rows: RawRow[];
}

export type SheetInput = { path: string } | { bytes: Buffer; fileName: string };

export interface ReadSheetOptions {
  /** Called every PROGRESS_EVERY rows kept, then once at the end with the total. */
  onProgress?: (rowsRead: number) => void;
  /** Default DEFAULT_READ_TIMEOUT_MS. */
  timeoutMs?: number;
}

export const MAX_FILE_BYTES = 100 * 1024 * 1024;
export const DEFAULT_READ_TIMEOUT_MS = 60_000;
/** The headers are looked for in the first non-empty rows of each sheet. */
export const HEADER_SEARCH_ROWS = 10;
/** A row is the header row when it names at least this many different known columns. */
export const MIN_KNOWN_COLUMNS = 3;
export const PROGRESS_EVERY = 500;
/** Far beyond any région's meetings: a sheet filled further is a mistake (a column filled down). */
export const MAX_DATA_ROWS = 200_000;

/** Uncompressed size above which a part is refused (a zip bomb, or a sheet stuffed by mistake). */
const MAX_SHARED_STRINGS_BYTES = 300 * 1024 * 1024;
const MAX_WORKBOOK_PART_BYTES = 10 * 1024 * 1024;
const STREAM_CHUNK = 64 * 1024;

/** Sheets of the app's template (and their usual companions) that are never the data. */
const AUXILIARY_SHEETS = new Set([
  'instructions', 'instruction', 'listes', 'liste', 'lisez-moi', 'lisez moi', 'aide', 'mode d emploi', 'notice',
  'parametres', 'read me', 'readme', 'consignes', 'valeurs', 'referentiel',
]);

const SAVE_AS = 'ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format Excel (.xlsx)';

// ---------------------------------------------------------------------------------------------------------

export async function readAttendanceSheet(input: SheetInput, options: ReadSheetOptions = {}): Promise<SheetRead> {
  const fileName = displayName(input);
  const timeoutMs =
    typeof options.timeoutMs === 'number' && Number.isFinite(options.timeoutMs) && options.timeoutMs > 0
      ? options.timeoutMs
      : DEFAULT_READ_TIMEOUT_MS;
  return withTimeout(fileName, timeoutMs, async (signal) => {
    const bytes = await loadBytes(input, fileName);
    signal.throwIfAborted();
    const layout = await inspectPackage(bytes, fileName, signal);
    signal.throwIfAborted();
    return streamSheets(bytes, fileName, layout, options.onProgress, signal);
  });
}

function displayName(input: SheetInput): string {
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

// ---------------------------------------------------------------------------------------------------------
// 1. The bytes

async function loadBytes(input: SheetInput, fileName: string): Promise<Buffer> {
  if (!('path' in input)) {
    if (!Buffer.isBuffer(input.bytes)) throw new AppError('FILE', `Le contenu du fichier « ${fileName} » est manquant.`);
    checkSize(input.bytes.length, fileName);
    return input.bytes;
  }
  if (typeof input.path !== 'string' || input.path.trim() === '') {
    throw new AppError('FILE', 'Aucun fichier indiqué : choisissez le classeur Excel (.xlsx) à importer.');
  }
  // exceljs crashes the whole process on a missing path: nothing reaches it unchecked.
  let size: number;
  try {
    const info = await stat(input.path);
    if (!info.isFile()) throw new AppError('FILE', `« ${fileName} » n'est pas un fichier (c'est un dossier ?) : choisissez un classeur Excel (.xlsx).`);
    size = info.size;
  } catch (error) {
    throw fileSystemError(error, fileName);
  }
  checkSize(size, fileName);
  let bytes: Buffer;
  try {
    bytes = await readFile(input.path);
  } catch (error) {
    throw fileSystemError(error, fileName);
  }
  checkSize(bytes.length, fileName); // it may have changed since stat
  return bytes;
}

function fileSystemError(error: unknown, fileName: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('FILE', `Fichier introuvable : « ${fileName} ».`);
  if (code === 'EACCES' || code === 'EPERM') {
    return new AppError('FILE', `Le fichier « ${fileName} » ne peut pas être ouvert : accès refusé. Vérifiez vos droits sur ce fichier.`);
  }
  if (code === 'EBUSY') {
    return new AppError('FILE', `Le fichier « ${fileName} » est utilisé par une autre application : fermez-le puis réessayez.`);
  }
  if (code === 'EISDIR') return new AppError('FILE', `« ${fileName} » est un dossier : choisissez un classeur Excel (.xlsx).`);
  return new AppError('FILE', `Le fichier « ${fileName} » n'a pas pu être lu sur le disque.`);
}

function checkSize(size: number, fileName: string): void {
  if (size === 0) throw new AppError('FILE', `Le fichier « ${fileName} » est vide : ${SAVE_AS}, puis importez-le à nouveau.`);
  if (size > MAX_FILE_BYTES) {
    const mo = (n: number) => `${Math.ceil(n / (1024 * 1024))} Mo`;
    throw new AppError(
      'FILE',
      `Le fichier « ${fileName} » pèse ${mo(size)}, plus que les ${mo(MAX_FILE_BYTES)} acceptés : supprimez les ` +
        'images, les feuilles et les mises en forme inutiles, ou répartissez les rencontres dans plusieurs fichiers.',
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// 2. The package, checked with jszip before exceljs reads it

interface SheetInfo {
  name: string;
  hidden: boolean;
}

interface PackageLayout {
  /** By the number N of xl/worksheets/sheetN.xml (the file exceljs streams). */
  sheets: Map<string, SheetInfo>;
  date1904: boolean;
  /** The checked package, for the workbook-wide parts exceljs is given before it streams the sheets. */
  zip: JSZip;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function notAWorkbook(fileName: string, what: string): AppError {
  return new AppError('FILE', `« ${fileName} » ${what} : ${SAVE_AS}, puis importez-le à nouveau.`);
}

function damaged(fileName: string, detail = ''): AppError {
  return new AppError(
    'FILE',
    `Le classeur « ${fileName} » est incomplet ou endommagé${detail} (copie ou téléchargement interrompu ?) : ` +
      `${SAVE_AS}, ou demandez-en une nouvelle copie.`,
  );
}

function looksLikeText(bytes: Buffer): 'html' | 'xml' | 'text' | null {
  const head = bytes.subarray(0, 4096);
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return 'text';
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return null;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  if (control > head.length / 100) return null;
  const start = head.toString('latin1').replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').trimStart().slice(0, 512).toLowerCase();
  if (start.startsWith('<?xml')) return /<html|<table/.test(start) ? 'html' : 'xml';
  if (start.startsWith('<') && /<(html|table|!doctype html)/.test(start)) return 'html';
  return 'text';
}

/** The parts exceljs's streaming reader opens. */
const EXCELJS_PARTS = /^xl\/(?:workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/sheet\d+\.xml|worksheets\/_rels\/sheet\d+\.xml\.rels)$/;

function entryIsIntact(file: JSZip.JSZipObject, signal: AbortSignal): Promise<boolean> {
  const expected = (file as unknown as { _data?: { crc32?: unknown } })._data?.crc32;
  return new Promise((resolve) => {
    let crc = 0;
    let stream: NodeJS.ReadableStream;
    try {
      stream = file.nodeStream('nodebuffer');
    } catch {
      resolve(false);
      return;
    }
    const stop = () => {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      resolve(false);
    };
    signal.addEventListener('abort', stop, { once: true });
    const done = (intact: boolean) => {
      signal.removeEventListener('abort', stop);
      resolve(intact);
    };
    stream.on('data', (chunk: Buffer) => {
      crc = crc32(chunk, crc);
    });
    stream.on('error', () => done(false));
    stream.on('end', () => done(typeof expected !== 'number' || expected >>> 0 === crc >>> 0));
  });
}

async function inspectPackage(bytes: Buffer, fileName: string, signal: AbortSignal): Promise<PackageLayout> {
  const head = bytes.subarray(0, 8);
  if (head.subarray(0, 8).equals(OLE2)) {
    throw notAWorkbook(fileName, 'est un classeur Excel 97-2003 (.xls) ou un classeur protégé par un mot de passe');
  }
  if (!head.subarray(0, 4).equals(ZIP) && !head.subarray(0, 4).equals(EMPTY_ZIP)) {
    const text = looksLikeText(bytes);
    if (text === 'html') throw notAWorkbook(fileName, "est une page web (HTML), pas un classeur Excel, malgré son nom");
    if (text === 'xml') throw notAWorkbook(fileName, "est un fichier XML (classeur XML 2003 ?), pas un classeur Excel (.xlsx)");
    if (text === 'text') throw notAWorkbook(fileName, "est un fichier texte (CSV ?), pas un classeur Excel, malgré son nom");
    throw notAWorkbook(fileName, "n'est pas un classeur Excel (.xlsx)");
  }

  let zip: JSZip;
  try {
    // Reads the central directory at the end of the file: a truncated copy fails here, where exceljs would hang.
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw damaged(fileName);
  }
  const names = new Set(Object.keys(zip.files));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('content.xml') || names.has('mimetype')) {
      throw notAWorkbook(fileName, 'est un classeur OpenDocument (.ods) ou un autre document LibreOffice, pas un classeur Excel');
    }
    if (names.has('xl/workbook.bin')) throw notAWorkbook(fileName, 'est un classeur Excel binaire (.xlsb)');
    if (names.has('word/document.xml')) throw notAWorkbook(fileName, 'est un document Word, pas un classeur Excel');
    if (names.has('ppt/presentation.xml')) throw notAWorkbook(fileName, 'est une présentation PowerPoint, pas un classeur Excel');
    throw notAWorkbook(fileName, "est une archive zip, pas un classeur Excel (.xlsx)");
  }
  const worksheetNumbers = [...names].map((n) => /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(n)?.[1]).filter((n): n is string => !!n);
  if (worksheetNumbers.length === 0) {
    throw new AppError('FILE', `Le classeur « ${fileName} » ne contient aucune feuille de calcul lisible : ${SAVE_AS}, puis importez-le à nouveau.`);
  }
  const sharedStrings = zip.file('xl/sharedStrings.xml');
  if (sharedStrings && uncompressedSize(sharedStrings) > MAX_SHARED_STRINGS_BYTES) {
    throw new AppError('FILE', `Le classeur « ${fileName} » contient trop de texte pour être importé : gardez seulement la feuille des rencontres.`);
  }

  // Inflates, in chunks, every part exceljs will read and checks its CRC: a part damaged inside an intact
  // zip makes exceljs's streaming reader hang too, and here it fails at once.
  for (const name of names) {
    if (!EXCELJS_PARTS.test(name)) continue;
    signal.throwIfAborted();
    const intact = await entryIsIntact(zip.files[name]!, signal);
    signal.throwIfAborted();
    if (!intact) throw damaged(fileName);
  }

  let workbookXml = '';
  let relsXml = '';
  try {
    const workbook = zip.file('xl/workbook.xml')!;
    const rels = zip.file('xl/_rels/workbook.xml.rels');
    if (uncompressedSize(workbook) > MAX_WORKBOOK_PART_BYTES || (rels && uncompressedSize(rels) > MAX_WORKBOOK_PART_BYTES)) {
      throw damaged(fileName);
    }
    workbookXml = await workbook.async('string');
    relsXml = rels ? await rels.async('string') : '';
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged(fileName);
  }
  return {
    sheets: sheetNames(workbookXml, relsXml),
    date1904: /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(workbookXml),
    zip,
  };
}

/** jszip keeps the central directory's sizes on an internal object; 0 when it cannot tell. */
function uncompressedSize(file: JSZip.JSZipObject): number {
  const size = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' && Number.isFinite(size) ? size : 0;
}

function xmlAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes.set(m[1]!, decodeXml(m[2] ?? m[3] ?? ''));
  return attributes;
}

function decodeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (whole, hex?: string, dec?: string, named?: string) => {
    if (hex || dec) {
      const code = Number.parseInt(hex ?? dec!, hex ? 16 : 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named as 'amp'];
  });
}

/**
 * Names and visibility of the sheets, keyed by the N of xl/worksheets/sheetN.xml. exceljs does this
 * itself, but only for relative relationship targets and when workbook.xml comes first in the zip.
 */
function sheetNames(workbookXml: string, relsXml: string): Map<string, SheetInfo> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = xmlAttributes(m[0]);
    const id = a.get('Id');
    const target = a.get('Target');
    if (id && target) targets.set(id, resolveTarget(target));
  }
  const sheets = new Map<string, SheetInfo>();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = xmlAttributes(m[0]);
    const relId = [...a.entries()].find(([k]) => /^[\w.-]+:id$/.test(k))?.[1];
    const path = relId ? targets.get(relId) : undefined;
    const number = path ? /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(path)?.[1] : undefined;
    if (!number) continue;
    const state = a.get('state');
    sheets.set(number, { name: a.get('name') ?? `Feuille ${number}`, hidden: state === 'hidden' || state === 'veryHidden' });
  }
  return sheets;
}

function resolveTarget(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

// ---------------------------------------------------------------------------------------------------------
// 3. The sheets, streamed by exceljs

/** What exceljs's streaming worksheet reader offers beyond its (incomplete) typings. */
interface WorksheetStream extends AsyncIterable<ExcelJS.Row> {
  name?: string;
  state?: string;
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
}

/**
 * Gives exceljs the workbook-wide parts (relationships, workbook, styles, shared strings) read from the
 * checked package BEFORE it streams the file. Otherwise, as soon as a sheet comes before one of them in
 * the zip (Excel, LibreOffice and exceljs all write some after the sheets), exceljs copies the sheet to a
 * temporary file on disk, which it neither closes nor deletes when a read is abandoned; it also misses
 * date formats and sheet names when styles or workbook.xml come late. Returns false when this version of
 * exceljs lacks the methods (it then reads the way it usually does).
 */
async function preload(reader: ReaderInternals, layout: PackageLayout): Promise<boolean> {
  if (
    typeof reader._parseRels !== 'function' ||
    typeof reader._parseWorkbook !== 'function' ||
    typeof reader._parseStyles !== 'function' ||
    typeof reader._parseSharedStrings !== 'function'
  ) {
    return false;
  }
  const part = (name: string) => layout.zip.file(name)?.nodeStream('nodebuffer') ?? null;
  const rels = part('xl/_rels/workbook.xml.rels');
  if (rels) await reader._parseRels(rels);
  const workbook = part('xl/workbook.xml');
  if (workbook) await reader._parseWorkbook(workbook);
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);
  const sharedStrings = part('xl/sharedStrings.xml');
  if (sharedStrings) for await (const _ of reader._parseSharedStrings(sharedStrings));
  // What a part-less package still needs, so that every sheet is read as it streams by.
  reader.workbookRels ??= [];
  reader.sharedStrings ??= [];
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

  let chosen: SheetRead | null = null;
  const examined: string[] = [];
  const skipped: string[] = [];
  let headersOnly: SheetRead | null = null;
  let currentSheet: string | undefined;
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
    const preloaded = await preload(internals, layout);
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

    for await (const worksheet of reader as unknown as AsyncIterable<WorksheetStream>) {
      signal.throwIfAborted();
      const info = sheetNumber !== undefined ? layout.sheets.get(sheetNumber) : undefined;
      const name = info?.name ?? (typeof worksheet.name === 'string' ? worksheet.name : `Feuille ${sheetNumber ?? '?'}`);
      const hidden = info?.hidden ?? (worksheet.state === 'hidden' || worksheet.state === 'veryHidden');
      currentSheet = name;
      if (chosen === null && (hidden || AUXILIARY_SHEETS.has(normaliseHeader(name)))) skipped.push(`« ${name} »`);
      if (chosen !== null || hidden || AUXILIARY_SHEETS.has(normaliseHeader(name))) {
        // Preloaded, exceljs skips a sheet nobody iterates; otherwise it must be read to its end, or
        // exceljs leaves the temporary file it copied the sheet to open.
        if (!preloaded) for await (const _row of worksheet) signal.throwIfAborted();
        continue;
      }
      const result = await readOneSheet(worksheet, fileName, name, date1904, onProgress, signal);
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
    throw damaged(fileName, currentSheet ? ` (feuille « ${currentSheet} »)` : '');
  } finally {
    signal.removeEventListener('abort', release);
    release();
  }

  if (!chosen) {
    const detail =
      (examined.length > 0 ? ` Feuilles lues : ${examined.join(' ; ')}.` : '') +
      (skipped.length > 0 ? ` Feuilles ignorées (consignes, listes ou masquées) : ${skipped.join(', ')}.` : '');
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

/** The sheet's headers and rows, or, when it has no header row, what it showed (for the error message). */
async function readOneSheet(
  worksheet: WorksheetStream,
  fileName: string,
  sheetName: string,
  date1904: () => boolean,
  onProgress: ((rowsRead: number) => void) | undefined,
  signal: AbortSignal,
): Promise<SheetRead | string> {
  let header: HeaderMatch | null = null;
  let best: { row: number; headers: string[] } | null = null;
  let searched = 0;
  const rows: RawRow[] = [];

  for await (const row of worksheet) {
    signal.throwIfAborted();
    if (header === null) {
      // Read to its end all the same: stopping half-way would leave exceljs buffering the rest of the sheet.
      if (searched >= HEADER_SEARCH_ROWS) continue;
      const cells = rowCells(row, date1904());
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
    for (const { column, value } of rowCells(row, date1904())) {
      const key = header.keyByColumn.get(column);
      if (key === undefined) continue;
      cells[key] = { value, column: columnLetter(column) };
      filled = true;
    }
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
  const columns: SheetRead['columns'] = [];
  const ignoredColumns: SheetRead['ignoredColumns'] = [];
  for (const { column, value } of cells) {
    const header = headerText(value);
    if (header === '') continue;
    const key = keyForHeader(header);
    if (key !== null && !taken.has(key)) {
      taken.add(key);
      keyByColumn.set(column, key);
      columns.push({ key, header, column: columnLetter(column) });
    } else {
      ignoredColumns.push({ header, column: columnLetter(column) });
    }
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

// ---------------------------------------------------------------------------------------------------------
// Cell values

function rowCells(row: ExcelJS.Row, date1904: boolean): { column: number; value: RawCellValue }[] {
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
