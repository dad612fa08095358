/**
 * A contribution's text → the stems that say what it is about: lower case, accents folded, elisions
 * (l’, d’, qu’…) split, French stop words dropped, then the French Snowball stemmer, so that
 * « propositions », « proposition » and « Propositions » are one word, and « données » typed without
 * its accents too. Accents are folded BEFORE stemming: the stemmer treats « é » apart, and a word typed
 * with and without accents must give one stem.
 */
import snowball from 'snowball-stemmers';
import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };
import { foldText } from '../text/fold.ts';
import { canonicalWords } from './lexicon.ts';

const stemmer = snowball.newStemmer('french');

/**
 * stopwords-iso's French list holds a few words that carry meaning in this domain (« personnes »
 * handicapées, ressources « ouvertes », « état » des lieux, « parole » des élèves): they are kept.
 */
const KEPT = ['personne', 'personnes', 'ouvert', 'ouverte', 'ouverts', 'parole', 'etat', 'retour', 'valeur', 'sujet', 'unique', 'uniques'];

/**
 * How every proposition is phrased, whatever it proposes: « il faut », « mettre en place », « proposer »,
 * « permettre de », « davantage ». They would make unrelated propositions look alike.
 */
const PHRASING = [
  'faut', 'falloir', 'faudrait', 'mettre', 'mise', 'place', 'oeuvre', 'proposer', 'propose', 'proposons', 'proposition',
  'propositions', 'permettre', 'permettant', 'davantage', 'mieux', 'afin', 'etc', 'ainsi', 'pouvoir', 'devoir',
];

export const STOP_WORDS: ReadonlySet<string> = (() => {
  const kept = new Set(KEPT);
  const words = new Set<string>();
  for (const w of [...(stopwordsIso as Record<string, string[]>).fr ?? [], ...PHRASING]) {
    const folded = foldText(w);
    if (!kept.has(folded)) for (const part of folded.split(/[^a-z0-9]+/)) if (part !== '') words.add(part);
  }
  for (const k of kept) words.delete(k);
  return words;
})();

/** Folded words of a text, elisions split (« l’école » → « l », « ecole »), punctuation and hyphens as spaces. */
export function words(text: string): string[] {
  return foldText(text).split(/[^a-z0-9]+/).filter((w) => w !== '');
}

const stems = new Map<string, string>();

/** The French Snowball stem of a folded word (memoised: a thématique repeats its words). */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stemmer.stem(word);
    if (stems.size < 200_000) stems.set(word, s);
  }
  return s;
}

/** The stems a text is about, in text order (repeats kept: the term frequency counts them), the field's words made one (lexicon.ts). */
export function contentStems(text: string): string[] {
  return canonicalWords(words(text))
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !/^\d+$/.test(w))
    .map(stem);
}

/** Levenshtein distance, stopping as soon as it exceeds `max` (typos are one edit away). */
export function editDistanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}

/** Typos are looked for only on stems this long: short stems one edit apart are often different words (« don », « bon »). */
export const TYPO_MIN_LENGTH = 6;

/**
 * A misspelt stem → the frequent stem one edit away. `frequency`: in how many texts each stem occurs.
 * A stem seen in one text only, of TYPO_MIN_LENGTH letters or more, maps to the most frequent stem
 * (at least 2 texts, same minimum length) within one edit; ties go to the alphabetically first, so
 * the result never depends on the order of the texts. Candidates are found by their one-deletion
 * variants (symmetric deletion), not by comparing every pair of stems.
 */
export function typoCorrections(frequency: ReadonlyMap<string, number>): Map<string, string> {
  const byVariant = new Map<string, string[]>();
  for (const [s, n] of frequency) {
    if (n < 2 || s.length < TYPO_MIN_LENGTH) continue;
    for (const v of deletions(s)) {
      const list = byVariant.get(v);
      if (list) list.push(s);
      else byVariant.set(v, [s]);
    }
  }
  const corrections = new Map<string, string>();
  for (const [s, n] of frequency) {
    if (n !== 1 || s.length < TYPO_MIN_LENGTH) continue;
    let best: string | null = null;
    for (const v of deletions(s)) {
      for (const candidate of byVariant.get(v) ?? []) {
        if (candidate === s || !editDistanceAtMost(s, candidate, 1)) continue;
        const better =
          best === null ||
          frequency.get(candidate)! > frequency.get(best)! ||
          (frequency.get(candidate) === frequency.get(best) && candidate < best);
        if (better) best = candidate;
      }
    }
    if (best !== null) corrections.set(s, best);
  }
  return corrections;
}

/** The word itself and every variant with one letter removed. */
function deletions(s: string): string[] {
  const out = [s];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}
