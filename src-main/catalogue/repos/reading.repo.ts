/**
 * What is left to read (« Reste à lire »). Aggregates only, each by an index: the pending contributions by
 * their partial index (migration 0019 contribution_pending) and their sources by primary key, grouped by
 * meeting, then the scope's test on those meetings alone; the thématiques' counts from the thématique index
 * (covering) and the pending one. Measured on the national catalogue at ten times the scale (30 000
 * meetings, 300 000 contributions, 30 000 pending): tens of milliseconds, where reading every meeting of
 * the scope (titles and counts) took 100 to 500 ms before a row reached JavaScript.
 */
import type { Catalogue } from '../database.ts';
import type { ReadingProgress } from '../../contract/schemas/review.ts';
import { scopeFilter, scopeMeetings, type StatsScope } from './stats.repo.ts';

type MeetingProgress = ReadingProgress['meetings'][number];
type ThematiqueProgress = ReadingProgress['thematiques'][number];

/**
 * The scope's meetings with contributions still à traiter, most first (then by title), at most `limit`,
 * each with its restitutions and contributions; and how many such meetings there are in all (the window
 * count, taken before the limit).
 */
export function pendingMeetings(db: Catalogue, campaignId: number, scope: StatsScope, limit: number): { meetings: MeetingProgress[]; total: number } {
  // A département's few meetings: theirs first, then their contributions' pending flags. A wider scope: the
  // pending contributions first (fewer than the scope's contributions once reading is under way).
  const byMeetings = scope.filterColumn === 'departement_code';
  const f = byMeetings ? scopeMeetings(campaignId, scope) : scopeFilter(scope);
  const pending = byMeetings
    ? `SELECT m.id AS meeting_id, count(*) AS n FROM meeting m JOIN contribution_source cs ON cs.meeting_id = m.id
         JOIN contribution c ON c.id = cs.contribution_id WHERE ${f.sql} AND c.pending = 1 GROUP BY m.id`
    : `SELECT cs.meeting_id, count(*) AS n
         FROM contribution c INDEXED BY contribution_pending JOIN contribution_source cs ON cs.contribution_id = c.id
         WHERE c.campaign_id = ? AND c.pending = 1 GROUP BY cs.meeting_id`;
  const rows = db
    .prepare(
      `WITH pending AS MATERIALIZED (${pending}),
       ranked AS (
         SELECT m.id AS meetingId, m.title, p.n AS pending, count(*) OVER () AS total
         FROM pending p JOIN meeting m ON m.id = p.meeting_id
         WHERE ${byMeetings ? '1' : `m.campaign_id = ? AND ${f.sql}`}
         ORDER BY p.n DESC, m.title, m.id LIMIT ?)
       SELECT k.meetingId, k.title, k.pending, k.total,
         (SELECT count(*) FROM restitution r WHERE r.meeting_id = k.meetingId) AS restitutions,
         (SELECT count(*) FROM contribution_source cs WHERE cs.meeting_id = k.meetingId) AS contributions
       FROM ranked k ORDER BY k.pending DESC, k.title, k.meetingId`,
    )
    .all(...(byMeetings ? [...f.params, limit] : [campaignId, campaignId, ...f.params, limit])) as (MeetingProgress & { total: number })[];
  return {
    meetings: rows.map(({ total: _total, ...m }) => m),
    total: rows[0]?.total ?? 0,
  };
}

/** Per thématique of the consultation: its contributions, those à traiter, and its groups still à traiter. */
export function thematiqueProgress(db: Catalogue, campaignId: number): ThematiqueProgress[] {
  return db
    .prepare(
      `SELECT t.id AS thematiqueId, t.number, t.title,
         (SELECT count(*) FROM contribution c INDEXED BY contribution_by_thematique
            WHERE c.campaign_id = t.campaign_id AND c.thematique_id = t.id) AS contributions,
         ${LEFT_TO_REVIEW}
       FROM thematique t WHERE t.campaign_id = ? ORDER BY t.number`,
    )
    .all(campaignId) as ThematiqueProgress[];
}

/**
 * Per thématique: what is left to review alone (the synthesis's checks), from the partial indexes — the
 * consultation's contributions are never walked (300 000 at ten times the nation).
 */
export function leftToReview(db: Catalogue, campaignId: number): Omit<ThematiqueProgress, 'contributions'>[] {
  return db
    .prepare(`SELECT t.id AS thematiqueId, t.number, t.title, ${LEFT_TO_REVIEW} FROM thematique t WHERE t.campaign_id = ? ORDER BY t.number`)
    .all(campaignId) as Omit<ThematiqueProgress, 'contributions'>[];
}

const LEFT_TO_REVIEW = `(SELECT count(*) FROM contribution c INDEXED BY contribution_pending
            WHERE c.campaign_id = t.campaign_id AND c.thematique_id = t.id AND c.pending = 1) AS pending,
         (SELECT count(*) FROM contribution_group g
            WHERE g.campaign_id = t.campaign_id AND g.thematique_id = t.id AND g.review = 'a_traiter') AS groupsToReview`;

/** The scope's meetings with no restitution at all. */
export function meetingsWithoutRestitution(db: Catalogue, campaignId: number, scope: StatsScope): number {
  const f = scopeMeetings(campaignId, scope);
  return db
    .prepare(`SELECT count(*) FROM meeting m WHERE ${f.sql} AND NOT EXISTS (SELECT 1 FROM restitution r WHERE r.meeting_id = m.id)`)
    .pluck()
    .get(...f.params) as number;
}
