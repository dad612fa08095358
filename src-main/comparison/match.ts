/**
 * Two consultations' propositions put side by side: the earlier's and the later's are clustered
 * together with the grouping's own pieces (French stems, typos mapped, rarity-weighted vectors, average
 * linkage), so that a 2015 and a 2020 proposition saying the same thing land in one cluster. A cluster
 * with both sides returns, one with only the later side is new, one with only the earlier side is gone.
 * Pure and deterministic: same units in, same result out.
 */
import { centralitySums, correctTypos, DEFAULT_GROUPING } from '../grouping/group.ts';
import { averageLinkage } from '../grouping/linkage.ts';
import { similarPairs, tfidfVectors } from '../grouping/similarity.ts';
import { contentStems } from '../grouping/words.ts';

/** What is compared: a group (its wording, its members) or a contribution in none. */
export interface ComparedUnit {
  side: 'from' | 'to';
  /** The group's wording, or the contribution's text. */
  wording: string;
  /** Every text it holds (a group's members): more words to compare on. */
  texts: readonly string[];
  contributionIds: readonly number[];
  meetingIds: readonly number[];
  isGroup: boolean;
}

export interface ComparedItem {
  wording: string;
  meetings: number;
  contributionIds: number[];
}

export interface ComparisonLists {
  returning: { to: ComparedItem; from: ComparedItem }[];
  added: ComparedItem[];
  gone: ComparedItem[];
}

/**
 * Two units merge when they are, on average, this alike. The grouping's threshold (0.18, measured
 * within one consultation) also holds across the two: a proposition rephrased five years later keeps
 * its rare words (« ENT », « tablettes », « parents »), which is what the vectors weigh.
 */
export const MATCH_THRESHOLD = DEFAULT_GROUPING.threshold;

export interface MatchOptions {
  threshold?: number;
  /**
   * Other texts of the two consultations (their other thématiques and kinds): they only weigh the words.
   * Over the twenty propositions of one thématique a word two of them share looks rare (« créer »,
   * « projets ») and pairs unrelated ones; over the consultations' every contribution it does not.
   */
  background?: readonly string[];
}

export function compareUnits(units: readonly ComparedUnit[], options: MatchOptions = {}): ComparisonLists {
  const threshold = options.threshold ?? MATCH_THRESHOLD;
  const texts = [...units.map((u) => (u.texts.length > 0 ? u.texts.join(' . ') : u.wording)), ...(options.background ?? [])];
  const stems = correctTypos(texts.map(contentStems));
  const vectors = tfidfVectors(stems).slice(0, units.length);
  const edges = similarPairs(vectors, { minSimilarity: DEFAULT_GROUPING.minSimilarity });
  const cluster = averageLinkage(units.length, edges, threshold);
  const centrality = centralitySums(units.length, edges, cluster);

  const byRoot = new Map<number, number[]>();
  cluster.forEach((root, i) => byRoot.set(root, [...(byRoot.get(root) ?? []), i]));
  const result: ComparisonLists = { returning: [], added: [], gone: [] };
  for (const members of byRoot.values()) {
    const to = members.filter((i) => units[i]!.side === 'to');
    const from = members.filter((i) => units[i]!.side === 'from');
    const toItem = to.length > 0 ? itemOf(units, to, centrality) : null;
    const fromItem = from.length > 0 ? itemOf(units, from, centrality) : null;
    if (toItem && fromItem) result.returning.push({ to: toItem, from: fromItem });
    else if (toItem) result.added.push(toItem);
    else if (fromItem) result.gone.push(fromItem);
  }
  result.returning.sort((a, b) => byReach(a.to, b.to) || byReach(a.from, b.from));
  result.added.sort(byReach);
  result.gone.sort(byReach);
  return result;
}

/** Most meetings first, then by wording (French order), then by first contribution: never by chance. */
export function byReach(a: ComparedItem, b: ComparedItem): number {
  return b.meetings - a.meetings || a.wording.localeCompare(b.wording, 'fr') || (a.contributionIds[0] ?? 0) - (b.contributionIds[0] ?? 0);
}

/**
 * One side of a cluster as one item: the wording of its group that reaches the most meetings (the
 * user's own words), else its most central text (the highest summed similarity within the cluster).
 */
function itemOf(units: readonly ComparedUnit[], indexes: readonly number[], centrality: Float64Array): ComparedItem {
  const groups = indexes.filter((i) => units[i]!.isGroup);
  let chosen: number;
  if (groups.length > 0) {
    chosen = groups.reduce((best, i) => (new Set(units[i]!.meetingIds).size > new Set(units[best]!.meetingIds).size ? i : best));
  } else {
    chosen = indexes.reduce((best, i) => (centrality[i]! > centrality[best]! ? i : best));
  }
  const contributionIds = [...new Set(indexes.flatMap((i) => units[i]!.contributionIds))];
  const meetings = new Set(indexes.flatMap((i) => units[i]!.meetingIds)).size;
  return { wording: units[chosen]!.wording, meetings, contributionIds };
}


