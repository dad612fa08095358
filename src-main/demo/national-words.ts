/**
 * What the national catalogue is made of: how large each académie is, and word pools for names and texts
 * that read like what rapporteurs write (lengths of ordinary contributions, accents, apostrophes).
 */
import type { Prng } from './prng.ts';

/**
 * Rough weight of each académie (pupils, in thousands, rounded): the large académies hold more meetings,
 * as they did in 2020. Académies of the reference territory missing here weigh 100.
 */
export const ACADEMIE_WEIGHTS: Record<string, number> = {
  VERSAILLES: 1_100, CRETEIL: 1_000, LILLE: 800, NANTES: 700, GRENOBLE: 600, NORMANDIE: 600, BORDEAUX: 590,
  'AIX-MARSEILLE': 580, RENNES: 550, LYON: 500, TOULOUSE: 500, MONTPELLIER: 480, 'ORLEANS-TOURS': 470,
  'NANCY-METZ': 430, AMIENS: 380, STRASBOURG: 360, PARIS: 350, NICE: 320, POITIERS: 300, DIJON: 260, REIMS: 250,
  'LA-REUNION': 230, BESANCON: 220, 'CLERMONT-FERRAND': 220, LIMOGES: 110, MAYOTTE: 100, GUADELOUPE: 90,
  GUYANE: 80, MARTINIQUE: 70, CORSE: 50,
};

const ROOTS = [
  'Beaulieu', 'Montfort', 'Villeneuve', 'Fontaine', 'Chaumont', 'Rochefort', 'Belleville', 'Clairvaux', 'Mirebeau',
  'Valmont', 'Sainte-Foy', 'Pont-l’Évêque', 'Castelnau', 'Lavaur', 'Marmande', 'Étampes', 'Évron', 'Aubière',
  'Hérouville', 'Orgelet', 'Quimperlé', 'Saint-Émilion', 'Bellac', 'Loudéac', 'Pézenas', 'Cholet', 'Gérardmer',
];
const SUFFIXES = ['', '-sur-Mer', '-les-Bains', '-la-Forêt', '-sur-Loire', '-en-Vallée', '-le-Château', '-d’Aval'];
const PERSONS = [
  'Jules Ferry', 'Marie Curie', 'Victor Hugo', 'George Sand', 'Jean Moulin', 'Simone Veil', 'Louis Pasteur',
  'Aimé Césaire', 'Olympe de Gouges', 'Albert Camus', 'Jean Jaurès', 'Condorcet', 'Colette', 'Paul Éluard',
];

export function commune(rng: Prng): string {
  return `${rng.pick(ROOTS)}${rng.pick(SUFFIXES)}`;
}

export function person(rng: Prng): string {
  return rng.pick(PERSONS);
}

const OPENINGS = [
  'Les équipes constatent que', 'Dans la plupart des établissements,', 'Les participants soulignent que',
  'Il ressort des ateliers que', 'Plusieurs collèges du bassin indiquent que', 'Les parents d’élèves relèvent que',
  'Les enseignants du premier degré observent que', 'Selon les élèves interrogés,', 'Les collectivités rappellent que',
];
const SUBJECTS = [
  'l’équipement numérique des classes', 'la formation des enseignants aux usages pédagogiques',
  'l’accès des familles à l’espace numérique de travail', 'la continuité pédagogique à distance',
  'la maintenance des matériels', 'l’éducation aux médias et à l’information', 'le débit dans les écoles rurales',
  'l’accompagnement des élèves à besoins particuliers', 'la protection des données personnelles',
  'le travail collaboratif entre établissements', 'les ressources numériques éducatives',
];
const PREDICATES = [
  'reste inégal d’un territoire à l’autre', 'a beaucoup progressé depuis le confinement',
  'demande un accompagnement de proximité', 'repose encore trop sur quelques volontaires',
  'gagnerait à être coordonné au niveau du bassin', 'suppose un référent identifié dans chaque établissement',
  'doit être pensé avec les collectivités', 'manque de temps dédié dans l’emploi du temps',
];
const CLOSINGS = [
  'Un suivi annuel est souhaité.', 'Des exemples concrets ont été partagés.', 'La question du financement reste ouverte.',
  'Les participants demandent des outils simples et sûrs.', 'Une mutualisation entre écoles est évoquée.', '',
];

/** A contribution as rapporteurs write one: two to four clauses, 80 to 400 characters. */
export function sentence(rng: Prng): string {
  const parts = [`${rng.pick(OPENINGS)} ${rng.pick(SUBJECTS)} ${rng.pick(PREDICATES)}.`];
  const more = rng.int(0, 2);
  for (let i = 0; i < more; i++) parts.push(`${capitalise(rng.pick(SUBJECTS))} ${rng.pick(PREDICATES)}.`);
  const closing = rng.pick(CLOSINGS);
  if (closing) parts.push(closing);
  return parts.join(' ');
}

export function subject(rng: Prng): string {
  return rng.pick(SUBJECTS);
}

export const HEADINGS = ['Points positifs', 'Points de vigilance', 'Équipement', 'Formation', 'Usages', 'Familles'];
export const DEFIS = [
  'Comment former tous les enseignants aux usages du numérique ?',
  'Comment garantir l’accès de chaque élève à un équipement ?',
  'Comment associer les familles à l’espace numérique de travail ?',
  'Comment assurer la continuité pédagogique en cas de fermeture ?',
  'Comment développer l’esprit critique face aux écrans ?',
];
export const NIVEAUX = ['école', 'collège', 'lycée', 'lycée professionnel'];
export const CLASSES = ['CM1-CM2', '6e', '5e', '4e-3e', 'seconde', 'première', 'terminale', 'BTS', null];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
