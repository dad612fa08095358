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
  /** `national`: every meeting of the consultation (filterValue unused). */
  filterColumn: 'region_code' | 'academie_code' | 'departement_code' | 'national';
  filterValue: string;
  rowColumn: 'academie_code' | 'departement_code';
  /**
   * A département's scope: its académie, whose académie-wide concertations (Limoges in 2020, one for
   * the three départements) were the département's second level too.
   */
  academieWide?: string;
}

/** Whether a meeting (alias m) is the scope's, as SQL, with its parameters in order (see scopeMeetings). */
export function scopeFilter(scope: StatsScope): { sql: string; params: string[] } {
  if (scope.filterColumn === 'national') return { sql: '1', params: [] };
  const own = `m.${scope.filterColumn} = ?`;
  if (!scope.academieWide) return { sql: own, params: [scope.filterValue] };
  return {
    sql: `(${own} OR (m.departement_code IS NULL AND m.level = 'academique' AND m.academie_code = ?))`,
    params: [scope.filterValue, scope.academieWide],
  };
}

/**
 * A consultation's meetings of the scope (alias m), as SQL with its parameters in order: the same
 * meetings as `m.campaign_id = ? AND scopeFilter`, written so that SQLite finds them by the scope's
 * index (migration 0008). A département's two kinds of meetings are two complete lookups (its own, its
 * académie's académie-wide ones), which SQLite reads index by index (MULTI-INDEX OR); with the
 * consultation outside the OR, it walked every meeting of the consultation instead.
 */
export function scopeMeetings(campaignId: number, scope: StatsScope): { sql: string; params: (string | number)[] } {
  if (scope.filterColumn === 'national') return { sql: 'm.campaign_id = ?', params: [campaignId] };
  const own = `m.campaign_id = ? AND m.${scope.filterColumn} = ?`;
  if (!scope.academieWide) return { sql: own, params: [campaignId, scope.filterValue] };
  return {
    sql: `((${own}) OR (m.campaign_id = ? AND m.academie_code = ? AND m.level = 'academique' AND m.departement_code IS NULL))`,
    params: [campaignId, scope.filterValue, campaignId, scope.academieWide],
  };
}

/**
 * The scope's meetings (then read as `scoped s`), each with the sum of its categories (NULL when it has
 * none): one lookup per meeting of the scope, where joining the grouped attendance read every meeting's.
 * Materialised, so that the sum is taken once per meeting however often the query uses it.
 */
function withCategoryTotals(meetings: string, also?: string): string {
  return `WITH scoped AS MATERIALIZED (
      SELECT m.id, m.level, m.academie_code, m.departement_code, m.declared_total,
        (SELECT sum(count) FROM attendance WHERE meeting_id = m.id) AS category_total
      FROM meeting m WHERE ${meetings}${also ? ` AND ${also}` : ''})`;
}

const SECOND_LEVEL = `m.level IN ('departemental', 'academique')`;
/** The same, on the scoped meetings (alias s): an own alias, so that a plan's `SCAN s` is never a table's. */
const S_SECOND_LEVEL = `s.level IN ('departemental', 'academique')`;

export function figuresByRow(db: Catalogue, campaignId: number, scope: StatsScope): FiguresRow[] {
  const f = scopeMeetings(campaignId, scope);
  return db
    .prepare(
      // `+`: the académie is checked on the scope's meetings, never the index walked for it (all académies).
      `${withCategoryTotals(f.sql, '+m.academie_code IS NOT NULL')}
       SELECT coalesce(s.${scope.rowColumn}, '') AS row_key,
         sum(s.level = 'bassin') AS bassin_meetings,
         sum(${S_SECOND_LEVEL}) AS second_level_meetings,
         count(DISTINCT CASE WHEN s.level = 'departemental' THEN s.departement_code END) AS departements,
         coalesce(sum(CASE WHEN ${S_SECOND_LEVEL} THEN coalesce(s.declared_total, s.category_total, 0) END), 0) AS participants,
         sum(${S_SECOND_LEVEL} AND s.declared_total IS NOT NULL) AS with_declared,
         sum(${S_SECOND_LEVEL} AND s.declared_total IS NULL AND s.category_total IS NOT NULL) AS by_categories,
         sum(${S_SECOND_LEVEL} AND s.declared_total IS NULL AND s.category_total IS NULL) AS without_figure,
         sum(s.level = 'academique') AS academique_meetings,
         sum(s.level = 'etablissement') AS etablissement_meetings,
         coalesce(sum(CASE WHEN s.level = 'etablissement' THEN coalesce(s.declared_total, s.category_total, 0) END), 0)
           AS etablissement_participants
       FROM scoped s
       GROUP BY row_key`,
    )
    .all(...f.params) as FiguresRow[];
}

/** The région-wide meetings (a third level): outside the académies' rows, counted apart. */
export function regionalFigures(db: Catalogue, campaignId: number, scope: StatsScope): { meetings: number; participants: number } {
  const f = scopeMeetings(campaignId, scope);
  return db
    .prepare(
      `${withCategoryTotals(f.sql, "m.level = 'regional'")}
       SELECT count(*) AS meetings, coalesce(sum(coalesce(s.declared_total, s.category_total, 0)), 0) AS participants FROM scoped s`,
    )
    .get(...f.params) as { meetings: number; participants: number };
}

export function bassinKindsByRow(db: Catalogue, campaignId: number, scope: StatsScope): Map<string, string[]> {
  const f = scopeMeetings(campaignId, scope);
  const rows = db
    .prepare(
      `SELECT DISTINCT coalesce(m.${scope.rowColumn}, '') AS row_key, b.kind FROM meeting m JOIN bassin b ON b.id = m.bassin_id
       WHERE ${f.sql} AND m.level = 'bassin' ORDER BY b.kind`,
    )
    .all(...f.params) as { row_key: string; kind: string }[];
  const kinds = new Map<string, string[]>();
  for (const row of rows) kinds.set(row.row_key, [...(kinds.get(row.row_key) ?? []), row.kind]);
  return kinds;
}

export function secondLevelDates(db: Catalogue, campaignId: number, scope: StatsScope): string[] {
  const f = scopeMeetings(campaignId, scope);
  return db
    .prepare(
      `SELECT DISTINCT date FROM meeting m WHERE ${f.sql} AND ${SECOND_LEVEL} ORDER BY date`,
    )
    .pluck()
    .all(...f.params) as string[];
}

/** Participants per category over the scope's counted meetings (second level and établissements). */
export function categoryTotals(db: Catalogue, campaignId: number, scope: StatsScope): { code: string; total: number }[] {
  const f = scopeMeetings(campaignId, scope);
  return db
    .prepare(
      `SELECT at.category_code AS code, sum(at.count) AS total
       FROM attendance at JOIN meeting m ON m.id = at.meeting_id
       WHERE ${f.sql} AND (${SECOND_LEVEL} OR m.level = 'etablissement')
       GROUP BY at.category_code`,
    )
    .all(...f.params) as { code: string; total: number }[];
}

export function meetingsWithCategories(db: Catalogue, campaignId: number, scope: StatsScope): number {
  const f = scopeMeetings(campaignId, scope);
  return db
    .prepare(
      `SELECT count(DISTINCT m.id) FROM attendance at JOIN meeting m ON m.id = at.meeting_id
       WHERE ${f.sql} AND (${SECOND_LEVEL} OR m.level = 'etablissement')`,
    )
    .pluck()
    .get(...f.params) as number;
}

export function secondLevelFormats(db: Catalogue, campaignId: number, scope: StatsScope): string[] {
  const f = scopeMeetings(campaignId, scope);
  return db
    .prepare(`SELECT DISTINCT format FROM meeting m WHERE ${f.sql} AND ${SECOND_LEVEL} ORDER BY format`)
    .pluck()
    .all(...f.params) as string[];
}

/** Meetings and participants per level (declared total, else the sum of the categories). */
export function figuresByLevel(db: Catalogue, campaignId: number, scope: StatsScope): { level: string; meetings: number; participants: number; without_figure: number }[] {
  const f = scopeMeetings(campaignId, scope);
  return db
    .prepare(
      `${withCategoryTotals(f.sql)}
       SELECT s.level, count(*) AS meetings, coalesce(sum(coalesce(s.declared_total, s.category_total)), 0) AS participants,
         sum(s.declared_total IS NULL AND s.category_total IS NULL) AS without_figure
       FROM scoped s
       GROUP BY s.level`,
    )
    .all(...f.params) as { level: string; meetings: number; participants: number; without_figure: number }[];
}
