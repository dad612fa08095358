/**
 * A worksheet's rows, from its (guarded) XML text, each cell's value exactly as exceljs 4.4's streaming
 * worksheet reader makes it (lib/stream/xlsx/worksheet-reader.js, mirrored line by line in `rowBuilder`),
 * without its Row and Cell objects nor its arrays of events. The XML itself is read by a scanner of our
 * own (`worksheetRows`), as strict as saxes, the parser exceljs uses: on a 10 000-row sheet, saxes and
 * exceljs's objects cost most of a read that preview and import together must keep within twice exceljs's.
 * A prolog beyond the XML declaration (a DOCTYPE…) goes to saxes, with exceljs's options (`saxesRows`).
 * The workbook-wide parts (styles, shared strings) are still exceljs's, read beforehand (read-sheet.ts).
 */
import { SaxesParser } from 'saxes';
import { type CellProblems, cellVerdict, type SharedStringsCheck } from './cell-guard.ts';

/** exceljs's utils.xmlDecode: a second decoding of the five named references (saxes decoded once). */
function xmlDecode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([a-z]*);/g, (c) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' })[c] ?? c);
}

/** exceljs's utils.isDateFmt. */
function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** exceljs's utils.excelToDate. */
function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** The column of a cell reference as exceljs's colCache.decodeAddress reads it; undefined without letters. */
function columnOfRef(ref: string): number | undefined {
  let column = 0;
  let letters = false;
  let digits = false;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (!digits && code >= 65 && code <= 90) {
      letters = true;
      column = column * 26 + code - 64;
    } else if (code >= 48 && code <= 57) digits = true;
    else if (digits && letters && code !== 36) break;
  }
  if (!letters) return undefined;
  if (column > 16_384) throw new Error(`Out of bounds. Invalid column letter`);
  return column;
}

/** One cell as exceljs would hold it: `value` is what exceljs's `cell.value` would be. */
export interface CellModel {
  column: number;
  value: unknown;
  /** The number format exceljs's cell would carry (its style's, or its row's). */
  numFmt: string | undefined;
}

export interface RowModel {
  /** parseInt of <row r>, as exceljs gives it. */
  number: number;
  /** By column, ascending; a column given twice keeps its last cell, as exceljs's getCell does. */
  cells: CellModel[];
}

/** What exceljs read of the workbook beforehand: its styles (number formats) and shared strings. */
export interface WorkbookParts {
  styles: { getStyleModel(id: number): { numFmt?: unknown } | undefined } | undefined;
  sharedStrings: unknown[] | undefined;
  date1904: () => boolean;
  /**
   * Given when the cell guard did not read the sheet (it needed no cleaning): each cell is judged here,
   * as the guard would have judged it (cellVerdict), its problem noted by row and column.
   */
  judge?: { shared: SharedStringsCheck; problems: CellProblems; sheetName: string };
}

interface OpenRow {
  number: number;
  numFmt: string | undefined;
  /** By column, ascending, as the cells come (in order in every file Excel or LibreOffice writes). */
  cells: CellModel[];
}

/** A cell into its row: appended when it comes in order, else put in its place (a column again replaces its cell). */
function placeCell(cells: CellModel[], cell: CellModel): void {
  const last = cells.length - 1;
  if (last < 0 || cells[last]!.column < cell.column) {
    cells.push(cell);
    return;
  }
  let at = last;
  while (at > 0 && cells[at - 1]!.column >= cell.column) at--;
  if (cells[at]!.column === cell.column) cells[at] = cell;
  else cells.splice(at, 0, cell);
}

const numFmtOf = (style: { numFmt?: unknown } | undefined) => (typeof style?.numFmt === 'string' ? style.numFmt : undefined);

/** What exceljs's worksheet reader does on each event of the parser, and the rows it made. */
/** What the scanner tells of the markup it reads. */
interface MarkupBuilder {
  open(name: string, attributes: Record<string, string | undefined>): void;
  text(value: string): void;
  close(name: string): void;
}

interface RowBuilder extends MarkupBuilder {
  /** The rows completed since the last call. */
  take(): RowModel[];
}

/** A builder that takes a whole cell at once, as the scanner reads the plainest ones (Scanner.plainCell). */
interface CellBuilder extends MarkupBuilder {
  /** Whether a <c> opened now would be a cell of a row (a row is open, no cell is). */
  inRow(): boolean;
  /**
   * A cell without formula, as if its tags had come one by one: its reference's column, its style (NaN
   * without one), its type; `value` the text of its <v> or of its <is><t>, null when it has neither;
   * `inV` when it came in a <v>.
   */
  cell(column: number, s: number, t: string | undefined, value: string | null, inV: boolean): void;
}

function rowBuilder(parts: WorkbookParts): RowBuilder & CellBuilder {
  const { styles, sharedStrings, judge } = parts;
  let rows: RowModel[] = [];
  let inRows = false;
  let row: OpenRow | null = null;
  // The open cell, one object for them all (a sheet has hundreds of thousands): what exceljs's reader keeps
  // of it, reset as each one opens.
  let open = false;
  const c = { ref: undefined as string | undefined, s: Number.NaN, t: undefined as string | undefined, f: null as string | null, v: null as string | null, vOnly: null as string | null };
  // Where text goes: exceljs appends it to the last <f>, <v>, <is> or <t> opened, even after it closed.
  let current: 'f' | 'v' | null = null;
  let inV = false;
  const openTag = (name: string, attributes: Record<string, string | undefined>) => {
    switch (name) {
      case 'sheetData':
        inRows = true;
        break;
      case 'row':
        if (inRows) {
          row = { number: Number.parseInt(attributes.r as string, 10), numFmt: undefined, cells: [] };
          if (attributes.s) row.numFmt = numFmtOf(styles?.getStyleModel(Number.parseInt(attributes.s, 10)));
        }
        break;
      case 'c':
        if (row) {
          open = true;
          c.ref = attributes.r;
          // (parseInt of a missing s is NaN, as exceljs has it, without turning undefined into text first.)
          c.s = attributes.s === undefined ? Number.NaN : Number.parseInt(attributes.s, 10);
          c.t = attributes.t;
          c.f = c.v = c.vOnly = null;
          // Text before its first <f> or <v> went to the cell before it: to none of this one's.
          current = null;
        }
        break;
      case 'f':
        if (open) {
          c.f = '';
          current = 'f';
        }
        break;
      case 'v':
        if (open && judge) {
          inV = true;
          c.vOnly ??= '';
        }
        if (open) {
          c.v = '';
          current = 'v';
        }
        break;
      case 'is':
      case 't':
        if (open) {
          c.v = '';
          current = 'v';
        }
        break;
      default:
        break;
    }
  };
  const close = (name: string) => {
    switch (name) {
      case 'sheetData':
        inRows = false;
        break;
      case 'row':
        // A row without cells holds nothing to read (LibreOffice writes thousands of them).
        if (row && row.cells.length > 0) {
          rows.push({ number: row.number, cells: row.cells });
        }
        row = null;
        break;
      case 'v':
        inV = false;
        break;
      case 'c':
        if (row && open) {
          // exceljs reads a reference without letters into a cell its rows never give back; none without r at all.
          if (typeof c.ref !== 'string') throw new Error('cellule sans référence');
          finishCell(row, columnOfRef(c.ref));
        }
        break;
      default:
        break;
    }
  };
  /** The open cell `c`, of `column` (its reference read), into its row, as exceljs's reader makes it when the cell closes. */
  const finishCell = (row: OpenRow, column: number | undefined) => {
    // A cell without a style of its own takes its row's, as exceljs's new Cell does.
    let numFmt = row.numFmt;
    if (c.s) {
      const style = styles?.getStyleModel(c.s);
      if (style) numFmt = numFmtOf(style);
    }
    let value: unknown;
    if (c.f !== null) {
      const formula: { formula: string; result?: unknown } = { formula: c.f };
      if (c.v !== null) formula.result = c.t === 'str' ? xmlDecode(c.v) : Number.parseFloat(c.v);
      value = formula;
    } else if (c.v !== null) {
      switch (c.t) {
        case 's':
          value = sharedStrings ? sharedStrings[Number.parseInt(c.v, 10)] : undefined;
          break;
        case 'inlineStr':
        case 'str':
          value = xmlDecode(c.v);
          break;
        case 'e':
          value = { error: c.v };
          break;
        case 'b':
          value = Number.parseInt(c.v, 10) !== 0;
          break;
        default:
          value = isDateFmt(numFmt)
            ? excelToDate(Number.parseFloat(c.v), parts.date1904())
            : Number.parseFloat(c.v);
          break;
      }
    }
    if (column !== undefined) placeCell(row.cells, { column, value, numFmt });
    if (judge && column !== undefined) {
      const { shared, problems, sheetName } = judge;
      const problem = cellVerdict(row.number, column, c.t ?? 'n', c.f !== null, c.vOnly, shared, sheetName, problems);
      if (problem !== null) problems.add(row.number, column, problem);
    }
    open = false;
  };
  return {
    open: openTag,
    inRow: () => row !== null && !open,
    cell: (column, s, t, value, inV) => {
      if (row === null) return;
      c.s = s;
      c.t = t;
      c.f = null;
      c.v = value;
      c.vOnly = judge && inV ? value : null;
      finishCell(row, column);
    },
    text: (value) => {
      // Once the cell closed, what it still receives goes nowhere, as with exceljs's cell left behind.
      if (open) {
        if (current === 'v') c.v += value;
        else if (current === 'f') c.f += value;
      }
      if (inV && open) c.vOnly += value;
    },
    close,
    take: () => {
      const done = rows;
      rows = [];
      return done;
    },
  };
}

/** The rows of `text` parsed by saxes, yielded as each chunk is parsed; throws saxes's error on malformed XML. */
export async function* saxesRows(text: AsyncIterable<string>, parts: WorkbookParts): AsyncGenerator<RowModel[]> {
  const parser = new SaxesParser();
  const builder = rowBuilder(parts);
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (node) => builder.open(node.name, node.attributes as Record<string, string | undefined>));
  parser.on('text', (value) => builder.text(value));
  parser.on('closetag', (node) => builder.close(node.name));
  for await (const chunk of text) {
    parser.write(chunk);
    if (error) throw error;
    const rows = builder.take();
    if (rows.length > 0) yield rows;
  }
  // Not closed, as exceljs never closes it: the package check (sheet-package.ts) saw the sheet complete.
  const rows = builder.take();
  if (rows.length > 0) yield rows;
}

/** Malformed XML, as saxes would have refused it: read-sheet.ts reports the file as damaged. */
export class MalformedXml extends Error {}

const ENTITIES = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);

/** Text or an attribute's value with its references decoded, as saxes decodes them; an unknown one is an error. */
function decoded(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&<]*)(;?)/g, (_, name: string, semi: string) => {
    if (semi === '') throw new MalformedXml('référence sans « ; »');
    if (name.startsWith('#')) {
      const hex = name.startsWith('#x');
      const digits = name.slice(hex ? 2 : 1);
      const code = (hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits) ? Number.parseInt(digits, hex ? 16 : 10) : Number.NaN;
      if (!isXmlChar(code)) throw new MalformedXml(`référence de caractère invalide &${name};`);
      return String.fromCodePoint(code);
    }
    const value = ENTITIES.get(name);
    if (value === undefined) throw new MalformedXml(`entité inconnue &${name};`);
    return value;
  });
}

/** A character XML 1.0 allows (NaN is not one). */
function isXmlChar(code: number): boolean {
  return (code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff));
}

/**
 * text[from, to) as a name, the few every sheet repeats on each cell given as constants: no copy, and the
 * property keys and comparisons that follow need not hash a new string each time.
 */
function nameOf(text: string, from: number, to: number): string {
  switch (to - from) {
    case 1:
      switch (text.charCodeAt(from)) {
        case 99: return 'c';
        case 118: return 'v';
        case 114: return 'r';
        case 115: return 's';
        case 116: return 't';
        case 102: return 'f';
        default: break;
      }
      break;
    case 2:
      if (text.startsWith('is', from)) return 'is';
      if (text.startsWith('ht', from)) return 'ht';
      break;
    case 3:
      if (text.startsWith('row', from)) return 'row';
      break;
    case 5:
      if (text.startsWith('spans', from)) return 'spans';
      break;
    // What LibreOffice writes on every row, and exceljs beside spans.
    case 6:
      if (text.startsWith('hidden', from)) return 'hidden';
      break;
    case 9:
      if (text.startsWith('collapsed', from)) return 'collapsed';
      if (text.startsWith('sheetData', from)) return 'sheetData';
      break;
    case 12:
      if (text.startsWith('customFormat', from)) return 'customFormat';
      if (text.startsWith('customHeight', from)) return 'customHeight';
      if (text.startsWith('outlineLevel', from)) return 'outlineLevel';
      break;
    case 15:
      if (text.startsWith('x14ac:dyDescent', from)) return 'x14ac:dyDescent';
      break;
    default:
      break;
  }
  return text.slice(from, to);
}

/** A tab, line feed or carriage return: an attribute's value holding one is normalised. */
function hasLineOrTab(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 9 || code === 10 || code === 13) return true;
  }
  return false;
}

/** What each ASCII character may be, as bits (one look-up, where a chain of comparisons cost more per character). */
const SPACE = 1;
const NAME_START = 2;
const NAME_CHAR = 4;
const KINDS = new Uint8Array(128);
for (const code of [32, 10, 9, 13]) KINDS[code] = SPACE;
for (let code = 0; code < 128; code++) {
  // ASCII name characters only: SpreadsheetML's names are ASCII; anything else is refused, never guessed.
  const start = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 58;
  if (start) KINDS[code] = NAME_START | NAME_CHAR;
  else if ((code >= 48 && code <= 57) || code === 45 || code === 46) KINDS[code] = NAME_CHAR;
}
// (NaN, past the text's end, and anything from 128 on, is none of them.)
const isSpace = (code: number) => code < 128 && (KINDS[code]! & SPACE) !== 0;
const isNameStart = (code: number) => code < 128 && (KINDS[code]! & NAME_START) !== 0;
const isNameChar = (code: number) => code < 128 && (KINDS[code]! & NAME_CHAR) !== 0;

/**
 * The rows of a worksheet's text, read by a scanner of our own: one pass of indexOf over the text, the
 * tags checked as strictly as saxes checks them (names, quoted attributes met once each and separated by
 * spaces, references, nesting, one root, no text outside it; a forbidden character the cell guard made
 * U+FFFD inside a tag breaks it here as it broke it for saxes). Twice as fast as saxes, which tracks
 * positions and builds an object per tag. A prolog holding more than the XML declaration (a DOCTYPE, a
 * comment, an instruction) is left to saxes itself, whole.
 */
export async function* worksheetRows(text: AsyncIterable<string>, parts: WorkbookParts): AsyncGenerator<RowModel[]> {
  const start = await fromRoot(text);
  if (start.saxes) {
    yield* saxesRows(start.saxes, parts);
    return;
  }
  const builder = rowBuilder(parts);
  const scanner = new Scanner(builder);
  for await (const chunk of start.root) {
    scanner.write(chunk);
    const rows = builder.take();
    if (rows.length > 0) yield rows;
  }
  scanner.end();
  const rows = builder.take();
  if (rows.length > 0) yield rows;
}

/**
 * The text from its root element on, once its prolog is found to hold an XML declaration at most; or, when
 * it holds more (a DOCTYPE, a comment, an instruction), the whole text again, for saxes.
 */
async function fromRoot(text: AsyncIterable<string>): Promise<{ root: AsyncIterable<string>; saxes?: undefined } | { saxes: AsyncIterable<string> }> {
  const iterator = text[Symbol.asyncIterator]();
  // The prolog, up to the root's start tag: decides who parses.
  let head = '';
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    head += next.value;
    const root = rootStart(head);
    if (root !== -1 || head.length > 1024 * 1024) break;
    // (-2: markup before the root, saxes reads the file.)
  }
  const rest: AsyncIterable<string> = { [Symbol.asyncIterator]: () => iterator };
  const from = (start: string) =>
    (async function* () {
      if (start !== '') yield start;
      yield* rest;
    })();
  const root = rootStart(head);
  if (root < 0 || !/^\uFEFF?(?:<\?xml\s[^<>]*\?>)?\s*$/.test(head.slice(0, root))) return { saxes: from(head) };
  return { root: from(head.slice(root)) };
}

/**
 * The shared strings (xl/sharedStrings.xml) as exceljs 4.4's streaming reader keeps them
 * (WorkbookReader._parseSharedStrings, mirrored): an entry's text, or { richText } when it has runs, every
 * text met since its last <t> (or run) opened added to it; parsed by the scanner above instead of saxes.
 * The runs' fonts are not kept: the import reads text only. Null when the prolog holds more than the XML
 * declaration: exceljs then reads the part itself.
 */
export async function sharedStringsOf(text: AsyncIterable<string>): Promise<unknown[] | null> {
  const start = await fromRoot(text);
  if (start.saxes) return null;
  const strings: unknown[] = [];
  let value: string | null = null;
  let runs: { text: string | null }[] = [];
  const scanner = new Scanner({
    open(name) {
      if (name === 'si') {
        runs = [];
        value = null;
      } else if (name === 't') value = null;
    },
    text(piece) {
      value = value ? value + piece : piece;
    },
    close(name) {
      if (name === 'r') {
        runs.push({ text: value });
        value = null;
      } else if (name === 'si') {
        strings.push(runs.length > 0 ? { richText: runs } : value);
        runs = [];
        value = null;
      }
    },
  });
  for await (const chunk of start.root) scanner.write(chunk);
  scanner.end();
  return strings;
}

/** Where the root element's start tag begins in `text`, or -1: the first "<" followed by a name. */
function rootStart(text: string): number {
  for (let lt = text.indexOf('<'); lt !== -1; lt = text.indexOf('<', lt + 1)) {
    if (isNameStart(text.charCodeAt(lt + 1))) return lt;
    if (text.charCodeAt(lt + 1) === 33) return -2; // <! before the root: saxes decides
  }
  return -1;
}

/** The column of a plain reference (1 to 3 capitals, then digits: "AB12") at text[from, to); 0 for any other, or past XFD. */
function plainColumn(text: string, from: number, to: number): number {
  let column = 0;
  let i = from;
  for (; i < to && i < from + 3; i++) {
    const code = text.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  if (i === from || i === to) return 0;
  for (let k = i; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code < 48 || code > 57) return 0;
  }
  return column > 16_384 ? 0 : column;
}

/** text[from, to) as a number when it is 1 to 6 digits; NaN for any other. */
function plainNumber(text: string, from: number, to: number): number {
  if (to === from || to - from > 6) return Number.NaN;
  let n = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return Number.NaN;
    n = n * 10 + code - 48;
  }
  return n;
}

/** A cell's type as the builder compares it, without a string made for each cell; undefined for a rare one. */
const TYPES = ['s', 'str', 'n', 'inlineStr', 'b', 'e'];
function plainType(text: string, from: number, to: number): string | undefined {
  for (const type of TYPES) if (to - from === type.length && text.startsWith(type, from)) return type;
  return undefined;
}

/** Longer than any tag Excel or LibreOffice write, by far. */
const MAX_CARRY = 1024 * 1024;

class Scanner {
  private carry = '';
  private readonly open: string[] = [];
  private rootClosed = false;
  private rootSeen = false;

  /** The builder, when it takes a plain cell whole (rowBuilder does; sharedStringsOf's does not). */
  private readonly cells: CellBuilder | undefined;

  constructor(readonly builder: MarkupBuilder) {
    this.cells = 'cell' in builder ? (builder as CellBuilder) : undefined;
  }

  /** The text being scanned has no reference, CR nor "]]>": its text needs no decoding nor checking. */
  private plainText = false;
  /** Nor any reference, tab or line break: its attributes' values are taken as they are. */
  private plainValues = false;

  write(chunk: string): void {
    const text = this.carry + chunk;
    this.carry = '';
    // Looked for once in the chunk rather than in each of its thousands of values.
    // (indexOf each: a regular expression with an alternation tries it at every character.)
    this.plainText = text.indexOf('&') === -1 && text.indexOf('\r') === -1 && text.indexOf(']]>') === -1;
    this.plainValues = this.plainText && text.indexOf('\t') === -1 && text.indexOf('\n') === -1;
    let at = 0;
    while (at < text.length) {
      const lt = text.indexOf('<', at);
      if (lt !== at) {
        // Text: up to the next tag, or to the end, less a reference the chunk cuts.
        let to = lt === -1 ? text.length : lt;
        if (lt === -1) {
          const amp = text.lastIndexOf('&');
          if (amp >= at && text.indexOf(';', amp) === -1) to = amp;
          // A CR the chunk ends with may be the first half of a CR LF.
          if (to > at && text.charCodeAt(to - 1) === 13) to--;
          // And "]]" may begin a "]]>", which text may not hold.
          for (let k = 0; k < 2 && to > at && text.charCodeAt(to - 1) === 93; k++) to--;
        }
        if (to > at) this.text(text.slice(at, to));
        if (lt === -1) {
          this.carry = text.slice(to);
          return;
        }
      }
      // A cell in its plainest form, read at once; any other, tag by tag.
      if (text.charCodeAt(lt + 1) === 99 && this.cells?.inRow()) {
        const end = this.plainCell(text, lt, this.cells);
        if (end !== -1) {
          at = end;
          continue;
        }
      }
      const used = this.markup(text, lt);
      if (used === -1) {
        this.carry = text.slice(lt);
        // A tag, comment or CDATA section that never ends: refused before it is scanned again and again.
        if (this.carry.length > MAX_CARRY) throw new MalformedXml('balise sans fin');
        return;
      }
      at = used;
    }
  }

  /**
   * A cell at `lt` written as Excel, LibreOffice and exceljs write nearly all of them: <c> with r, s or t
   * (each once, double quotes, one space before each, no reference nor control character in them), then
   * nothing, <v>…</v> or <is><t>…</t></is>, and </c>; or <c …/>. Handed whole to the builder, as the tags one
   * by one would have had it: where it ends; or -1 when it is anything else, or not whole in `text`, and
   * nothing was done (the tags are then read one by one, and checked as strictly as ever).
   */
  private plainCell(text: string, lt: number, cells: CellBuilder): number {
    // Read in place, without a string for each: the reference's column, the style's number, the type.
    let column = 0;
    let s = Number.NaN;
    let t: string | undefined;
    let seen = 0;
    let i = lt + 2;
    for (;;) {
      const code = text.charCodeAt(i);
      if (code === 62) break;
      if (code === 47) {
        if (text.charCodeAt(i + 1) !== 62 || column === 0) return -1;
        cells.cell(column, s, t, null, false);
        return i + 2;
      }
      if (code !== 32 || text.charCodeAt(i + 2) !== 61 || text.charCodeAt(i + 3) !== 34) return -1;
      const from = i + 4;
      const close = text.indexOf('"', from);
      if (close === -1) return -1;
      const name = text.charCodeAt(i + 1);
      if (name === 114 && (seen & 1) === 0) {
        column = plainColumn(text, from, close);
        if (column === 0) return -1;
        seen |= 1;
      } else if (name === 115 && (seen & 2) === 0) {
        s = plainNumber(text, from, close);
        if (Number.isNaN(s)) return -1;
        seen |= 2;
      } else if (name === 116 && (seen & 4) === 0) {
        t = plainType(text, from, close);
        if (t === undefined) return -1;
        seen |= 4;
      } else return -1;
      i = close + 1;
    }
    // exceljs reads no cell without a reference: the tags, one by one, refuse it.
    if (column === 0) return -1;
    i++;
    if (text.startsWith('</c>', i)) {
      cells.cell(column, s, t, null, false);
      return i + 4;
    }
    let from: number;
    let closing: string;
    if (text.startsWith('<v>', i)) {
      from = i + 3;
      closing = '</v></c>';
    } else if (text.startsWith('<is><t>', i)) {
      from = i + 7;
      closing = '</t></is></c>';
    } else if (text.startsWith('<is><t xml:space="preserve">', i)) {
      from = i + 28;
      closing = '</t></is></c>';
    } else return -1;
    const to = text.indexOf('<', from);
    if (to === -1 || !text.startsWith(closing, to)) return -1;
    // Text with a reference, a CR or a ">" (of a "]]>"?) is decoded and checked tag by tag.
    if (!this.plainText) {
      for (let k = from; k < to; k++) {
        const ch = text.charCodeAt(k);
        if (ch === 38 || ch === 13 || ch === 62) return -1;
      }
    }
    cells.cell(column, s, t, text.slice(from, to), closing.length === 8);
    return to + closing.length;
  }

  end(): void {
    if (this.carry !== '' || this.open.length > 0 || !this.rootSeen) throw new MalformedXml('document incomplet');
  }

  private text(value: string): void {
    if (this.open.length === 0) {
      if (!/^\s*$/.test(value)) throw new MalformedXml('texte hors de l’élément racine');
      return;
    }
    if (this.plainText) {
      this.builder.text(value);
      return;
    }
    if (value.includes(']]>')) throw new MalformedXml('« ]]> » dans le texte');
    // Line ends as XML reads them (CR LF and CR are LF), as saxes gives them.
    this.builder.text(decoded(value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value));
  }

  /** The markup starting at `lt`: where it ends, or -1 when the text ends first. */
  private markup(text: string, lt: number): number {
    const code = text.charCodeAt(lt + 1);
    if (Number.isNaN(code)) return -1;
    if (code === 33) return this.special(text, lt);
    if (code === 63) {
      const end = text.indexOf('?>', lt + 2);
      if (end === -1) return -1;
      if (/^xml(?:\s|$)/i.test(text.slice(lt + 2, end))) throw new MalformedXml('déclaration XML hors du début');
      return end + 2;
    }
    if (code === 47) return this.closeTag(text, lt);
    return this.openTag(text, lt);
  }

  private special(text: string, lt: number): number {
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end === -1) return -1;
      if (text.slice(lt + 4, end).includes('--')) throw new MalformedXml('« -- » dans un commentaire');
      return end + 3;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      if (this.open.length === 0) throw new MalformedXml('CDATA hors de l’élément racine');
      const end = text.indexOf(']]>', lt + 9);
      // exceljs does not read CDATA: the cell guard refuses its cell.
      return end === -1 ? -1 : end + 3;
    }
    if (text.length - lt < 9) return -1;
    throw new MalformedXml('balise « <! » inattendue');
  }

  private name(text: string, from: number): number {
    if (!isNameStart(text.charCodeAt(from))) return from;
    let i = from + 1;
    while (isNameChar(text.charCodeAt(i))) i++;
    return i;
  }

  private closeTag(text: string, lt: number): number {
    // Nearly always the element open now, closed at once: compared in place, without reading its name again.
    const expected = this.open[this.open.length - 1];
    if (expected !== undefined && text.startsWith(expected, lt + 2) && text.charCodeAt(lt + 2 + expected.length) === 62) {
      this.open.pop();
      if (this.open.length === 0) this.rootClosed = true;
      this.builder.close(expected);
      return lt + 3 + expected.length;
    }
    const end = this.name(text, lt + 2);
    if (end === text.length) return -1;
    if (end === lt + 2) throw new MalformedXml('balise fermante sans nom');
    let i = end;
    while (isSpace(text.charCodeAt(i))) i++;
    if (i >= text.length) return -1;
    if (text.charCodeAt(i) !== 62) throw new MalformedXml('balise fermante mal formée');
    const name = nameOf(text, lt + 2, end);
    if (this.open.pop() !== name) throw new MalformedXml(`balise fermante </${name}> inattendue`);
    if (this.open.length === 0) this.rootClosed = true;
    this.builder.close(name);
    return i + 1;
  }

  /** The attributes the rows are made of (read-rows' builder reads no other), reused from tag to tag. */
  private readonly kept: { r?: string; s?: string; t?: string } = {};
  /** The names of the current tag's attributes, to refuse one given twice. */
  private readonly seen: string[] = [];

  private openTag(text: string, lt: number): number {
    const end = this.name(text, lt + 1);
    if (end === text.length) return -1;
    if (end === lt + 1) throw new MalformedXml('« < » sans nom de balise');
    const name = nameOf(text, lt + 1, end);
    // Only a row's and a cell's r, s and t are read: every other value is checked where it is, never copied.
    const keeps = name === 'c' || name === 'row';
    const attributes = this.kept;
    attributes.r = attributes.s = attributes.t = undefined;
    const seen = this.seen;
    let seenCount = 0;
    let lessThan = -2;
    let i = end;
    for (;;) {
      const spaced = isSpace(text.charCodeAt(i));
      while (isSpace(text.charCodeAt(i))) i++;
      if (i >= text.length) return -1;
      const code = text.charCodeAt(i);
      if (code === 62 || code === 47) {
        if (code === 47) {
          if (i + 1 >= text.length) return -1;
          if (text.charCodeAt(i + 1) !== 62) throw new MalformedXml('« / » inattendu dans une balise');
        }
        this.start(name, attributes);
        if (code === 47) {
          this.open.pop();
          if (this.open.length === 0) this.rootClosed = true;
          this.builder.close(name);
          return i + 2;
        }
        return i + 1;
      }
      // An attribute: after a space, name = "value" or 'value'.
      if (!spaced) throw new MalformedXml('attributs sans espace entre eux');
      const nameEnd = this.name(text, i);
      if (nameEnd === i) throw new MalformedXml('nom d’attribut invalide');
      if (nameEnd >= text.length) return -1;
      const attribute = nameOf(text, i, nameEnd);
      i = nameEnd;
      while (isSpace(text.charCodeAt(i))) i++;
      if (i >= text.length) return -1;
      if (text.charCodeAt(i) !== 61) throw new MalformedXml('attribut sans valeur');
      i++;
      while (isSpace(text.charCodeAt(i))) i++;
      if (i >= text.length) return -1;
      const quote = text.charCodeAt(i);
      if (quote !== 34 && quote !== 39) throw new MalformedXml('valeur d’attribut sans guillemets');
      const close = text.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (close === -1) return -1;
      // The first "<" after the name, looked for once per tag: before a value, it would have broken the tag already.
      if (lessThan === -2) lessThan = text.indexOf('<', end);
      if (lessThan !== -1 && lessThan < close) throw new MalformedXml('« < » dans la valeur d’un attribut');
      for (let k = 0; k < seenCount; k++) if (seen[k] === attribute) throw new MalformedXml(`attribut ${attribute} en double`);
      seen[seenCount++] = attribute;
      if (keeps && (attribute === 'r' || attribute === 's' || attribute === 't')) {
        const raw = text.slice(i + 1, close);
        // Tabs and line breaks in a value are spaces (XML's attribute-value normalisation), as saxes makes them.
        attributes[attribute] = this.plainValues ? raw : decoded(hasLineOrTab(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw);
      } else if (!this.plainValues) {
        // Not read, but its references must be well formed all the same, as saxes requires. (Looked for
        // between the quotes only: indexOf would run to the chunk's end on a value without one.)
        for (let k = i + 1; k < close; k++) {
          if (text.charCodeAt(k) === 38) {
            decoded(text.slice(i + 1, close));
            break;
          }
        }
      }
      i = close + 1;
    }
  }

  private start(name: string, attributes: Record<string, string | undefined>): void {
    if (this.open.length === 0) {
      if (this.rootClosed || this.rootSeen) throw new MalformedXml('plusieurs éléments racines');
      this.rootSeen = true;
    }
    this.open.push(name);
    this.builder.open(name, attributes);
  }
}
