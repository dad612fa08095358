/** Pair precision and recall of a grouping against known groups: over every pair of texts put together. */
export interface PairScores {
  precision: number;
  recall: number;
}

export function pairScores(found: readonly (readonly number[])[], truth: readonly (readonly number[])[]): PairScores {
  const trueGroup = new Map<number, number>();
  truth.forEach((g, k) => g.forEach((i) => trueGroup.set(i, k)));
  let together = 0;
  let right = 0;
  for (const g of found) {
    for (let x = 0; x < g.length; x++) {
      for (let y = x + 1; y < g.length; y++) {
        together++;
        if (trueGroup.get(g[x]!) === trueGroup.get(g[y]!)) right++;
      }
    }
  }
  const truePairs = truth.reduce((n, g) => n + (g.length * (g.length - 1)) / 2, 0);
  return { precision: together === 0 ? 1 : right / together, recall: truePairs === 0 ? 1 : right / truePairs };
}

/** The fixture's groups as items numbered in order, and the known groups as those numbers. */
export function fixtureItems(groups: readonly (readonly string[])[]): { items: { id: number; text: string }[]; truth: number[][] } {
  const items: { id: number; text: string }[] = [];
  const truth = groups.map((g) => g.map((text) => {
    items.push({ id: items.length, text });
    return items.length - 1;
  }));
  return { items, truth };
}

export const fr2 = (x: number) => x.toFixed(2).replace('.', ',');
