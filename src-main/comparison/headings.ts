/** The three parts of a comparison, named per kind of contribution (their French genders differ). Shared by the screen and the annex. */
import type { ContributionKind } from '../contract/domain.ts';

export interface ComparisonHeadings {
  returning: string;
  added: string;
  gone: string;
  /** An empty part. */
  none: string;
}

export const COMPARISON_HEADINGS: Record<ContributionKind, ComparisonHeadings> = {
  proposition: { returning: 'Propositions qui reviennent', added: 'Propositions nouvelles', gone: 'Propositions disparues', none: 'Aucune.' },
  attente: { returning: 'Attentes qui reviennent', added: 'Attentes nouvelles', gone: 'Attentes disparues', none: 'Aucune.' },
  action: { returning: 'Actions qui reviennent', added: 'Actions nouvelles', gone: 'Actions disparues', none: 'Aucune.' },
  defi: { returning: 'Défis qui reviennent', added: 'Défis nouveaux', gone: 'Défis disparus', none: 'Aucun.' },
  etat_des_lieux: { returning: 'Constats qui reviennent', added: 'Constats nouveaux', gone: 'Constats disparus', none: 'Aucun.' },
};

/** « évoquée dans 3 rencontres », « 1 rencontre », « aucune rencontre citée ». */
export function meetingsPhrase(meetings: number): string {
  if (meetings === 0) return 'aucune rencontre citée';
  return `${meetings}\u00A0rencontre${meetings > 1 ? 's' : ''}`;
}

/** A consultation's year, from its first day (« 2015 »). */
export function yearOf(startDate: string): string {
  return startDate.slice(0, 4);
}
