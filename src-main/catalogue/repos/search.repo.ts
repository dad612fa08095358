/**
 * One search over the consultation: each kind's best hits by FTS5's bm25 rank, with the matched
 * passage (snippet(), the matched words between [ and ]), and how many matched of each kind.
 */
import type { Catalogue } from '../database.ts';
import type { SearchHit } from '../../contract/schemas/search.ts';

type Kind = SearchHit['kind'];

/** Per kind: its index, the record joined to it (alias x) and what a hit shows. */
const KINDS: Record<Kind, { fts: string; join: string; campaign: string; hit: string }> = {
  meeting: {
    fts: 'meeting_fts',
    join: 'JOIN meeting x ON x.id = f.rowid',
    campaign: 'x.campaign_id',
    hit: 'x.id AS id, NULL AS thematiqueId, NULL AS sectionKey, NULL AS scope, x.title AS title',
  },
  retex: {
    fts: 'retex_fts',
    join: 'JOIN retex x ON x.id = f.rowid',
    campaign: 'x.campaign_id',
    hit: 'x.id AS id, x.thematique_id AS thematiqueId, NULL AS sectionKey, NULL AS scope, x.title AS title',
  },
  contribution: {
    fts: 'contribution_fts',
    join: 'JOIN contribution x ON x.id = f.rowid',
    campaign: 'x.campaign_id',
    hit: `x.id AS id, x.thematique_id AS thematiqueId, NULL AS sectionKey, NULL AS scope,
      coalesce(nullif(x.heading, ''), x.text) AS title`,
  },
  texte: {
    fts: 'section_text_fts',
    join: '',
    campaign: 'f.campaign_id',
    hit: `NULL AS id, nullif(f.thematique_id, 0) AS thematiqueId, f.section_key AS sectionKey, f.scope AS scope,
      coalesce((SELECT s.title FROM trame_section s JOIN trame t ON t.id = s.trame_id
                WHERE s.key = f.section_key AND (t.campaign_id = f.campaign_id OR t.campaign_id IS NULL)
                ORDER BY t.campaign_id IS NULL, t.id LIMIT 1), f.section_key) AS title`,
  },
};

/** A hit's title is a line: the start of a long text. */
const TITLE_CHARS = 120;

/**
 * The index is read first, on its own (a MATERIALIZED step): joined as SQLite would plan it, the
 * consultation's rows are walked and the index is searched once per row — minutes on a national catalogue.
 */
function matches(k: (typeof KINDS)[Kind], ranked: boolean): string {
  return `WITH hit AS MATERIALIZED (SELECT rowid AS id${ranked ? ', rank' : ''} FROM ${k.fts} WHERE ${k.fts} MATCH ?)`;
}

/** The record of each hit, for its consultation (a texte's is in its own index). */
function joinHit(k: (typeof KINDS)[Kind]): string {
  return k.join ? k.join.replace('f.rowid', 'hit.id') : `JOIN ${k.fts} f ON f.rowid = hit.id`;
}

/** The first `limit` hits of one kind, best first. `match` comes from list-sql.ts's ftsQuery. */
export function searchKind(db: Catalogue, kind: Kind, campaignId: number, match: string, limit: number): SearchHit[] {
  const k = KINDS[kind];
  const best = db
    .prepare(`${matches(k, true)} SELECT hit.id FROM hit ${joinHit(k)} WHERE ${k.campaign} = ? ORDER BY hit.rank, hit.id LIMIT ?`)
    .pluck()
    .all(match, campaignId, limit) as number[];
  if (best.length === 0) return [];
  // The passages, for these few only (snippet() needs the match, and the rowid narrows it).
  const rows = db
    .prepare(
      `SELECT f.rowid AS rid, ${k.hit}, snippet(${k.fts}, -1, '[', ']', '…', 16) AS snippet
       FROM ${k.fts} f ${k.join}
       WHERE ${k.fts} MATCH ? AND f.rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(match, JSON.stringify(best)) as (Omit<SearchHit, 'kind'> & { rid: number })[];
  const byRowid = new Map(rows.map((r) => [r.rid, r]));
  return best.flatMap((rowid) => {
    const found = byRowid.get(rowid);
    if (!found) return [];
    const { rid: _rid, ...r } = found;
    return [{ kind, ...r, title: r.title.length > TITLE_CHARS ? `${r.title.slice(0, TITLE_CHARS - 1).trimEnd()}…` : r.title }];
  });
}

export function countKind(db: Catalogue, kind: Kind, campaignId: number, match: string): number {
  const k = KINDS[kind];
  return db
    .prepare(`${matches(k, false)} SELECT count(*) FROM hit ${joinHit(k)} WHERE ${k.campaign} = ?`)
    .pluck()
    .get(match, campaignId) as number;
}
