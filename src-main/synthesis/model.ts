/**
 * The synthesis as plain data: what the document says, before any file format.
 * Renderers (docx now, HTML preview next) draw from it, so a preview is what the file will be.
 */
import type { BilanChartData } from './chart-data.ts';

export type Inline =
  | { kind: 'text'; text: string; bold?: boolean; italic?: boolean }
  | { kind: 'link'; text: string; url: string };

/**
 * Where a printed statement came from: a group of contributions or one contribution. The preview marks it
 * (data-group-id, data-contribution-id) so the app can trace it back; the Word document never carries it.
 */
export type ItemRef = { groupId: number } | { contributionId: number };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** `entry` opens a numbered entry (a retex); `slot` is a trame's empty slot. */
  /** `keepNext`: on the same page as what follows (a retex's title with its links). */
  | { kind: 'paragraph'; inlines: Inline[]; style?: ParagraphStyle; keepNext?: boolean; ref?: ItemRef }
  /**
   * `numbered`: « 1) », « 2) »… as the text numbered them (Word numbering, restarting at 1).
   * `refs`: each item's origin, in the items' order (absent for lists that print no contribution).
   */
  | { kind: 'list'; items: Inline[][]; numbered?: boolean; refs?: (ItemRef | null)[] }
  | { kind: 'table'; caption: string; header: string[]; rows: string[][]; total?: string[] }
  /**
   * A chart, as SVG (the preview shows it as is). The Word renderer adds the PNG that readers unable to
   * show SVG fall back to: drawn only there, never for the preview. `chart`: its figures, for Word's
   * own editable chart (the picture is then what readers unable to show that chart fall back to).
   */
  | { kind: 'image'; caption: string; svg: string; widthPx: number; heightPx: number; chart?: BilanChartData };

export interface SynthesisDocument {
  title: string;
  subtitle: string;
  /** Running footer lines ("Région académique …", "Contact : …"). */
  footer: string[];
  blocks: Block[];
}

export const text = (value: string, style: { bold?: boolean; italic?: boolean } = {}): Inline => ({
  kind: 'text',
  text: value,
  ...style,
});

/** `lead` titles the list that follows (kept on the same page). */
export type ParagraphStyle = 'note' | 'slot' | 'entry' | 'lead';

export const paragraph = (inlines: Inline[], style?: ParagraphStyle): Block =>
  style ? { kind: 'paragraph', inlines, style } : { kind: 'paragraph', inlines };

/** Which columns of a table hold figures (right-aligned in both renderers); the first names the row. */
export function numericColumns(table: Extract<Block, { kind: 'table' }>): boolean[] {
  return table.header.map(
    (_, col) => col > 0 && table.rows.some((r) => /\d/.test(r[col] ?? '')) && table.rows.every((r) => /^[\d\s\u00A0\u202F%,—<>-]*$/.test(r[col] ?? '')),
  );
}

const ITEM_NUMBER = /^\s*(\d{1,3})\s*[).]\s+/;

/**
 * Lists whose items came numbered (« 1) … », « 2. … », in increasing order: all of them, or those a scope
 * kept, « 1) » and « 4) ») as numbered lists, the numbers left to Word's numbering: a numbered list stays
 * numbered, and renumbers itself when edited in Word.
 */
export function keepNumbering(blocks: Block[]): Block[] {
  return blocks.map((block) => {
    if (block.kind !== 'list' || block.numbered) return block;
    let previous = 0;
    const numbered = block.items.every((item) => {
      const first = item[0];
      const match = first?.kind === 'text' ? ITEM_NUMBER.exec(first.text) : null;
      if (match === null || Number(match[1]) <= previous) return false;
      previous = Number(match[1]);
      return true;
    });
    if (!numbered) return block;
    const items = block.items.map(([first, ...rest]) => {
      const text = (first as Extract<Inline, { kind: 'text' }>).text.replace(ITEM_NUMBER, '');
      return text === '' ? rest : [{ ...first!, text } as Inline, ...rest];
    });
    return { ...block, items, numbered: true };
  });
}
