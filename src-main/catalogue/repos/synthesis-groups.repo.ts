/**
 * What a synthesis needs of the groups (issue 13): the consultation's retained groups with their members,
 * and where the scope's meetings are — each a single query, however many items the document prints.
 */
import type { Catalogue } from '../database.ts';
import type { ContributionKind } from '../../contract/domain.ts';
import { scopeMeetings, type StatsScope } from './stats.repo.ts';

export interface RetainedGroupRow {
  id: number;
  thematiqueId: number;
  kind: ContributionKind;
  wording: string;
  /** Its members' ids in their writer's order (position, then id). */
  memberIds: number[];
}

/** Every retained group of the consultation (a few per thématique), members in order. */
export function retainedGroups(db: Catalogue, campaignId: number): RetainedGroupRow[] {
  const rows = db
    .prepare(
      `SELECT g.id, g.thematique_id, g.kind, g.wording, c.id AS member
       FROM contribution_group g LEFT JOIN contribution c ON c.group_id = g.id AND c.group_id IS NOT NULL
       WHERE g.campaign_id = ? AND g.review = 'retenue'
       ORDER BY g.position, g.id, c.position, c.id`,
    )
    .raw()
    .all(campaignId) as [number, number, ContributionKind, string, number | null][];
  const groups = new Map<number, RetainedGroupRow>();
  for (const [id, thematiqueId, kind, wording, member] of rows) {
    const group = groups.get(id) ?? { id, thematiqueId, kind, wording, memberIds: [] };
    if (member !== null) group.memberIds.push(member);
    groups.set(id, group);
  }
  return [...groups.values()];
}

/**
 * Those of these meetings that are the scope's, each with where it was held: its département's name, else (a
 * concertation for a whole académie) its académie's name, else null (a région's own meeting). Only the
 * meetings asked about, each by its key: a région at scale 10 holds thousands the document never names.
 */
export function scopeMeetingPlaces(
  db: Catalogue, campaignId: number, scope: StatsScope, meetingIds: readonly number[],
): Map<number, { departement: string | null; academie: string | null }> {
  if (meetingIds.length === 0) return new Map();
  const f = scopeMeetings(campaignId, scope);
  const rows = db
    .prepare(
      `SELECT m.id, d.nom, a.nom FROM meeting m
       LEFT JOIN departement d ON d.code = m.departement_code
       LEFT JOIN academie a ON a.code = m.academie_code
       WHERE m.id IN (SELECT value FROM json_each(?)) AND ${f.sql}`,
    )
    .raw()
    .all(JSON.stringify(meetingIds), ...f.params) as [number, string | null, string | null][];
  return new Map(rows.map(([id, departement, academie]) => [id, { departement, academie }]));
}
