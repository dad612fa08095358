/**
 * The XML text of the worksheets and of the shared strings, checked on its way to exceljs, which reads
 * without a word what it cannot read: a shared-string index past the table's end became an empty cell
 * (a meeting was created with a default title and no département), 1e999 an empty count, "12abc" the
 * number 12, a blank boolean TRUE. Each such cell is noted here, by row and column, so that its row is
 * refused with the reason instead of imported on a guess.
 *
 * A character XML forbids (NUL, other C0 controls, U+FFFE, U+FFFF, lone surrogates, raw or as &#…;)
 * made exceljs give up on the whole file without saying where: it is replaced by U+FFFD in the text
 * exceljs parses, and its cell noted the same way.
 *
 * Empty formatted cells (<c r="B7" s="3"/>) and empty rows (<row r="9" ht="15"/>) are left out of that
 * text: they hold nothing to import, and exceljs spends 2 to 4 µs on each (2 million took 5 s).
 */
import { yieldToEventLoop } from './read-budget.ts';
import { TAG, tagAt } from './xml-tags.ts';

/** Problems of single cells, by the row number exceljs gives and the column number. */
export class CellProblems {
  private readonly byRow = new Map<number, Map<number, string>>();
  private readonly blanksByRow = new Map<number, Set<number>>();
  /**
   * The first forbidden character met, wherever it was: when it sat inside a tag, exceljs may still find
   * the XML broken, and the refusal names this place (column 0: between cells).
   */
  firstCharacter: { row: number; column: number; code: string } | null = null;

  add(row: number, column: number, message: string): void {
    let cells = this.byRow.get(row);
    if (!cells) this.byRow.set(row, (cells = new Map()));
    if (!cells.has(column)) cells.set(column, message);
  }

  inRow(row: number): ReadonlyMap<number, string> | undefined {
    return this.byRow.get(row);
  }

  /** A number cell with an empty <v/>: exceljs makes it NaN (or an invalid date); it is a blank. */
  addBlank(row: number, column: number): void {
    let cells = this.blanksByRow.get(row);
    if (!cells) this.blanksByRow.set(row, (cells = new Set()));
    cells.add(column);
  }

  blanksInRow(row: number): ReadonlySet<number> | undefined {
    return this.blanksByRow.get(row);
  }
}

/** What the shared-strings pass learnt, for the cells that point into the table. */
export interface SharedStringsCheck {
  /** Entries exceljs holds; null until it has read the table. */
  count: number | null;
  /** Index → the forbidden character its text held. */
  unreadable: Map<number, string>;
}

const FORBIDDEN_CHAR = '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const CHAR_REF = '&#(?:x([0-9A-Fa-f]{1,8})|([0-9]{1,10}));';
const FORBIDDEN_GLOBAL = new RegExp(FORBIDDEN_CHAR, 'g');
const CHAR_REF_GLOBAL = new RegExp(CHAR_REF, 'g');
/**
 * A chunk with none of these needs neither a closer look nor a replacement (nearly all of them): one
 * character class, and "&#" looked for apart (an alternation made the regular expression try it at each character).
 */
const DIRTY_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
const dirty = (text: string) => text.includes('&#') || DIRTY_CHAR.test(text);
const FORBIDDEN_TOKEN = new RegExp(`${CHAR_REF}|${FORBIDDEN_CHAR}`, 'g');
const R_ATTRIBUTE = /(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const T_ATTRIBUTE = /(?:^|\s)t\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const CELL_REF = /^\$?([A-Za-z]{1,3})\$?\d+$/;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
/** Text handed to exceljs at once, and between two turns of the event loop. */
const PIECE_CHARS = 64 * 1024;
const YIELD_EVERY_CHARS = 128 * 1024;
/** Longer than any value Excel writes (32 767 characters): kept no further. */
const MAX_VALUE_CHARS = 40_000;

function isForbiddenCode(code: number): boolean {
  return (code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) || code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff;
}

const codeLabel = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** A forbidden character in the text: where, and which (U+0000). */
interface Mark {
  at: number;
  code: string;
}

/** The forbidden characters, raw or as references, of text[0, end), in order; empty for a clean chunk. */
function forbiddenMarks(text: string, end: number): Mark[] {
  if (!dirty(text)) return [];
  const marks: Mark[] = [];
  FORBIDDEN_TOKEN.lastIndex = 0;
  for (let m = FORBIDDEN_TOKEN.exec(text); m !== null && m.index < end; m = FORBIDDEN_TOKEN.exec(text)) {
    const [whole, hex, dec] = m;
    const code = whole.startsWith('&#') ? (hex !== undefined ? Number.parseInt(hex, 16) : Number(dec)) : whole.charCodeAt(0);
    if (whole.startsWith('&#') && !isForbiddenCode(code)) continue;
    marks.push({ at: m.index, code: codeLabel(code) });
  }
  return marks;
}

/** The text exceljs is given: forbidden characters (raw or referenced) made U+FFFD. */
function cleaned(text: string): string {
  return text
    .replace(FORBIDDEN_GLOBAL, '\uFFFD')
    .replace(CHAR_REF_GLOBAL, (whole, hex?: string, dec?: string) => (isForbiddenCode(hex !== undefined ? Number.parseInt(hex, 16) : Number(dec)) ? '\uFFFD' : whole));
}

/** Where the complete text of a chunk ends: before a tag or a character reference cut by the chunk's end. */
function completeUpTo(text: string): number {
  let cut = text.length;
  const lt = text.lastIndexOf('<');
  if (lt !== -1 && text.indexOf('>', lt) === -1) cut = lt;
  // Only the last 15 characters can hold a reference cut short: lastIndexOf over the whole chunk, when it
  // has no "&", read it all backwards at every chunk.
  let amp = cut - 1;
  while (amp >= 0 && cut - amp < 16 && text.charCodeAt(amp) !== 38) amp--;
  if (amp >= 0 && cut - amp < 16 && text.indexOf(';', amp) === -1) cut = Math.min(cut, amp);
  return cut;
}

/** What a scan found in a chunk's complete text. */
interface Scan {
  /** A forbidden character is there: the text must be cleaned. */
  dirty: boolean;
  /** [from, to) pairs, in order, to leave out of the text exceljs parses. */
  drop: number[];
}

/** text[0, end) without the dropped spans. */
function kept(text: string, end: number, drop: readonly number[]): string {
  if (drop.length === 0) return text.slice(0, end);
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < drop.length; i += 2) {
    parts.push(text.slice(from, drop[i]));
    from = drop[i + 1]!;
  }
  parts.push(text.slice(from, end));
  return parts.join('');
}

/**
 * Runs `scan` over the chunks' complete text, yielding what it keeps, cleaned when it found a forbidden
 * character; in pieces of about PIECE_CHARS, letting the event loop turn every YIELD_EVERY_CHARS (an
 * inflated chunk can be large, and exceljs parses each piece at once).
 */
async function* guarded(chunks: AsyncIterable<string>, scan: (text: string, end: number) => Scan): AsyncGenerator<string> {
  let carry = '';
  let sinceYield = 0;
  async function* pieces(text: string): AsyncGenerator<string> {
    for (let from = 0; from < text.length; ) {
      // Cut before a tag: never inside a surrogate pair.
      const at = from + PIECE_CHARS >= text.length ? -1 : text.indexOf('<', from + PIECE_CHARS);
      const to = at === -1 ? text.length : at;
      yield text.slice(from, to);
      sinceYield += to - from;
      from = to;
      if (sinceYield >= YIELD_EVERY_CHARS) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
    }
  }
  for await (const chunk of chunks) {
    const text = carry + chunk;
    const cut = completeUpTo(text);
    const { dirty, drop } = scan(text, cut);
    carry = text.slice(cut);
    const complete = kept(text, cut, drop);
    // A tag that never closes would grow the carry without end: handed on as is, exceljs refuses it.
    if (carry.length > 1024 * 1024) {
      yield* pieces(cleaned(complete + carry));
      carry = '';
    } else if (complete !== '') yield* pieces(dirty ? cleaned(complete) : complete);
  }
  if (carry !== '') {
    const { dirty, drop } = scan(carry, carry.length);
    const complete = kept(carry, carry.length, drop);
    yield* pieces(dirty ? cleaned(complete) : complete);
  }
}

/** xl/sharedStrings.xml: notes which entries hold a forbidden character. */
export function guardSharedStrings(chunks: AsyncIterable<string>, check: SharedStringsCheck): AsyncGenerator<string> {
  let index = -1;
  return guarded(chunks, (text, end) => {
    const marks = forbiddenMarks(text, end);
    let next = 0;
    for (let lt = text.indexOf('<'); lt !== -1 && lt < end; lt = text.indexOf('<', lt + 1)) {
      if (tagAt(text, lt + 1) !== TAG.si) continue;
      // A character before this <si> belongs to the entry before it.
      for (; next < marks.length && marks[next]!.at < lt; next++) note(marks[next]!);
      index++;
    }
    for (; next < marks.length; next++) note(marks[next]!);
    return { dirty: marks.length > 0, drop: [] };
  });

  function note(mark: Mark): void {
    if (index >= 0 && !check.unreadable.has(index)) check.unreadable.set(index, mark.code);
  }
}

interface OpenCell {
  row: number;
  column: number;
  type: string;
  formula: boolean;
  value: string | null;
  problem: string | null;
}

const shown = (text: string) => {
  const flat = text.replace(/[\u0000-\u001F\u007F\uFFFD]/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
};

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Where the value of an attribute written `quoted` (r=", as Excel and LibreOffice write it) starts, or -1. */
function attributeAt(text: string, quoted: string, from: number, to: number): number {
  for (let k = text.indexOf(quoted, from); k !== -1 && k < to; k = text.indexOf(quoted, k + 1)) {
    const before = text.charCodeAt(k - 1);
    if (before === 32 || before === 9 || before === 10 || before === 13) return k + quoted.length;
  }
  return -1;
}

/** The column of a cell reference starting at `at` ("AB12" → 28), or 0. */
function columnAt(text: string, at: number): number {
  let n = 0;
  let i = at;
  if (text.charCodeAt(i) === 36) i++; // $
  for (let code = text.charCodeAt(i) & ~32; code >= 65 && code <= 90 && i - at < 4; code = text.charCodeAt(++i) & ~32) n = n * 26 + (code - 64);
  return n > 0 && n <= 16_384 ? n : 0;
}

const CELL_TYPES = ['s', 'str', 'inlineStr', 'n', 'b', 'e', 'd'];
/** Cells whose value exceljs takes as it is: the guard judges nothing in it (only a forbidden character). */
const TEXT_TYPES = new Set(['inlineStr', 'str', 'e']);

/** A cell's t attribute starting at `at`, as one of CELL_TYPES when it is one (no copy). */
function typeAt(text: string, at: number): string {
  for (const type of CELL_TYPES) if (text.startsWith(type, at) && text.charCodeAt(at + type.length) === 34) return type;
  return text.slice(at, text.indexOf('"', at));
}

/** The column and type of a <c> tag's attributes, in [from, to): fast for what Excel writes, exact otherwise. */
function cellTag(text: string, from: number, to: number): { column: number; type: string } {
  const r = attributeAt(text, 'r="', from, to);
  const t = attributeAt(text, 't="', from, to);
  const anyT = text.indexOf('t=', from);
  if (r !== -1 && (t !== -1 || anyT === -1 || anyT >= to)) {
    return { column: columnAt(text, r), type: t === -1 ? 'n' : typeAt(text, t) };
  }
  const attributes = text.slice(from, to);
  const ref = CELL_REF.exec(attribute(attributes, R_ATTRIBUTE) ?? '');
  return { column: ref ? columnNumber(ref[1]!) : 0, type: attribute(attributes, T_ATTRIBUTE) ?? 'n' };
}

function attribute(attributes: string, pattern: RegExp): string | undefined {
  const m = pattern.exec(attributes);
  return m ? (m[1] ?? m[2]) : undefined;
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/g, (whole, hex?: string, dec?: string, named?: string) => {
    if (named) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named as 'amp'];
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const REDO = 'ressaisissez la cellule dans Excel ou LibreOffice';

/** /^\d+$/ without a regular expression: a sheet's every shared-string cell is checked. */
function digitsOnly(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * What is wrong with a cell exceljs would read wrong or not at all, or null: `value` is the text of its
 * <v>, references decoded (null without one), `type` its t attribute ('n' when it has none). An empty
 * number (<v/>) is noted in `problems` as a blank. Shared by the guard and by read-rows.ts, which judges
 * the cells itself when the sheet needs no cleaning (see PackageLayout.clean).
 */
/** Where a verdict's cell is: made only for a refusal (a sheet has hundreds of thousands of good cells). */
const inSheetNamed = (sheetName: string) => ` dans la feuille « ${sheetName} »`;

export function cellVerdict(
  row: number, column: number, type: string, formula: boolean, value: string | null, shared: SharedStringsCheck, sheetName: string, problems: CellProblems,
): string | null {
  if (value === null || type === 'inlineStr' || type === 'str' || type === 'e') return null;
  const raw = value.trim();
  if (!formula && type === 's') {
    if (raw === '') return null;
    const index = digitsOnly(raw) ? Number(raw) : Number.NaN;
    const count = shared.count ?? 0;
    if (!Number.isSafeInteger(index)) return `renvoi illisible vers un texte (« ${shown(raw)} »)${inSheetNamed(sheetName)} : ${REDO}`;
    if (index >= count) {
      return `texte introuvable${inSheetNamed(sheetName)} : la cellule renvoie au texte n° ${index.toLocaleString('fr-FR')} et le classeur n’en contient que ${count.toLocaleString('fr-FR')} (classeur endommagé ?) ; ${REDO}`;
    }
    const forbidden = shared.unreadable.get(index);
    return forbidden ? `caractère interdit (${forbidden}, texte partagé n° ${index.toLocaleString('fr-FR')})${inSheetNamed(sheetName)} : ${REDO}` : null;
  }
  if (!formula && type === 'b') return raw === '0' || raw === '1' ? null : `valeur VRAI/FAUX illisible (« ${shown(raw)} »)${inSheetNamed(sheetName)} : ${REDO}`;
  if (!formula && type === 'd') return `date écrite « ${shown(raw)} », une forme que l’import ne lit pas${inSheetNamed(sheetName)} : ${REDO}`;
  // Numbers, and formula results other than text or errors: exceljs reads them with parseFloat.
  if (raw === '') {
    if (column > 0) problems.addBlank(row, column);
    return null;
  }
  if (NUMBER.test(raw) && Number.isFinite(Number(raw))) return null;
  return `nombre illisible (${shown(raw)})${inSheetNamed(sheetName)} : ${REDO}`;
}

/**
 * A worksheet: notes each cell exceljs would read wrong or not at all, by the row exceljs gives it
 * (its <row r>) and its column. `shared` is the shared-strings pass, done before.
 */
export function guardWorksheet(
  chunks: AsyncIterable<string>,
  sheetName: string,
  shared: SharedStringsCheck,
  problems: CellProblems,
): AsyncGenerator<string> {
  const inSheet = ` dans la feuille « ${sheetName} »`;
  const redo = REDO;
  let row = 0;
  let cell: OpenCell | null = null;
  let valueFrom = -1;
  let value = '';

  const close = () => {
    if (cell === null) return;
    const problem = cell.problem ?? cellVerdict(cell.row, cell.column, cell.type, cell.formula, cell.value === null ? null : decodeEntities(cell.value), shared, sheetName, problems);
    if (problem !== null && cell.column > 0) problems.add(cell.row, cell.column, problem);
    cell = null;
  };

  return guarded(chunks, (text, end) => {
    const marks = forbiddenMarks(text, end);
    let next = 0;
    // Characters before `upTo` belong to the cell open then; outside any cell (a header or footer, a
    // sheet property) they change no value: replaced, nothing more.
    const markUpTo = (upTo: number) => {
      for (; next < marks.length && marks[next]!.at < upTo; next++) {
        const { code } = marks[next]!;
        problems.firstCharacter ??= { row, column: cell?.column ?? 0, code };
        if (cell) cell.problem ??= `caractère interdit (${code})${inSheet} : ${redo}`;
      }
    };
    if (valueFrom >= 0) valueFrom = 0;
    const drop: number[] = [];
    for (let lt = text.indexOf('<'); lt !== -1 && lt < end; lt = text.indexOf('<', lt + 1)) {
      let i = lt + 1;
      const closing = text.charCodeAt(i) === 47;
      if (closing) i++;
      const tag = tagAt(text, i);
      const comment = tag === TAG.other && text.startsWith('!--', i);
      if (tag === TAG.other && !comment) continue;
      if (next < marks.length) markUpTo(lt);
      if (tag === TAG.cdata || comment) {
        // What a comment or CDATA holds is no tag; exceljs does not read CDATA at all.
        if (tag === TAG.cdata && cell) cell.problem ??= `contenu CDATA, que l’import ne lit pas${inSheet} : ${redo}`;
        const over = text.indexOf(comment ? '-->' : ']]>', i);
        if (over !== -1 && over < end) lt = over + 2;
        continue;
      }
      const gt = text.indexOf('>', i);
      if (gt === -1 || gt >= end) break;
      const selfClosing = text.charCodeAt(gt - 1) === 47;
      if (tag === TAG.row) {
        if (!closing && selfClosing) drop.push(lt, gt + 1);
        else if (!closing) {
          const r = attributeAt(text, 'r="', i + 3, gt);
          row = r !== -1 ? Number.parseInt(text.slice(r, r + 8), 10) : Number.parseInt(attribute(text.slice(i + 3, gt), R_ATTRIBUTE) ?? '', 10);
        }
      } else if (tag === TAG.c) {
        close();
        if (!closing && selfClosing) drop.push(lt, gt + 1);
        else if (!closing) {
          const { column, type } = cellTag(text, i + 1, gt);
          cell = { row, column, type, formula: false, value: null, problem: null };
        }
      } else if (tag === TAG.f) {
        if (!closing && cell) cell.formula = true;
      } else if (tag === TAG.v && cell) {
        if (!closing && selfClosing) cell.value = '';
        else if (!closing) {
          valueFrom = gt + 1;
          value = '';
        } else if (valueFrom >= 0) {
          // A text's value is never judged (see verdict): not copied.
          if (value.length < MAX_VALUE_CHARS && !TEXT_TYPES.has(cell.type)) value += text.slice(valueFrom, lt);
          cell.value = value;
          valueFrom = -1;
        }
      }
      // Inside a tag (an attribute): the cell it opens, or is in, cannot be trusted either.
      if (next < marks.length) markUpTo(gt + 1);
      lt = gt;
    }
    markUpTo(end);
    // A value cut by the chunk's end continues in the next one.
    if (valueFrom >= 0 && value.length < MAX_VALUE_CHARS && !(cell !== null && TEXT_TYPES.has((cell as OpenCell).type))) value += text.slice(valueFrom, end);
    return { dirty: marks.length > 0, drop };
  });
}
