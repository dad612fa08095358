/**
 * The Bilan des rencontres as a grouped bar chart (standalone SVG): per académie (or département), the
 * participants of the second-level concertations (left scale, Bleu France) beside the bassin meetings and the
 * second-level concertations (right scale, lighter blues). Every bar carries its value; the legend says which
 * scale each series is read on. Pure and deterministic: the same Bilan gives the same string.
 * Rasterised to PNG with the shipped fonts by chart-png.ts.
 */
import type { Bilan } from '../contract/schemas/reports.ts';
import { frenchNumber } from '../text/french.ts';
import { bilanChartData, COLORS } from './chart-data.ts';
import { escapeXml, f, fitSize, label, nameLayout, textWidth } from './chart-text.ts';

export { svgToPng } from './chart-png.ts';

export { CHART_TITLE } from './chart-data.ts';
export const CHART_FONT_FAMILY = 'DejaVu Sans, Arial, sans-serif';

// Colours of the Système de design de l'État (DSFR).
const PARTICIPANTS = `#${COLORS.participants}`; // Bleu France
const BASSIN = `#${COLORS.bassin}`; // blue-france-main-525
const SECOND = `#${COLORS.second}`;
const INK = '#161616';
const MUTED = '#3A3A3A';
const GRID = '#E5E5E5';
const BASELINE = '#666666';
const PAD = 16;

export function bilanChartSvg(bilan: Bilan, options: { width?: number; height?: number } = {}): string {
  const W = dimension(options.width, 720, 360);
  const H = dimension(options.height, 460, 280);
  const data = bilanChartData(bilan);
  const { rows, inEtablissements } = data;
  const n = rows.length;
  const byDepartement = bilan.rowKind === 'departement';
  const out: string[] = [];

  // Title and scope.
  const { title } = data;
  const titleSize = fitSize(title, W - 2 * PAD, 19, 10, true);
  let y = PAD + titleSize;
  out.push(label(PAD, y, title, { size: titleSize, bold: true, fill: INK }));
  const where = data.scopeLabel;
  if (where) {
    y += 20;
    out.push(label(PAD, y, where, { size: fitSize(where, W - 2 * PAD, 13, 8), fill: MUTED }));
  }

  // Legend, one line per scale; items wrap under each other when the line is too short.
  const legend = (['left', 'right'] as const).map((axis) => ({
    scale: axis === 'left' ? 'Échelle de gauche :' : 'Échelle de droite :',
    items: data.series.filter((s) => s.axis === axis).map((s) => ({ text: s.name, fill: `#${s.color}` })),
  }));
  const widestOf = (texts: string[], size: number, bold = false) => Math.max(0, ...texts.map((t) => textWidth(t, size, bold)));
  // Each scale on one line if 11 px (8 pt once placed) or more allows it; else items wrap, at the size that fits the widest.
  const prefix = widestOf(legend.map((l) => l.scale), 1);
  const oneLine = (W - 2 * PAD - 10) / (prefix + Math.max(...legend.map((l) => l.items.reduce((sum, i) => sum + 1.45 + textWidth(i.text, 1) + 1.6, -1.6))));
  const wrapped = (W - 2 * PAD - 10) / (prefix + 1.45 + widestOf(legend.flatMap((l) => l.items.map((i) => i.text)), 1));
  const legendSize = Math.max(8, Math.min(13, Math.floor((oneLine >= 11 ? oneLine : wrapped) * 2) / 2));
  const indent = PAD + widestOf(legend.map((l) => l.scale), legendSize) + 10;
  y += 8;
  for (const line of legend) {
    y += legendSize + 9;
    out.push(label(PAD, y, line.scale, { size: legendSize, fill: MUTED }));
    let x = indent;
    for (const item of line.items) {
      const itemWidth = legendSize * 1.45 + textWidth(item.text, legendSize);
      if (x > indent && x + itemWidth > W - PAD) [x, y] = [indent, y + legendSize + 7];
      out.push(`<rect x="${f(x)}" y="${f(y - legendSize * 0.85)}" width="${f(legendSize)}" height="${f(legendSize)}" fill="${item.fill}"${item.fill === SECOND ? ` stroke="${BASSIN}" stroke-width="0.75"` : ''}/>`);
      out.push(label(x + legendSize * 1.45, y, item.text, { size: legendSize, fill: INK }));
      x += itemWidth + legendSize * 1.6;
    }
  }

  // Scales: the same number of intervals on both sides, so that one grid serves both.
  const scale = scales(Math.max(0, ...rows.map((r) => r.participants)), Math.max(0, ...rows.flatMap((r) => [r.bassin, r.second])));
  const tickSize = W < 560 ? 11 : 13;
  const ticks = (step: number) => Array.from({ length: scale.intervals + 1 }, (_, i) => frenchNumber(i * step));
  const [leftTicks, rightTicks] = [ticks(scale.left), ticks(scale.right)];
  const plotLeft = PAD + 26 + widestOf(leftTicks, tickSize) + 8;
  const plotRight = W - (PAD + 26 + widestOf(rightTicks, tickSize) + 8);
  const group = (plotRight - plotLeft) / Math.max(n, 1);

  // Bars in each group: participants, a wider gap, then the meeting bars side by side (one in établissements).
  const inner = Math.min(group * 0.76, 168);
  const widths = inEtablissements ? [inner * 0.46, inner * 0.46] : [inner * 0.42, inner * 0.235, inner * 0.235];
  const gaps = [inner * 0.08, inner * 0.03];
  // Values over the bars: per series, the largest size at which each fits over its bar without touching the next;
  // written upwards when even 9 px is too wide.
  const seriesValues = [rows.map((r) => r.participants), rows.flatMap((r) => (inEtablissements ? [r.bassin] : [r.bassin, r.second]))];
  const values = seriesValues.map((vs, s) => {
    const room = widths[s]! + gaps[s]! * 0.9;
    const size = Math.min(13, ...vs.map((v) => fitSize(frenchNumber(v), room, 13, 1, s === 0)));
    const upright = size >= 9;
    const rotatedSize = Math.max(7, Math.min(11, Math.floor(room * 0.9 * 2) / 2));
    return { size: upright ? size : rotatedSize, upright, length: upright ? size : widestOf(vs.map(frenchNumber), rotatedSize, s === 0) };
  });
  const plotTop = y + 10 + Math.max(...values.map((v) => v.length + 8));

  // Names under their groups: one line, else wrapped at a hyphen or a space, shrunk when needed.
  const names = nameLayout(rows.map((r) => r.name), group * 0.94);
  const nameBlock = n > 0 ? Math.max(...names.lines.map((l) => l.length)) * names.size * 1.2 : 14;
  const plotBottom = H - PAD - 24 - nameBlock - 8;
  const plotHeight = plotBottom - plotTop;

  // Grid, ticks, axis titles.
  for (let i = 0; i <= scale.intervals; i++) {
    const gy = plotBottom - (plotHeight * i) / scale.intervals;
    if (i > 0) out.push(`<line x1="${f(plotLeft)}" y1="${f(gy)}" x2="${f(plotRight)}" y2="${f(gy)}" stroke="${GRID}" stroke-width="1"/>`);
    out.push(label(plotLeft - 8, gy + tickSize * 0.35, leftTicks[i]!, { size: tickSize, anchor: 'end', fill: MUTED }));
    out.push(label(plotRight + 8, gy + tickSize * 0.35, rightTicks[i]!, { size: tickSize, fill: MUTED }));
  }
  const middle = (plotTop + plotBottom) / 2;
  const axisSize = Math.min(...['Participants', 'Nombre de rencontres'].map((t) => fitSize(t, plotHeight, 13, 11, true)));
  const axisTitle = (x: number, text: string, fill: string) => label(x, middle, text, { size: axisSize, bold: true, fill, anchor: 'middle', rotate: -90 });
  out.push(axisTitle(PAD + 12, 'Participants', PARTICIPANTS), axisTitle(W - PAD, 'Nombre de rencontres', BASSIN));
  out.push(label((plotLeft + plotRight) / 2, H - PAD, byDepartement ? 'Département' : 'Académie', { size: 13, fill: MUTED, anchor: 'middle' }));

  rows.forEach((row, i) => {
    let bx = plotLeft + i * group + (group - inner) / 2;
    const bars = [
      { value: row.participants, top: scale.left * scale.intervals, fill: PARTICIPANTS, text: INK },
      { value: row.bassin, top: scale.right * scale.intervals, fill: BASSIN, text: MUTED },
      ...(inEtablissements ? [] : [{ value: row.second, top: scale.right * scale.intervals, fill: SECOND, text: MUTED }]),
    ];
    bars.forEach((bar, k) => {
      const w = widths[k]!;
      const h = bar.value > 0 ? Math.max(1.5, (plotHeight * bar.value) / bar.top) : 0;
      if (h > 0) {
        const stroke = bar.fill === SECOND ? ` stroke="${BASSIN}" stroke-width="0.75"` : '';
        out.push(`<rect x="${f(bx)}" y="${f(plotBottom - h)}" width="${f(w)}" height="${f(h)}" fill="${bar.fill}"${stroke}/>`);
      }
      const v = values[k === 0 ? 0 : 1]!;
      const style = { size: v.size, bold: k === 0, fill: bar.text };
      out.push(
        v.upright
          ? label(bx + w / 2, plotBottom - h - 5, frenchNumber(bar.value), { ...style, anchor: 'middle' })
          : label(bx + w / 2 + v.size * 0.35, plotBottom - h - 4, frenchNumber(bar.value), { ...style, rotate: -90 }),
      );
      bx += w + (gaps[k] ?? 0);
    });
    names.lines[i]!.forEach((line, l) => {
      out.push(label(plotLeft + (i + 0.5) * group, plotBottom + 8 + names.size * (1 + 1.2 * l), line, { size: names.size, fill: INK, anchor: 'middle' }));
    });
  });
  out.push(`<line x1="${f(plotLeft)}" y1="${f(plotBottom)}" x2="${f(plotRight)}" y2="${f(plotBottom)}" stroke="${BASELINE}" stroke-width="1.25"/>`);
  const none = rows.every((r) => !r.participants && !r.bassin && !r.second);
  const empty = n === 0 ? `Aucun${byDepartement ? ' département' : 'e académie'} dans ce bilan` : none ? 'Aucune rencontre enregistrée' : '';
  if (empty) out.push(label((plotLeft + plotRight) / 2, middle, empty, { size: 14, fill: MUTED, anchor: 'middle', italic: true }));

  const { description } = data;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${CHART_FONT_FAMILY}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<desc>${escapeXml(description || empty)}</desc>`,
    `<rect width="${W}" height="${H}" fill="#FFFFFF"/>`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}

/** Both scales with k intervals, k (3 to 7) chosen so that the bars use as much of the height as possible. */
function scales(maxLeft: number, maxRight: number): { intervals: number; left: number; right: number } {
  let best = { intervals: 5, left: 1, right: 1, fill: -1 };
  for (const k of [5, 4, 6, 3, 7]) {
    const left = niceStep(maxLeft / k);
    const right = niceStep(maxRight / k);
    const fill = maxLeft / (left * k) + maxRight / (right * k);
    if (fill > best.fill + 1e-9) best = { intervals: k, left, right, fill };
  }
  return best;
}

/** The smallest whole step of 1, 2, 2.5 or 5 × 10ⁿ that is at least `raw`: ticks are whole numbers. */
function niceStep(raw: number): number {
  if (!(raw > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5]) {
    const step = m * magnitude;
    if (Number.isInteger(step) && step >= raw) return step;
  }
  return 10 * magnitude;
}

const dimension = (value: number | undefined, fallback: number, min: number): number =>
  value !== undefined && Number.isFinite(value) ? Math.min(4000, Math.max(min, Math.round(value))) : fallback;
