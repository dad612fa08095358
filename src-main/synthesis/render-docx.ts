/** The synthesis model as a Word document, with the `docx` library. */
import {
  AlignmentType, BorderStyle, Document, ExternalHyperlink, Footer, Header, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph,
  ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type JSZip from 'jszip';
import { cleanForXml } from '../text/clean.ts';
import { frenchSpacing } from '../text/french.ts';
import { svgToPng } from './chart-png.ts';
import { type DocxParts, reproduciblePackage } from './deterministic-pack.ts';
import { completeTemplateStyles, DEFAULT_STYLES_XML } from './docx-styles.ts';
import { type Block, type Inline, numericColumns, type SynthesisDocument } from './model.ts';
import type { StyleTemplate } from './style-template.ts';


/** Text as it may be written: XML-safe and with French spacing. */
const clean = (value: string) => frenchSpacing(cleanForXml(value));

/**
 * The synthesis as a reproducible .docx (deterministic-pack.ts) in one pass: `docx`'s parts go
 * straight into the one zip written, never zipped, read back and zipped again.
 */
export async function renderReproducibleDocx(doc: SynthesisDocument, style: StyleTemplate | null, timestamp: Date): Promise<Buffer> {
  return reproduciblePackage(await renderDocxParts(doc, style), timestamp);
}

/** The package's parts as `docx` makes them: XML as text, media as bytes. */
export async function renderDocxParts(doc: SynthesisDocument, style: StyleTemplate | null = null): Promise<DocxParts> {
  const document = new Document({
    creator: 'Synthèse régionale',
    lastModifiedBy: 'Synthèse régionale',
    title: cleanForXml(`${doc.title} — ${doc.subtitle}`),
    externalStyles: style ? completeTemplateStyles(style.stylesXml) : DEFAULT_STYLES_XML,
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        ...(style?.logo ? { headers: { default: logoHeader(style.logo) } } : {}),
        footers: { default: footer(doc.footer) },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(doc.title))] }),
          ...(doc.subtitle ? [new Paragraph({ style: 'Subtitle', children: [new TextRun(clean(doc.subtitle))] })] : []),
          ...doc.blocks.flatMap(renderBlock),
        ],
      },
    ],
  });
  return compiledParts(document);
}

/**
 * `docx`'s compiler (what Packer zips) gives a JSZip holding each part as `docx` made it; each is read
 * back as it was given (the entry's pending data), without JSZip's chunked re-encoding, else through
 * JSZip's own reader.
 */
async function compiledParts(document: Document): Promise<DocxParts> {
  const packer = Packer as unknown as { compiler: { compile: (file: Document, prettify: undefined, overrides: never[]) => JSZip } };
  const zip = packer.compiler.compile(document, undefined, []);
  // `docx`'s xml() leaves callbacks for the event loop's next turn holding the whole document; awaiting
  // only promises never gives them that turn, and six documents in a row kept ~100 MB each alive.
  await new Promise((resolve) => setImmediate(resolve));
  const parts: DocxParts = new Map();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    const given: unknown = await (entry as unknown as { _data?: unknown })._data;
    parts.set(
      name,
      typeof given === 'string' || given instanceof Uint8Array
        ? given
        : /\.(xml|rels)$/.test(name) ? await entry.async('string') : await entry.async('uint8array'),
    );
  }
  return parts;
}

/** The template's logo, at the size it had in the template's header (capped to 6 × 3 cm). */
function logoHeader(logo: NonNullable<StyleTemplate['logo']>): Header {
  const EMU_PER_PX = 9525;
  const scale = Math.min(1, (6 * 360_000) / logo.widthEmu, (3 * 360_000) / logo.heightEmu);
  const width = Math.max(1, Math.round((logo.widthEmu * scale) / EMU_PER_PX));
  const height = Math.max(1, Math.round((logo.heightEmu * scale) / EMU_PER_PX));
  return new Header({
    children: [
      new Paragraph({
        children: [
          new ImageRun({
            type: logo.type,
            data: logo.data,
            transformation: { width, height },
            altText: { name: 'Logo', title: 'Logo', description: 'Logo du modèle de styles' },
          }),
        ],
      }),
    ],
  });
}

/**
 * The last charts' PNGs by SVG and width: the same chart drawn again (a synthesis generated again, a
 * chart shared by documents) is not drawn twice. resvg's output depends on these two only.
 */
const pngs = new Map<string, Buffer>();
const KEPT_PNGS = 8;

function chartPng(svg: string, widthPx: number): Buffer {
  const key = `${widthPx}\n${svg}`;
  let png = pngs.get(key);
  if (png) pngs.delete(key);
  else png = svgToPng(svg, widthPx);
  pngs.set(key, png); // the most recent last
  if (pngs.size > KEPT_PNGS) pngs.delete(pngs.keys().next().value!);
  return png;
}

function renderBlock(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          children: [new TextRun(clean(block.text))],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          ...(block.style === 'note' ? { style: 'Note' } : {}),
          // A group title stays with the list it opens.
          ...(block.style === 'lead' || block.keepNext ? { keepNext: true, keepLines: true } : {}),
          spacing: { before: block.style === 'entry' || block.style === 'slot' ? 200 : 80, after: 80 },
          children: block.inlines.map(renderInline),
        }),
      ];
    case 'list':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: item.map(renderInline) }));
    case 'table':
      return [
        new Paragraph({ keepNext: true, keepLines: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ text: clean(block.caption), bold: true })] }),
        table(block),
      ];
    case 'image':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 160 },
          children: [
            new ImageRun({
              type: 'svg',
              data: Buffer.from(block.svg, 'utf8'),
              // For readers that cannot show SVG: twice the chart's size, drawn here only (the preview needs none).
              fallback: { type: 'png', data: chartPng(block.svg, block.widthPx * 2) },
              transformation: { width: block.widthPx, height: block.heightPx },
              altText: { name: 'Graphique', title: cleanForXml(block.caption), description: cleanForXml(block.caption) },
            }),
          ],
        }),
        new Paragraph({ style: 'Note', alignment: AlignmentType.CENTER, children: [new TextRun(clean(block.caption))] }),
      ];
  }
}

function renderInline(inline: Inline): TextRun | ExternalHyperlink {
  if (inline.kind === 'link') {
    return new ExternalHyperlink({
      link: cleanForXml(inline.url),
      children: [new TextRun({ text: cleanForXml(inline.text), style: 'Hyperlink', color: '0563C1', underline: {} })],
    });
  }
  return new TextRun({ text: clean(inline.text), bold: inline.bold ?? false, italics: inline.italic ?? false });
}

/** A4 width minus two 2 cm margins, in twentieths of a point. */
const CONTENT_WIDTH = 11906 - 2 * 1134;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '929292' };

function table(block: Extract<Block, { kind: 'table' }>): Table {
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
  const row = (cells: string[], kind: 'header' | 'body' | 'total', last = false) =>
    new TableRow({
      tableHeader: kind === 'header',
      cantSplit: true,
      children: cells.map(
        (value, index) =>
          new TableCell({
            width: { size: widths[index]!, type: WidthType.DXA },
            borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
            ...(kind === 'header' ? { shading: { type: ShadingType.CLEAR, fill: 'E3E3FD', color: 'auto' } } : {}),
            children: [
              new Paragraph({
                // Explicit spacing: a style template's body spacing would swell every cell.
                spacing: { before: 20, after: 20, line: 240 },
                alignment: numeric[index] ? AlignmentType.RIGHT : AlignmentType.LEFT,
                ...(whole && !last ? { keepNext: true } : {}),
                children: [new TextRun({ text: clean(value), bold: kind !== 'body', size: 20 })],
              }),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      row(block.header, 'header'),
      ...block.rows.map((r, i) => row(r, 'body', !block.total && i === block.rows.length - 1)),
      ...(block.total ? [row(block.total, 'total', true)] : []),
    ],
  });
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

function footer(lines: string[]): Footer {
  return new Footer({
    children: [
      ...lines.map(
        (line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: clean(line), size: 16, color: '555555' })] }),
      ),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        // One run per piece: a field inside a run does not take the run's size in every reader.
        children: [
          new TextRun({ text: 'Page ', size: 16, color: '555555' }),
          new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '555555' }),
          new TextRun({ text: ' / ', size: 16, color: '555555' }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: '555555' }),
        ],
      }),
    ],
  });
}
