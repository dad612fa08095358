/**
 * A restitution's text as passages (paragraphs, headings flagged) and the references a contribution keeps
 * to the span it was cut from. Pure: the same text gives the same passages, so the same file (same
 * SHA-256) gives the same references however many times it is read again.
 */
import { AppError } from '../contract/errors.ts';
import { cleanForXml } from '../text/clean.ts';

export interface Passage {
  /** 0-based, contiguous: passages[i].index === i. */
  index: number;
  text: string;
  heading: boolean;
}

/** What a reader found before numbering: one block of text, a heading or not. */
export interface Block {
  text: string;
  heading: boolean;
}

/** Between two passages in the text a reading view shows whole (see joinPassages). */
export const PASSAGE_SEPARATOR = '\n\n';

/** One line: control characters removed, every run of spaces (non-breaking ones too) made one space. */
export function normaliseWhitespace(text: string): string {
  // U+202F (narrow no-break space, before « : ; ! ? » in French) is kept: it is typography, not layout.
  // A zero-width space marks where a word may break, not a space: it goes.
  return cleanForXml(text).replace(/\u200B/g, '').replace(/\s+/gu, (run) => (run === '\u202F' ? run : ' ')).trim();
}

/**
 * The longest passage kept whole: a longer block (a text pasted without blank lines) is cut at the last
 * sentence end, else the last space, before it. Exchange bundles carry passages of 100 000 characters
 * at most, and a reading view reads better in paragraphs.
 */
export const MAX_PASSAGE_CHARS = 20_000;
/** A restitution's whole text at most (what a bundle carries, record-schemas.ts). */
export const MAX_RESTITUTION_CHARS = 5_000_000;

/** Blocks numbered as passages: text normalised, empty ones dropped, long ones cut (MAX_PASSAGE_CHARS). */
export function toPassages(blocks: Iterable<Block>): Passage[] {
  const passages: Passage[] = [];
  let total = 0;
  for (const block of blocks) {
    for (const text of cutLong(normaliseWhitespace(block.text))) {
      passages.push({ index: passages.length, text, heading: block.heading });
      total += text.length;
    }
  }
  if (total > MAX_RESTITUTION_CHARS) {
    throw new AppError(
      'FILE',
      `Cette restitution compte ${total.toLocaleString('fr-FR')} caractères, plus que les ${MAX_RESTITUTION_CHARS.toLocaleString('fr-FR')} ` +
        'qu’une restitution peut garder : découpez-la en plusieurs fichiers.',
    );
  }
  return passages;
}

function cutLong(text: string): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > MAX_PASSAGE_CHARS) {
    const head = rest.slice(0, MAX_PASSAGE_CHARS);
    const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '), head.lastIndexOf('; '));
    let at = sentence > MAX_PASSAGE_CHARS / 2 ? sentence + 1 : head.lastIndexOf(' ');
    if (at <= 0) at = MAX_PASSAGE_CHARS;
    // Never half a surrogate pair.
    if (/[\uD800-\uDBFF]/.test(rest[at - 1]!)) at--;
    parts.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest !== '') parts.push(rest);
  return parts.filter((p) => p !== '');
}

const MARKDOWN_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/**
 * Plain text cut into passages on blank lines (a form feed, between two PDF pages, is one too). With
 * `markdown`, a line « # Titre » is a heading passage of its own.
 */
export function splitPlainText(text: string, options: { markdown?: boolean } = {}): Passage[] {
  const blocks: Block[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length > 0) blocks.push({ text: lines.join(' '), heading: false });
    lines = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n\n').split('\n')) {
    const heading = options.markdown ? MARKDOWN_HEADING.exec(line) : null;
    if (heading) {
      flush();
      blocks.push({ text: heading[2]!, heading: true });
    } else if (line.trim() === '') flush();
    else lines.push(line);
  }
  flush();
  return toPassages(blocks);
}

/** The passages as one text, as a reading view shows them: the offsets of passageRange count in it. */
export function joinPassages(passages: readonly Passage[]): string {
  return passages.map((p) => p.text).join(PASSAGE_SEPARATOR);
}

/** A place in the passages: which passage, and how many UTF-16 units into its text (as a DOM selection counts). */
export interface PassagePoint {
  passage: number;
  offset: number;
}

/**
 * The stable reference to a selected span: where it starts and ends (the end is exclusive), and the
 * text it covers (passages joined by a blank line), kept to check the reference against a new reading.
 */
export interface PassageRange {
  start: PassagePoint;
  end: PassagePoint;
  text: string;
}

function invalidRange(detail: string): AppError {
  return new AppError('INVALID_INPUT', `Sélection impossible dans la restitution : ${detail}.`);
}

/** A point from an offset in joinPassages' text: a point in a separator goes to the next passage's start. */
function pointAt(passages: readonly Passage[], offset: number): PassagePoint {
  let at = 0;
  for (const p of passages) {
    if (offset <= at + p.text.length) return { passage: p.index, offset: Math.max(0, offset - at) };
    at += p.text.length + PASSAGE_SEPARATOR.length;
  }
  throw invalidRange(`la position ${offset} est au-delà de la fin du texte`);
}

function checkPoint(passages: readonly Passage[], point: PassagePoint, what: string): PassagePoint {
  const passage = passages[point.passage];
  if (!Number.isInteger(point.passage) || !Number.isInteger(point.offset) || !passage || point.offset < 0 || point.offset > passage.text.length) {
    throw invalidRange(`${what} (passage ${point.passage}, position ${point.offset}) n'existe pas dans ce texte`);
  }
  // Never half a character: a surrogate pair is taken whole.
  const text = passage.text;
  const inPair = point.offset > 0 && point.offset < text.length && /[\uD800-\uDBFF]/.test(text[point.offset - 1]!) && /[\uDC00-\uDFFF]/.test(text[point.offset]!);
  return inPair ? { passage: point.passage, offset: what === 'le début' ? point.offset - 1 : point.offset + 1 } : point;
}

function before(a: PassagePoint, b: PassagePoint): boolean {
  return a.passage < b.passage || (a.passage === b.passage && a.offset < b.offset);
}

/** The text between two checked points, passages joined by PASSAGE_SEPARATOR. */
function textBetween(passages: readonly Passage[], start: PassagePoint, end: PassagePoint): string {
  if (start.passage === end.passage) return passages[start.passage]!.text.slice(start.offset, end.offset);
  const parts = [passages[start.passage]!.text.slice(start.offset)];
  for (let i = start.passage + 1; i < end.passage; i++) parts.push(passages[i]!.text);
  parts.push(passages[end.passage]!.text.slice(0, end.offset));
  return parts.join(PASSAGE_SEPARATOR);
}

/**
 * The reference to the span from `start` to `end` (exclusive): each an offset in joinPassages' text or a
 * point in a passage. Spaces at its edges are left out, so selecting a word with or without the space
 * after it gives the same reference.
 */
export function passageRange(passages: readonly Passage[], start: number | PassagePoint, end: number | PassagePoint): PassageRange {
  let from = checkPoint(passages, typeof start === 'number' ? pointAt(passages, start) : start, 'le début');
  let to = checkPoint(passages, typeof end === 'number' ? pointAt(passages, end) : end, 'la fin');
  if (!before(from, to)) throw invalidRange('la sélection est vide');
  const text = textBetween(passages, from, to);
  const leading = text.length - text.trimStart().length;
  const trailing = text.length - text.trimEnd().length;
  if (leading === text.length) throw invalidRange('la sélection ne contient que des espaces');
  // Spaces inside passages only (normalised: one at most at a passage's edge), so these moves stay in it.
  from = moveForward(passages, from, leading);
  to = moveBackward(passages, to, trailing);
  return { start: from, end: to, text: textBetween(passages, from, to) };
}

function moveForward(passages: readonly Passage[], point: PassagePoint, count: number): PassagePoint {
  let { passage, offset } = point;
  for (let left = count; left > 0; left--) {
    if (offset < passages[passage]!.text.length) offset++;
    else {
      passage++;
      offset = 0;
      left -= PASSAGE_SEPARATOR.length - 1;
    }
  }
  return { passage, offset };
}

function moveBackward(passages: readonly Passage[], point: PassagePoint, count: number): PassagePoint {
  let { passage, offset } = point;
  for (let left = count; left > 0; left--) {
    if (offset > 0) offset--;
    else {
      passage--;
      offset = passages[passage]!.text.length;
      left -= PASSAGE_SEPARATOR.length - 1;
    }
  }
  return { passage, offset };
}

/**
 * The text a kept reference points to in a new reading of its restitution, or null when it no longer fits
 * (the file was replaced by another: a different SHA-256 gives other passages).
 */
export function resolveRange(passages: readonly Passage[], range: Pick<PassageRange, 'start' | 'end'> & { text?: string }): string | null {
  try {
    const from = checkPoint(passages, range.start, 'le début');
    const to = checkPoint(passages, range.end, 'la fin');
    if (!before(from, to)) return null;
    const text = textBetween(passages, from, to);
    return range.text === undefined || range.text === text ? text : null;
  } catch {
    return null;
  }
}

/** A short, stable key for a reference: « 3:12-4:40 » (passage:offset, start then end). */
export function rangeKey(range: Pick<PassageRange, 'start' | 'end'>): string {
  return `${range.start.passage}:${range.start.offset}-${range.end.passage}:${range.end.offset}`;
}
