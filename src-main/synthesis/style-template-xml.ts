/** XML, the little the style template needs of it (Word's parts are machine-written). */
import { SaxesParser } from 'saxes';
import { cleanForXml } from '../text/clean.ts';

export function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes.set(match[1]!, decodeEntities(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}

export function decodeEntities(value: string): string {
  return value.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (whole, hex?: string, dec?: string, named?: string) => {
    if (hex) return safeCodePoint(parseInt(hex, 16), whole);
    if (dec) return safeCodePoint(parseInt(dec, 10), whole);
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named as 'amp'];
  });
}

export function safeCodePoint(code: number, fallback: string): string {
  try {
    return String.fromCodePoint(code);
  } catch {
    return fallback;
  }
}

export const escapeAttribute = (value: string) =>
  cleanForXml(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Rewrites one start tag's attributes, keeping its name, their order and its self-closing slash. */
export function rewriteTag(tag: string, edit: (attributes: Map<string, string>) => void): string {
  const head = /^<([\w.:-]+)/.exec(tag)!;
  const selfClosing = /\/\s*>$/.test(tag);
  const attributes = parseAttributes(tag.slice(head[0].length, selfClosing ? tag.lastIndexOf('/') : -1));
  edit(attributes);
  const serialised = [...attributes].map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`).join('');
  return `<${head[1]}${serialised}${selfClosing ? '/>' : '>'}`;
}


/**
 * A part that will be written back into every generated document must be well-formed XML: else Word
 * refuses each synthesis made with it. No DTD either: Word never writes one, and its entities can
 * expand a few bytes into gigabytes. Returns the line of the first fault, or null.
 */
export function xmlFault(xml: string): { line: number; reason: 'dtd' | 'malformed' } | null {
  const doctype = /<!DOCTYPE/i.exec(xml);
  if (doctype) return { line: xml.slice(0, doctype.index).split('\n').length, reason: 'dtd' };
  const parser = new SaxesParser({ xmlns: false });
  let fault: { line: number; reason: 'malformed' } | null = null;
  parser.on('error', () => {
    fault ??= { line: parser.line, reason: 'malformed' };
  });
  try {
    parser.write(xml).close();
  } catch {
    fault ??= { line: parser.line, reason: 'malformed' };
  }
  return fault;
}
