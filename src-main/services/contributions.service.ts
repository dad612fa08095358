import * as repo from '../catalogue/repos/contribution.repo.ts';
import { groupRow } from '../catalogue/repos/group.repo.ts';
import { restitutionOfCampaign } from '../catalogue/repos/restitution.repo.ts';
import { insertReviewEvents, reviewer, reviewEvents } from '../catalogue/repos/review.repo.ts';
import { type Catalogue, inTransaction } from '../catalogue/database.ts';
import type { ReviewState } from '../contract/domain.ts';
import type { Contribution } from '../contract/schemas/content.ts';
import { conflict } from '../contract/errors.ts';
import type { HandlerGroup, ServiceContext } from './context.ts';
import { editable } from './editable.ts';
import { requireCampaign, requireMeetings, requireThematique } from './ownership.ts';
import { found } from './require.ts';
import { traceOf } from './trace.ts';

const contributions = editable<Contribution>({
  what: 'Contribution',
  get: repo.getContribution,
  insert: repo.insertContribution,
  update: repo.updateContribution,
  remove: repo.deleteContribution,
  check(db, c) {
    requireCampaign(db, c.campaignId);
    requireThematique(db, c.campaignId, c.thematiqueId);
    requireMeetings(db, c.campaignId, c.sourceMeetingIds);
    if (c.id !== undefined) keepAnsweredDefi(db, c.id, c.kind, c.thematiqueId);
    if (c.parentId === null) return;
    if (c.kind !== 'proposition') throw conflict('Seule une proposition peut répondre à un défi.');
    const parent = repo.getContribution(db, c.parentId);
    if (!parent || parent.kind !== 'defi' || parent.thematiqueId !== c.thematiqueId || parent.id === c.id) {
      throw conflict('Une proposition ne peut répondre qu’à un défi de la même thématique.');
    }
  },
});

/** A défi that propositions answer stays a défi of its thématique while they do. */
function keepAnsweredDefi(db: Catalogue, id: number, kind: string, thematiqueId: number): void {
  const current = repo.getContribution(db, id);
  if (current?.kind !== 'defi' || (kind === 'defi' && thematiqueId === current.thematiqueId)) return;
  const answers = repo.countAnswers(db, id);
  if (answers > 0) {
    throw conflict(`Ce défi a ${answers} proposition(s) qui y répondent : détachez-les avant d’en changer le type ou la thématique.`);
  }
}

type Patch = Partial<Omit<Contribution, 'id'>>;

/** `selected` alone (the lists' checkbox) makes it retenue or écartée; a review given wins. */
function withReview(patch: Patch): Patch {
  if (patch.review !== undefined || patch.selected === undefined) return patch;
  return { ...patch, review: patch.selected ? 'retenue' : 'ecartee' };
}

/** An update, its change of review state written in the history in the same transaction. */
export function updateContribution(db: Catalogue, id: number, patch: Patch, context: Pick<ServiceContext, 'now'>): Contribution {
  return inTransaction(db, () => {
    const before = found(repo.getContribution(db, id), 'Contribution');
    // A group gathers one thématique's contributions of one kind: a contribution that changes either leaves it.
    const leaves = before.groupId !== null &&
      ((patch.kind !== undefined && patch.kind !== before.kind) || (patch.thematiqueId !== undefined && patch.thematiqueId !== before.thematiqueId));
    const after = contributions.update(db, id, { ...withReview(patch), ...(leaves ? { groupId: null } : {}) });
    const events: Parameters<typeof insertReviewEvents>[1] = [];
    if (after.review !== before.review) events.push({ contributionId: id, what: 'etat', from: before.review, to: after.review });
    if (leaves) events.push({ contributionId: id, what: 'groupe', from: groupRow(db, before.groupId!)?.wording ?? null, to: null });
    if (events.length > 0) insertReviewEvents(db, events, reviewer(db), context.now());
    return after;
  });
}

/** Several contributions set to one review state (the groups' screen, a list's selection). */
export function reviewContributions(db: Catalogue, ids: number[], review: ReviewState, context: Pick<ServiceContext, 'now'>): number {
  return inTransaction(db, () => {
    let updated = 0;
    for (const id of new Set(ids)) {
      const before = found(repo.getContribution(db, id), 'Contribution');
      if (before.review === review) continue;
      updateContribution(db, id, { review }, context);
      updated++;
    }
    return updated;
  });
}

export const contributionHandlers: HandlerGroup<'contributions'> = {
  'contributions.list': (filter, { db }) => repo.pageContributions(db, filter),
  'contributions.get': ({ id }, { db }) => contributions.get(db, id),
  'contributions.create': (input, { db }) => inTransaction(db, () => {
    const groupId = input.groupId ?? null;
    const group = groupId === null ? undefined : groupRow(db, groupId);
    if (groupId !== null && (!group || group.campaignId !== input.campaignId || group.thematiqueId !== input.thematiqueId || group.kind !== input.kind)) {
      throw conflict('Ce groupe n’existe plus, ou n’est pas de la même thématique et du même type : la contribution ne peut pas y entrer.');
    }
    const passage = input.passage ?? null;
    if (passage !== null && !restitutionOfCampaign(db, passage.restitutionId, input.campaignId)) {
      throw conflict('La restitution d’où vient ce passage n’existe plus dans cette consultation.');
    }
    return contributions.create(db, { ...input, groupId, passage, review: input.review ?? (input.selected ? 'retenue' : 'ecartee') });
  }),
  'contributions.update': ({ id, ...patch }, context) => updateContribution(context.db, id, patch, context),
  'contributions.delete': ({ id }, { db }) => contributions.remove(db, id),
  'contributions.review': ({ ids, review }, context) => ({ updated: reviewContributions(context.db, ids, review, context) }),
  'contributions.history': ({ id }, { db }) => {
    found(repo.getContribution(db, id), 'Contribution');
    return reviewEvents(db, { contributionId: id });
  },
  'contributions.trace': (request, { db }) => traceOf(db, request),
};
