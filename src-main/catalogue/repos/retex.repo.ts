import type { Catalogue } from '../database.ts';
import type { Retex } from '../../contract/schemas/content.ts';
import { retexScope } from './scope.repo.ts';
import type { StatsScope } from './stats.repo.ts';

interface RetexRow {
  id: number; campaign_id: number; thematique_id: number; title: string; text: string; niveau: string | null;
  classes: string | null; etablissement_uai: string | null; source_meeting_id: number | null; selected: 0 | 1;
  position: number; links_json: string;
}

const SELECT = `
  SELECT r.*,
    (SELECT json_group_array(json_object('kind', kind, 'url', url, 'label', label))
       FROM (SELECT * FROM retex_link WHERE retex_id = r.id ORDER BY position)) AS links_json
  FROM retex r`;

export function queryRetex(
  db: Catalogue,
  q: { campaignId: number; thematiqueId?: number; selectedOnly?: boolean },
): Retex[] {
  const rows = db
    .prepare(
      `${SELECT}
       WHERE r.campaign_id = @campaignId
         AND (@thematiqueId IS NULL OR r.thematique_id = @thematiqueId)
         AND (@selectedOnly = 0 OR r.selected = 1)
       ORDER BY r.thematique_id, r.selected DESC, r.position, r.id`,
    )
    .all({ campaignId: q.campaignId, thematiqueId: q.thematiqueId ?? null, selectedOnly: q.selectedOnly ? 1 : 0 }) as RetexRow[];
  return rows.map(toRetex);
}

/**
 * The selected retex of a scope (scope.repo.ts says which), in queryRetex's order: the consultation's
 * selected ones by their partial index (a document prints a few), each placed by key lookups.
 */
export function selectedRetexInScope(db: Catalogue, campaignId: number, scope: StatsScope): Retex[] {
  const { joins, where } = retexScope(scope);
  const rows = db
    .prepare(
      `${SELECT} ${joins}
       WHERE r.campaign_id = ? AND r.selected = 1 AND ${where.sql}
       ORDER BY r.thematique_id, r.position, r.id`,
    )
    .all(campaignId, ...where.params) as RetexRow[];
  return rows.map(toRetex);
}

export function getRetex(db: Catalogue, id: number): Retex | undefined {
  const row = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as RetexRow | undefined;
  return row && toRetex(row);
}

/** `uid`: a received retex keeps its identity; a new one gets a fresh one (migration 0007). */
export function insertRetex(db: Catalogue, r: Omit<Retex, 'id'>, uid: string | null = null): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO retex (campaign_id, thematique_id, title, text, niveau, classes, etablissement_uai, source_meeting_id, selected, position, uid)
         VALUES (@campaignId, @thematiqueId, @title, @text, @niveau, @classes, @etablissementUai, @sourceMeetingId, @sel, @position, @uid)`,
      )
      .run({ ...r, sel: r.selected ? 1 : 0, uid }).lastInsertRowid,
  );
  writeLinks(db, id, r.links);
  return id;
}

export function updateRetex(db: Catalogue, r: Retex): void {
  db.prepare(
    `UPDATE retex SET thematique_id = @thematiqueId, title = @title, text = @text, niveau = @niveau, classes = @classes,
       etablissement_uai = @etablissementUai, source_meeting_id = @sourceMeetingId, selected = @sel, position = @position
     WHERE id = @id`,
  ).run({ ...r, sel: r.selected ? 1 : 0 });
  db.prepare('DELETE FROM retex_link WHERE retex_id = ?').run(r.id);
  writeLinks(db, r.id, r.links);
}

export function deleteRetex(db: Catalogue, id: number): boolean {
  return db.prepare('DELETE FROM retex WHERE id = ?').run(id).changes > 0;
}

function writeLinks(db: Catalogue, retexId: number, links: Retex['links']): void {
  const insert = db.prepare('INSERT INTO retex_link (retex_id, position, kind, url, label) VALUES (?, ?, ?, ?, ?)');
  links.forEach((link, index) => insert.run(retexId, index + 1, link.kind, link.url, link.label));
}

function toRetex(row: RetexRow): Retex {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    thematiqueId: row.thematique_id,
    title: row.title,
    text: row.text,
    niveau: row.niveau,
    classes: row.classes,
    etablissementUai: row.etablissement_uai,
    sourceMeetingId: row.source_meeting_id,
    links: JSON.parse(row.links_json) as Retex['links'],
    selected: row.selected === 1,
    position: row.position,
  };
}
