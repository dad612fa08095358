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
  regionCode: string;
  academieCode: string | null;
  departementCode: string | null;
}

export interface PlaceRow {
  code: string;
  nom: string;
  academieCode: string;
}

/** The meetings looked at (alias m), by the région's or the académie's index. */
function looked(p: MissingPlace): { sql: string; params: (string | number)[] } {
  return p.academieCode
    ? { sql: 'm.campaign_id = ? AND m.academie_code = ?', params: [p.campaignId, p.academieCode] }
    : { sql: 'm.campaign_id = ? AND m.region_code = ?', params: [p.campaignId, p.regionCode] };
}

/** The scope's départements, as the territory tree lists them (académies by name, départements by code). */
export function scopeDepartements(db: Catalogue, p: MissingPlace): PlaceRow[] {
  return db
    .prepare(
      `SELECT d.code, d.nom, d.academie_code AS academieCode FROM departement d JOIN academie a ON a.code = d.academie_code
       WHERE a.region_code = ? AND (? IS NULL OR a.code = ?) AND (? IS NULL OR d.code = ?)
       ORDER BY a.nom, d.code`,
    )
    .all(p.regionCode, p.academieCode, p.academieCode, p.departementCode, p.departementCode) as PlaceRow[];
}

/** The scope's bassins, each with whether a bassin-level meeting of the consultation was held for it. */
export function bassinsWithMeetings(db: Catalogue, p: MissingPlace, departements: string[]): (Bassin & { met: number })[] {
  return db
    .prepare(
      `SELECT b.id, b.departement_code AS departementCode, b.kind, b.nom, d.academie_code AS academieCode,
         b.id IN (SELECT bassin_id FROM meeting m WHERE ${looked(p).sql} AND m.level = 'bassin' AND m.bassin_id IS NOT NULL) AS met
       FROM bassin b JOIN departement d ON d.code = b.departement_code
       WHERE b.departement_code IN (SELECT value FROM json_each(?))
       ORDER BY b.departement_code, b.nom`,
    )
    .all(...looked(p).params, JSON.stringify(departements)) as (Bassin & { met: number })[];
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

/**
 * The thématiques covered (by the meeting's own list or one of its ateliers), per département
 * (departementCode) and per académie for the académie-wide meetings (departementCode null).
 */
export function coveredThematiques(db: Catalogue, p: MissingPlace): { departementCode: string | null; academieCode: string | null; thematiqueId: number }[] {
  const f = looked(p);
  return db
    .prepare(
      `SELECT m.departement_code AS departementCode, m.academie_code AS academieCode, mt.thematique_id AS thematiqueId
       FROM meeting m JOIN meeting_thematique mt ON mt.meeting_id = m.id WHERE ${f.sql}
       UNION
       SELECT m.departement_code, m.academie_code, a.thematique_id
       FROM meeting m JOIN atelier a ON a.meeting_id = m.id WHERE ${f.sql}`,
    )
    .all(...f.params, ...f.params) as { departementCode: string | null; academieCode: string | null; thematiqueId: number }[];
}

/** The consultation's thématiques, by number. */
export function thematiquesInOrder(db: Catalogue, campaignId: number): number[] {
  return db.prepare('SELECT id FROM thematique WHERE campaign_id = ? ORDER BY number').pluck().all(campaignId) as number[];
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
  const f = scopeMeetings(campaignId, scope);
  const late = db
    .prepare(
      `SELECT m.id, m.title, m.date, m.level, m.academie_code AS academieCode, m.departement_code AS departementCode
       FROM meeting m WHERE (${f.sql}) AND m.restitution_received = 0 AND m.date < ?
       ORDER BY m.date, ${sortKey('m.title')}, m.id LIMIT ?`,
    )
    .all(...f.params, before, limit) as LateMeeting[];
  const total =
    late.length < limit
      ? late.length
      : (db
          .prepare(`SELECT count(*) FROM meeting m WHERE (${f.sql}) AND m.restitution_received = 0 AND m.date < ?`)
          .pluck()
          .get(...f.params, before) as number);
  return { late, total };
}
