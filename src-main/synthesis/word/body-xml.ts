/**
 * The synthesis body as WordprocessingML, written directly: `docx`'s object tree cost ~0.5 s of CPU
 * and hundreds of MB for a région's 5 000 contributions. Charts are left to `docx` (render-docx.ts),
 * which owns the package's media and drawing parts.
 */
import type { Block, Inline } from '../model.ts';
import { tableXml } from './table-xml.ts';
import { printable, verbatim } from './xml-text.ts';

type ImageBlock = Extract<Block, { kind: 'image' }>;

/** The body in order: XML written here, and the charts `docx` draws in between. */
export type BodySegment = string | ImageBlock;

/** The hyperlinks a body points to, one relationship per address. */
export class LinkRelations {
  private readonly ids = new Map<string, string>();

  idOf(url: string): string {
    let id = this.ids.get(url);
    if (!id) this.ids.set(url, (id = `rIdLink${this.ids.size + 1}`));
    return id;
  }

  /** The relationships to add to `word/_rels/document.xml.rels`. */
  xml(): string {
    let xml = '';
    for (const [url, id] of this.ids) {
      xml += `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${verbatim(url)}" TargetMode="External"/>`;
    }
    return xml;
  }
}

const HEADING_STYLE = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3' } as const;
/** The bullet list of `docx`'s numbering part, which every package it writes holds. */
const BULLET = '<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>';

export function bodySegments(title: string, subtitle: string, blocks: Block[], links: LinkRelations): BodySegment[] {
  const segments: BodySegment[] = [];
  let xml = styled('Title', title) + (subtitle ? styled('Subtitle', subtitle) : '');
  for (const block of blocks) {
    if (block.kind === 'image') {
      segments.push(xml, block);
      xml = '';
    } else {
      xml += blockXml(block, links);
    }
  }
  if (xml) segments.push(xml);
  return segments;
}

function blockXml(block: Exclude<Block, ImageBlock>, links: LinkRelations): string {
  switch (block.kind) {
    case 'heading':
      return styled(HEADING_STYLE[block.level], block.text);
    case 'paragraph': {
      const note = block.style === 'note' ? '<w:pStyle w:val="Note"/>' : '';
      // A group title stays with the list it opens.
      const keep = block.style === 'lead' || block.keepNext ? '<w:keepNext/><w:keepLines/>' : '';
      const before = block.style === 'entry' || block.style === 'slot' ? 200 : 80;
      return `<w:p><w:pPr>${note}${keep}<w:spacing w:before="${before}" w:after="80"/></w:pPr>${inlinesXml(block.inlines, links)}</w:p>`;
    }
    case 'list':
      return block.items.map((item) => `<w:p>${BULLET}${inlinesXml(item, links)}</w:p>`).join('');
    case 'table':
      return (
        '<w:p><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="60"/></w:pPr>' +
        `<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">${printable(block.caption)}</w:t></w:r></w:p>${tableXml(block)}`
      );
  }
}

function styled(style: string, text: string): string {
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t xml:space="preserve">${printable(text)}</w:t></w:r></w:p>`;
}

function inlinesXml(inlines: Inline[], links: LinkRelations): string {
  let xml = '';
  for (const inline of inlines) {
    if (inline.kind === 'link') {
      xml +=
        `<w:hyperlink w:history="1" r:id="${links.idOf(inline.url)}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>` +
        `<w:t xml:space="preserve">${verbatim(inline.text)}</w:t></w:r></w:hyperlink>`;
    } else {
      const properties = (inline.bold ? '<w:b/><w:bCs/>' : '') + (inline.italic ? '<w:i/><w:iCs/>' : '');
      xml += `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t xml:space="preserve">${printable(inline.text)}</w:t></w:r>`;
    }
  }
  return xml;
}
