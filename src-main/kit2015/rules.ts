/**
 * The 2015 kit's rules, from seed 000 (« Kit d’organisation des rencontres en établissements »), each beside the
 * words it models. The consultation's dates themselves (26 janvier – 9 mars 2015, élus until 8 février) are the
 * campaign's (assets/presets/concertation-2015.json): the rules below read them from there.
 */
import type { Campaign } from '../contract/schemas/campaign.ts';

/** The consultation the kit was written for (its preset's slug): its établissement meetings follow these rules. */
export const KIT_2015_SLUG = 'concertation-2015';

export function kitRulesApply(campaign: { slug?: string }): boolean {
  return campaign.slug === KIT_2015_SLUG;
}

/** « Les participants sont répartis en atelier de travail de 15 personnes ou moins sur l’une des 5 thématiques. » */
export const ATELIER_MAX = 15;

/**
 * « Chaque établissement transmet sa synthèse au responsable académique (DAN) dans la quinzaine qui suit la
 * rencontre et avant le 10 mars. » Fifteen days after the meeting, and no later than the consultation's last day
 * (9 mars 2015: « avant le 10 mars »).
 */
export const RESTITUTION_DAYS = 15;

/** The last day the établissement's synthesis is on time. */
export function restitutionDueDate(meetingDate: string, campaign: Pick<Campaign, 'endDate'>): string {
  const due = addDays(meetingDate, RESTITUTION_DAYS);
  return due < campaign.endDate ? due : campaign.endDate;
}

/** Where an établissement's synthesis stands on `today`: received, awaited (still on time), or late. */
export type RestitutionStatus = 'received' | 'due' | 'late';

export function restitutionStatus(
  m: { date: string; restitutionReceived: boolean },
  campaign: Pick<Campaign, 'endDate'>,
  today: string,
): RestitutionStatus {
  if (m.restitutionReceived) return 'received';
  return today > restitutionDueDate(m.date, campaign) ? 'late' : 'due';
}

/**
 * The kit's four headings of each thème, word for word (« Au sein de chaque partie, la trame proposée est : »),
 * keyed by the 2015 trame's section keys. Capitals take their accent (« État », where the seed typed « Etat »).
 */
export const KIT_HEADINGS: Record<string, string> = {
  etat_des_lieux: 'État des lieux',
  attentes: 'Principales attentes',
  realisations: 'Description de 1 à 2 réalisations présentées lors des ateliers',
  defis_propositions: 'Défis et propositions identifiés par l’établissement',
};

/** « … la transmettre au Délégué académique au numérique (DAN) » : who receives, and sends, the kit in an académie. */
export const KIT_SENDER = 'Délégué académique au numérique (DAN)';

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
