import { readFileSync } from 'node:fs';
import { inTransaction } from '../catalogue/database.ts';
import { assetPath } from '../catalogue/paths.ts';
import * as repo from '../catalogue/repos/campaign.repo.ts';
import { readSettings, writeSetting } from '../catalogue/repos/setting.repo.ts';
import { presetTrameUid } from '../catalogue/repos/exchange-records.repo.ts';
import { readIdentity } from '../catalogue/repos/exchange.repo.ts';
import { insertTrame } from '../catalogue/repos/trame.repo.ts';
import { conflict } from '../contract/errors.ts';
import { CampaignCreate } from '../contract/schemas/campaign.ts';
import { TrameCreate } from '../contract/schemas/trame.ts';
import type { Catalogue } from '../catalogue/database.ts';
import type { HandlerGroup } from './context.ts';
import { deleted, found } from './require.ts';

export const PRESET_SLUGS = ['egn-2020', 'concertation-2015'] as const;

export const campaignHandlers: HandlerGroup<'campaigns'> = {
  'campaigns.list': (_input, { db }) => repo.listCampaigns(db),
  'campaigns.get': ({ id }, { db }) => found(repo.getCampaign(db, id), 'Consultation'),
  'campaigns.create': (input, { db }) =>
    inTransaction(db, () => {
      const { thematiques, ...fields } = input;
      const id = repo.insertCampaign(db, fields);
      for (const t of thematiques) repo.insertThematique(db, id, t);
      return repo.getCampaign(db, id)!;
    }),
  'campaigns.update': ({ id, ...patch }, { db }) =>
    inTransaction(db, () => {
      const { thematiques: _, ...current } = found(repo.getCampaign(db, id), 'Consultation');
      const next = { ...current, ...patch };
      if (next.startDate > next.endDate) throw conflict('La date de fin précède la date de début.');
      // Other catalogues know the consultation by its identifier: renamed, it would become another one there.
      if (next.slug !== current.slug && readIdentity(db)) {
        throw conflict(`L’identifiant d’une consultation ne change plus une fois le catalogue identifié (« ${current.slug} ») : les autres postes la reconnaissent par lui.`);
      }
      repo.updateCampaign(db, id, next);
      return repo.getCampaign(db, id)!;
    }),
  'campaigns.delete': ({ id }, { db }) =>
    inTransaction(db, () => {
      const result = deleted(repo.deleteCampaign(db, id), 'Consultation');
      if (readSettings(db).activeCampaignId === id) writeSetting(db, 'activeCampaignId', null);
      return result;
    }),
  'campaigns.installPreset': ({ slug }, { db }) => installPreset(db, slug),
};

export const thematiqueHandlers: HandlerGroup<'thematiques'> = {
  'thematiques.create': ({ campaignId, ...fields }, { db }) =>
    inTransaction(db, () => {
      found(repo.getCampaign(db, campaignId), 'Consultation');
      return repo.getThematique(db, repo.insertThematique(db, campaignId, fields))!;
    }),
  'thematiques.update': ({ id, ...patch }, { db }) =>
    inTransaction(db, () => {
      const current = found(repo.getThematique(db, id), 'Thématique');
      repo.updateThematique(db, id, { ...current, ...patch });
      return repo.getThematique(db, id)!;
    }),
  'thematiques.delete': ({ id }, { db }) =>
    inTransaction(db, () => {
      const used = repo.thematiqueUsage(db, id);
      if (used > 0) {
        throw conflict(`Cette thématique est encore utilisée (${used} rencontre(s), atelier(s), retex ou contribution(s)).`);
      }
      return deleted(repo.deleteThematique(db, id), 'Thématique');
    }),
};

/** Installs a ready-made campaign with its trame; installing twice returns the existing one. */
export function installPreset(db: Catalogue, slug: string) {
  if (!(PRESET_SLUGS as readonly string[]).includes(slug)) {
    throw conflict(`Consultation prête à l’emploi inconnue : « ${slug} » (connues : ${PRESET_SLUGS.join(', ')}).`);
  }
  const existing = repo.findCampaignBySlug(db, slug);
  if (existing) return existing;
  const preset = JSON.parse(readFileSync(assetPath('presets', `${slug}.json`), 'utf8')) as {
    campaign: unknown;
    trame: Record<string, unknown>;
  };
  const campaign = CampaignCreate.parse(preset.campaign);
  return inTransaction(db, () => {
    const { thematiques, ...fields } = campaign;
    const id = repo.insertCampaign(db, fields);
    for (const t of thematiques) repo.insertThematique(db, id, t);
    const trame = TrameCreate.parse({ ...preset.trame, campaignId: id });
    insertTrame(db, { ...trame, presetSlug: slug }, presetTrameUid(slug, slug));
    return repo.getCampaign(db, id)!;
  });
}
