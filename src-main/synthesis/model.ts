/**
 * The synthesis as plain data: what the document says, before any file format.
 * Renderers (docx now, HTML preview next) draw from it, so a preview is what the file will be.
 */

export type Inline =
  | { kind: 'text'; text: string; bold?: boolean; italic?: boolean }
  | { kind: 'link'; text: string; url: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; inlines: Inline[]; style?: 'note' | 'slot' }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; caption: string; header: string[]; rows: string[][]; total?: string[] };

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

export const paragraph = (inlines: Inline[], style?: 'note' | 'slot'): Block =>
  style ? { kind: 'paragraph', inlines, style } : { kind: 'paragraph', inlines };
