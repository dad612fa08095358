/**
 * The map proposed between two consultations' thématiques before the user saves one: each earlier
 * thématique → the later one(s) whose title, description and sujets say the most alike. Pure.
 *
 * Word stems alone (grouping/words.ts) miss what matters here: the consultations worded their
 * thématiques differently — 2015's « réduction des inégalités » is 2020's « égal accès / fracture
 * numérique », 2015's « apprentissages » and « pratiques pédagogiques » are 2020's « enseigner et
 * apprendre ». So a few concepts of the domain are added as extra terms when their words appear, and
 * the TF-IDF cosine (grouping/similarity.ts) compares stems and concepts together.
 */
import { cosine, tfidfVectors } from '../grouping/similarity.ts';
import { contentStems } from '../grouping/words.ts';
import { foldText } from '../text/fold.ts';

export interface MappedThematique {
  id: number;
  title: string;
  description: string;
  sujets: readonly string[];
}

export interface ThematiqueLink {
  fromThematiqueId: number;
  toThematiqueId: number;
}

/** Concepts of the domain, found in folded text (accents dropped, lower case). */
const CONCEPTS: readonly (readonly [string, RegExp])[] = [
  ['#apprendre', /\b(apprend|apprentissag|enseign|pedagog)/g],
  ['#egalite', /\b(in)?egal|\bfracture|\binclusi|\bhandicap|\bdecroch/g],
  ['#formation', /\bformation|\baccompagnement|\bdeveloppement professionnel/g],
  ['#competences', /\bcompetence|\bcitoyen|\bidentite numerique|\bdonnees personnelles|\besprit critique/g],
  ['#ouverture', /\bouv(erture|rir)|\bterritoir|\bpartenari|\bparentalite|\bparents\b|\bfamille|\bcollectivit|\bco.?construire|\bgouvernance/g],
  ['#equipement', /\bequipement|\bacces\b|\bressources|\binfrastructure|\bdebit|\bmateriel/g],
  ['#cooperation', /\bcooperat|\bcollaborat|\btravailler ensemble|\bmutualis/g],
];

/**
 * Below this cosine nothing is proposed: the user maps it by hand. Measured on the 2015 and 2020
 * presets: the right pairs score 0.22 to 0.37, unrelated ones under 0.1.
 */
export const MIN_SIMILARITY = 0.1;
/**
 * A second target is proposed when it is nearly as alike as the best (2015's « apprentissages… et
 * ressources, accès, équipements » is both 2020's « enseigner et apprendre » and « égal accès »); at
 * 0.75, a thématique that only shares one side word (« parentalité ») with another is not.
 */
export const SECOND_TARGET_RATIO = 0.75;

/** The terms a thématique is about: its stems, and each concept its words name (counted twice: they say more than a word). */
export function thematiqueTerms(t: MappedThematique): string[] {
  const text = [t.title, t.description, ...t.sujets].join(' . ');
  const terms = contentStems(text);
  const folded = foldText(text);
  for (const [concept, pattern] of CONCEPTS) for (const _ of folded.matchAll(pattern)) terms.push(concept, concept);
  return terms;
}

/** Every earlier → later pair's similarity (rows: `from`, columns: `to`). */
export function similarityMatrix(from: readonly MappedThematique[], to: readonly MappedThematique[]): number[][] {
  // Bigrams off: titles are short, and one shared pair of words would count twice.
  const vectors = tfidfVectors([...from, ...to].map(thematiqueTerms), { bigramWeight: 0 });
  return from.map((_, i) => to.map((__, j) => cosine(vectors[i]!, vectors[from.length + j]!)));
}

/** The proposed map: per earlier thématique (in its order), its best later one and those nearly as alike, in `to`'s order. */
export function defaultMap(from: readonly MappedThematique[], to: readonly MappedThematique[]): ThematiqueLink[] {
  if (from.length === 0 || to.length === 0) return [];
  const matrix = similarityMatrix(from, to);
  const links: ThematiqueLink[] = [];
  from.forEach((f, i) => {
    const row = matrix[i]!;
    const best = Math.max(...row);
    if (best < MIN_SIMILARITY) return;
    row.forEach((s, j) => {
      if (s >= best * SECOND_TARGET_RATIO) links.push({ fromThematiqueId: f.id, toThematiqueId: to[j]!.id });
    });
  });
  return links;
}
