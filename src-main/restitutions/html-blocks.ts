/**
 * mammoth's HTML cut into blocks: each paragraph, heading, list item and table cell a block of its own,
 * headings (h1–h6) flagged. mammoth writes a small, regular HTML (no attributes but href, id, src, alt;
 * &amp; &lt; &gt; &quot; escaped), so a tag scanner is enough; nothing here is ever rendered.
 */
import type { Block } from './passages.ts';

/** Elements whose start or end ends the block being read. */
const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'table', 'tr', 'td', 'th', 'blockquote', 'pre', 'div', 'dl', 'dt', 'dd']);
const HEADING = /^h[1-6]$/;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|<!--[\s\S]*?-->/g;

export function decodeHtml(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos|nbsp));/g, (whole, hex?: string, dec?: string, named?: string) => {
    if (hex || dec) {
      const code = Number.parseInt(hex ?? dec!, hex ? 16 : 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' }[named as 'amp'];
  });
}

export function htmlBlocks(html: string): Block[] {
  // A footnote's way back to its call (« ↑ ») is a link, not text of the restitution.
  const source = html.replace(/<a href="#footnote-ref-[^"]*">[^<]*<\/a>|<a href="#endnote-ref-[^"]*">[^<]*<\/a>/g, '');
  const blocks: Block[] = [];
  let text = '';
  let headingDepth = 0;
  let at = 0;
  const flush = () => {
    if (text.trim() !== '') blocks.push({ text: decodeHtml(text), heading: headingDepth > 0 });
    text = '';
  };
  for (const match of source.matchAll(TAG)) {
    text += source.slice(at, match.index);
    at = match.index + match[0].length;
    const name = match[2]?.toLowerCase();
    if (!name) continue; // a comment
    if (name === 'br') text += ' ';
    else if (BLOCK.has(name)) {
      flush();
      if (HEADING.test(name)) headingDepth = Math.max(0, headingDepth + (match[1] ? -1 : 1));
    }
  }
  text += source.slice(at);
  flush();
  return blocks;
}
