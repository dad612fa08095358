/** XML, the little the style template needs of it (Word's parts are machine-written). */
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

