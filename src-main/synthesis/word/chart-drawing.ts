/**
 * A chart in the body: Word's own chart, with the picture (PNG, and the SVG for readers that show it)
 * as the fallback for readers that do not know the chart's markup (LibreOffice, older Word), both with
 * a text alternative that gives the figures. Registers the parts they need; written by render-docx.ts.
 */
import type { Block } from '../model.ts';
import type { DocxParts } from '../deterministic-pack.ts';
import type { PartRelations } from './body-xml.ts';
import { chartRelationships, chartWorkbook, chartXml } from './chart-part.ts';
import { printable, verbatim } from './xml-text.ts';

type ImageBlock = Extract<Block, { kind: 'image' }>;

const EMU_PER_PX = 9525;
const TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SVG_BLIP = '{96DAC541-7B7A-43D3-8B79-37D633B846F1}';

export class ChartDrawings {
  private readonly charts: { block: ImageBlock; number: number }[] = [];

  constructor(private readonly relations: PartRelations, private readonly font: string) {}

  /** The chart's paragraph and its caption's. */
  paragraphs(block: ImageBlock): string {
    const number = this.charts.length + 1;
    this.charts.push({ block, number });
    const png = this.relations.add(`${TYPE}/image`, `media/graphique${number}.png`);
    const svg = this.relations.add(`${TYPE}/image`, `media/graphique${number}.svg`);
    const size = `<wp:extent cx="${block.widthPx * EMU_PER_PX}" cy="${block.heightPx * EMU_PER_PX}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>`;
    const alternative = verbatim(block.chart ? `${block.caption}. ${block.chart.description}.` : block.caption);
    const docPr = (name: string) => `<wp:docPr id="${number}" name="${name} ${number}" descr="${alternative}" title="${verbatim(block.caption)}"/>`;
    const picture =
      `<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">${size}${docPr('Image du graphique')}` +
      '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
      '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
      `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="graphique${number}.png" descr="${alternative}"/><pic:cNvPicPr/></pic:nvPicPr>` +
      `<pic:blipFill><a:blip r:embed="${png}"><a:extLst><a:ext uri="${SVG_BLIP}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="${svg}"/></a:ext></a:extLst></a:blip>` +
      `<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${block.widthPx * EMU_PER_PX}" cy="${block.heightPx * EMU_PER_PX}"/></a:xfrm>` +
      '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>';
    let drawing = picture;
    if (block.chart) {
      const chart = this.relations.add(`${TYPE}/chart`, `charts/chart${number}.xml`);
      const native =
        `<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">${size}${docPr('Graphique')}<wp:cNvGraphicFramePr/>` +
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
        `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${chart}"/></a:graphicData></a:graphic></wp:inline></w:drawing>`;
      // Readers that know the 2010 chart markup show the chart; the others, the picture.
      drawing =
        '<mc:AlternateContent><mc:Choice xmlns:c14="http://schemas.microsoft.com/office/drawing/2007/8/2/chart" Requires="c14">' +
        `${native}</mc:Choice><mc:Fallback>${picture}</mc:Fallback></mc:AlternateContent>`;
    }
    return (
      `<w:p><w:pPr><w:keepNext/><w:spacing w:before="160"/><w:jc w:val="center"/></w:pPr><w:r>${drawing}</w:r></w:p>` +
      `<w:p><w:pPr><w:pStyle w:val="Note"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">${printable(block.caption)}</w:t></w:r></w:p>`
    );
  }

  /** The parts the charts need: pictures, chart parts and their workbooks, and their content types. */
  async addParts(parts: DocxParts, pngOf: (svg: string, widthPx: number) => Buffer): Promise<void> {
    if (this.charts.length === 0) return;
    let types = text(parts.get(CONTENT_TYPES)!);
    for (const { block, number } of this.charts) {
      parts.set(`word/media/graphique${number}.png`, pngOf(block.svg, block.widthPx * 2));
      parts.set(`word/media/graphique${number}.svg`, Buffer.from(block.svg, 'utf8'));
      if (!block.chart) continue;
      parts.set(`word/charts/chart${number}.xml`, chartXml(block.chart, this.font));
      parts.set(`word/charts/_rels/chart${number}.xml.rels`, chartRelationships(number));
      parts.set(`word/embeddings/donnees-graphique${number}.xlsx`, await chartWorkbook(block.chart));
      types = types.replace('</Types>', `<Override ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml" PartName="/word/charts/chart${number}.xml"/></Types>`);
    }
    if (this.charts.some((c) => c.block.chart) && !types.includes('Extension="xlsx"')) {
      types = types.replace('<Default ', '<Default ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" Extension="xlsx"/><Default ');
    }
    parts.set(CONTENT_TYPES, types);
  }
}

const CONTENT_TYPES = '[Content_Types].xml';

function text(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
}
