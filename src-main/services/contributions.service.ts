import { inTransaction } from '../catalogue/database.ts';
import * as repo from '../catalogue/repos/contribution.repo.ts';
import { conflict } from '../contract/errors.ts';
import type { Catalogue } from '../catalogue/database.ts';
import type { Contribution } from '../contract/schemas/content.ts';
import type { HandlerGroup } from './context.ts';
import { requireCampaign, requireMeetings, requireThematique } from './ownership.ts';
import { deleted, found } from './require.ts';

function check(db: Catalogue, c: Omit<Contribution, 'id'> & { id?: number }): void {
  requireCampaign(db, c.campaignId);
  requireThematique(db, c.campaignId, c.thematiqueId);
  requireMeetings(db, c.campaignId, c.sourceMeetingIds);
  if (c.parentId !== null) {
    const parent = repo.getContribution(db, c.parentId);
    if (!parent || parent.kind !== 'defi' || parent.thematiqueId !== c.thematiqueId || parent.id === c.id) {
      throw conflict('Une proposition ne peut répondre qu’à un défi de la même thématique.');
    }
    if (c.kind !== 'proposition') throw conflict('Seule une proposition peut répondre à un défi.');
  }
}

export const contributionHandlers: HandlerGroup<'contributions'> = {
  'contributions.list': (filter, { db }) => repo.queryContributions(db, filter),
  'contributions.get': ({ id }, { db }) => found(repo.getContribution(db, id), 'Contribution'),
  'contributions.create': (input, { db }) =>
    inTransaction(db, () => {
      check(db, input);
      return repo.getContribution(db, repo.insertContribution(db, input))!;
    }),
  'contributions.update': ({ id, ...patch }, { db }) =>
    inTransaction(db, () => {
      const next = { ...found(repo.getContribution(db, id), 'Contribution'), ...patch };
      check(db, next);
      repo.updateContribution(db, next);
      return repo.getContribution(db, id)!;
    }),
  'contributions.delete': ({ id }, { db }) => deleted(repo.deleteContribution(db, id), 'Contribution'),
};
