/**
 * « Ce qui manque » on the dashboard, as a few grouped queries over the scope's meetings: which bassins
 * and départements have not met, which thématiques nobody covered, which restitutions are late.
 */
import type { Catalogue } from '../database.ts';
import type { Bassin } from '../../contract/schemas/territory.ts';
import type { Missing } from '../../contract/schemas/missing.ts';
import { sortKey } from './list-sql.ts';
import { scopeMeetings, type StatsScope } from './stats.repo.ts';

/**
 * The territory a dashboard looks at: a région, one académie (of an académie's or a département's scope),
 * one département. `meetings` are the meetings compared with it: the région's, or the académie's.
 */
type LateMeeting = Missing['late'][number];

export interface MissingPlace {
  campaignId: number;
  /** Null for the whole country (every région's meetings and départements). */
  regionCode: string | null;
  academieCode: string | null;
  departementCode: string | null;
}

export interface PlaceRow {
  code: string;
  nom: string;
  academieCode: string;
}

/** The meetings looked at (alias m), by the académie's, the région's or the consultation's index. */
function looked(p: MissingPlace): { sql: string; params: (string | number)[] } {
  if (p.academieCode) return { sql: 'm.campaign_id = ? AND m.academie_code = ?', params: [p.campaignId, p.academieCode] };
  if (p.regionCode) return { sql: 'm.campaign_id = ? AND m.region_code = ?', params: [p.campaignId, p.regionCode] };
  // The whole country: one pass over the table costs less than the index's lookups, one per meeting.
  return { sql: '+m.campaign_id = ?', params: [p.campaignId] };
}

/** The scope's départements, as the territory tree lists them (académies by name, départements by code). */
export function scopeDepartements(db: Catalogue, p: MissingPlace): PlaceRow[] {
  return db
    .prepare(
      `SELECT d.code, d.nom, d.academie_code AS academieCode FROM departement d JOIN academie a ON a.code = d.academie_code
       WHERE (? IS NULL OR a.region_code = ?) AND (? IS NULL OR a.code = ?) AND (? IS NULL OR d.code = ?)
       ORDER BY a.nom, d.code`,
    )
    .all(p.regionCode, p.regionCode, p.academieCode, p.academieCode, p.departementCode, p.departementCode) as PlaceRow[];
}

/** The scope's bassins where no bassin-level meeting of the consultation was held, and how many bassins in all. */
export function bassinsWithoutMeeting(db: Catalogue, p: MissingPlace, departements: string[]): { silent: Bassin[]; total: number } {
  const f = looked(p);
  const codes = JSON.stringify(departements);
  // Only the silent ones come back as rows: a whole country has thousands of bassins, most of them met.
  const silent = db
    .prepare(
      `SELECT b.id, b.departement_code AS departementCode, b.kind, b.nom, d.academie_code AS academieCode
       FROM bassin b JOIN departement d ON d.code = b.departement_code
       WHERE b.departement_code IN (SELECT value FROM json_each(?))
         AND b.id NOT IN (SELECT bassin_id FROM meeting m WHERE ${f.sql} AND m.level = 'bassin' AND m.bassin_id IS NOT NULL)
       ORDER BY b.departement_code, b.nom`,
    )
    .all(codes, ...f.params) as Bassin[];
  const total = db.prepare('SELECT count(*) FROM bassin WHERE departement_code IN (SELECT value FROM json_each(?))').pluck().get(codes) as number;
  return { silent, total };
}

/** Where the second level was held: départements with a départemental meeting, académies with an académique one. */
export function secondLevelHeld(db: Catalogue, p: MissingPlace): { departements: Set<string>; academies: Set<string> } {
  const f = looked(p);
  const rows = db
    .prepare(
      `SELECT DISTINCT m.level, CASE m.level WHEN 'departemental' THEN m.departement_code ELSE m.academie_code END AS code
       FROM meeting m WHERE ${f.sql} AND m.level IN ('departemental', 'academique')`,
    )
    .all(...f.params) as { level: string; code: string | null }[];
  const departements = new Set<string>();
  const academies = new Set<string>();
  for (const r of rows) {
    if (r.code === null) continue;
    (r.level === 'departemental' ? departements : academies).add(r.code);
  }
  return { departements, academies };
}

/** A thématique (by its meeting's list or one of its ateliers) met in the meetings `where` picks (alias m). */
function metThematique(where: string): string {
  return `(EXISTS (SELECT 1 FROM meeting m CROSS JOIN meeting_thematique mt ON mt.meeting_id = m.id AND mt.thematique_id = t.id WHERE ${where})
    OR EXISTS (SELECT 1 FROM meeting m CROSS JOIN atelier a ON a.meeting_id = m.id WHERE ${where} AND a.thematique_id = t.id))`;
}

/**
 * The thématiques no meeting of a département covered, nor a meeting of its whole académie (no
 * département), in the départements' order then by number. Asked pair by pair: each stops at the first
 * meeting that covered it, so the whole country costs a few lookups per département, not a pass over
 * every meeting's thématiques.
 */
export function uncoveredThematiques(db: Catalogue, campaignId: number, departements: PlaceRow[]): { departementCode: string; thematiqueId: number }[] {
  return db
    .prepare(
      `SELECT d.value ->> '$.code' AS departementCode, t.id AS thematiqueId
       FROM json_each(?) d CROSS JOIN thematique t
       WHERE t.campaign_id = ?
         AND NOT ${metThematique("m.campaign_id = t.campaign_id AND m.departement_code = d.value ->> '$.code'")}
         AND NOT ${metThematique("m.campaign_id = t.campaign_id AND m.academie_code = d.value ->> '$.academieCode' AND m.departement_code IS NULL")}
       ORDER BY d.key, t.number`,
    )
    .all(JSON.stringify(departements.map((d) => ({ code: d.code, academieCode: d.academieCode }))), campaignId) as { departementCode: string; thematiqueId: number }[];
}

/** Whether the meetings looked at hold établissement meetings, and bassin or départemental ones. */
export function levelsHeld(db: Catalogue, p: MissingPlace): { etablissement: boolean; territorial: boolean } {
  const f = looked(p);
  const row = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM meeting m WHERE ${f.sql} AND m.level = 'etablissement') AS etablissement,
         EXISTS (SELECT 1 FROM meeting m WHERE ${f.sql} AND m.level IN ('bassin', 'departemental')) AS territorial`,
    )
    .get(...f.params, ...f.params) as { etablissement: number; territorial: number };
  return { etablissement: row.etablissement === 1, territorial: row.territorial === 1 };
}

/**
 * The scope's past meetings (as its Bilan counts them) whose restitution has not come: the first
 * `limit`, oldest first, and how many in all.
 */
export function lateMeetings(db: Catalogue, campaignId: number, scope: StatsScope, before: string, limit: number): { late: LateMeeting[]; total: number } {
  const f = scope.filterColumn === 'national' ? { sql: '+m.campaign_id = ?', params: [campaignId] } : scopeMeetings(campaignId, scope);
  const lateSql = `(${f.sql}) AND m.restitution_received = 0 AND m.date < ?`;
  // Only the meetings up to the limit-th one's day are sorted by title: the title's sort key is costly
  // to compute for the thousands of late meetings of a whole country.
  const lastDay = db
    .prepare(`SELECT m.date FROM meeting m WHERE ${lateSql} ORDER BY m.date LIMIT 1 OFFSET ?`)
    .pluck()
    .get(...f.params, before, limit - 1) as string | undefined;
  const late = db
    .prepare(
      `SELECT m.id, m.title, m.date, m.level, m.academie_code AS academieCode, m.departement_code AS departementCode
       FROM meeting m WHERE ${lateSql} AND m.date <= ?
       ORDER BY m.date, ${sortKey('m.title')}, m.id LIMIT ?`,
    )
    .all(...f.params, before, lastDay ?? before, limit) as LateMeeting[];
  const total =
    late.length < limit
      ? late.length
      : (db.prepare(`SELECT count(*) FROM meeting m WHERE ${lateSql}`).pluck().get(...f.params, before) as number);
  return { late, total };
}
