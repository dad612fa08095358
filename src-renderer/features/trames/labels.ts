/** French words of the trame editor. */
import type { SectionScope, SectionSource } from '../../../src-main/contract/domain.ts';

export const SOURCE_LABELS: Record<SectionSource, string> = {
  text: 'Texte rédigé',
  contributions: 'Contributions',
  retex: 'Retours d’expérience',
  defis_propositions: 'Défis et propositions',
  bilan: 'Bilan des rencontres',
  chart: 'Graphique du bilan',
};

export const SOURCE_HINTS: Record<SectionSource, string> = {
  text: 'Le texte que vous rédigez ci-dessous, dans « Textes rédigés ».',
  contributions: 'Les contributions sélectionnées des types cochés.',
  retex: 'Les retours d’expérience sélectionnés, avec des emplacements vides jusqu’au minimum.',
  defis_propositions: 'Chaque défi suivi des propositions qui y répondent.',
  bilan: 'Le tableau des rencontres et des participants, calculé depuis le catalogue.',
  chart: 'Le graphique des rencontres et des participants.',
};

export const SCOPE_GROUPS: { scope: SectionScope; title: string; description: string }[] = [
  { scope: 'document', title: 'Sections du document', description: 'Écrites une fois, en tête du document entier.' },
  { scope: 'thematique', title: 'Sections de chaque thématique', description: 'Répétées pour chaque thématique, dans cet ordre.' },
];

export const FIELD_LABELS: Record<string, string> = {
  key: 'clé',
  scope: 'portée',
  title: 'titre',
  guidance: 'consigne',
  source: 'contenu',
  contributionKinds: 'types de contributions',
  retexMin: 'minimum de retex',
  retexMax: 'maximum de retex',
  numbered: 'numérotation',
  meetingCounts: 'ordre par nombre de rencontres',
  name: 'nom',
  subtitle: 'sous-titre',
  closingNote: 'note de fin',
};

/** A unique section key from its title: "Principales attentes" → "principales_attentes". */
export function sectionKey(title: string, taken: string[]): string {
  const base = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 50) || 'section';
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}_${n}`;
  return key;
}
