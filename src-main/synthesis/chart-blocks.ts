/** The Bilan chart as a document block: SVG for Word and the preview (Word's PNG is drawn by render-docx.ts). */
import type { Bilan } from '../contract/schemas/reports.ts';
import { bilanChartSvg } from './chart.ts';
import { bilanChartData } from './chart-data.ts';
import type { Block } from './model.ts';
import { byRegionBilan } from './national-blocks.ts';

/** 16 cm at 96 dpi: the text width of an A4 page with 2.5 cm margins. */
const WIDTH_PX = 605;
const HEIGHT_PX = 360;

export function chartBlocks(whole: Bilan): Block[] {
  // The country's chart has a bar per région académique, not 30 académies.
  const bilan = byRegionBilan(whole);
  if (bilan.rows.length === 0) return [];
  const svg = bilanChartSvg(bilan, { width: WIDTH_PX, height: HEIGHT_PX });
  const chart = bilanChartData(bilan);
  return [
    {
      kind: 'image',
      // The chart's own title and scope (« Académie de Poitiers », « Vienne (86) »), as the chart says them.
      caption: chart.scopeLabel ? `${chart.title} — ${chart.scopeLabel}` : chart.title,
      svg,
      widthPx: WIDTH_PX,
      heightPx: HEIGHT_PX,
      chart,
    },
  ];
}
