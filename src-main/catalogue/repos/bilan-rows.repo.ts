/**
 * The ids of the Bilan workbook's records, in the order of its sheets: a scope's meetings, retex and
 * contributions. Ids only (300 000 numbers are 2 MB): the records themselves are then read a batch at a
 * time by their ids, so that the workbook never holds them all, and no statement stays open while the
 * writer waits for its stream.
 */
import type { Catalogue } from '../database.ts';
import { contributionIdsOfScope, retexScope } from './scope.repo.ts';
import { scopeMeetings, type StatsScope } from './stats.repo.ts';

/** The scope's meetings by date (meetingsInScope's order). */
export function meetingIdsInScope(db: Catalogue, campaignId: number, scope: StatsScope): number[] {
  const f = scopeMeetings(campaignId, scope);
  return db.prepare(`SELECT m.id FROM meeting m WHERE ${f.sql} ORDER BY m.date, m.id`).pluck().all(...f.params) as number[];
}

/** The scope's retex (those its synthesis draws on), in queryRetex's order. */
export function retexIdsInScopeOrdered(db: Catalogue, campaignId: number, scope: StatsScope): number[] {
  const { joins, where } = retexScope(scope);
  return db
    .prepare(`SELECT r.id FROM retex r ${joins} WHERE r.campaign_id = ? AND ${where.sql} ORDER BY r.thematique_id, r.selected DESC, r.position, r.id`)
    .pluck()
    .all(campaignId, ...where.params) as number[];
}

/** The scope's contributions, in queryContributions's order. */
export function contributionIdsInScopeOrdered(db: Catalogue, campaignId: number, scope: StatsScope): number[] {
  const ids = contributionIdsOfScope(campaignId, scope);
  return db
    .prepare(`SELECT c.id FROM contribution c WHERE c.id IN (${ids.sql}) AND +c.campaign_id = ? ORDER BY c.thematique_id, c.kind, c.position, c.id`)
    .pluck()
    .all(...ids.params, campaignId) as number[];
}
