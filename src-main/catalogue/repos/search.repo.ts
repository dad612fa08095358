/**
 * One search over the consultation: each kind's best hits by FTS5's bm25 rank, with the matched
 * passage (the matched words between [ and ], text/passage.ts), and how many matched of each kind.
 */
import type { Catalogue } from '../database.ts';
import type { SearchHit } from '../../contract/schemas/search.ts';
import { passage } from '../../text/passage.ts';

type Kind = SearchHit['kind'];

/** Per kind: its index, the record joined to it (alias x) and what a hit shows. */
const KINDS: Record<Kind, { fts: string; columns: string[]; join: string; campaign: string; hit: string }> = {
  meeting: {
    fts: 'meeting_fts',
    columns: ['title', 'lieu', 'notes', 'defis', 'etablissement'],
    join: 'JOIN meeting x ON x.id = f.rowid',
    campaign: 'x.campaign_id',
    hit: 'x.id AS id, NULL AS thematiqueId, NULL AS sectionKey, NULL AS scope, x.title AS title',
  },
  retex: {
    fts: 'retex_fts',
    columns: ['title', 'text', 'niveau', 'classes'],
    join: 'JOIN retex x ON x.id = f.rowid',
    campaign: 'x.campaign_id',
    hit: 'x.id AS id, x.thematique_id AS thematiqueId, NULL AS sectionKey, NULL AS scope, x.title AS title',
  },
  contribution: {
    fts: 'contribution_fts',
    columns: ['text', 'heading'],
    join: 'JOIN contribution x ON x.id = f.rowid',
    campaign: 'x.campaign_id',
    hit: `x.id AS id, x.thematique_id AS thematiqueId, NULL AS sectionKey, NULL AS scope,
      coalesce(nullif(x.heading, ''), x.text) AS title`,
  },
  // A restitution's passage: the hit names its restitution, its meeting and the passage's place in it.
  restitution: {
    fts: 'restitution_fts',
    columns: ['text'],
    join: `JOIN restitution_passage x ON x.id = f.rowid JOIN restitution r ON r.id = x.restitution_id
      JOIN meeting m ON m.id = r.meeting_id`,
    campaign: 'm.campaign_id',
    hit: `r.id AS id, NULL AS thematiqueId, NULL AS sectionKey, NULL AS scope, m.id AS meetingId, x.idx AS passageIndex,
      m.title || ' — ' || CASE WHEN r.file_name = '' THEN 'texte saisi' ELSE r.file_name END AS title`,
  },
  texte: {
    fts: 'section_text_fts',
    columns: ['text'],
    join: '',
    campaign: 'f.campaign_id',
    hit: `NULL AS id, nullif(f.thematique_id, 0) AS thematiqueId, f.section_key AS sectionKey, f.scope AS scope,
      coalesce((SELECT coalesce(json_extract(s.title_by_thematique, '$."' || (SELECT number FROM thematique WHERE id = f.thematique_id) || '"'), s.title)
                FROM trame_section s JOIN trame t ON t.id = s.trame_id
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
function matches(k: (typeof KINDS)[Kind]): string {
  return `WITH hit AS MATERIALIZED (SELECT rowid AS id, rank FROM ${k.fts} WHERE ${k.fts} MATCH ?)`;
}

/** The record of each hit, for its consultation (a texte's is in its own index). */
function joinHit(k: (typeof KINDS)[Kind]): string {
  return k.join ? k.join.replace('f.rowid', 'hit.id') : `JOIN ${k.fts} f ON f.rowid = hit.id`;
}

/** Does every record of this kind belong to the consultation? Then no hit needs its record read to say so. */
function onlyConsultation(db: Catalogue, kind: Kind, campaignId: number): boolean {
  if (kind === 'texte') return false;
  // A restitution belongs to its meeting's consultation.
  const table = kind === 'restitution' ? 'meeting' : kind;
  // Each of min() and max() alone in its query reads one end of an index (together, the table is scanned).
  const [low, high] = db.prepare(`SELECT (SELECT min(campaign_id) FROM ${table}), (SELECT max(campaign_id) FROM ${table})`)
    .raw().get() as [number | null, number | null];
  return low === campaignId && high === campaignId;
}

/**
 * The first `limit` hits of one kind, best first (bm25), and how many matched. Joining each of 30 000
 * hits to its record only to check its consultation cost more than the ranking itself, so the join is
 * made only when the catalogue holds several consultations. `match` comes from list-sql.ts's ftsQuery.
 */
export function searchKind(
  db: Catalogue, kind: Kind, campaignId: number, search: { match: string; words: string[] }, limit: number,
): { hits: SearchHit[]; total: number } {
  const k = KINDS[kind];
  const { match, words } = search;
  let best: number[];
  let total: number;
  if (onlyConsultation(db, kind, campaignId)) {
    // FTS5 keeps the best `limit` as it ranks (ORDER BY rank … LIMIT), then a count without ranking:
    // faster than handing every ranked hit to JavaScript (retex at scale 10: 28 ms against 63).
    best = db.prepare(`SELECT rowid FROM ${k.fts} WHERE ${k.fts} MATCH ? ORDER BY rank, rowid LIMIT ?`).pluck().all(match, limit) as number[];
    total = best.length < limit ? best.length : (db.prepare(`SELECT count(*) FROM ${k.fts} WHERE ${k.fts} MATCH ?`).pluck().get(match) as number);
  } else {
    const ranked = db.prepare(`${matches(k)} SELECT hit.id, hit.rank FROM hit ${joinHit(k)} WHERE ${k.campaign} = ?`).raw().all(match, campaignId) as [number, number][];
    best = ranked.sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, limit).map(([id]) => id);
    total = ranked.length;
  }
  if (best.length === 0) return { hits: [], total: 0 };
  // Each hit's record and words by rowid (a seek, no match walked again), its passage cut in JavaScript.
  const detail = db.prepare(`SELECT ${k.hit}, ${k.columns.map((c, i) => `f.${c} AS column${i}`).join(', ')} FROM ${k.fts} f ${k.join} WHERE f.rowid = ?`);
  const hits = best.flatMap((rowid): SearchHit[] => {
    const row = detail.get(rowid) as (Omit<SearchHit, 'kind' | 'snippet'> & Record<string, string | null>) | undefined;
    if (!row) return [];
    const snippet = passage(k.columns.map((_, i) => row[`column${i}`] ?? ''), words);
    const { id, thematiqueId, sectionKey, scope, title } = row;
    const hit: SearchHit = { kind, id, thematiqueId, sectionKey, scope, snippet, title: title.length > TITLE_CHARS ? `${title.slice(0, TITLE_CHARS - 1).trimEnd()}…` : title };
    if (kind === 'restitution') Object.assign(hit, { meetingId: row.meetingId, passageIndex: row.passageIndex });
    return [hit];
  });
  return { hits, total };
}
