/** What the Comparaison screen proposes before the user chooses: pure, for the screen and its tests. */
import type { ContributionKind } from '../../../src-main/contract/domain.ts';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';

/**
 * The pair compared at first: the active consultation, against the 2015 concertation when it is
 * another one, else the latest consultation that started before it. Null when there is nothing to
 * compare with.
 */
export function defaultPair(campaigns: readonly Campaign[], active: Campaign | null): { fromId: number; toId: number } | null {
  const to = active ?? [...campaigns].sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
  if (!to) return null;
  const others = campaigns.filter((c) => c.id !== to.id);
  const from =
    others.find((c) => c.slug === 'concertation-2015') ??
    [...others].filter((c) => c.startDate < to.startDate).sort((a, b) => b.startDate.localeCompare(a.startDate))[0] ??
    others[0];
  return from ? { fromId: from.id, toId: to.id } : null;
}

export const yearOf = (campaign: Campaign): string => campaign.startDate.slice(0, 4);

/** The three lists' titles (as the Word annex names them: comparison/headings.ts). */
export const LIST_TITLES: Record<ContributionKind, { returning: string; added: string; gone: string }> = {
  proposition: { returning: 'Propositions qui reviennent', added: 'Propositions nouvelles', gone: 'Propositions disparues' },
  attente: { returning: 'Attentes qui reviennent', added: 'Attentes nouvelles', gone: 'Attentes disparues' },
  action: { returning: 'Actions qui reviennent', added: 'Actions nouvelles', gone: 'Actions disparues' },
  defi: { returning: 'Défis qui reviennent', added: 'Défis nouveaux', gone: 'Défis disparus' },
  etat_des_lieux: { returning: 'Constats qui reviennent', added: 'Constats nouveaux', gone: 'Constats disparus' },
};

/** An empty list, agreed with the kind's gender (« Aucune. » proposition, « Aucun. » défi). */
export function noneText(kind: ContributionKind): string {
  return kind === 'defi' || kind === 'etat_des_lieux' ? 'Aucun.' : 'Aucune.';
}

export function meetingsText(meetings: number): string {
  if (meetings === 0) return 'aucune rencontre citée';
  return `${meetings}\u00A0rencontre${meetings > 1 ? 's' : ''}`;
}

/** Links as a comparable key (the draft against what was saved). */
export function linksKey(links: readonly { fromThematiqueId: number; toThematiqueId: number }[]): string {
  return links.map((l) => `${l.fromThematiqueId}>${l.toThematiqueId}`).sort().join(',');
}
