/**
 * What the Bilan's chart shows, whatever draws it: the SVG (chart.ts, the preview and Word's picture)
 * and Word's own editable chart (word/chart-part.ts). One source, so both say the same figures.
 */
import type { Bilan } from '../contract/schemas/reports.ts';
import { cleanForXml } from '../text/clean.ts';
import { frenchNumber } from '../text/french.ts';

export interface ChartRow { name: string; participants: number; bassin: number; second: number }

export interface ChartSeries {
  name: string;
  /** The left scale (participants) or the right one (meetings). */
  axis: 'left' | 'right';
  /** RGB, DSFR colours. */
  color: string;
  values: number[];
}

export interface BilanChartData {
  title: string;
  /** « Région académique Nouvelle-Aquitaine », « Académie de Limoges », « Vienne (86) ». */
  scopeLabel: string;
  /** « Académie », « Département ». */
  categoryTitle: string;
  rows: ChartRow[];
  /** A consultation held only in établissements (2015) charts those meetings and their participants. */
  inEtablissements: boolean;
  series: ChartSeries[];
  /** Every figure in words: the chart's text alternative. */
  description: string;
}

export const CHART_TITLE = 'Participants et rencontres par académie';
export const COLORS = { participants: '000091', bassin: '6A6AF4', second: 'C1C1FB' } as const; // Bleu France and lighter blues

export function bilanChartData(bilan: Bilan): BilanChartData {
  const inEtablissements = bilan.totals.bassinMeetings + bilan.totals.secondLevelMeetings === 0 && bilan.totals.etablissementMeetings > 0;
  const rows: ChartRow[] = bilan.rows.map((r) => ({
    name: cleanForXml(r.name).trim() || r.code,
    participants: count(inEtablissements ? r.etablissementParticipants : r.participants),
    bassin: count(inEtablissements ? r.etablissementMeetings : r.bassinMeetings),
    second: inEtablissements ? 0 : count(r.secondLevelMeetings),
  }));
  const byDepartement = bilan.rowKind === 'departement';
  // The national Bilan is drawn région by région (byRegionBilan).
  const title = byDepartement ? 'Participants et rencontres par département' : bilan.regions ? 'Participants et rencontres par région académique' : CHART_TITLE;
  const kinds = [...new Set(bilan.rows.flatMap((r) => r.bassinKinds))];
  const series: ChartSeries[] = inEtablissements
    ? [
        { name: 'Participants aux rencontres en établissement', axis: 'left', color: COLORS.participants, values: rows.map((r) => r.participants) },
        { name: 'Rencontres en établissement', axis: 'right', color: COLORS.bassin, values: rows.map((r) => r.bassin) },
      ]
    : [
        { name: 'Participants aux concertations de second niveau', axis: 'left', color: COLORS.participants, values: rows.map((r) => r.participants) },
        { name: `Rencontres de bassin${kinds.length > 0 ? ` (${kinds.join(' / ')})` : ''}`, axis: 'right', color: COLORS.bassin, values: rows.map((r) => r.bassin) },
        { name: 'Concertations de second niveau', axis: 'right', color: COLORS.second, values: rows.map((r) => r.second) },
      ];
  const description = rows
    .map((r) =>
      inEtablissements
        ? `${r.name} : ${plural(r.participants, 'participant')}, ${plural(r.bassin, 'rencontre')} en établissement`
        : `${r.name} : ${plural(r.participants, 'participant')}, ${plural(r.bassin, 'rencontre')} de bassin, ${plural(r.second, 'concertation')} de second niveau`,
    )
    .join(' ; ');
  return {
    title, scopeLabel: scopeLabel(bilan), categoryTitle: byDepartement ? 'Département' : bilan.regions ? 'Région académique' : 'Académie',
    rows, inEtablissements, series, description,
  };
}

/** "Région académique Nouvelle-Aquitaine", "Académie d’Orléans-Tours", "Gironde (33)". */
function scopeLabel(bilan: Bilan): string {
  const name = cleanForXml(bilan.scope.name).trim();
  if (bilan.scope.kind === 'departement') return name ? `${name} (${cleanForXml(bilan.scope.code)})` : '';
  if (bilan.scope.kind === 'academie') return name ? `Académie ${/^[aeiouyh]/i.test(name.normalize('NFD')) ? 'd’' : 'de '}${name}` : '';
  if (bilan.scope.kind === 'national') return name;
  const region = cleanForXml(bilan.regionName).trim();
  return region ? `Région académique ${region}` : '';
}

/** French plural: 0 and 1 are singular. */
const plural = (value: number, word: string): string => `${frenchNumber(value)} ${word}${value >= 2 ? 's' : ''}`;
const count = (value: number): number => (Number.isFinite(value) ? Math.max(0, Math.round(value)) : 0);
