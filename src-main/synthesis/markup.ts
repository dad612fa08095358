/**
 * The light markup of texts typed in the app: a line starting with "- " is a bullet, **words** are
 * bold, and web addresses become links. Nothing else, so that no text can surprise its writer.
 */
import { linkText } from './link-text.ts';
import { type Block, type Inline, paragraph } from './model.ts';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]])/g;

export function inlines(source: string): Inline[] {
  const result: Inline[] = [];
  source.split(/(\*\*[^*]+\*\*)/).forEach((part) => {
    if (part === '') return;
    const bold = part.startsWith('**') && part.endsWith('**') && part.length > 4;
    const content = bold ? part.slice(2, -2) : part;
    content.split(URL_PATTERN).forEach((piece, index) => {
      if (piece === '') return;
      if (index % 2 === 1) result.push({ kind: 'link', text: linkText(piece), url: piece });
      else result.push(bold ? { kind: 'text', text: piece, bold: true } : { kind: 'text', text: piece });
    });
  });
  return result;
}

/**
 * Figures written as {{concertations}} in a text are filled from the catalogue at generation time, so a
 * descriptif never contradicts the Bilan when a meeting is added. Unknown names stay as written.
 */
export function fillFigures(source: string, figures: Record<string, string>): string {
  return source
    // « le {{date_second_niveau}} », written before the forms per use: the article goes into the form that has it
    // (« les 14 et 15 octobre 2020 », never « le du 14 au 15 octobre 2020 »).
    .replace(/(?<![\p{L}\p{N}])([Ll]e|[Dd]u)\s+\{\{\s*([a-z_]+)\s*\}\}/gu, (whole, article: string, name: string) => {
      const form = figures[`${article.toLowerCase()}_${name}`];
      if (form === undefined || figures[name] === undefined) return whole;
      return article[0] === article[0]!.toUpperCase() ? `${form[0]!.toUpperCase()}${form.slice(1)}` : form;
    })
    .replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) => figures[name] ?? whole);
}

/** Paragraphs and bullet lists from a multi-line text; consecutive bullets form one list. */
export function blocks(source: string): Block[] {
  const result: Block[] = [];
  for (const rawLine of source.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    const bullet = /^[-•]\s+/.exec(line);
    if (bullet) {
      const item = inlines(line.slice(bullet[0].length));
      const last = result[result.length - 1];
      if (last?.kind === 'list') last.items.push(item);
      else result.push({ kind: 'list', items: [item] });
    } else {
      result.push(paragraph(inlines(line)));
    }
  }
  return result;
}
