/**
 * The package of a sheet, checked with jszip before exceljs reads it: a zip down to its central directory,
 * a workbook (not an .ods, a .docx), every part exceljs will read intact. The same pass notes, for each
 * worksheet, its merged cells and whether its XML is complete (a half-written sheet inside a rebuilt zip
 * passes the CRC check, and exceljs reads it to where it stops without a word), and counts what exceljs
 * would have to parse against the read's budget (see read-budget.ts): the sizes the zip's directory
 * announces first, then the bytes, rows, cells, merges and shared strings actually inflated, since the
 * directory can lie. A zip bomb is refused here, after at most the budget's bytes, never handed to exceljs.
 */
import { Readable } from 'node:stream';
import { createInflateRaw, crc32, inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { AppError } from '../contract/errors.ts';
import type { ReadBudget } from './read-budget.ts';
import { SAVE_AS } from './sheet-bytes.ts';
import { TAG, tagAt } from './xml-tags.ts';

/** workbook.xml and its relationships are read whole, as text. */
const MAX_WORKBOOK_PART_BYTES = 10 * 1024 * 1024;


export interface SheetInfo {
  name: string;
  hidden: boolean;
}

export interface PackageLayout {
  /** By the number N of xl/worksheets/sheetN.xml (the file exceljs streams). */
  sheets: Map<string, SheetInfo>;
  date1904: boolean;
  /** Merged ranges of each sheet, by the same N: exceljs's streaming reader does not report them. */
  merges: Map<string, string[]>;
  /** The checked package, for the workbook-wide parts exceljs is given before it streams the sheets. */
  zip: JSZip;
  /** Parts the check inflated whole (see inflateWhole), by name: the read takes them from here. */
  inflated: Map<string, Buffer>;
  /**
   * Parts among those that need no cleaning: no character XML forbids (raw or as a reference), no comment
   * nor CDATA. The cell guard has nothing to replace in them: the read judges their cells itself.
   */
  clean: Set<string>;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function notAWorkbook(fileName: string, what: string): AppError {
  return new AppError('FILE', `« ${fileName} » ${what} : ${SAVE_AS}, puis importez-le à nouveau.`);
}

export function damaged(fileName: string, detail = ''): AppError {
  return new AppError(
    'FILE',
    `Le classeur « ${fileName} » est incomplet ou endommagé${detail} (copie ou téléchargement interrompu ?) : ` +
      `${SAVE_AS}, ou demandez-en une nouvelle copie.`,
  );
}

/** Where jszip keeps a part's compressed bytes once it has read the zip's directory. */
interface CompressedPart {
  compressedContent?: unknown;
  compression?: { magic?: unknown };
  uncompressedSize?: unknown;
  crc32?: unknown;
}

/** A part's bytes as the zip holds them, when they are stored or deflated (jszip located them); else null. */
function compressedPart(file: JSZip.JSZipObject): { bytes: Buffer; stored: boolean } | null {
  const data = (file as unknown as { _data?: CompressedPart })._data;
  const content = data?.compressedContent;
  const magic = data?.compression?.magic;
  if (!(content instanceof Uint8Array) || (magic !== '\x08\x00' && magic !== '\x00\x00')) return null;
  return { bytes: Buffer.from(content.buffer, content.byteOffset, content.byteLength), stored: magic === '\x00\x00' };
}

/** Stored parts are handed on in pieces of this size, as inflated ones come. */
const PIECE = 64 * 1024;

/**
 * A part's inflated bytes, as a Node stream: Node's zlib over the compressed bytes jszip located, ten
 * times faster than jszip's own inflater (pako, in JavaScript), which the package's check and the
 * read then both paid for. jszip's stream when the part is neither stored nor deflated.
 */
export function partStream(file: JSZip.JSZipObject, layout?: PackageLayout): NodeJS.ReadableStream {
  const kept = layout?.inflated.get(file.name);
  // In larger pieces: each piece costs the reader its own pass and joins (a 10 000-row sheet read a fifth faster).
  if (kept !== undefined) return pieces(kept, KEPT_PIECE);
  const part = compressedPart(file);
  if (part === null) return file.nodeStream('nodebuffer');
  const { bytes } = part;
  if (part.stored) return pieces(bytes);
  const inflate = createInflateRaw({ chunkSize: PIECE });
  inflate.end(bytes);
  return inflate;
}

/** A part the check inflated whole is handed to the read in pieces of this size. */
const KEPT_PIECE = 1024 * 1024;

function pieces(bytes: Buffer, size = PIECE): NodeJS.ReadableStream {
  return Readable.from((function* () {
    for (let from = 0; from < bytes.length; from += size) yield bytes.subarray(from, from + size);
  })());
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

/** The merged ranges of a worksheet's text not met before, each counted against the budget. */
function noteMerges(text: string, merges: Set<string>, budget: ReadBudget): void {
  if (!text.includes('mergeCell')) return;
  for (const m of text.matchAll(MERGE)) {
    if (merges.has(m[1]!)) continue;
    merges.add(m[1]!);
    budget.add('mergedRanges', 1);
  }
}

/** What the CRC pass learns of a part on the way. */
interface PartScan {
  intact: boolean;
  /** Worksheets only: the XML reaches its closing </worksheet>. */
  complete: boolean;
  /** Worksheets only: merged ranges ("A3:A5"). */
  merges: string[];
  /** A budget the part went over: the read stops there. */
  overBudget?: AppError;
}

const MERGE = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([A-Z]{1,3}\d+:[A-Z]{1,3}\d+)["']/g;
/** The root's closing tag, then only what XML allows after it: spaces, comments, processing instructions. */
const WORKSHEET_END = /<\/(?:[\w.-]+:)?worksheet\s*>(?:\s|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*$/;
/** Enough to hold a whole <mergeCell> tag or the closing tag across a chunk boundary. */
const CARRY = 256;

type PartKind = 'worksheet' | 'sharedStrings' | 'other';

/**
 * Counts what exceljs parses in the tags of `text` that end after `from` (those before were counted with
 * the previous chunk): rows, cells, values (<v>, or <is> for an inline string) in a worksheet, entries
 * (<si>) in the shared strings.
 */
function count(text: string, from: number, kind: PartKind, budget: ReadBudget): void {
  let rows = 0;
  let cells = 0;
  let filled = 0;
  let strings = 0;
  for (let lt = text.indexOf('<', Math.max(0, from - 4)); lt !== -1; lt = text.indexOf('<', lt + 1)) {
    const tag = tagAt(text, lt + 1);
    // "<row " is 5 characters, "<is>" and "<si>" 4, "<c " and "<v>" 3.
    if (tag === TAG.other || lt + (tag === TAG.row ? 5 : tag === TAG.is || tag === TAG.si ? 4 : 3) <= from) continue;
    if (tag === TAG.row) rows++;
    else if (tag === TAG.c) cells++;
    else if (tag === TAG.v || tag === TAG.is) filled++;
    else if (tag === TAG.si) strings++;
  }
  if (kind === 'worksheet') {
    if (rows > 0) budget.add('rows', rows);
    if (cells > 0) budget.add('cells', cells);
    if (filled > 0) budget.add('filledCells', filled);
  } else if (strings > 0) budget.add('sharedStrings', strings);
}

/**
 * Inflates a part in chunks, checking its CRC and counting it against the budget; for a worksheet, also
 * notes its merges and its end.
 */
function scanPart(file: JSZip.JSZipObject, kind: PartKind, budget: ReadBudget, signal: AbortSignal): Promise<PartScan> {
  const expected = (file as unknown as { _data?: CompressedPart })._data?.crc32;
  const announced = (file as unknown as { _data?: CompressedPart })._data?.uncompressedSize;
  let inflated = 0;
  const failed: PartScan = { intact: false, complete: false, merges: [] };
  const worksheet = kind === 'worksheet';
  return new Promise((resolve) => {
    let crc = 0;
    let carry = '';
    const merges = new Set<string>();
    let stream: NodeJS.ReadableStream;
    try {
      stream = partStream(file);
    } catch {
      resolve(failed);
      return;
    }
    // jszip's worker goes on inflating after its stream is destroyed: paused, it stops where it is.
    const halt = () => {
      (stream as unknown as { _helper?: { pause?: () => void } })._helper?.pause?.();
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    };
    let settled = false;
    const done = (scan: PartScan) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', stop);
      resolve(scan);
    };
    const stop = () => {
      halt();
      done(failed);
    };
    signal.addEventListener('abort', stop, { once: true });
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      try {
        budget.add('inflatedBytes', chunk.length);
        inflated += chunk.length;
        crc = crc32(chunk, crc);
        if (kind === 'other') return;
        // Tags are ASCII: latin1 is enough to find them, and never splits a character.
        const text = carry + chunk.toString('latin1');
        count(text, carry.length, kind, budget);
        if (worksheet) noteMerges(text, merges, budget);
        carry = text.slice(-CARRY);
      } catch (error) {
        halt();
        if (error instanceof AppError) done({ ...failed, overBudget: error });
        else done(failed);
      }
    });
    stream.on('error', () => done(failed));
    stream.on('end', () =>
      done({
        // Bytes other than the directory announced: jszip refused those too.
        intact: (typeof expected !== 'number' || expected >>> 0 === crc >>> 0) && (typeof announced !== 'number' || announced === inflated),
        complete: !worksheet || WORKSHEET_END.test(carry),
        merges: [...merges],
      }),
    );
  });
}

const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F]/;
/**
 * In the part's bytes read as latin1: a C0 control other than tab and line ends, U+FFFE or U+FFFF in UTF-8
 * (EF BF BE, EF BF BF), a character reference, a comment or a CDATA section. A lone surrogate cannot come
 * out of UTF-8 (the decoder makes it U+FFFD). One character class, the sequences looked for apart: an
 * alternation is tried at every character.
 */
const needsGuard = (text: string) =>
  CONTROL.test(text) || text.includes('\xEF\xBF\xBE') || text.includes('\xEF\xBF\xBF') || text.includes('&#') || text.includes('<!');

/** A part inflated whole, when the directory announces at most this: kept for the read, inflated once. */
const INFLATE_WHOLE_MAX = 32 * 1024 * 1024;
/** And all the parts of one workbook kept so at most this: the others are streamed, as they always were. */
const INFLATED_KEPT_MAX = 48 * 1024 * 1024;

/**
 * The same check as scanPart, on the part inflated at once by Node's zlib, when it is deflated or stored
 * and announces at most INFLATE_WHOLE_MAX: no trip through the thread pool per 64 KB, and the read then
 * takes the bytes from here instead of inflating them a second time. Null when the part does not qualify,
 * or inflates to more than it announced (scanPart then says how the file fails, as it always did).
 */
function inflateWhole(file: JSZip.JSZipObject, kind: PartKind, budget: ReadBudget, room: number): { scan: PartScan; bytes: Buffer; clean: boolean } | null {
  const part = compressedPart(file);
  const data = (file as unknown as { _data?: CompressedPart })._data;
  const announced = data?.uncompressedSize;
  if (part === null || typeof announced !== 'number' || announced <= 0 || announced > Math.min(INFLATE_WHOLE_MAX, room)) return null;
  let bytes: Buffer;
  try {
    bytes = part.stored ? part.bytes : inflateRawSync(part.bytes, { maxOutputLength: announced });
  } catch {
    return null;
  }
  if (bytes.length !== announced) return null;
  budget.add('inflatedBytes', bytes.length);
  const expected = data?.crc32;
  const intact = typeof expected !== 'number' || expected >>> 0 === crc32(bytes) >>> 0;
  const scan: PartScan = { intact, complete: true, merges: [] };
  if (!intact || kind === 'other') return { scan, bytes, clean: false };
  const text = bytes.toString('latin1');
  count(text, 0, kind, budget);
  if (kind === 'worksheet') {
    scan.complete = WORKSHEET_END.test(text.slice(-CARRY));
    const merges = new Set<string>();
    noteMerges(text, merges, budget);
    scan.merges = [...merges];
  }
  return { scan, bytes, clean: !needsGuard(text) };
}

export async function inspectPackage(bytes: Buffer, fileName: string, budget: ReadBudget, signal: AbortSignal): Promise<PackageLayout> {
  const head = bytes.subarray(0, 8);
  if (head.subarray(0, 8).equals(OLE2)) {
    throw notAWorkbook(fileName, 'est un classeur Excel 97-2003 (.xls) ou un classeur protégé par un mot de passe');
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') throw notAWorkbook(fileName, 'est un fichier PDF, pas un classeur Excel, malgré son nom');
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
  budget.add('sheets', worksheetNumbers.length);
  const parts = [...names].filter((name) => EXCELJS_PARTS.test(name));
  // What the directory announces refuses a bomb before a byte is inflated; the scan below counts what
  // actually comes out, in case it lies.
  budget.announce(parts.reduce((sum, name) => sum + uncompressedSize(zip.files[name]!), 0));

  const merges = new Map<string, string[]>();
  const inflated = new Map<string, Buffer>();
  let kept = 0;
  const clean = new Set<string>();
  for (const name of parts) {
    signal.throwIfAborted();
    const sheet = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1];
    const kind: PartKind = sheet !== undefined ? 'worksheet' : name === 'xl/sharedStrings.xml' ? 'sharedStrings' : 'other';
    const whole = inflateWhole(zip.files[name]!, kind, budget, INFLATED_KEPT_MAX - kept);
    if (whole?.scan.intact) {
      inflated.set(name, whole.bytes);
      kept += whole.bytes.length;
    }
    if (whole?.clean) clean.add(name);
    const scan = whole?.scan ?? (await scanPart(zip.files[name]!, kind, budget, signal));
    signal.throwIfAborted();
    if (scan.overBudget) throw scan.overBudget;
    if (!scan.intact) throw damaged(fileName);
    // A sheet cut short inside a rebuilt zip: exceljs would read it to where it stops, without a word.
    if (!scan.complete) throw damaged(fileName, ' (une feuille s’arrête au milieu)');
    if (sheet !== undefined && scan.merges.length > 0) merges.set(sheet, scan.merges);
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
    merges,
    date1904: /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(workbookXml),
    zip,
    inflated,
    clean,
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

