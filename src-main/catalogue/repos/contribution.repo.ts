import type { Catalogue } from '../database.ts';
import type { Contribution } from '../../contract/schemas/content.ts';
import { contributionIdsOfScope } from './scope.repo.ts';
import type { StatsScope } from './stats.repo.ts';

interface ContributionRow {
  id: number; campaign_id: number; thematique_id: number; kind: Contribution['kind']; text: string;
  heading: string | null; scale: Contribution['scale']; parent_id: number | null; selected: 0 | 1; position: number;
  sources_json: string;
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

/**
 * The selected contributions of a scope (scope.repo.ts says which), in queryContributions's order:
 * read from the scope's meetings by index, then each by its id, never by walking the consultation's
 * contributions (the `+` keeps SQLite from walking them by an index of the consultation instead).
 */
export function selectedContributionsInScope(db: Catalogue, campaignId: number, scope: StatsScope): Contribution[] {
  const ids = contributionIdsOfScope(campaignId, scope, true);
  const rows = db
    .prepare(
      `${SELECT}
       WHERE c.id IN (${ids.sql}) AND +c.campaign_id = ? AND +c.selected = 1
       ORDER BY c.thematique_id, c.kind, c.position, c.id`,
    )
    .all(...ids.params, campaignId) as ContributionRow[];
  return rows.map(toContribution);
}

export function getContribution(db: Catalogue, id: number): Contribution | undefined {
  const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as ContributionRow | undefined;
  return row && toContribution(row);
}

/** `uid`: a received contribution keeps its identity; a new one gets a fresh one (migration 0007). */
export function insertContribution(db: Catalogue, c: Omit<Contribution, 'id'>, uid: string | null = null): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO contribution (campaign_id, thematique_id, kind, text, heading, scale, parent_id, selected, position, uid)
         VALUES (@campaignId, @thematiqueId, @kind, @text, @heading, @scale, @parentId, @sel, @position, @uid)`,
      )
      .run({ ...c, sel: c.selected ? 1 : 0, uid }).lastInsertRowid,
  );
  writeSources(db, id, c.sourceMeetingIds);
  return id;
}

export function updateContribution(db: Catalogue, c: Contribution): void {
  db.prepare(
    `UPDATE contribution SET thematique_id = @thematiqueId, kind = @kind, text = @text, heading = @heading, scale = @scale,
       parent_id = @parentId, selected = @sel, position = @position WHERE id = @id`,
  ).run({ ...c, sel: c.selected ? 1 : 0 });
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
  };
}
