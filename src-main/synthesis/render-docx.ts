/** The synthesis model as a Word document: the body written by word/, the package by the `docx` library. */
import { Document, Footer, Header, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import type JSZip from 'jszip';
import { cleanForXml } from '../text/clean.ts';
import { svgToPng } from './chart-png.ts';
import { type DocxParts, reproduciblePackage, type Stamp } from './deterministic-pack.ts';
import { completeTemplateStyles, DEFAULT_STYLES_XML, FONT } from './docx-styles.ts';
import type { SynthesisDocument } from './model.ts';
import type { StyleTemplate } from './style-template.ts';
import { bodyXml, PartRelations, ListNumbering } from './word/body-xml.ts';
import { ChartDrawings } from './word/chart-drawing.ts';
import { footerXml } from './word/footer-xml.ts';
import { type DocumentOrigin, documentProperties, frenchStyles, withLanguage, withThemeLanguage } from './word/properties.ts';


/**
 * The synthesis as a reproducible .docx (deterministic-pack.ts) in one pass: `docx`'s parts go
 * straight into the one zip written, never zipped, read back and zipped again.
 */
export async function renderReproducibleDocx(doc: SynthesisDocument, style: StyleTemplate | null, stamp: Stamp, origin: DocumentOrigin = {}): Promise<Buffer> {
  return reproduciblePackage(await renderDocxParts(doc, style, origin), stamp);
}

/**
 * The package's parts: `docx` writes the package (styles, numbering, header, properties) around a body
 * and a footer written by word/, spliced in where `docx` wrote markers; charts add their own parts.
 */
export async function renderDocxParts(doc: SynthesisDocument, style: StyleTemplate | null = null, origin: DocumentOrigin = {}): Promise<DocxParts> {
  const properties = documentProperties(doc, origin);
  const links = new PartRelations();
  const numbering = new ListNumbering();
  const charts = new ChartDrawings(links, style?.bodyFont ?? FONT);
  const body = bodyXml(doc.title, doc.subtitle, doc.blocks, { links, numbering, charts });
  const footerLinks = new PartRelations('rIdFooterLink');
  const footer = footerXml(doc.footer, footerLinks);
  const document = new Document({
    title: cleanForXml(properties.title),
    subject: cleanForXml(properties.subject),
    creator: cleanForXml(properties.creator),
    lastModifiedBy: cleanForXml(properties.creator),
    description: cleanForXml(properties.description),
    keywords: cleanForXml(properties.keywords),
    // French whatever the template says: its language would otherwise win over the document's.
    externalStyles: style ? frenchStyles(completeTemplateStyles(style.stylesXml)) : DEFAULT_STYLES_XML,
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        ...(style?.logo ? { headers: { default: logoHeader(style.logo) } } : {}),
        footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun(FOOTER_MARKER)] })] }) },
        children: [new Paragraph({ children: [new TextRun(BODY_MARKER)] })],
      },
    ],
  });
  const parts = await compiledParts(document);
  parts.set(DOCUMENT, splice(text(parts.get(DOCUMENT)!), BODY_MARKER, body));
  parts.set(NUMBERING, numbering.complete(text(parts.get(NUMBERING)!)));
  const footerPart = [...parts.keys()].find((name) => /^word\/footer\d*\.xml$/.test(name))!;
  parts.set(footerPart, splice(text(parts.get(footerPart)!), FOOTER_MARKER, footer));
  const footerRels = footerPart.replace('word/', 'word/_rels/') + '.rels';
  parts.set(footerRels, addRelationships(parts.get(footerRels), footerLinks.xml()));
  parts.set(CORE, withLanguage(text(parts.get(CORE)!)));
  parts.set(SETTINGS, withThemeLanguage(text(parts.get(SETTINGS)!)));
  parts.set(DOCUMENT_RELS, addRelationships(parts.get(DOCUMENT_RELS), links.xml()));
  await charts.addParts(parts, chartPng);
  return parts;
}

const DOCUMENT = 'word/document.xml';
const DOCUMENT_RELS = 'word/_rels/document.xml.rels';
const CORE = 'docProps/core.xml';
const SETTINGS = 'word/settings.xml';
const NUMBERING = 'word/numbering.xml';
const FOOTER_MARKER = '@@synthese-footer@@';
const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

function addRelationships(rels: string | Uint8Array | undefined, added: string): string {
  const xml = rels === undefined ? EMPTY_RELS : text(rels);
  return added ? xml.replace(/<\/Relationships>$|<Relationships([^>]*)\/>$/, (m, attrs?: string) => (attrs !== undefined ? `<Relationships${attrs}>${added}</Relationships>` : `${added}</Relationships>`)) : xml;
}

const BODY_MARKER = '@@synthese-body@@';

/** The paragraph `docx` wrote for a marker, replaced by what it stands for; it must be found. */
function splice(xml: string, marker: string, content: string): string {
  const paragraph = `<w:p><w:r><w:t xml:space="preserve">${marker}</w:t></w:r></w:p>`;
  const at = xml.indexOf(paragraph);
  if (at < 0) throw new Error(`Document Word : l’emplacement ${marker} est introuvable.`);
  return xml.slice(0, at) + content + xml.slice(at + paragraph.length);
}

function text(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
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

