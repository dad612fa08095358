/**
 * Contributions that say the same thing, proposed as groups: stems (words.ts, typos mapped to the
 * frequent stem one edit away) → rarity-weighted vectors (similarity.ts) → pairs alike enough →
 * average linkage (linkage.ts). A group's wording is its most central member's own text (the highest
 * mean similarity to the others), never invented text. Same input, same output: groups by size, larger
 * first, then by their first member's place in the input; members in input order; every item in
 * exactly one group (a group of one when nothing is alike).
 */
import { averageLinkage } from './linkage.ts';
import { DEFAULT_BIGRAM_WEIGHT, similarPairs, tfidfVectors, type Edge } from './similarity.ts';
import { actorsOf, canonicalWords, type Actor } from './lexicon.ts';
import { contentStems, typoCorrections, words } from './words.ts';

export interface GroupingOptions {
  /** Average similarity two groups need to merge (measured on test/fixtures/grouping: docs/GROUPING.md). */
  threshold?: number;
  /** Pairs less alike than this are not kept. */
  minSimilarity?: number;
  bigramWeight?: number;
  /** Map a stem seen once to a frequent one a single edit away. */
  typos?: boolean;
  /** Above this many items, only texts sharing a rarer stem are compared (see similarPairs). */
  blockAbove?: number;
  /** Similarity kept between two texts naming different actors only (lexicon.ts): 1 ignores actors. */
  otherActors?: number;
  /** Progress of the two long stages (a throw stops the grouping: how « Annuler » reaches it). */
  onStep?: ((stage: 'compare' | 'link', done: number, total: number) => void) | null;
}

export const DEFAULT_GROUPING: Required<GroupingOptions> = {
  // Chosen on the development sets of test/fixtures/grouping (docs/GROUPING.md): with the grown lexicon,
  // the lowest value keeping every set's pair precision ≥ 0.8 (0.81 on the first); at 0.14 unrelated
  // propositions chain. blind-4 and blind-5 were then measured with it.
  threshold: 0.16,
  // 0.05 keeps twice the pairs (twice the time on 3 000 texts) for no better grouping.
  minSimilarity: 0.1,
  bigramWeight: DEFAULT_BIGRAM_WEIGHT,
  typos: true,
  blockAbove: 3_000,
  otherActors: 0.5,
  onStep: null,
};

export interface Group<Id> {
  wording: string;
  members: Id[];
}

export function groupContributions<Id>(items: readonly { id: Id; text: string }[], options: GroupingOptions = {}): { groups: Group<Id>[] } {
  const o = { ...DEFAULT_GROUPING, ...options };
  const stems = items.map((item) => contentStems(item.text));
  const corrected = o.typos ? correctTypos(stems) : stems;
  const vectors = tfidfVectors(corrected, { bigramWeight: o.bigramWeight });
  // Measured on 10 000 texts: half the time of comparing every pair sharing a stem (docs/GROUPING.md).
  const maxPostings = items.length > o.blockAbove ? Math.max(50, Math.ceil(items.length * 0.02)) : Infinity;
  const step = o.onStep;
  const pairs = similarPairs(vectors, { minSimilarity: o.minSimilarity, maxPostings, ...(step ? { onStep: (d, t) => step('compare', d, t) } : {}) });
  const edges = forOtherActors(pairs, items, o.otherActors);
  const cluster = averageLinkage(items.length, edges, o.threshold, step ? (d, t) => step('link', d, t) : undefined);

  const byRoot = new Map<number, number[]>();
  cluster.forEach((root, i) => {
    const list = byRoot.get(root);
    if (list) list.push(i);
    else byRoot.set(root, [i]);
  });
  const centrality = centralitySums(items.length, edges, cluster);
  const groups = [...byRoot.values()]
    .map((list) => list.sort((x, y) => x - y))
    .sort((x, y) => y.length - x.length || x[0]! - y[0]!)
    .map((list) => {
      // The highest sum of similarities within the group (the mean, times a constant); ties: the first.
      let central = list[0]!;
      for (const i of list) if (centrality[i]! > centrality[central]!) central = i;
      return { wording: items[central]!.text, members: list.map((i) => items[i]!.id) };
    });
  return { groups };
}

/**
 * Pairs whose texts each name actors, none in common (« former les enseignants… », « former les
 * parents… »), weigh less: the same measure for other people is another proposition.
 */
function forOtherActors(edges: Edge[], items: readonly { text: string }[], factor: number): Edge[] {
  if (factor === 1) return edges;
  const actors = items.map((item) => actorsOf(canonicalWords(words(item.text))));
  const disjoint = (a: Set<Actor>, b: Set<Actor>) => a.size > 0 && b.size > 0 && [...a].every((x) => !b.has(x));
  return edges.map((e) => (disjoint(actors[e.a]!, actors[e.b]!) ? { ...e, similarity: e.similarity * factor } : e));
}

/** Each item's summed similarity to the other members of its cluster. */
export function centralitySums(size: number, edges: readonly Edge[], cluster: Int32Array): Float64Array {
  const sums = new Float64Array(size);
  for (const { a, b, similarity } of edges) {
    if (cluster[a] !== cluster[b]) continue;
    sums[a]! += similarity;
    sums[b]! += similarity;
  }
  return sums;
}

/** Each stem seen once mapped to the frequent stem one edit away (words.ts typoCorrections). */
export function correctTypos(stems: string[][]): string[][] {
  const frequency = new Map<string, number>();
  for (const list of stems) for (const s of new Set(list)) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  const corrections = typoCorrections(frequency);
  if (corrections.size === 0) return stems;
  return stems.map((list) => list.map((s) => corrections.get(s) ?? s));
}
