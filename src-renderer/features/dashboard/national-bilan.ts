/**
 * The national Bilan as the dashboard shows it: région académique by région académique, each with its
 * totals then its académies (as the national restitution of 2015 reported the country).
 */
import type { Bilan } from '../../../src-main/contract/schemas/reports.ts';

type Row = Bilan['rows'][number];

export interface RegionGroup {
  code: string;
  name: string;
  totals: Bilan['totals'];
  academies: Row[];
}

/** The régions of a national Bilan with their académies' rows, in the Bilan's order; none for another scope. */
export function regionGroups(bilan: Bilan): RegionGroup[] {
  if (!bilan.regions) return [];
  const rows = new Map(bilan.rows.map((r) => [r.code, r]));
  return bilan.regions.map((r) => ({
    code: r.code,
    name: r.name,
    totals: r.totals,
    academies: r.academies.map((code) => rows.get(code)).filter((row): row is Row => row !== undefined),
  }));
}

/** One row per région académique for the chart: thirty académies side by side would be unreadable. */
export function chartRows(bilan: Bilan): { key: string; name: string; participants: number; meetings: number }[] {
  const figures = (key: string, name: string, f: Bilan['totals']) => ({
    key,
    name,
    participants: f.participants + f.etablissementParticipants,
    meetings: f.bassinMeetings + f.secondLevelMeetings + f.etablissementMeetings,
  });
  return bilan.regions
    ? regionGroups(bilan).map((g) => figures(g.code, g.name, g.totals))
    : bilan.rows.map((r) => figures(r.code || 'academie-wide', r.name, r));
}
