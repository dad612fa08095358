/**
 * Text for the SVG charts: escaping, and widths measured with DejaVu Sans' advance widths (the font the PNG is
 * drawn with, chart-png.ts), so that labels are placed, wrapped or shrunk before they can overlap.
 */
import { cleanForXml } from '../text/clean.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Safe for both element content and attribute values; also drops characters XML forbids. */
export function escapeXml(value: string): string {
  return cleanForXml(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Width in px, from DejaVu Sans' advance widths rounded up by class of character; bold is about 10 % wider. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const c of text) {
    if (c === '\u202F') em += 0.2;
    else if (c === ' ' || c === '\u00A0') em += 0.318;
    else if (/[iljIJ.,:;'|!îïÎÏ]/.test(c)) em += 0.3;
    else if (/[-()/[\]"ftr’]/.test(c)) em += 0.41;
    else if (/[mwMWœŒ%@&]/.test(c)) em += 1;
    else if (/[\p{Lu}<>=+#~]/u.test(c)) em += 0.76;
    else em += 0.625;
  }
  return em * size * (bold ? 1.1 : 1);
}

/** The largest size, by half pixels between `min` and `max`, at which `text` fits in `room`. */
export function fitSize(text: string, room: number, max: number, min: number, bold = false): number {
  const width = textWidth(text, 1, bold);
  return width === 0 ? max : Math.max(min, Math.min(max, Math.floor((room / width) * 2) / 2));
}

/**
 * Names under their bars: one size for all, the largest from 14 px down to 8 px at which each fits in one
 * or two lines — or in three, rather than going under 11 px (8 pt once placed: a pixel is 0.75 pt), as the
 * Limoges académie's « Concertation académique de Limoges (toute l’académie) » row once made it do.
 */
export function nameLayout(names: string[], room: number): { size: number; lines: string[][] } {
  for (let size = 14; size >= 8; size -= 0.5) {
    const fits = (lines: string[][]) => lines.every((l) => l.every((line) => textWidth(line, size) <= room));
    const lines = names.map((name) => (textWidth(name, size) <= room ? [name] : splitName(name)));
    if (fits(lines)) return { size, lines };
    if (size < LEGIBLE_PX) continue;
    const three = names.map((name, i) => (lines[i]!.every((line) => textWidth(line, size) <= room) ? lines[i]! : threeLines(name, size, room)));
    if (fits(three)) return { size, lines: three };
  }
  return { size: 8, lines: names.map((name) => splitName(name).map((line) => ellipsize(line, 8, room))) };
}

/** 8 pt once the chart is placed at its size in the document. */
const LEGIBLE_PX = 11;

/** Up to three lines, filled in order, broken after a hyphen or at a space. */
function threeLines(name: string, size: number, room: number): string[] {
  const lines: string[] = [];
  for (const word of name.split(/(?<=-)|(?<= )/)) {
    const last = lines.length - 1;
    if (last >= 0 && textWidth((lines[last]! + word).trim(), size) <= room) lines[last] = lines[last]! + word;
    else lines.push(word);
  }
  return lines.length <= 3 ? lines.map((line) => line.trim()) : [name];
}

/** Two lines as even as possible, broken after a hyphen or at a space ("Clermont-" / "Ferrand"); else one. */
function splitName(name: string): string[] {
  let best: string[] = [name];
  let bestWidth = Infinity;
  for (let i = 1; i < name.length - 1; i++) {
    const parts = name[i] === ' ' ? [name.slice(0, i), name.slice(i + 1)] : name[i - 1] === '-' ? [name.slice(0, i), name.slice(i)] : null;
    if (!parts) continue;
    const width = Math.max(...parts.map((part) => textWidth(part, 1)));
    if (width < bestWidth) [best, bestWidth] = [parts, width];
  }
  return best;
}

function ellipsize(line: string, size: number, room: number): string {
  if (textWidth(line, size) <= room) return line;
  const chars = [...line];
  let keep = chars.length - 1;
  while (keep > 1 && textWidth(`${chars.slice(0, keep).join('')}…`, size) > room) keep--;
  return `${chars.slice(0, keep).join('')}…`;
}

export interface LabelStyle {
  size: number;
  fill: string;
  bold?: boolean;
  italic?: boolean;
  anchor?: 'start' | 'middle' | 'end';
  /** Degrees around (x, y); -90 reads from bottom to top. */
  rotate?: number;
}

export function label(x: number, y: number, content: string, s: LabelStyle): string {
  const attrs = [`x="${f(x)}"`, `y="${f(y)}"`, `font-size="${f(s.size)}"`, `fill="${s.fill}"`];
  if (s.anchor && s.anchor !== 'start') attrs.push(`text-anchor="${s.anchor}"`);
  if (s.bold) attrs.push('font-weight="bold"');
  if (s.italic) attrs.push('font-style="italic"');
  if (s.rotate) attrs.push(`transform="rotate(${s.rotate} ${f(x)} ${f(y)})"`);
  return `<text ${attrs.join(' ')}>${escapeXml(content)}</text>`;
}

/** Coordinates with one decimal: short, and the same string on every platform (no "-0", no exponent). */
export const f = (value: number): string => String(Math.round(value * 10) / 10 || 0);
