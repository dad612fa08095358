/** « Reste à lire »: what the coordinator has still to read, per meeting of a scope and per thématique. */
import type { Catalogue } from '../catalogue/database.ts';
import { meetingsWithoutRestitution, pendingMeetings, thematiqueProgress } from '../catalogue/repos/reading.repo.ts';
import type { ScopeRef } from '../contract/schemas/reports.ts';
import { READING_MEETINGS_MAX, type ReadingProgress } from '../contract/schemas/review.ts';
import type { Handlers } from './context.ts';
import { requireCampaign } from './ownership.ts';
import { resolveScope } from './scope.ts';

export function readingProgress(db: Catalogue, campaignId: number, ref: ScopeRef, regionCode?: string): ReadingProgress {
  requireCampaign(db, campaignId);
  const { stats } = resolveScope(db, ref, regionCode);
  const pending = pendingMeetings(db, campaignId, stats, READING_MEETINGS_MAX);
  return {
    meetings: pending.meetings,
    thematiques: thematiqueProgress(db, campaignId),
    meetingsWithPending: pending.total,
    withoutRestitution: meetingsWithoutRestitution(db, campaignId, stats),
  };
}

/** Declared apart from the other restitutions.* operations (restitutions.service.ts): only this one is about reading. */
export const readingProgressHandlers: Pick<Handlers, 'restitutions.progress'> = {
  'restitutions.progress': ({ campaignId, scope, regionCode }, { db }) => readingProgress(db, campaignId, scope, regionCode),
};
