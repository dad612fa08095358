/**
 * Groups of contributions that say the same thing (migration 0019 contribution_group): their wording,
 * review state and members, and how far they reach (how many meetings raised them, where).
 */
import type { Catalogue } from '../database.ts';
import type { ContributionKind, ReviewState } from '../../contract/domain.ts';
import type { Contribution } from '../../contract/schemas/content.ts';
import type { ContributionGroup, Reach } from '../../contract/schemas/review.ts';
import { newUid } from '../uid.ts';
import { contributionsByIds } from './contribution.repo.ts';

interface GroupRow {
  id: number; campaign_id: number; thematique_id: number; kind: ContributionKind; wording: string; review: ReviewState; position: number;
}

export interface GroupKey { campaignId: number; thematiqueId: number; kind: ContributionKind }

export function insertGroup(
  db: Catalogue, g: GroupKey & { wording: string; review?: ReviewState; position?: number }, uid: string = newUid(),
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO contribution_group (uid, campaign_id, thematique_id, kind, wording, review, position)
         VALUES (@uid, @campaignId, @thematiqueId, @kind, @wording, @review, @position)`,
      )
      .run({ review: 'a_traiter', position: 0, ...g, uid }).lastInsertRowid,
  );
}

export function updateGroup(db: Catalogue, id: number, patch: { wording?: string; review?: ReviewState; position?: number }): void {
  db.prepare(
    `UPDATE contribution_group SET wording = coalesce(@wording, wording), review = coalesce(@review, review),
       position = coalesce(@position, position) WHERE id = @id`,
  ).run({ id, wording: patch.wording ?? null, review: patch.review ?? null, position: patch.position ?? null });
}

/** A group's history lines given to another (a merge): review_event would otherwise go with the group. */
export function moveGroupHistory(db: Catalogue, from: number, to: number): void {
  db.prepare('UPDATE review_event SET group_id = ? WHERE group_id = ?').run(to, from);
}

export function deleteGroup(db: Catalogue, id: number): boolean {
  return db.prepare('DELETE FROM contribution_group WHERE id = ?').run(id).changes > 0;
}

/** Puts these contributions in a group, or in none (null). */
export function setGroupOf(db: Catalogue, contributionIds: readonly number[], groupId: number | null): void {
  const update = db.prepare('UPDATE contribution SET group_id = ? WHERE id = ?');
  for (const id of contributionIds) update.run(groupId, id);
}

export function groupRow(db: Catalogue, id: number): (GroupKey & { id: number; wording: string; review: ReviewState; position: number }) | undefined {
  const r = db.prepare('SELECT * FROM contribution_group WHERE id = ?').get(id) as GroupRow | undefined;
  return r && { id: r.id, campaignId: r.campaign_id, thematiqueId: r.thematique_id, kind: r.kind, wording: r.wording, review: r.review, position: r.position };
}

export function memberIds(db: Catalogue, groupId: number): number[] {
  return db.prepare('SELECT id FROM contribution WHERE group_id = ? ORDER BY position, id').pluck().all(groupId) as number[];
}

export function getGroup(db: Catalogue, id: number): ContributionGroup | undefined {
  const row = groupRow(db, id);
  if (!row) return undefined;
  const members = contributionsByIds(db, memberIds(db, id));
  return { ...row, members, memberTotal: members.length, reach: reachOf(db, members.map((m) => m.id)) };
}

/** How many of each list a view carries: a thématique at ten times the nation holds 15 000 propositions. */
export interface GroupBounds { groups: number; ungrouped: number; members: number }
export const LISTED: GroupBounds = { groups: 50, ungrouped: 200, members: 10 };

/**
 * A thématique's groups of one kind (retained first, then by position) and its contributions in none,
 * each list cut at its bound, with both totals. Members and reach are read for the listed groups only.
 */
export function groupsOf(
  db: Catalogue, key: GroupKey, bounds: GroupBounds = LISTED,
): { groups: ContributionGroup[]; ungrouped: Contribution[]; groupTotal: number; ungroupedTotal: number } {
  const limit = (n: number) => (Number.isFinite(n) ? n : -1);
  const rows = db
    .prepare(
      `SELECT * FROM contribution_group WHERE campaign_id = ? AND thematique_id = ? AND kind = ?
       ORDER BY CASE review WHEN 'retenue' THEN 0 WHEN 'a_traiter' THEN 1 ELSE 2 END, position, id LIMIT ?`,
    )
    .all(key.campaignId, key.thematiqueId, key.kind, limit(bounds.groups)) as GroupRow[];
  const groupTotal = db
    .prepare('SELECT count(*) FROM contribution_group WHERE campaign_id = ? AND thematique_id = ? AND kind = ?')
    .pluck()
    .get(key.campaignId, key.thematiqueId, key.kind) as number;
  const groupIds = JSON.stringify(rows.map((r) => r.id));
  // Each group's first members by the index on (group_id, position): never the whole of a large group.
  const firstMembers = db.prepare('SELECT id FROM contribution WHERE group_id = ? ORDER BY position, id LIMIT ?').pluck();
  const memberRows = rows.flatMap((r) => (firstMembers.all(r.id, limit(bounds.members)) as number[]).map((id): [number, number] => [id, r.id]));
  const memberTotals = new Map(
    db.prepare('SELECT group_id, count(*) FROM contribution WHERE group_id IN (SELECT value FROM json_each(?)) GROUP BY group_id')
      .raw().all(groupIds) as [number, number][],
  );
  // In no group: the key's contributions by its covering index, minus the groups' members by theirs (reading
  // each row's group_id instead walks 15 000 rows of a grouped thématique at ten times the nation).
  const grouped = `SELECT c.id FROM contribution_group g JOIN contribution c ON c.group_id = g.id
    WHERE g.campaign_id = @campaignId AND g.thematique_id = @thematiqueId AND g.kind = @kind`;
  const keyParams = { campaignId: key.campaignId, thematiqueId: key.thematiqueId, kind: key.kind };
  const ungroupedIds = db
    .prepare(
      `SELECT id FROM contribution WHERE campaign_id = @campaignId AND thematique_id = @thematiqueId AND kind = @kind
         AND id NOT IN (${grouped})
       ORDER BY position, id LIMIT @limit`,
    )
    .pluck()
    .all({ ...keyParams, limit: limit(bounds.ungrouped) }) as number[];
  const ungroupedTotal = (db
    .prepare('SELECT count(*) FROM contribution WHERE campaign_id = @campaignId AND thematique_id = @thematiqueId AND kind = @kind')
    .pluck()
    .get(keyParams) as number) - (db.prepare(`SELECT count(*) FROM (${grouped})`).pluck().get(keyParams) as number);
  const all = new Map(contributionsByIds(db, [...memberRows.map(([id]) => id), ...ungroupedIds]).map((c) => [c.id, c]));
  const byGroup = new Map<number, Contribution[]>();
  for (const [id, group] of memberRows) byGroup.set(group, [...(byGroup.get(group) ?? []), all.get(id)!]);
  const groups = rows.map((r) => {
    const members = byGroup.get(r.id) ?? [];
    return {
      id: r.id, campaignId: r.campaign_id, thematiqueId: r.thematique_id, kind: r.kind, wording: r.wording, review: r.review,
      position: r.position, members, memberTotal: memberTotals.get(r.id) ?? 0, reach: reachOfGroup(db, r.id),
    };
  });
  return { groups, ungrouped: ungroupedIds.map((id) => all.get(id)!), groupTotal, ungroupedTotal };
}

/**
 * How far these contributions reach: their distinct source meetings, and those meetings' départements
 * and académies by name, most meetings first (then by name, for the same order on every laptop).
 */
export function reachOf(db: Catalogue, contributionIds: readonly number[]): Reach {
  if (contributionIds.length === 0) return { meetings: 0, departements: [], academies: [] };
  const rows = db
    .prepare(
      `SELECT DISTINCT m.id, d.nom AS departement, a.nom AS academie
       FROM contribution_source cs JOIN meeting m ON m.id = cs.meeting_id
       LEFT JOIN departement d ON d.code = m.departement_code
       LEFT JOIN academie a ON a.code = coalesce(m.academie_code, d.academie_code)
       WHERE cs.contribution_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(contributionIds)) as { id: number; departement: string | null; academie: string | null }[];
  return { meetings: rows.length, departements: byFrequency(rows.map((r) => r.departement)), academies: byFrequency(rows.map((r) => r.academie)) };
}

/** reachOf for a group's members, in SQL (a group can gather thousands). */
export function reachOfGroup(db: Catalogue, groupId: number): Reach {
  const rows = db
    .prepare(
      `SELECT DISTINCT m.id, d.nom AS departement, a.nom AS academie
       FROM contribution c JOIN contribution_source cs ON cs.contribution_id = c.id JOIN meeting m ON m.id = cs.meeting_id
       LEFT JOIN departement d ON d.code = m.departement_code
       LEFT JOIN academie a ON a.code = coalesce(m.academie_code, d.academie_code)
       WHERE c.group_id = ?`,
    )
    .all(groupId) as { id: number; departement: string | null; academie: string | null }[];
  return { meetings: rows.length, departements: byFrequency(rows.map((r) => r.departement)), academies: byFrequency(rows.map((r) => r.academie)) };
}

function byFrequency(names: (string | null)[]): string[] {
  const counts = new Map<string, number>();
  for (const n of names) if (n) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'fr')).map(([n]) => n);
}

/** Their contributions' ids and current groups, for the checks of a move or a split. */
export function groupKeysOf(db: Catalogue, contributionIds: readonly number[]): (GroupKey & { id: number; groupId: number | null })[] {
  return db
    .prepare(
      `SELECT id, campaign_id AS campaignId, thematique_id AS thematiqueId, kind, group_id AS groupId
       FROM contribution WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(contributionIds)) as (GroupKey & { id: number; groupId: number | null })[];
}

/**
 * What a proposal may regroup: the thématique's contributions of that kind in no group or in a group still
 * à traiter, in their list order, with that group's wording (retained and set-aside groups are never touched).
 */
/** A group the coordinator renamed is theirs, even still à traiter: a new proposal leaves it and its members. */
const NEVER_RENAMED = "NOT EXISTS (SELECT 1 FROM review_event e WHERE e.group_id = g.id AND e.what = 'libelle')";

export function regroupable(db: Catalogue, key: GroupKey): { id: number; text: string; groupId: number | null; groupWording: string | null }[] {
  return db
    .prepare(
      `SELECT c.id, c.text, c.group_id AS groupId, g.wording AS groupWording
       FROM contribution c LEFT JOIN contribution_group g ON g.id = c.group_id
       WHERE c.campaign_id = ? AND c.thematique_id = ? AND c.kind = ? AND (c.group_id IS NULL OR (g.review = 'a_traiter' AND ${NEVER_RENAMED}))
       ORDER BY c.position, c.id`,
    )
    .all(key.campaignId, key.thematiqueId, key.kind) as { id: number; text: string; groupId: number | null; groupWording: string | null }[];
}

/** The groups still à traiter of a thématique and kind, never renamed (a proposal replaces them). */
export function deleteProposedGroups(db: Catalogue, key: GroupKey): number {
  return db
    .prepare(`DELETE FROM contribution_group AS g WHERE campaign_id = ? AND thematique_id = ? AND kind = ? AND review = 'a_traiter' AND ${NEVER_RENAMED}`)
    .run(key.campaignId, key.thematiqueId, key.kind).changes;
}

/** The next free position among a thématique's groups of a kind. */
export function nextGroupPosition(db: Catalogue, key: GroupKey): number {
  return db
    .prepare('SELECT coalesce(max(position) + 1, 0) FROM contribution_group WHERE campaign_id = ? AND thematique_id = ? AND kind = ?')
    .pluck()
    .get(key.campaignId, key.thematiqueId, key.kind) as number;
}

/** These contributions' review states (retenue = selected, à traiter = pending: migration 0019's two columns). */
export function setReviewStates(db: Catalogue, contributionIds: readonly number[], review: ReviewState): void {
  const update = db.prepare('UPDATE contribution SET selected = ?, pending = ? WHERE id = ?');
  const [selected, pending] = [review === 'retenue' ? 1 : 0, review === 'a_traiter' ? 1 : 0];
  for (const id of contributionIds) update.run(selected, pending, id);
}

/** A group's members still in this review state. */
export function membersInState(db: Catalogue, groupId: number, review: ReviewState): number[] {
  const where = review === 'retenue' ? 'selected = 1' : review === 'a_traiter' ? 'pending = 1' : 'selected = 0 AND pending = 0';
  return db.prepare(`SELECT id FROM contribution WHERE group_id = ? AND ${where} ORDER BY position, id`).pluck().all(groupId) as number[];
}
