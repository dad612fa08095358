/** The name a new catalogue is offered: « DSDEN de la Vienne », « DANE de l’académie de Poitiers »… */
import { academieLabel } from '../../../src-main/contract/domain.ts';

export type CatalogueKind = 'region' | 'academie' | 'departement';

const MASCULINE = new Set([
  'Cantal', 'Puy-de-Dôme', 'Rhône', 'Doubs', 'Jura', 'Territoire de Belfort', 'Finistère', 'Morbihan', 'Cher', 'Loir-et-Cher',
  'Loiret', 'Bas-Rhin', 'Haut-Rhin', 'Nord', 'Pas-de-Calais', 'Val-de-Marne', "Val-d'Oise", 'Calvados', 'Lot-et-Garonne', 'Gard',
  'Gers', 'Lot', 'Tarn', 'Tarn-et-Garonne', 'Maine-et-Loire', 'Vaucluse', 'Var',
]);
const PLURAL = new Set([
  "Côtes-d'Armor", 'Ardennes', 'Vosges', 'Yvelines', 'Hauts-de-Seine', 'Landes', 'Pyrénées-Atlantiques', 'Deux-Sèvres',
  'Pyrénées-Orientales', 'Hautes-Pyrénées', 'Alpes-de-Haute-Provence', 'Hautes-Alpes', 'Bouches-du-Rhône', 'Alpes-Maritimes',
]);
/** Named without an article: « de Paris », « de Mayotte », « de La Réunion ». */
const BARE = new Set(['Paris', 'Mayotte', 'La Réunion']);

/** « de la Vienne », « du Nord », « des Landes », « de l’Ain », « de l’Hérault », « de Paris ». */
export function ofDepartement(nom: string): string {
  if (BARE.has(nom)) return `de ${nom}`;
  if (PLURAL.has(nom)) return `des ${nom}`;
  if (MASCULINE.has(nom)) return `du ${nom}`;
  if (/^[AEIOUYÉÈ]/.test(nom) || nom === 'Hérault') return `de l’${nom}`;
  return `de la ${nom}`;
}

/** What a DSDEN, a DANE or a région académique usually calls itself. */
export function defaultCatalogueName(kind: CatalogueKind, placeName: string | undefined): string {
  if (!placeName) return '';
  if (kind === 'region') return `Région académique ${placeName}`;
  if (kind === 'academie') return `DANE de l’${academieLabel(placeName)}`;
  return `DSDEN ${ofDepartement(placeName)}`;
}
