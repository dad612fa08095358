import type { Catalogue } from '../database.ts';
import type { ReviewState } from '../../contract/domain.ts';
import type { Contribution, SelectionState } from '../../contract/schemas/content.ts';
import type { ContributionPassage } from '../../contract/schemas/restitutions.ts';
import type { Page } from '../../contract/schemas/lists.ts';
import { foldedSortKey, ftsQuery, inOrder, orderBy, pageIds, pageOfItems, type SortSpec, Where } from './list-sql.ts';
import { contributionIdsOfScope } from './scope.repo.ts';
import { scopeMeetings, type StatsScope } from './stats.repo.ts';

interface ContributionRow {
  id: number; campaign_id: number; thematique_id: number; kind: Contribution['kind']; text: string;
  heading: string | null; scale: Contribution['scale']; parent_id: number | null; selected: 0 | 1; position: number;
  pending: 0 | 1; group_id: number | null; restitution_id: number | null; passage_range: string | null;
  sources_json: string;
}

/** What a writer gives: the contribution's fields, its review state (from `selected` when left out), its passage. */
export type ContributionWrite = Omit<Contribution, 'id' | 'review' | 'groupId' | 'passage'> &
  Partial<Pick<Contribution, 'review' | 'groupId' | 'passage'>>;

/** Three states in two columns (migration 0019): retenue = selected; à traiter = pending. */
export function reviewColumns(c: { selected: boolean; review?: ReviewState | undefined }): { sel: 0 | 1; pending: 0 | 1 } {
  const review = c.review ?? (c.selected ? 'retenue' : 'ecartee');
  return { sel: review === 'retenue' ? 1 : 0, pending: review === 'a_traiter' ? 1 : 0 };
}

function passageColumns(passage: ContributionPassage | null | undefined): { restitutionId: number | null; passageRange: string | null } {
  if (!passage) return { restitutionId: null, passageRange: null };
  return { restitutionId: passage.restitutionId, passageRange: JSON.stringify({ start: passage.start, end: passage.end, text: passage.text }) };
}

const SELECT = `
  SELECT c.*,
    (SELECT json_group_array(meeting_id) FROM
       (SELECT meeting_id FROM contribution_source WHERE contribution_id = c.id ORDER BY meeting_id)) AS sources_json
  FROM contribution c`;

export function queryContributions(
  db: Catalogue,
  q: { campaignId: number; thematiqueId?: number; kind?: string; selectedOnly?: boolean },
): Contribution[] {
  const rows = db
    .prepare(
      `${SELECT}
       WHERE c.campaign_id = @campaignId
         AND (@thematiqueId IS NULL OR c.thematique_id = @thematiqueId)
         AND (@kind IS NULL OR c.kind = @kind)
         AND (@selectedOnly = 0 OR c.selected = 1)
       ORDER BY c.thematique_id, c.kind, c.position, c.id`,
    )
    .all({
      campaignId: q.campaignId,
      thematiqueId: q.thematiqueId ?? null,
      kind: q.kind ?? null,
      selectedOnly: q.selectedOnly ? 1 : 0,
    }) as ContributionRow[];
  return rows.map(toContribution);
}

/** The contributions' list as the screens ask for it (contract ContributionFilter, parsed). */
export interface ContributionPageQuery {
  campaignId: number;
  thematiqueId?: number;
  kind?: string;
  regionCode?: string;
  academieCode?: string;
  departementCode?: string;
  meetingId?: number;
  selection?: SelectionState;
  review?: ReviewState;
  search?: string;
  sort: SortSpec;
  offset: number;
  limit: number;
}

const KIND_ORDER = `CASE c.kind WHEN 'etat_des_lieux' THEN 1 WHEN 'attente' THEN 2 WHEN 'action' THEN 3 WHEN 'defi' THEN 4 ELSE 5 END`;

/** Sortable columns (contract CONTRIBUTION_SORTS). `position`: the synthesis's order (contribution_by_thematique). */
const CONTRIBUTION_ORDER: Record<string, string[]> = {
  position: ['c.thematique_id', 'c.kind', 'c.position'],
  kind: [KIND_ORDER, 'c.thematique_id', 'c.position'],
  text: ['c.sort_key'],
  date: [`coalesce((SELECT min(m.date) FROM contribution_source cs JOIN meeting m ON m.id = cs.meeting_id
    WHERE cs.contribution_id = c.id), '')`],
};

/**
 * One page of a consultation's contributions and how many matched. Their territory is their source
 * meetings' (any of them): the place's meetings by index, then their contributions.
 */
export function pageContributions(db: Catalogue, q: ContributionPageQuery): Page<Contribution> {
  const where = new Where();
  const place: [string, string] | null = q.departementCode
    ? ['departement_code', q.departementCode]
    : q.academieCode
      ? ['academie_code', q.academieCode]
      : q.regionCode
        ? ['region_code', q.regionCode]
        : null;
  if (place) {
    where.add(
      `c.id IN (SELECT cs.contribution_id FROM meeting m JOIN contribution_source cs ON cs.meeting_id = m.id
         WHERE m.campaign_id = ? AND m.${place[0]} = ?)`,
      q.campaignId, place[1],
    );
  }
  where
    .when(q.thematiqueId, 'c.thematique_id = ?', q.thematiqueId)
    .when(q.kind, 'c.kind = ?', q.kind)
    .when(q.meetingId, 'c.id IN (SELECT contribution_id FROM contribution_source WHERE meeting_id = ?)', q.meetingId)
    // A literal, not a parameter: only then can SQLite use the partial indexes of the retained and the others.
    .when(q.selection, q.selection === 'retenu' ? 'c.selected = 1' : 'c.selected = 0')
    .when(q.review === 'retenue' || undefined, 'c.selected = 1')
    .when(q.review === 'ecartee' || undefined, 'c.selected = 0 AND c.pending = 0')
    // Those à traiter are few beside the consultation's: found by their partial index (0019), then read by id.
    .when(q.review === 'a_traiter' || undefined, 'c.id IN (SELECT id FROM contribution WHERE campaign_id = ? AND pending = 1)', q.campaignId);
  const match = ftsQuery(q.search);
  if (match) where.add('c.id IN (SELECT rowid FROM contribution_fts WHERE contribution_fts MATCH ?)', match);
  // A place, a meeting or a search names the contributions: read those by id, then sorted, rather than
  // walking the consultation's in order to test each (`+`: no index of the consultation). Not a search
  // within a thématique: its index walk, each tested against the search's hits, is 3 to 6 times faster
  // than reading each of a common word's 70 000 hits by id (scale 10).
  const named = place || q.meetingId !== undefined || q.review === 'a_traiter' || (match && q.thematiqueId === undefined);
  where.add(named ? '+c.campaign_id = ?' : 'c.campaign_id = ?', q.campaignId);
  const { ids, total } = pageIds(db, {
    from: 'contribution c', idColumn: 'c.id', where, order: orderBy(CONTRIBUTION_ORDER, q.sort, 'c.id'), offset: q.offset, limit: q.limit,
  });
  return pageOfItems(contributionsByIds(db, ids), total, q);
}

/** These contributions, in the order of `ids`. */
export function contributionsByIds(db: Catalogue, ids: number[]): Contribution[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`${SELECT} WHERE c.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as ContributionRow[];
  return inOrder(ids, rows.map(toContribution));
}

/**
 * The selected contributions of a scope (scope.repo.ts says which), in queryContributions's order.
 * A région's are a good share of the consultation's selected ones (all of them in a région's own
 * catalogue): those are walked in order by their partial index, each kept if one of its sources is a
 * meeting of the région — or if it has none, written for the whole région (the same contributions as
 * scope.repo.ts's; 2× faster for Île-de-France at ten times the nation than reading the région's 78 000
 * contributions to keep 4 900). A smaller scope's are read from its meetings by index, then each by
 * its id (the `+` keeps SQLite from walking the consultation's contributions instead).
 */
export function selectedContributionsInScope(db: Catalogue, campaignId: number, scope: StatsScope): Contribution[] {
  const order = 'ORDER BY c.thematique_id, c.kind, c.position, c.id';
  if (scope.filterColumn === 'region_code') {
    // The région's meetings by their index, then the consultation's selected contributions with their source
    // meetings by the partial index, kept in JavaScript: a third faster than testing each source meeting's
    // row in SQL (scale 10). Then the kept ones, read by id.
    const meetings = scopeMeetings(campaignId, scope);
    const inScope = new Set(db.prepare(`SELECT m.id FROM meeting m WHERE ${meetings.sql}`).pluck().all(...meetings.params) as number[]);
    const kept = new Set<number>();
    const sourced = db
      .prepare(
        `SELECT c.id, cs.meeting_id FROM contribution c INDEXED BY contribution_selected
         LEFT JOIN contribution_source cs ON cs.contribution_id = c.id
         WHERE c.campaign_id = ? AND c.selected = 1`,
      )
      .raw()
      .all(campaignId) as [number, number | null][];
    // No source meeting: written for the whole région, in every région's synthesis.
    for (const [id, meeting] of sourced) if (meeting === null || inScope.has(meeting)) kept.add(id);
    const rows = db.prepare(`${SELECT} WHERE c.id IN (SELECT value FROM json_each(?)) ${order}`).all(JSON.stringify([...kept])) as ContributionRow[];
    return rows.map(toContribution);
  }
  const ids = contributionIdsOfScope(campaignId, scope, true);
  const rows = db
    .prepare(
      `${SELECT}
       WHERE c.id IN (${ids.sql}) AND +c.campaign_id = ? AND +c.selected = 1
       ${order}`,
    )
    .all(...ids.params, campaignId) as ContributionRow[];
  return rows.map(toContribution);
}

export function getContribution(db: Catalogue, id: number): Contribution | undefined {
  const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as ContributionRow | undefined;
  return row && toContribution(row);
}

/** `uid`: a received contribution keeps its identity; a new one gets a fresh one (migration 0007). */
export function insertContribution(db: Catalogue, c: ContributionWrite, uid: string | null = null): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO contribution (campaign_id, thematique_id, kind, text, heading, scale, parent_id, selected, pending, position, uid,
           sort_key, group_id, restitution_id, passage_range)
         VALUES (@campaignId, @thematiqueId, @kind, @text, @heading, @scale, @parentId, @sel, @pending, @position, @uid,
           @sortKey, @groupId, @restitutionId, @passageRange)`,
      )
      .run({
        ...c, ...reviewColumns(c), ...passageColumns(c.passage), groupId: c.groupId ?? null, uid, sortKey: foldedSortKey(c.text),
      }).lastInsertRowid,
  );
  writeSources(db, id, c.sourceMeetingIds);
  return id;
}

/** Its group and passage are kept when the write leaves them out (a form edits neither). */
export function updateContribution(db: Catalogue, c: ContributionWrite & { id: number }): void {
  db.prepare(
    `UPDATE contribution SET thematique_id = @thematiqueId, kind = @kind, text = @text, heading = @heading, scale = @scale,
       parent_id = @parentId, selected = @sel, pending = @pending, position = @position, sort_key = @sortKey,
       group_id = CASE WHEN @keepGroup THEN group_id ELSE @groupId END,
       restitution_id = CASE WHEN @keepPassage THEN restitution_id ELSE @restitutionId END,
       passage_range = CASE WHEN @keepPassage THEN passage_range ELSE @passageRange END
     WHERE id = @id`,
  ).run({
    ...c, ...reviewColumns(c), ...passageColumns(c.passage), sortKey: foldedSortKey(c.text),
    keepGroup: c.groupId === undefined ? 1 : 0, groupId: c.groupId ?? null, keepPassage: c.passage === undefined ? 1 : 0,
  });
  db.prepare('DELETE FROM contribution_source WHERE contribution_id = ?').run(c.id);
  writeSources(db, c.id, c.sourceMeetingIds);
}

export function countAnswers(db: Catalogue, defiId: number): number {
  return db.prepare('SELECT count(*) FROM contribution WHERE parent_id = ?').pluck().get(defiId) as number;
}

export function deleteContribution(db: Catalogue, id: number): boolean {
  return db.prepare('DELETE FROM contribution WHERE id = ?').run(id).changes > 0;
}

function writeSources(db: Catalogue, id: number, meetingIds: number[]): void {
  const insert = db.prepare('INSERT INTO contribution_source (contribution_id, meeting_id) VALUES (?, ?)');
  for (const meetingId of new Set(meetingIds)) insert.run(id, meetingId);
}

function toContribution(row: ContributionRow): Contribution {
  const range = row.passage_range === null ? null : (JSON.parse(row.passage_range) as Omit<ContributionPassage, 'restitutionId'>);
  return {
    id: row.id,
    campaignId: row.campaign_id,
    thematiqueId: row.thematique_id,
    kind: row.kind,
    text: row.text,
    heading: row.heading,
    scale: row.scale,
    parentId: row.parent_id,
    sourceMeetingIds: JSON.parse(row.sources_json) as number[],
    selected: row.selected === 1,
    position: row.position,
    review: row.selected === 1 ? 'retenue' : row.pending === 1 ? 'a_traiter' : 'ecartee',
    groupId: row.group_id,
    passage: row.restitution_id !== null && range ? { restitutionId: row.restitution_id, ...range } : null,
  };
}
