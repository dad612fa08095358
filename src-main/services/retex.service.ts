import { inTransaction } from '../catalogue/database.ts';
import * as repo from '../catalogue/repos/retex.repo.ts';
import type { Catalogue } from '../catalogue/database.ts';
import type { Retex } from '../contract/schemas/content.ts';
import type { HandlerGroup } from './context.ts';
import { requireCampaign, requireEtablissement, requireMeetings, requireThematique } from './ownership.ts';
import { deleted, found } from './require.ts';

function check(db: Catalogue, r: Omit<Retex, 'id'>): void {
  requireCampaign(db, r.campaignId);
  requireThematique(db, r.campaignId, r.thematiqueId);
  requireMeetings(db, r.campaignId, [r.sourceMeetingId]);
  requireEtablissement(db, r.etablissementUai);
}

export const retexHandlers: HandlerGroup<'retex'> = {
  'retex.list': (filter, { db }) => repo.queryRetex(db, filter),
  'retex.get': ({ id }, { db }) => found(repo.getRetex(db, id), 'Retour d’expérience'),
  'retex.create': (input, { db }) =>
    inTransaction(db, () => {
      check(db, input);
      return repo.getRetex(db, repo.insertRetex(db, input))!;
    }),
  'retex.update': ({ id, ...patch }, { db }) =>
    inTransaction(db, () => {
      const next = { ...found(repo.getRetex(db, id), 'Retour d’expérience'), ...patch };
      check(db, next);
      repo.updateRetex(db, next);
      return repo.getRetex(db, id)!;
    }),
  'retex.delete': ({ id }, { db }) => deleted(repo.deleteRetex(db, id), 'Retour d’expérience'),
};
