import { inTransaction } from '../catalogue/database.ts';
import * as repo from '../catalogue/repos/trame.repo.ts';
import type { Catalogue } from '../catalogue/database.ts';
import type { Trame } from '../contract/schemas/trame.ts';
import type { HandlerGroup } from './context.ts';
import { requireCampaign, requireThematique } from './ownership.ts';
import { deleted, found } from './require.ts';

function checkTrame(db: Catalogue, t: Omit<Trame, 'id'>): void {
  if (t.campaignId !== null) requireCampaign(db, t.campaignId);
}

export const trameHandlers: HandlerGroup<'trames'> = {
  'trames.list': ({ campaignId }, { db }) => repo.listTrames(db, campaignId),
  'trames.get': ({ id }, { db }) => found(repo.getTrame(db, id), 'Trame'),
  'trames.create': (input, { db }) =>
    inTransaction(db, () => {
      const trame = { ...input, presetSlug: null };
      checkTrame(db, trame);
      return repo.getTrame(db, repo.insertTrame(db, trame))!;
    }),
  'trames.update': ({ id, ...patch }, { db }) =>
    inTransaction(db, () => {
      const next = { ...found(repo.getTrame(db, id), 'Trame'), ...patch };
      checkTrame(db, next);
      repo.updateTrame(db, next);
      return repo.getTrame(db, id)!;
    }),
  'trames.delete': ({ id }, { db }) => deleted(repo.deleteTrame(db, id), 'Trame'),
};

export const sectionTextHandlers: HandlerGroup<'sectionTexts'> = {
  'sectionTexts.list': ({ campaignId }, { db }) => repo.listSectionTexts(db, campaignId),
  'sectionTexts.get': (key, { db }) => {
    requireCampaign(db, key.campaignId);
    return { ...key, text: repo.getSectionText(db, key) };
  },
  'sectionTexts.set': (input, { db }) =>
    inTransaction(db, () => {
      requireCampaign(db, input.campaignId);
      if (input.thematiqueId !== null) requireThematique(db, input.campaignId, input.thematiqueId);
      repo.setSectionText(db, input);
      return { ...input, text: repo.getSectionText(db, input) };
    }),
};
