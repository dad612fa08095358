/**
 * Average-linkage agglomerative clustering over a sparse similarity graph: the two groups whose
 * members are, on average, the most alike are merged, again and again, while that average reaches the
 * threshold. Pairs absent from the graph count as 0 (they were below the graph's minimum), which only
 * ever lowers an average: the clustering stays on the cautious side. Deterministic: ties go to the
 * lowest group numbers.
 */
import type { Edge } from './similarity.ts';

/** Each item's cluster, named by the lowest item index in it. */
export function averageLinkage(
  size: number, edges: readonly Edge[], threshold: number, onStep?: (merged: number, size: number) => void,
): Int32Array {
  // Between live clusters (named by a member): the SUM of their members' pair similarities.
  const sums = Array.from({ length: size }, () => new Map<number, number>());
  for (const { a, b, similarity } of edges) {
    sums[a]!.set(b, (sums[a]!.get(b) ?? 0) + similarity);
    sums[b]!.set(a, (sums[b]!.get(a) ?? 0) + similarity);
  }
  const members = Array.from({ length: size }, (_, i) => [i]);
  const version = new Int32Array(size);
  const alive = new Uint8Array(size).fill(1);
  const heap = new CandidateHeap();
  let merges = 0;
  const offer = (x: number, y: number, sum: number) => {
    const average = sum / (members[x]!.length * members[y]!.length);
    if (average < threshold) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    heap.push({ average, a, b, va: version[a]!, vb: version[b]! });
  };
  for (let a = 0; a < size; a++) for (const [b, sum] of sums[a]!) if (a < b) offer(a, b, sum);

  for (let best = heap.pop(); best !== undefined; best = heap.pop()) {
    if (!alive[best.a] || !alive[best.b] || version[best.a] !== best.va || version[best.b] !== best.vb) continue;
    if (onStep && ++merges % 500 === 0) onStep(merges, size);
    // The higher-numbered cluster merges into the lower. (Merging the one with fewer neighbours into the
    // other was measured slower: the survivor's neighbours are offered again after each merge.)
    const [into, from] = [best.a, best.b];
    const target = sums[into]!;
    for (const [c, s] of sums[from]!) {
      const other = sums[c]!;
      other.delete(from);
      if (c === into) continue;
      const sum = (target.get(c) ?? 0) + s;
      target.set(c, sum);
      other.set(into, sum);
    }
    target.delete(from);
    sums[from]!.clear();
    for (const i of members[from]!) members[into]!.push(i);
    members[from] = [];
    alive[from] = 0;
    version[into]!++;
    for (const [c, sum] of target) offer(into, c, sum);
  }
  const cluster = new Int32Array(size);
  members.forEach((list, root) => {
    for (const i of list) cluster[i] = root;
  });
  return cluster;
}

/**
 * A max-heap of candidate merges (average, then the lower pair of cluster numbers first, so the order
 * never depends on the heap), in typed arrays: on 10 000 texts it holds over a million candidates, which
 * as objects cost more in allocation and garbage collection than the clustering itself.
 */
class CandidateHeap {
  private average = new Float64Array(1024);
  private a = new Int32Array(1024);
  private b = new Int32Array(1024);
  private va = new Int32Array(1024);
  private vb = new Int32Array(1024);
  private size = 0;

  push(item: { average: number; a: number; b: number; va: number; vb: number }): void {
    if (this.size === this.average.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.beforeItem(item, parent)) break;
      this.move(parent, i);
      i = parent;
    }
    this.average[i] = item.average;
    this.a[i] = item.a;
    this.b[i] = item.b;
    this.va[i] = item.va;
    this.vb[i] = item.vb;
  }

  pop(): { average: number; a: number; b: number; va: number; vb: number } | undefined {
    if (this.size === 0) return undefined;
    const top = { average: this.average[0]!, a: this.a[0]!, b: this.b[0]!, va: this.va[0]!, vb: this.vb[0]! };
    const last = --this.size;
    if (last > 0) {
      const item = { average: this.average[last]!, a: this.a[last]!, b: this.b[last]!, va: this.va[last]!, vb: this.vb[last]! };
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= last) break;
        const r = l + 1;
        const child = r < last && this.beforeSlot(r, l) ? r : l;
        if (!this.beforeSlotItem(child, item)) break;
        this.move(child, i);
        i = child;
      }
      this.average[i] = item.average;
      this.a[i] = item.a;
      this.b[i] = item.b;
      this.va[i] = item.va;
      this.vb[i] = item.vb;
    }
    return top;
  }

  /** Does the item come before the one in slot j? */
  private beforeItem(x: { average: number; a: number; b: number }, j: number): boolean {
    const avg = this.average[j]!;
    if (x.average !== avg) return x.average > avg;
    return x.a !== this.a[j] ? x.a < this.a[j]! : x.b < this.b[j]!;
  }

  private beforeSlotItem(j: number, x: { average: number; a: number; b: number }): boolean {
    const avg = this.average[j]!;
    if (x.average !== avg) return avg > x.average;
    return x.a !== this.a[j] ? this.a[j]! < x.a : this.b[j]! < x.b;
  }

  private beforeSlot(i: number, j: number): boolean {
    if (this.average[i] !== this.average[j]) return this.average[i]! > this.average[j]!;
    return this.a[i] !== this.a[j] ? this.a[i]! < this.a[j]! : this.b[i]! < this.b[j]!;
  }

  private move(from: number, to: number): void {
    this.average[to] = this.average[from]!;
    this.a[to] = this.a[from]!;
    this.b[to] = this.b[from]!;
    this.va[to] = this.va[from]!;
    this.vb[to] = this.vb[from]!;
  }

  private grow(): void {
    const double = <T extends Float64Array | Int32Array>(array: T): T => {
      const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
      bigger.set(array);
      return bigger;
    };
    this.average = double(this.average);
    this.a = double(this.a);
    this.b = double(this.b);
    this.va = double(this.va);
    this.vb = double(this.vb);
  }
}
