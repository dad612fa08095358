import type { Catalogue } from '../database.ts';
import type { Retex, SelectionState } from '../../contract/schemas/content.ts';
import type { Page } from '../../contract/schemas/lists.ts';
import { foldedSortKey, ftsQuery, inOrder, orderBy, pageIds, pageOfItems, sortKey, type SortSpec, Where } from './list-sql.ts';
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

/** The retex list as the screens ask for it (contract RetexFilter, parsed). */
export interface RetexPageQuery {
  campaignId: number;
  thematiqueId?: number;
  regionCode?: string;
  academieCode?: string;
  departementCode?: string;
  meetingId?: number;
  selection?: SelectionState;
  search?: string;
  sort: SortSpec;
  offset: number;
  limit: number;
}

/** Sortable columns (contract RETEX_SORTS). `position`: the synthesis's order. */
const RETEX_ORDER: Record<string, string[]> = {
  position: ['r.thematique_id', 'r.position'],
  title: ['r.sort_key'],
  etablissement: [`coalesce((SELECT ${sortKey('nom')} FROM etablissement WHERE uai = r.etablissement_uai), '')`],
  date: ["coalesce((SELECT date FROM meeting WHERE id = r.source_meeting_id), '')"],
};

/**
 * Where a retex is in the territory: its établissement's place, else its source meeting's (as a
 * synthesis places it, scope.repo.ts). The two kinds found apart, each by its index (migration 0009),
 * never by walking the consultation's retex. Parameters: the place's code, the consultation, the code.
 */
function retexInPlace(column: 'departement_code' | 'academie_code' | 'region_code'): string {
  const etablissements =
    column === 'departement_code'
      ? 'SELECT uai FROM etablissement WHERE departement_code = ?'
      : column === 'academie_code'
        ? 'SELECT e.uai FROM etablissement e JOIN departement d ON d.code = e.departement_code WHERE d.academie_code = ?'
        : `SELECT e.uai FROM etablissement e JOIN departement d ON d.code = e.departement_code
           JOIN academie a ON a.code = d.academie_code WHERE a.region_code = ?`;
  return `r.id IN (
      SELECT id FROM retex WHERE etablissement_uai IN (${etablissements})
      UNION ALL
      SELECT id FROM retex WHERE source_meeting_id IN (SELECT id FROM meeting WHERE campaign_id = ? AND ${column} = ?)
        AND etablissement_uai IS NULL)`;
}

/** One page of a consultation's retex and how many matched. */
export function pageRetex(db: Catalogue, q: RetexPageQuery): Page<Retex> {
  const where = new Where();
  if (q.departementCode) where.add(retexInPlace('departement_code'), q.departementCode, q.campaignId, q.departementCode);
  else if (q.academieCode) where.add(retexInPlace('academie_code'), q.academieCode, q.campaignId, q.academieCode);
  else if (q.regionCode) where.add(retexInPlace('region_code'), q.regionCode, q.campaignId, q.regionCode);
  where
    .when(q.thematiqueId, 'r.thematique_id = ?', q.thematiqueId)
    .when(q.meetingId, 'r.source_meeting_id = ?', q.meetingId)
    .when(q.selection, q.selection === 'retenu' ? 'r.selected = 1' : 'r.selected = 0'); // a literal: the partial index applies
  const match = ftsQuery(q.search);
  if (match) where.add('r.id IN (SELECT rowid FROM retex_fts WHERE retex_fts MATCH ?)', match);
  // A place, a meeting or a search names the retex: read those by id, then sorted (see pageContributions).
  const narrow = q.departementCode || q.academieCode || q.regionCode || q.meetingId !== undefined || match;
  where.add(narrow ? '+r.campaign_id = ?' : 'r.campaign_id = ?', q.campaignId);
  const { ids, total } = pageIds(db, {
    from: 'retex r', idColumn: 'r.id', where, order: orderBy(RETEX_ORDER, q.sort, 'r.id'), offset: q.offset, limit: q.limit,
  });
  return pageOfItems(retexByIds(db, ids), total, q);
}

/** These retex, in the order of `ids`. */
export function retexByIds(db: Catalogue, ids: number[]): Retex[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`${SELECT} WHERE r.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as RetexRow[];
  return inOrder(ids, rows.map(toRetex));
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
        `INSERT INTO retex (campaign_id, thematique_id, title, text, niveau, classes, etablissement_uai, source_meeting_id, selected, position, uid, sort_key)
         VALUES (@campaignId, @thematiqueId, @title, @text, @niveau, @classes, @etablissementUai, @sourceMeetingId, @sel, @position, @uid, @sortKey)`,
      )
      .run({ ...r, sel: r.selected ? 1 : 0, uid, sortKey: foldedSortKey(r.title) }).lastInsertRowid,
  );
  writeLinks(db, id, r.links);
  return id;
}

export function updateRetex(db: Catalogue, r: Retex): void {
  db.prepare(
    `UPDATE retex SET thematique_id = @thematiqueId, title = @title, text = @text, niveau = @niveau, classes = @classes,
       etablissement_uai = @etablissementUai, source_meeting_id = @sourceMeetingId, selected = @sel, position = @position,
       sort_key = @sortKey
     WHERE id = @id`,
  ).run({ ...r, sel: r.selected ? 1 : 0, sortKey: foldedSortKey(r.title) });
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
