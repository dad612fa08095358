import * as repo from '../catalogue/repos/retex.repo.ts';
import type { HandlerGroup } from './context.ts';
import { editable } from './editable.ts';
import { requireCampaign, requireEtablissement, requireMeetings, requireThematique } from './ownership.ts';

const retex = editable({
  what: 'Retour d’expérience',
  get: repo.getRetex,
  insert: repo.insertRetex,
  update: repo.updateRetex,
  remove: repo.deleteRetex,
  check(db, r) {
    requireCampaign(db, r.campaignId);
    requireThematique(db, r.campaignId, r.thematiqueId);
    requireMeetings(db, r.campaignId, [r.sourceMeetingId]);
    requireEtablissement(db, r.etablissementUai);
  },
});

export const retexHandlers: HandlerGroup<'retex'> = {
  'retex.list': (filter, { db }) => repo.pageRetex(db, filter),
  'retex.get': ({ id }, { db }) => retex.get(db, id),
  'retex.create': (input, { db }) => retex.create(db, input),
  'retex.update': ({ id, ...patch }, { db }) => retex.update(db, id, patch),
  'retex.delete': ({ id }, { db }) => retex.remove(db, id),
};
