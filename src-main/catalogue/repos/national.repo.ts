/** Aggregates of the national Bilan that a région's queries do not give: the région-wide meetings of every région at once. */
import type { Catalogue } from '../database.ts';

/** Per région académique, its région-wide meetings and their participants (declared total, else the categories' sum). */
export function regionalFiguresByRegion(db: Catalogue, campaignId: number): Map<string, { meetings: number; participants: number }> {
  const rows = db
    .prepare(
      `SELECT m.region_code AS code, count(*) AS meetings,
         coalesce(sum(coalesce(m.declared_total, (SELECT sum(count) FROM attendance WHERE meeting_id = m.id), 0)), 0) AS participants
       FROM meeting m WHERE m.campaign_id = ? AND m.level = 'regional' GROUP BY m.region_code`,
    )
    .all(campaignId) as { code: string; meetings: number; participants: number }[];
  return new Map(rows.map((r) => [r.code, { meetings: r.meetings, participants: r.participants }]));
}

/** A selected record of the whole country: the région académique it came from ('' when none), its rank there. */
export interface PlacedRecord {
  id: number;
  thematique_id: number;
  kind: string;
  region: string;
  /** 1 for the first of its région, thématique and kind, in the order the région's synthesis prints them. */
  rank: number;
}

/**
 * Every selected contribution of the consultation with the région of its source meetings (the first by
 * code when several), ranked within its région, thématique and kind: the national synthesis prints the
 * first few of each région and counts the others.
 */
export function placedSelectedContributions(db: Catalogue, campaignId: number): PlacedRecord[] {
  return db
    .prepare(
      `WITH placed AS MATERIALIZED (
         SELECT c.id, c.thematique_id, c.kind, c.position,
           coalesce((SELECT min(m.region_code) FROM contribution_source cs JOIN meeting m ON m.id = cs.meeting_id WHERE cs.contribution_id = c.id), '') AS region
         FROM contribution c WHERE c.campaign_id = ? AND c.selected = 1)
       SELECT id, thematique_id, kind, region,
         row_number() OVER (PARTITION BY thematique_id, kind, region ORDER BY position, id) AS rank
       FROM placed`,
    )
    .all(campaignId) as PlacedRecord[];
}

/** The same for the selected retex: placed by their établissement's région, else their meeting's (kind 'retex'). */
export function placedSelectedRetex(db: Catalogue, campaignId: number): PlacedRecord[] {
  return db
    .prepare(
      `WITH placed AS MATERIALIZED (
         SELECT r.id, r.thematique_id, r.position,
           coalesce(
             (SELECT a.region_code FROM etablissement e JOIN departement d ON d.code = e.departement_code JOIN academie a ON a.code = d.academie_code WHERE e.uai = r.etablissement_uai),
             (SELECT m.region_code FROM meeting m WHERE m.id = r.source_meeting_id), '') AS region
         FROM retex r WHERE r.campaign_id = ? AND r.selected = 1)
       SELECT id, thematique_id, 'retex' AS kind, region,
         row_number() OVER (PARTITION BY thematique_id, region ORDER BY position, id) AS rank
       FROM placed`,
    )
    .all(campaignId) as PlacedRecord[];
}
