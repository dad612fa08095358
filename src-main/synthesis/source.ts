/** Everything a synthesis needs, read from the catalogue in a handful of queries. */
import type { Catalogue } from '../catalogue/database.ts';
import { getCampaign } from '../catalogue/repos/campaign.repo.ts';
import { queryContributions } from '../catalogue/repos/contribution.repo.ts';
import { queryRetex } from '../catalogue/repos/retex.repo.ts';
import { getTrame, listSectionTexts, listTrames } from '../catalogue/repos/trame.repo.ts';
import { conflict } from '../contract/errors.ts';
import type { Campaign } from '../contract/schemas/campaign.ts';
import type { Contribution, Retex } from '../contract/schemas/content.ts';
import type { Bilan } from '../contract/schemas/reports.ts';
import type { Trame } from '../contract/schemas/trame.ts';
import { found } from '../services/require.ts';
import { currentSettings } from '../services/settings.service.ts';
import { computeBilan } from '../services/stats.service.ts';

export interface SynthesisSource {
  campaign: Campaign;
  trame: Trame;
  bilan: Bilan;
  contact: string;
  retex: Retex[];
  contributions: Contribution[];
  /** Section texts by `${sectionKey}:${thematiqueId ?? 0}`. */
  texts: Map<string, string>;
}

export interface SynthesisRequest {
  campaignId: number;
  trameId?: number;
  regionCode?: string;
}

export function loadSource(db: Catalogue, request: SynthesisRequest): SynthesisSource {
  const campaign = found(getCampaign(db, request.campaignId), 'Consultation');
  const trame = request.trameId !== undefined ? found(getTrame(db, request.trameId), 'Trame') : defaultTrame(db, campaign.id);
  const texts = new Map(
    listSectionTexts(db, campaign.id).map((t) => [textKey(t.sectionKey, t.thematiqueId), t.text] as const),
  );
  return {
    campaign,
    trame,
    bilan: computeBilan(db, campaign.id, request.regionCode),
    contact: currentSettings(db).contact,
    retex: queryRetex(db, { campaignId: campaign.id, selectedOnly: true }),
    contributions: queryContributions(db, { campaignId: campaign.id, selectedOnly: true }),
    texts,
  };
}

export function textKey(sectionKey: string, thematiqueId: number | null): string {
  return `${sectionKey}:${thematiqueId ?? 0}`;
}

/** The campaign's own trame (its preset first), else a shared one. */
function defaultTrame(db: Catalogue, campaignId: number): Trame {
  const trames = listTrames(db, campaignId);
  const trame = trames.find((t) => t.campaignId === campaignId) ?? trames[0];
  if (!trame) throw conflict('Aucune trame pour cette consultation : créez-en une ou installez la consultation prête à l’emploi.');
  return trame;
}
