/** The logo of a template's header (else footer), at the size it had there. */
import type { StyleTemplateLogo, StyleTemplateLogoType } from './style-template.ts';
import { parseRelationships, type Relationship, relsPathOf } from './style-template-parts.ts';
import { parseAttributes } from './style-template-xml.ts';

export type ReadPart = (path: string) => Promise<Buffer | null>;
export type ReadText = (path: string) => Promise<string | null>;

/** The first usable image of the headers (default, first page, even pages), else of the footers. */
export async function findLogo(documentXml: string, rels: Relationship[], read: ReadPart, readText: ReadText): Promise<StyleTemplateLogo | null> {
  const references = [...documentXml.matchAll(/<w:(header|footer)Reference\b([^>]*)>/g)].map((m) => {
    const a = parseAttributes(m[2] ?? '');
    const id = [...a].find(([key]) => /^[\w.-]+:id$/.test(key) && key !== 'w:id')?.[1] ?? '';
    return { kind: m[1]!, type: a.get('w:type') ?? 'default', id };
  });
  const order = ['default', 'first', 'even'];
  const ranked = ['header', 'footer'].flatMap((kind) =>
    order.flatMap((type) => references.filter((r) => r.kind === kind && r.type === type)),
  );
  const seen = new Set<string>();
  for (const reference of ranked) {
    const part = rels.find((r) => r.id === reference.id && !r.external);
    if (!part || seen.has(part.target)) continue;
    seen.add(part.target);
    const xml = await readText(part.target);
    if (xml === null) continue;
    const partRels = parseRelationships((await readText(relsPathOf(part.target))) ?? '', part.target);
    const logo = await firstImage(xml, partRels, read);
    if (logo) return logo;
  }
  return null;
}

export async function firstImage(xml: string, rels: Relationship[], read: ReadPart): Promise<StyleTemplateLogo | null> {
  // DrawingML pictures (<a:blip r:embed>) and VML ones (<v:imagedata r:id>, Word 2003-era headers), in order.
  for (const match of xml.matchAll(/<(?:[\w.-]+:)?(blip|imagedata)\b([^>]*)>/g)) {
    const a = parseAttributes(match[2] ?? '');
    const relId = [...a].find(([key]) => (match[1] === 'blip' ? /(^|:)embed$/ : /^[\w.-]+:id$/).test(key))?.[1];
    const rel = relId ? rels.find((r) => r.id === relId && !r.external) : undefined;
    if (!rel) continue;
    const data = await read(rel.target);
    if (!data) continue;
    const type = imageType(data);
    if (!type) continue; // EMF, WMF, TIFF…: docx cannot place them; try the next picture
    const before = xml.slice(0, match.index);
    const size = (match[1] === 'blip' ? drawingExtent(xml, before) : vmlSize(before)) ?? pixelSize(data, type);
    if (!size) continue;
    return { data, type, widthEmu: size.width, heightEmu: size.height };
  }
  return null;
}

/** The wp:extent of the drawing a blip belongs to. */
export function drawingExtent(xml: string, before: string): { width: number; height: number } | null {
  const start = before.lastIndexOf(':drawing');
  if (start < 0) return null;
  const tag = /<(?:[\w.-]+:)?extent\b([^>]*)>/.exec(xml.slice(start));
  return tag ? positive(parseAttributes(tag[1] ?? '').get('cx'), parseAttributes(tag[1] ?? '').get('cy')) : null;
}

export const EMU_PER: Record<string, number> = { pt: 12_700, in: 914_400, cm: 360_000, mm: 36_000, px: 9_525, pc: 152_400 };

/** The width and height of the VML shape an imagedata belongs to ("width:85pt;height:28pt"). */
export function vmlSize(before: string): { width: number; height: number } | null {
  const shape = [...before.matchAll(/<(?:[\w.-]+:)?shape\b([^>]*)>/g)].pop();
  const style = shape ? parseAttributes(shape[1] ?? '').get('style') ?? '' : '';
  const length = (property: string) => {
    const m = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([\\d.]+)\\s*(pt|in|cm|mm|px|pc)?`, 'i').exec(style);
    return m ? Math.round(Number(m[1]) * EMU_PER[(m[2] ?? 'px').toLowerCase()]!) : undefined;
  };
  return positive(String(length('width') ?? ''), String(length('height') ?? ''));
}

export function positive(width: string | undefined, height: string | undefined): { width: number; height: number } | null {
  const w = Math.round(Number(width));
  const h = Math.round(Number(height));
  return Number.isFinite(w) && Number.isFinite(h) && w > 0 && h > 0 ? { width: w, height: h } : null;
}

export function imageType(data: Buffer): StyleTemplateLogoType | null {
  if (data.length >= 8 && data.readUInt32BE(0) === 0x89504e47 && data.readUInt32BE(4) === 0x0d0a1a0a) return 'png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg';
  if (data.length >= 6 && /^GIF8[79]a$/.test(data.subarray(0, 6).toString('latin1'))) return 'gif';
  if (data.length >= 26 && data[0] === 0x42 && data[1] === 0x4d) return 'bmp';
  return null;
}

/** The image's own size at 96 dpi, when the document does not say how it is placed. */
export function pixelSize(data: Buffer, type: StyleTemplateLogoType): { width: number; height: number } | null {
  let px: { w: number; h: number } | null = null;
  if (type === 'png' && data.length >= 24) px = { w: data.readUInt32BE(16), h: data.readUInt32BE(20) };
  if (type === 'gif' && data.length >= 10) px = { w: data.readUInt16LE(6), h: data.readUInt16LE(8) };
  if (type === 'bmp') px = { w: Math.abs(data.readInt32LE(18)), h: Math.abs(data.readInt32LE(22)) };
  if (type === 'jpg') {
    for (let at = 2; at + 9 < data.length; ) {
      if (data[at] !== 0xff) break;
      const marker = data[at + 1]!;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        px = { w: data.readUInt16BE(at + 7), h: data.readUInt16BE(at + 5) };
        break;
      }
      at += 2 + data.readUInt16BE(at + 2);
    }
  }
  return px ? positive(String(px.w * 9_525), String(px.h * 9_525)) : null;
}

