/**
 * The passage of a found text that shows why it was found, its matched words between [ and ], as
 * FTS5's snippet() writes it. Made here from the record's own text: snippet() has to walk the whole
 * match again for every hit, and a common word's match runs through 30 000 records at national scale.
 */
import { foldText } from './fold.ts';

const WORD = /[\p{L}\p{N}]+/gu;

interface Token { start: number; end: number; hit: string | null }

/** The words of `text` (letters and digits: « l’école » is « l » and « école », as the index cuts them). */
function tokens(text: string, words: string[]): Token[] {
  return [...text.matchAll(WORD)].map((m) => {
    const folded = foldText(m[0]);
    return { start: m.index, end: m.index + m[0].length, hit: words.find((w) => folded.startsWith(w)) ?? null };
  });
}

/**
 * The best window of `size` words among `columns` (the column with most distinct words found, then the
 * window holding most of them, earliest first); `…` where the text goes on. `words` are folded search
 * words, each matched from a word's start.
 */
export function passage(columns: string[], words: string[], size = 16): string {
  let best: { text: string; tokens: Token[]; from: number; score: number } | null = null;
  for (const text of columns) {
    const cut = tokens(text, words);
    for (let from = 0; from < Math.max(1, cut.length); from++) {
      if (from > 0 && !cut[from]?.hit) continue; // a window starts at the text's start or at a found word
      const start = Math.max(0, Math.min(from, cut.length - size));
      const found = new Set(cut.slice(start, start + size).flatMap((t) => (t.hit ? [t.hit] : [])));
      const score = found.size;
      if (!best || score > best.score) best = { text, tokens: cut, from: start, score };
    }
  }
  if (!best || best.tokens.length === 0) return columns.find((c) => c !== '')?.slice(0, 200) ?? '';
  const shown = best.tokens.slice(best.from, best.from + size);
  const text = best.text;
  let out = best.from > 0 ? '…' : '';
  let at = best.from > 0 ? shown[0]!.start : 0;
  for (const t of shown) {
    out += text.slice(at, t.start) + (t.hit ? `[${text.slice(t.start, t.end)}]` : text.slice(t.start, t.end));
    at = t.end;
  }
  const last = best.tokens.length > best.from + size;
  return out + (last ? '…' : text.slice(at));
}
