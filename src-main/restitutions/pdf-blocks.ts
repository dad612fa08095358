/**
 * pdftotext -bbox-layout's XHTML cut into blocks: poppler's own <block>s are the paragraphs it found on
 * the page (plain -layout text has no blank line between paragraphs set close together). A block is a
 * heading when its lines are clearly taller than the document's usual line (a larger font) and it is short.
 */
import { decodeHtml } from './html-blocks.ts';
import type { Block } from './passages.ts';

/** Taller than the usual line by this much: a heading's font (body 11–12 pt, headings 14 pt and more). */
const HEADING_RATIO = 1.2;
const MAX_HEADING_LINES = 3;

const BLOCK = /<block\b[^>]*>([\s\S]*?)<\/block>/g;
const LINE = /<line\b[^>]*\byMin="([\d.]+)"[^>]*\byMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g;
const WORD = /<word\b[^>]*>([\s\S]*?)<\/word>/g;

interface Line {
  height: number;
  words: string[];
}

export function pdfBlocks(xhtml: string): Block[] {
  const read: Line[][] = [];
  for (const block of xhtml.matchAll(BLOCK)) {
    const lines: Line[] = [];
    for (const line of block[1]!.matchAll(LINE)) {
      const words = [...line[3]!.matchAll(WORD)].map((w) => decodeHtml(w[1]!));
      if (words.length > 0) lines.push({ height: Number(line[2]) - Number(line[1]), words });
    }
    if (lines.length > 0) read.push(lines);
  }
  const usual = usualHeight(read.flat());
  return read.map((lines) => ({
    text: lines.map((l) => l.words.join(' ')).join(' '),
    heading: usual > 0 && lines.length <= MAX_HEADING_LINES && lines.every((l) => l.height >= usual * HEADING_RATIO),
  }));
}

/** The line height that carries most words: the body text's. */
function usualHeight(lines: Line[]): number {
  const words = new Map<number, number>();
  for (const line of lines) {
    const height = Math.round(line.height * 2) / 2;
    words.set(height, (words.get(height) ?? 0) + line.words.length);
  }
  let best = 0;
  let most = 0;
  for (const [height, count] of words) {
    if (count > most) [best, most] = [height, count];
  }
  return best;
}
