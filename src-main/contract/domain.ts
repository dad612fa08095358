/** The words of the domain as closed lists, shared by the contract, the catalogue and the documents. */
import { z } from 'zod';

export const MEETING_LEVELS = ['etablissement', 'bassin', 'departemental', 'academique', 'regional'] as const;
export const MeetingLevel = z.enum(MEETING_LEVELS);
export type MeetingLevel = z.infer<typeof MeetingLevel>;
export const MEETING_LEVEL_LABELS: Record<MeetingLevel, string> = {
  etablissement: 'Établissement',
  bassin: 'Bassin',
  departemental: 'Départemental',
  academique: 'Académique',
  regional: 'Régional',
};

export const MeetingFormat = z.enum(['presentiel', 'distanciel', 'hybride']);
export type MeetingFormat = z.infer<typeof MeetingFormat>;

export const BassinKind = z.enum(['ZAP', 'ECLORE']);
export type BassinKind = z.infer<typeof BassinKind>;

export const EtablissementType = z.enum(['ecole', 'college', 'lycee', 'lycee_professionnel', 'cite_scolaire', 'autre']);
export type EtablissementType = z.infer<typeof EtablissementType>;

/** Diversity of actors asked by the 2015 kit (seed 000); the order is the order of every grid. */
export const PARTICIPANT_CATEGORIES = [
  { code: 'eleves', label: 'Élèves' },
  { code: 'parents', label: 'Parents' },
  { code: 'enseignants', label: 'Enseignants' },
  { code: 'personnels_direction', label: 'Personnels de direction' },
  { code: 'cadres', label: 'Cadres de l’éducation (inspection, encadrement)' },
  { code: 'autres_personnels', label: 'Autres personnels' },
  { code: 'elus_collectivites', label: 'Élus et services des collectivités' },
  { code: 'associations', label: 'Associations' },
  { code: 'entreprises', label: 'Entreprises' },
  { code: 'chercheurs', label: 'Universitaires et chercheurs' },
  { code: 'autres', label: 'Autres' },
] as const;
export const CATEGORY_CODES = PARTICIPANT_CATEGORIES.map((c) => c.code) as [
  (typeof PARTICIPANT_CATEGORIES)[number]['code'],
  ...(typeof PARTICIPANT_CATEGORIES)[number]['code'][],
];
export const CategoryCode = z.enum(CATEGORY_CODES);
export type CategoryCode = z.infer<typeof CategoryCode>;

export const ContributionKind = z.enum(['etat_des_lieux', 'attente', 'action', 'defi', 'proposition']);
export type ContributionKind = z.infer<typeof ContributionKind>;
export const CONTRIBUTION_KIND_LABELS: Record<ContributionKind, string> = {
  etat_des_lieux: 'État des lieux',
  attente: 'Attente',
  action: 'Action et acteurs',
  defi: 'Défi',
  proposition: 'Proposition',
};

/** Where a contribution or a group stands in the coordinator's reading (issue 13). */
export const ReviewState = z.enum(['a_traiter', 'retenue', 'ecartee']);
export type ReviewState = z.infer<typeof ReviewState>;
export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  a_traiter: 'À traiter',
  retenue: 'Retenue',
  ecartee: 'Écartée',
};

export const Scale = z.enum(['national', 'academique', 'etablissement']);
export type Scale = z.infer<typeof Scale>;
export const SCALE_HEADINGS: Record<Scale, string> = {
  national: 'Au niveau national',
  academique: 'Au niveau académique',
  etablissement: 'Au niveau des établissements',
};

export const LinkKind = z.enum(['video', 'fiche', 'article', 'autre']);
export type LinkKind = z.infer<typeof LinkKind>;

/** What fills a section of a trame. */
export const SectionSource = z.enum(['text', 'contributions', 'retex', 'defis_propositions', 'bilan', 'chart']);
export type SectionSource = z.infer<typeof SectionSource>;

/** A section is written once for the whole document, or once per thématique. */
export const SectionScope = z.enum(['document', 'thematique']);
export type SectionScope = z.infer<typeof SectionScope>;

/** Académies whose name takes an article: "l’académie de la Guadeloupe". */
const WITH_ARTICLE = new Set(['Guadeloupe', 'Guyane', 'Martinique']);

/**
 * The preposition before an académie's name, as the ministry writes it: "de Bordeaux",
 * "d’Aix-Marseille", "d’Orléans-Tours", "de la Guadeloupe", "de La Réunion".
 */
export function ofAcademie(nom: string): string {
  if (WITH_ARTICLE.has(nom)) return `de la ${nom}`;
  return /^[AEIOUYÉÈÊÎÔ]/i.test(nom) ? `d’${nom}` : `de ${nom}`;
}

/** "académie d’Amiens"; `Académie d’Amiens` at the start of a label. */
export function academieLabel(nom: string, capital = false): string {
  return `${capital ? 'Académie' : 'académie'} ${ofAcademie(nom)}`;
}
