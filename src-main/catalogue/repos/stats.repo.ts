/** Aggregates behind the Bilan des rencontres: one grouped query, whatever the catalogue's size. */
import type { Catalogue } from '../database.ts';

export interface FiguresRow {
  row_key: string;
  bassin_meetings: number;
  second_level_meetings: number;
  departements: number;
  participants: number;
  with_declared: number;
  by_categories: number;
  without_figure: number;
  academique_meetings: number;
  etablissement_meetings: number;
  etablissement_participants: number;
}

/**
 * Which meetings a Bilan covers, and what one row stands for: académies of a région, or
 * départements of an académie (the académie-wide meetings forming a row of their own, key '').
 */
export interface StatsScope {
  filterColumn: 'region_code' | 'academie_code' | 'departement_code';
  filterValue: string;
  rowColumn: 'academie_code' | 'departement_code';
  /**
   * A département's scope: its académie, whose académie-wide concertations (Limoges in 2020, one for
   * the three départements) were the département's second level too.
   */
  academieWide?: string;
}

/** The scope's meetings (alias m) as SQL, with its parameters in order. */
export function scopeFilter(scope: StatsScope): { sql: string; params: string[] } {
  const own = `m.${scope.filterColumn} = ?`;
  if (!scope.academieWide) return { sql: own, params: [scope.filterValue] };
  return {
    sql: `(${own} OR (m.departement_code IS NULL AND m.level = 'academique' AND m.academie_code = ?))`,
    params: [scope.filterValue, scope.academieWide],
  };
}

const SECOND_LEVEL = `m.level IN ('departemental', 'academique')`;

export function figuresByRow(db: Catalogue, campaignId: number, scope: StatsScope): FiguresRow[] {
  const f = scopeFilter(scope);
  return db
    .prepare(
      `SELECT coalesce(m.${scope.rowColumn}, '') AS row_key,
         sum(m.level = 'bassin') AS bassin_meetings,
         sum(${SECOND_LEVEL}) AS second_level_meetings,
         count(DISTINCT CASE WHEN m.level = 'departemental' THEN m.departement_code END) AS departements,
         coalesce(sum(CASE WHEN ${SECOND_LEVEL} THEN coalesce(m.declared_total, a.total, 0) END), 0) AS participants,
         sum(${SECOND_LEVEL} AND m.declared_total IS NOT NULL) AS with_declared,
         sum(${SECOND_LEVEL} AND m.declared_total IS NULL AND a.total IS NOT NULL) AS by_categories,
         sum(${SECOND_LEVEL} AND m.declared_total IS NULL AND a.total IS NULL) AS without_figure,
         sum(m.level = 'academique') AS academique_meetings,
         sum(m.level = 'etablissement') AS etablissement_meetings,
         coalesce(sum(CASE WHEN m.level = 'etablissement' THEN coalesce(m.declared_total, a.total, 0) END), 0)
           AS etablissement_participants
       FROM meeting m
       LEFT JOIN (SELECT meeting_id, sum(count) AS total FROM attendance GROUP BY meeting_id) a ON a.meeting_id = m.id
       WHERE m.campaign_id = ? AND ${f.sql} AND m.academie_code IS NOT NULL
       GROUP BY row_key`,
    )
    .all(campaignId, ...f.params) as FiguresRow[];
}

/** The région-wide meetings (a third level): outside the académies' rows, counted apart. */
export function regionalFigures(db: Catalogue, campaignId: number, scope: StatsScope): { meetings: number; participants: number } {
  const f = scopeFilter(scope);
  return db
    .prepare(
      `SELECT count(*) AS meetings, coalesce(sum(coalesce(m.declared_total, a.total, 0)), 0) AS participants
       FROM meeting m
       LEFT JOIN (SELECT meeting_id, sum(count) AS total FROM attendance GROUP BY meeting_id) a ON a.meeting_id = m.id
       WHERE m.campaign_id = ? AND ${f.sql} AND m.level = 'regional'`,
    )
    .get(campaignId, ...f.params) as { meetings: number; participants: number };
}

export function bassinKindsByRow(db: Catalogue, campaignId: number, scope: StatsScope): Map<string, string[]> {
  const f = scopeFilter(scope);
  const rows = db
    .prepare(
      `SELECT DISTINCT coalesce(m.${scope.rowColumn}, '') AS row_key, b.kind FROM meeting m JOIN bassin b ON b.id = m.bassin_id
       WHERE m.campaign_id = ? AND ${f.sql} AND m.level = 'bassin' ORDER BY b.kind`,
    )
    .all(campaignId, ...f.params) as { row_key: string; kind: string }[];
  const kinds = new Map<string, string[]>();
  for (const row of rows) kinds.set(row.row_key, [...(kinds.get(row.row_key) ?? []), row.kind]);
  return kinds;
}

export function secondLevelDates(db: Catalogue, campaignId: number, scope: StatsScope): string[] {
  const f = scopeFilter(scope);
  return db
    .prepare(
      `SELECT DISTINCT date FROM meeting m WHERE campaign_id = ? AND ${f.sql} AND ${SECOND_LEVEL} ORDER BY date`,
    )
    .pluck()
    .all(campaignId, ...f.params) as string[];
}

/** Participants per category over the scope's counted meetings (second level and établissements). */
export function categoryTotals(db: Catalogue, campaignId: number, scope: StatsScope): { code: string; total: number }[] {
  const f = scopeFilter(scope);
  return db
    .prepare(
      `SELECT at.category_code AS code, sum(at.count) AS total
       FROM attendance at JOIN meeting m ON m.id = at.meeting_id
       WHERE m.campaign_id = ? AND ${f.sql} AND (${SECOND_LEVEL} OR m.level = 'etablissement')
       GROUP BY at.category_code`,
    )
    .all(campaignId, ...f.params) as { code: string; total: number }[];
}

export function meetingsWithCategories(db: Catalogue, campaignId: number, scope: StatsScope): number {
  const f = scopeFilter(scope);
  return db
    .prepare(
      `SELECT count(DISTINCT m.id) FROM attendance at JOIN meeting m ON m.id = at.meeting_id
       WHERE m.campaign_id = ? AND ${f.sql} AND (${SECOND_LEVEL} OR m.level = 'etablissement')`,
    )
    .pluck()
    .get(campaignId, ...f.params) as number;
}

export function secondLevelFormats(db: Catalogue, campaignId: number, scope: StatsScope): string[] {
  const f = scopeFilter(scope);
  return db
    .prepare(`SELECT DISTINCT format FROM meeting m WHERE campaign_id = ? AND ${f.sql} AND ${SECOND_LEVEL} ORDER BY format`)
    .pluck()
    .all(campaignId, ...f.params) as string[];
}

/** Meetings and participants per level (declared total, else the sum of the categories). */
export function figuresByLevel(db: Catalogue, campaignId: number, scope: StatsScope): { level: string; meetings: number; participants: number; without_figure: number }[] {
  const f = scopeFilter(scope);
  return db
    .prepare(
      `SELECT m.level, count(*) AS meetings, coalesce(sum(coalesce(m.declared_total, a.total)), 0) AS participants,
         sum(m.declared_total IS NULL AND a.total IS NULL) AS without_figure
       FROM meeting m
       LEFT JOIN (SELECT meeting_id, sum(count) AS total FROM attendance GROUP BY meeting_id) a ON a.meeting_id = m.id
       WHERE m.campaign_id = ? AND ${f.sql}
       GROUP BY m.level`,
    )
    .all(campaignId, ...f.params) as { level: string; meetings: number; participants: number; without_figure: number }[];
}
