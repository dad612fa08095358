/** Aggregates behind the Bilan des rencontres: one grouped query, whatever the catalogue's size. */
import type { Catalogue } from '../database.ts';

export interface AcademieFiguresRow {
  academie_code: string;
  bassin_meetings: number;
  second_level_meetings: number;
  departements: number;
  participants: number;
  with_declared: number;
  by_categories: number;
  without_figure: number;
  academique_meetings: number;
}

const SECOND_LEVEL = `m.level IN ('departemental', 'academique')`;

export function academieFigures(db: Catalogue, campaignId: number, regionCode: string): AcademieFiguresRow[] {
  return db
    .prepare(
      `SELECT m.academie_code,
         sum(m.level = 'bassin') AS bassin_meetings,
         sum(${SECOND_LEVEL}) AS second_level_meetings,
         count(DISTINCT CASE WHEN m.level = 'departemental' THEN m.departement_code END) AS departements,
         coalesce(sum(CASE WHEN ${SECOND_LEVEL} THEN coalesce(m.declared_total, a.total, 0) END), 0) AS participants,
         sum(${SECOND_LEVEL} AND m.declared_total IS NOT NULL) AS with_declared,
         sum(${SECOND_LEVEL} AND m.declared_total IS NULL AND a.total IS NOT NULL) AS by_categories,
         sum(${SECOND_LEVEL} AND m.declared_total IS NULL AND a.total IS NULL) AS without_figure,
         sum(m.level = 'academique') AS academique_meetings
       FROM meeting m
       LEFT JOIN (SELECT meeting_id, sum(count) AS total FROM attendance GROUP BY meeting_id) a ON a.meeting_id = m.id
       WHERE m.campaign_id = ? AND m.region_code = ? AND m.academie_code IS NOT NULL
       GROUP BY m.academie_code`,
    )
    .all(campaignId, regionCode) as AcademieFiguresRow[];
}

export function bassinKindsByAcademie(db: Catalogue, campaignId: number, regionCode: string): Map<string, string[]> {
  const rows = db
    .prepare(
      `SELECT DISTINCT m.academie_code, b.kind FROM meeting m JOIN bassin b ON b.id = m.bassin_id
       WHERE m.campaign_id = ? AND m.region_code = ? AND m.level = 'bassin' ORDER BY b.kind`,
    )
    .all(campaignId, regionCode) as { academie_code: string; kind: string }[];
  const kinds = new Map<string, string[]>();
  for (const row of rows) kinds.set(row.academie_code, [...(kinds.get(row.academie_code) ?? []), row.kind]);
  return kinds;
}

export function secondLevelDates(db: Catalogue, campaignId: number, regionCode: string): string[] {
  return db
    .prepare(
      `SELECT DISTINCT date FROM meeting m WHERE campaign_id = ? AND region_code = ? AND ${SECOND_LEVEL} ORDER BY date`,
    )
    .pluck()
    .all(campaignId, regionCode) as string[];
}

export function academiesOfRegion(db: Catalogue, regionCode: string): { code: string; nom: string }[] {
  return db.prepare('SELECT code, nom FROM academie WHERE region_code = ? ORDER BY nom').all(regionCode) as {
    code: string;
    nom: string;
  }[];
}
