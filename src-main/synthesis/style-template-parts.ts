/** The parts of a Word package: relationships, paths, text encodings. */
import type JSZip from 'jszip';
import { parseAttributes } from './style-template-xml.ts';

export function entryData(entry: JSZip.JSZipObject): { uncompressedSize: number; crc32?: number } | null {
  const data = (entry as unknown as { _data?: { uncompressedSize?: unknown; crc32?: unknown } })._data;
  if (typeof data?.uncompressedSize !== 'number') return null;
  return typeof data.crc32 === 'number' ? { uncompressedSize: data.uncompressedSize, crc32: data.crc32 } : { uncompressedSize: data.uncompressedSize };
}

/** XML bytes as text: UTF-8 (with or without BOM) or UTF-16 with its BOM. */
export function decodeXml(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return data.subarray(2).toString('utf16le');
  if (data[0] === 0xfe && data[1] === 0xff) {
    const swapped = Buffer.from(data.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const text = data.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface Relationship {
  id: string;
  type: string;
  /** The target's path inside the package (resolved), or the raw target when external. */
  target: string;
  external: boolean;
}

export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

export function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  const base = sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1);
  return [...xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)].flatMap((match) => {
    const attributes = parseAttributes(match[1] ?? '');
    const id = attributes.get('Id');
    const target = attributes.get('Target');
    if (!id || !target) return [];
    const external = attributes.get('TargetMode') === 'External';
    return [{ id, type: attributes.get('Type') ?? '', target: external ? target : resolvePartPath(base, target), external }];
  });
}

/** "media/image1.png" from "word/" → "word/media/image1.png"; "/word/x" → "word/x"; "../x" climbs. */
export function resolvePartPath(base: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : base + target;
  const segments: string[] = [];
  for (const segment of raw.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.map((s) => safeDecode(s)).join('/');
}

export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** What the zip is, when it is not a Word document. */
export function otherKindOfPackage(zip: JSZip): string {
  if (zip.file('xl/workbook.xml')) return 'c’est un classeur Excel, pas un document Word.';
  if (zip.file('ppt/presentation.xml')) return 'c’est une présentation PowerPoint, pas un document Word.';
  if (zip.file('content.xml') && zip.file('mimetype')) return 'c’est un document OpenDocument (LibreOffice, .odt), pas un document Word (.docx).';
  return 'c’est une archive zip, mais elle ne contient pas de document Word (partie word/document.xml absente).';
}

