/**
 * Rarity-weighted (TF-IDF) vectors of stems and cosine similarity between contributions, computed over
 * the contributions being grouped: a word every proposition of a thématique uses (« numérique »,
 * « élèves ») weighs little, a word few use (« ENT », « cybersécurité ») weighs much. Consecutive stems
 * also count as a pair (a bigram, weighted less): « formation enseignants » is more than its two words.
 * Pure functions.
 */

export interface SparseVector {
  /** Term numbers, increasing. */
  terms: Int32Array;
  /** Their weights; the vector has length 1 (or is empty). */
  weights: Float64Array;
}

export interface VectorOptions {
  /** Weight of a bigram relative to a word. */
  bigramWeight?: number;
}

export const DEFAULT_BIGRAM_WEIGHT = 0.25;

/** One vector per text, from its stems (in text order). */
export function tfidfVectors(stemLists: readonly (readonly string[])[], options: VectorOptions = {}): SparseVector[] {
  const bigramWeight = options.bigramWeight ?? DEFAULT_BIGRAM_WEIGHT;
  const ids = new Map<string, number>();
  const termOf = (feature: string) => {
    let id = ids.get(feature);
    if (id === undefined) ids.set(feature, (id = ids.size));
    return id;
  };
  // Per text: term → (count, factor).
  const counts = stemLists.map((stems) => {
    const m = new Map<number, { n: number; factor: number }>();
    const add = (feature: string, factor: number) => {
      const id = termOf(feature);
      const e = m.get(id);
      if (e) e.n++;
      else m.set(id, { n: 1, factor });
    };
    stems.forEach((s, i) => {
      add(s, 1);
      if (bigramWeight > 0 && i > 0 && stems[i - 1] !== s) add(`${stems[i - 1]} ${s}`, bigramWeight);
    });
    return m;
  });
  const df = new Int32Array(ids.size);
  for (const m of counts) for (const id of m.keys()) df[id]!++;
  const n = stemLists.length;
  return counts.map((m) => {
    const entries = [...m.entries()].sort((a, b) => a[0] - b[0]);
    const terms = Int32Array.from(entries, ([id]) => id);
    // Sublinear tf (a word said twice is not twice as much the subject); smoothed idf.
    const weights = Float64Array.from(entries, ([id, e]) => e.factor * (1 + Math.log(e.n)) * (Math.log((n + 1) / (df[id]! + 1)) + 1));
    const norm = Math.hypot(...weights);
    if (norm > 0) for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
    return { terms, weights };
  });
}

/** Cosine of two unit vectors: their dot product, by merging the sorted term lists. */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i]!;
    const tb = b.terms[j]!;
    if (ta === tb) sum += a.weights[i++]! * b.weights[j++]!;
    else if (ta < tb) i++;
    else j++;
  }
  return sum;
}

export interface Edge {
  a: number;
  b: number;
  similarity: number;
}

export interface PairOptions {
  /** Pairs less similar than this are not kept (counted as 0 by the clustering). */
  minSimilarity: number;
  /**
   * Terms in more texts than this do not PROPOSE candidate pairs (a word most texts share proposes
   * nearly every pair); candidate pairs are still scored on every term. Infinity: every pair sharing a
   * term is scored — exact.
   */
  maxPostings?: number;
  /** Called every few hundred texts compared (progress; a throw stops the work). */
  onStep?: (done: number, total: number) => void;
}

/**
 * Every pair (a < b) at least `minSimilarity` alike, found through an inverted index: only texts
 * sharing a term are compared. Exact when no term is skipped; with `maxPostings`, texts sharing only
 * common terms are not compared (they are rarely what one groups anyway).
 */
export function similarPairs(vectors: readonly SparseVector[], options: PairOptions): Edge[] {
  const maxPostings = options.maxPostings ?? Infinity;
  const exact = !Number.isFinite(maxPostings);
  // term → the documents holding it (increasing) and its weight in each.
  const postings = new Map<number, { docs: number[]; weights: number[] }>();
  vectors.forEach((v, doc) => {
    v.terms.forEach((t, k) => {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = { docs: [], weights: [] }));
      list.docs.push(doc);
      list.weights.push(v.weights[k]!);
    });
  });
  const edges: Edge[] = [];
  const scores = new Float64Array(vectors.length);
  const seen = new Uint8Array(vectors.length);
  const touched: number[] = [];
  vectors.forEach((v, a) => {
    if (options.onStep && a % 500 === 0) options.onStep(a, vectors.length);
    for (let k = 0; k < v.terms.length; k++) {
      const list = postings.get(v.terms[k]!)!;
      if (!exact && list.docs.length > maxPostings) continue;
      const w = v.weights[k]!;
      // Postings are in increasing document order: only later documents, so each pair once.
      for (let p = upperBound(list.docs, a); p < list.docs.length; p++) {
        const b = list.docs[p]!;
        if (!seen[b]) {
          seen[b] = 1;
          touched.push(b);
        }
        scores[b]! += w * list.weights[p]!;
      }
    }
    for (const b of touched.sort((x, y) => x - y)) {
      // Blocked, the accumulated score misses the common terms: the candidate is scored in full.
      const similarity = exact ? scores[b]! : cosine(v, vectors[b]!);
      if (similarity >= options.minSimilarity) edges.push({ a, b, similarity });
      scores[b] = 0;
      seen[b] = 0;
    }
    touched.length = 0;
  });
  return edges;
}

/** First index whose value is greater than `value` (the list is increasing). */
function upperBound(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

