/** Who changed what and when (migration 0019 review_event): appended, never edited. */
import type { Catalogue } from '../database.ts';
import type { ReviewEvent } from '../../contract/schemas/review.ts';
import { orderedUid } from '../uid.ts';
import { readIdentity } from './exchange.repo.ts';
import { readSettings } from './setting.repo.ts';

export type ReviewTarget = { contributionId: number } | { groupId: number };

export interface ReviewEventWrite {
  what: ReviewEvent['what'];
  from: string | null;
  to: string | null;
}

/** « DSDEN de la Vienne (Marie Dupont) »: the catalogue's name and the settings' contact, as they are now. */
export function reviewer(db: Catalogue): string {
  const name = readIdentity(db)?.name ?? 'Ce catalogue';
  const contact = readSettings(db).contact;
  return typeof contact === 'string' && contact.trim() !== '' ? `${name} (${contact.trim()})` : name;
}

export function insertReviewEvents(
  db: Catalogue, events: (ReviewEventWrite & ReviewTarget)[], who: string, at: Date,
): void {
  const insert = db.prepare(
    `INSERT INTO review_event (uid, contribution_id, group_id, at, who, what, from_value, to_value)
     VALUES (@uid, @contributionId, @groupId, @at, @who, @what, @from, @to)`,
  );
  const when = at.toISOString();
  for (const e of events) {
    insert.run({
      uid: orderedUid(), at: when, who, what: e.what, from: e.from, to: e.to,
      contributionId: 'contributionId' in e ? e.contributionId : null, groupId: 'groupId' in e ? e.groupId : null,
    });
  }
}

/** By time, then by identity (orderedUid: creation order): the same order in every catalogue the history reached. */
export function reviewEvents(db: Catalogue, target: ReviewTarget): ReviewEvent[] {
  const [column, id] = 'contributionId' in target ? ['contribution_id', target.contributionId] : ['group_id', target.groupId];
  return db
    .prepare(`SELECT at, who, what, from_value AS "from", to_value AS "to" FROM review_event WHERE ${column} = ? ORDER BY at, uid`)
    .all(id) as ReviewEvent[];
}
