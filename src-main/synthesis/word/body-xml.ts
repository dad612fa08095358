/**
 * The synthesis body as WordprocessingML, written directly: `docx`'s object tree cost ~0.5 s of CPU
 * and hundreds of MB for a région's 5 000 contributions. `docx` writes the package around it
 * (render-docx.ts); charts are chart-drawing.ts's.
 */
import type { Block, Inline } from '../model.ts';
import type { ChartDrawings } from './chart-drawing.ts';
import { tableXml } from './table-xml.ts';
import { printable, verbatim } from './xml-text.ts';


/** The relationships a part adds: its hyperlinks (one per address), its pictures and charts. */
export class PartRelations {
  private readonly ids = new Map<string, string>();
  private readonly added: string[] = [];

  /** `prefix`: ids unique within the part's relationships (rIdLink1…, rIdFooterLink1…). */
  constructor(private readonly prefix = 'rIdLink') {}

  idOf(url: string): string {
    let id = this.ids.get(url);
    if (!id) {
      id = this.nextId();
      this.ids.set(url, id);
      this.added.push(`<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${verbatim(url)}" TargetMode="External"/>`);
    }
    return id;
  }

  /** A part of the package (a picture, a chart), by its relationship type and its path from this part. */
  add(type: string, target: string): string {
    const id = this.nextId();
    this.added.push(`<Relationship Id="${id}" Type="${type}" Target="${target}"/>`);
    return id;
  }

  /** The relationships to add to the part's `.rels`. */
  xml(): string {
    return this.added.join('');
  }

  private nextId(): string {
    return `${this.prefix}${this.added.length + 1}`;
  }
}

/**
 * Numbered lists (« 1) », « 2) »…): one numbering instance per list, so each starts again at 1, over
 * one decimal definition added beside `docx`'s bullets.
 */
export class ListNumbering {
  private count = 0;

  /** A new list's numbering id. */
  next(): number {
    return NUMBERED_BASE + ++this.count;
  }

  /** `docx`'s numbering part with the definition and the lists' instances, when there are any. */
  complete(numberingXml: string): string {
    if (this.count === 0) return numberingXml;
    let instances = '';
    for (let id = NUMBERED_BASE + 1; id <= NUMBERED_BASE + this.count; id++) {
      instances += `<w:num w:numId="${id}"><w:abstractNumId w:val="${NUMBERED_ABSTRACT}"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`;
    }
    const definition =
      `<w:abstractNum w:abstractNumId="${NUMBERED_ABSTRACT}"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>` +
      '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>';
    // Definitions come before instances in the part.
    const firstInstance = numberingXml.indexOf('<w:num ');
    const withDefinition = firstInstance < 0
      ? numberingXml.replace('</w:numbering>', `${definition}</w:numbering>`)
      : numberingXml.slice(0, firstInstance) + definition + numberingXml.slice(firstInstance);
    return withDefinition.replace('</w:numbering>', `${instances}</w:numbering>`);
  }
}

const NUMBERED_ABSTRACT = 901;
const NUMBERED_BASE = 1000;

/** What a body refers to outside itself. */
export interface BodyContext {
  links: PartRelations;
  numbering: ListNumbering;
  charts: ChartDrawings;
}

const HEADING_STYLE = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3' } as const;
/** A list item's paragraph properties: `docx`'s bullets (numId 1, in every package it writes) or a numbered list's. */
const listItem = (numId: number, keep: boolean) =>
  `<w:pPr><w:pStyle w:val="ListParagraph"/>${keep ? '<w:keepNext/>' : ''}<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>`;

const isNote = (block: Block | undefined) => block?.kind === 'paragraph' && block.style === 'note';
const isPlain = (block: Block | undefined) => block?.kind === 'paragraph' && block.style === undefined;

/**
 * What stays on the page of what follows it: anything a note comments, and a table with the sentence
 * and note after it (« Au total, 800 personnes… », « Effectifs : … »).
 */
const keptWithNext = (blocks: Block[], index: number) =>
  isNote(blocks[index + 1]) || (blocks[index]!.kind === 'table' && isPlain(blocks[index + 1]) && isNote(blocks[index + 2]));

export function bodyXml(title: string, subtitle: string, blocks: Block[], context: BodyContext): string {
  let xml = styled('Title', title) + (subtitle ? styled('Subtitle', subtitle) : '');
  // A note is kept on the page of what it comments (never alone at the top of the next).
  blocks.forEach((block, index) => (xml += blockXml(block, context, keptWithNext(blocks, index))));
  return xml;
}

function blockXml(block: Block, context: BodyContext, keepWithNext: boolean): string {
  switch (block.kind) {
    case 'image':
      return context.charts.paragraphs(block);
    case 'heading':
      return styled(HEADING_STYLE[block.level], block.text);
    case 'paragraph': {
      const note = block.style === 'note' ? '<w:pStyle w:val="Note"/>' : '';
      // A group title stays with the list it opens.
      const keep = block.style === 'lead' || block.keepNext || keepWithNext ? '<w:keepNext/><w:keepLines/>' : '';
      const before = block.style === 'entry' || block.style === 'slot' ? 200 : 80;
      return `<w:p><w:pPr>${note}${keep}<w:spacing w:before="${before}" w:after="80"/></w:pPr>${inlinesXml(block.inlines, context.links)}</w:p>`;
    }
    case 'list': {
      const numId = block.numbered ? context.numbering.next() : 1;
      const last = block.items.length - 1;
      return block.items.map((item, i) => `<w:p>${listItem(numId, keepWithNext && i === last)}${inlinesXml(item, context.links)}</w:p>`).join('');
    }
    case 'table':
      return (
        '<w:p><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="60"/></w:pPr>' +
        `<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">${printable(block.caption)}</w:t></w:r></w:p>${tableXml(block, keepWithNext)}`
      );
  }
}

function styled(style: string, text: string): string {
  // Headings kept with what follows whatever a template's heading styles say.
  const keep = style.startsWith('Heading') ? '<w:keepNext/><w:keepLines/>' : '';
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${keep}</w:pPr><w:r><w:t xml:space="preserve">${printable(text)}</w:t></w:r></w:p>`;
}

/** How a run looks beyond bold and italic: a footer's small grey lines. */
export interface RunLook {
  color?: string;
  /** In half points. */
  size?: number;
}

/** Run properties in the schema's order: style, bold, italic, colour, size, underline. */
export function runProperties({ style = '', bold = false, italic = false, color, size, underline = false }: RunLook & { style?: string; bold?: boolean; italic?: boolean; underline?: boolean }): string {
  const xml =
    (style ? `<w:rStyle w:val="${style}"/>` : '') + (bold ? '<w:b/><w:bCs/>' : '') + (italic ? '<w:i/><w:iCs/>' : '') +
    (color ? `<w:color w:val="${color}"/>` : '') + (size ? `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` : '') + (underline ? '<w:u w:val="single"/>' : '');
  return xml ? `<w:rPr>${xml}</w:rPr>` : '';
}

export function inlinesXml(inlines: Inline[], links: PartRelations, look: RunLook = {}): string {
  let xml = '';
  for (const inline of inlines) {
    if (inline.kind === 'link') {
      const properties = runProperties({ style: 'Hyperlink', color: '0563C1', size: look.size, underline: true });
      xml += `<w:hyperlink w:history="1" r:id="${links.idOf(inline.url)}"><w:r>${properties}<w:t xml:space="preserve">${verbatim(inline.text)}</w:t></w:r></w:hyperlink>`;
    } else {
      const properties = runProperties({ ...look, bold: inline.bold, italic: inline.italic });
      xml += `<w:r>${properties}<w:t xml:space="preserve">${printable(inline.text)}</w:t></w:r>`;
    }
  }
  return xml;
}
