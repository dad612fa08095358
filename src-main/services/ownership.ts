/** Checks that what a record points to exists and belongs to the same consultation. */
import type { Catalogue } from '../catalogue/database.ts';
import { getCampaign, getThematique } from '../catalogue/repos/campaign.repo.ts';
import { countMeetingsOfCampaign } from '../catalogue/repos/meeting.repo.ts';
import { getEtablissement } from '../catalogue/repos/territory.repo.ts';
import { conflict } from '../contract/errors.ts';
import { found } from './require.ts';

export function requireCampaign(db: Catalogue, campaignId: number): void {
  found(getCampaign(db, campaignId), 'Consultation');
}

export function requireThematique(db: Catalogue, campaignId: number, thematiqueId: number): void {
  const thematique = getThematique(db, thematiqueId);
  if (!thematique || thematique.campaignId !== campaignId) {
    throw conflict('Cette thématique n’appartient pas à la consultation.');
  }
}

export function requireMeetings(db: Catalogue, campaignId: number, meetingIds: (number | null)[]): void {
  const ids = [...new Set(meetingIds.filter((id): id is number => id !== null))];
  if (ids.length === 0) return;
  if (countMeetingsOfCampaign(db, campaignId, ids) !== ids.length) throw conflict('Une rencontre source n’existe pas dans cette consultation.');
}

export function requireEtablissement(db: Catalogue, uai: string | null): void {
  if (uai !== null && !getEtablissement(db, uai)) {
    throw conflict(`Établissement inconnu : ${uai}. Ajoutez-le d’abord au catalogue.`);
  }
}
