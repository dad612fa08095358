import * as repo from '../catalogue/repos/contribution.repo.ts';
import type { Catalogue } from '../catalogue/database.ts';
import { conflict } from '../contract/errors.ts';
import type { HandlerGroup } from './context.ts';
import { editable } from './editable.ts';
import { requireCampaign, requireMeetings, requireThematique } from './ownership.ts';

const contributions = editable({
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

export const contributionHandlers: HandlerGroup<'contributions'> = {
  'contributions.list': (filter, { db }) => repo.pageContributions(db, filter),
  'contributions.get': ({ id }, { db }) => contributions.get(db, id),
  'contributions.create': (input, { db }) => contributions.create(db, input),
  'contributions.update': ({ id, ...patch }, { db }) => contributions.update(db, id, patch),
  'contributions.delete': ({ id }, { db }) => contributions.remove(db, id),
};
