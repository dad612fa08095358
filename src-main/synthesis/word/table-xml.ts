/** A Bilan table as WordprocessingML: explicit widths, figures right-aligned, short tables on one page. */
import { type Block, numericColumns } from '../model.ts';
import { printable } from './xml-text.ts';

type TableBlock = Extract<Block, { kind: 'table' }>;

/** A4 width minus two 2 cm margins, in twentieths of a point. */
export const CONTENT_WIDTH = 11906 - 2 * 1134;

const side = (name: string, color: string) => `<w:${name} w:val="single" w:color="${color}" w:sz="4"/>`;
const TABLE_BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => side(s, 'auto')).join('')}</w:tblBorders>`;
const CELL_BORDERS = `<w:tcBorders>${['top', 'left', 'bottom', 'right'].map((s) => side(s, '929292')).join('')}</w:tcBorders>`;
const HEADER_SHADING = '<w:shd w:fill="E3E3FD" w:color="auto" w:val="clear"/>';

type RowKind = 'header' | 'body' | 'total';

/** `keepWithNext`: the last rows stay on the page of the note that follows. */
export function tableXml(block: TableBlock, keepWithNext = false): string {
  // Explicit widths, shared out by each column's longest text: LibreOffice otherwise splits
  // short headers ("Concertatio ns").
  const all = [block.header, ...block.rows, ...(block.total ? [block.total] : [])];
  const longest = block.header.map((_, col) => Math.max(8, ...all.map((r) => (r[col] ?? '').length)));
  // No column narrower than its longest word (bold headers a little wider): a long row name
  // ("Concertation académique de Limoges (toute l’académie)") wraps instead of cutting "Concertations".
  const longestWord = block.header.map((_, col) => Math.max(...all.map((r) => Math.max(0, ...(r[col] ?? '').split(/\s+/).map((w) => w.length)))) + 2);
  const widths = shareWidths(longest, longestWord);
  // Figures are right-aligned, under a header aligned with them; words ("ZAP / ECLORE") stay left.
  const numeric = numericColumns(block);
  // A short table is kept on one page (each row kept with the next), as its caption is kept with it.
  const whole = block.rows.length <= 20;
  const cellStart = widths.map((width) => `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${CELL_BORDERS}`);
  const row = (cells: string[], kind: RowKind, last = false, nearEnd = false) => {
    const keep = (whole && !last) || (keepWithNext && nearEnd) ? '<w:keepNext/>' : '';
    const runProperties = kind === 'body' ? '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>' : '<w:rPr><w:b/><w:bCs/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>';
    let xml = `<w:tr><w:trPr><w:cantSplit/>${kind === 'header' ? '<w:tblHeader/>' : ''}</w:trPr>`;
    cells.forEach((value, index) => {
      xml +=
        `${cellStart[index]}${kind === 'header' ? HEADER_SHADING : ''}</w:tcPr>` +
        // Explicit spacing: a style template's body spacing would swell every cell.
        `<w:p><w:pPr>${keep}<w:spacing w:before="20" w:after="20" w:line="240"/><w:jc w:val="${numeric[index] ? 'right' : 'left'}"/></w:pPr>` +
        `<w:r>${runProperties}<w:t xml:space="preserve">${printable(value)}</w:t></w:r></w:p></w:tc>`;
    });
    return `${xml}</w:tr>`;
  };
  const rows = [row(block.header, 'header')];
  const end = block.rows.length + (block.total ? 1 : 0); // rows after the header
  block.rows.forEach((r, i) => rows.push(row(r, 'body', !block.total && i === block.rows.length - 1, end - i <= 2)));
  if (block.total) rows.push(row(block.total, 'total', true, true));
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${CONTENT_WIDTH}"/>${TABLE_BORDERS}</w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows.join('')}</w:tbl>`
  );
}

/**
 * Shares the page width by each column's longest text, never below its longest word: the wide columns
 * give up what the narrow ones need. In twentieths of a point, a character taken as about 110.
 */
function shareWidths(longest: number[], longestWord: number[]): number[] {
  const CHAR = 110;
  const floor = longestWord.map((n) => n * CHAR);
  const widths = longest.map(() => 0);
  let free = longest.map((_, i) => i);
  let room = CONTENT_WIDTH;
  // Columns whose share would fall under their floor get the floor; the others share what is left.
  for (;;) {
    const sum = free.reduce((a, i) => a + longest[i]!, 0);
    const pinned = free.filter((i) => (room * longest[i]!) / sum < floor[i]!);
    if (pinned.length === 0 || pinned.length === free.length) {
      for (const i of free) widths[i] = Math.max(pinned.length === free.length ? floor[i]! : 0, Math.floor((room * longest[i]!) / sum));
      return widths;
    }
    for (const i of pinned) {
      widths[i] = floor[i]!;
      room -= floor[i]!;
    }
    free = free.filter((i) => !pinned.includes(i));
  }
}
