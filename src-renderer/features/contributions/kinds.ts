/** The contribution kinds in the order of the trames, with the titles of their groups on screen. */
import { CONTRIBUTION_KIND_LABELS, ContributionKind, Scale, SCALE_HEADINGS } from '../../../src-main/contract/domain.ts';

export const KINDS = ContributionKind.options;
export const SCALES = Scale.options;
export { CONTRIBUTION_KIND_LABELS, SCALE_HEADINGS };

/** Group titles ("Défis", "Actions et acteurs"): the domain's labels, in the plural. */
export const KIND_GROUP_TITLES: Record<ContributionKind, string> = {
  etat_des_lieux: 'État des lieux',
  attente: 'Attentes',
  action: 'Actions et acteurs',
  defi: 'Défis',
  proposition: 'Propositions',
};

/** A contribution named in a button's accessible name: its first words, without markup. */
export function excerpt(text: string, max = 70): string {
  const plain = text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
}
