import { inTransaction } from '../catalogue/database.ts';
import * as repo from '../catalogue/repos/trame.repo.ts';
import type { Trame } from '../contract/schemas/trame.ts';
import type { HandlerGroup } from './context.ts';
import { requireCampaign, requireThematique } from './ownership.ts';
import { editable } from './editable.ts';
import { computeBilan } from './stats.service.ts';
import { placeholderList } from '../synthesis/figures.ts';

const trames = editable<Trame>({
  what: 'Trame',
  get: repo.getTrame,
  insert: repo.insertTrame,
  update: repo.updateTrame,
  remove: repo.deleteTrame,
  check(db, t) {
    if (t.campaignId !== null) requireCampaign(db, t.campaignId);
  },
});

export const trameHandlers: HandlerGroup<'trames'> = {
  'trames.list': ({ campaignId }, { db }) => repo.listTrames(db, campaignId),
  'trames.get': ({ id }, { db }) => trames.get(db, id),
  // A trame made in the app is never a preset, whatever the caller says.
  'trames.create': (input, { db }) => trames.create(db, { ...input, presetSlug: null }),
  'trames.update': ({ id, ...patch }, { db }) => trames.update(db, id, patch),
  'trames.delete': ({ id }, { db }) => trames.remove(db, id),
  'trames.duplicate': ({ id, name }, { db }) => {
    const { id: _id, presetSlug: _preset, ...original } = trames.get(db, id);
    return trames.create(db, { ...original, name: name ?? `${original.name} (copie)`, presetSlug: null });
  },
  // What {{…}} gives in this scope's document: the figures of its Bilan, its dates and its name.
  'trames.placeholders': ({ campaignId, regionCode, scope }, { db }) => placeholderList(computeBilan(db, campaignId, scope, regionCode)),
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
