/**
 * The national Bilan as tables: one row per région académique with the country's total, then every
 * académie under its région with the région's subtotal (the restitution of 2015, seed 002, reported the
 * country's figures; the régions' syntheses, their académies').
 */
import type { Bilan, BilanRegion } from '../contract/schemas/reports.ts';
import { frenchNumber as n } from '../text/french.ts';
import { datesLabel, regionalSentence, sourceNote, totalSentence } from './bilan-blocks.ts';
import { type Block, paragraph, text } from './model.ts';

type Figures = Bilan['totals'];

export function nationalBilanBlocks(bilan: Bilan): Block[] {
  const regions = bilan.regions ?? [];
  const etab = bilan.totals.etablissementMeetings > 0;
  const figures = (f: Figures) => [
    n(f.bassinMeetings), n(f.secondLevelMeetings), n(f.participants),
    ...(etab ? [n(f.etablissementMeetings), n(f.etablissementParticipants)] : []),
  ];
  const heads = ['Rencontres de bassin', 'Concertations de second niveau', 'Participants (second niveau)', ...(etab ? ['Rencontres en établissement', 'Participants (établissements)'] : [])];
  const day = datesLabel(bilan.secondLevelDates);
  const rowsOf = new Map(bilan.rows.map((r) => [r.code, r]));
  return [
    {
      kind: 'table',
      caption: `Bilan des rencontres par région académique${day ? ` (second niveau : ${day})` : ''}`,
      header: ['Région académique', 'Académies', ...heads],
      rows: regions.map((r) => [r.name, n(r.academies.length), ...figures(r.totals)]),
      total: ['France entière', n(bilan.rows.length), ...figures(bilan.totals)],
    },
    {
      kind: 'table',
      caption: 'Bilan des rencontres par académie, région académique par région académique',
      header: ['Région académique', 'Académie', ...heads],
      rows: regions.flatMap((region) => [
        ...region.academies.map((code, i) => [i === 0 ? region.name : '', rowsOf.get(code)!.name, ...figures(rowsOf.get(code)!)]),
        [subtotalLabel(region), '', ...figures(region.totals)],
      ]),
      total: ['France entière', '', ...figures(bilan.totals)],
    },
    totalSentence(bilan),
    ...regionalSentence(bilan),
    ...(bilan.totals.secondLevelMeetings > 0 ? [paragraph([text(sourceNote(bilan))], 'note')] : []),
  ];
}

function subtotalLabel(region: BilanRegion): string {
  return `Total ${region.name}`;
}

/** The national Bilan with one row per région académique: what its chart draws (30 académies would crowd it). */
export function byRegionBilan(bilan: Bilan): Bilan {
  if (!bilan.regions) return bilan;
  return {
    ...bilan,
    rows: bilan.regions.map((r) => ({ ...r.totals, code: r.code, name: r.name, bassinKinds: [], academiqueLevel: false })),
  };
}
