import { existsSync, statSync } from 'node:fs';
import { inTransaction } from '../catalogue/database.ts';
import { catalogueCounts, lastChange } from '../catalogue/repos/document.repo.ts';
import { getCampaign } from '../catalogue/repos/campaign.repo.ts';
import { readSettings, writeSetting } from '../catalogue/repos/setting.repo.ts';
import { getStyleInfo } from '../catalogue/repos/style.repo.ts';
import { regionName } from '../catalogue/repos/territory.repo.ts';
import { conflict } from '../contract/errors.ts';
import type { Catalogue } from '../catalogue/database.ts';
import type { Settings } from '../contract/schemas/reports.ts';
import type { HandlerGroup } from './context.ts';

export function currentSettings(db: Catalogue): Settings {
  const stored = readSettings(db);
  return {
    regionCode: (stored.regionCode as string | undefined) ?? null,
    contact: (stored.contact as string | undefined) ?? '',
    activeCampaignId: (stored.activeCampaignId as number | undefined) ?? null,
    styleTemplateId: (stored.styleTemplateId as number | undefined) ?? null,
  };
}

export const catalogueHandlers: HandlerGroup<'catalogue'> = {
  'catalogue.info': (_input, { db, cataloguePath }) => {
    const path = cataloguePath ?? null;
    let bytes: number | null = null;
    if (path && existsSync(path)) bytes = statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
    return { path, bytes, lastChange: lastChange(db).toISOString(), ...catalogueCounts(db) };
  },
};

export const settingsHandlers: HandlerGroup<'settings'> = {
  'settings.get': (_input, { db }) => currentSettings(db),
  'settings.update': (patch, { db }) =>
    inTransaction(db, () => {
      if (patch.regionCode && !regionName(db, patch.regionCode)) {
        throw conflict(`Région académique inconnue : « ${patch.regionCode} ».`);
      }
      if (patch.activeCampaignId && !getCampaign(db, patch.activeCampaignId)) {
        throw conflict('Consultation introuvable.');
      }
      if (patch.styleTemplateId && !getStyleInfo(db, patch.styleTemplateId)) {
        throw conflict('Modèle de styles introuvable.');
      }
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) writeSetting(db, key, value);
      }
      return currentSettings(db);
    }),
};
