/**
 * Version vectors: for each field of a record, how many times each catalogue changed it. Two vectors
 * tell whether one side has seen everything the other did (then it wins) or each changed what the
 * other did not see (a conflict, unless both wrote the same value).
 */
export type Clock = Readonly<Record<string, number>>;
export type ClockOrder = 'equal' | 'before' | 'after' | 'concurrent';

/** `before`: a happened before b (b has seen all of a); `after` the reverse. */
export function compareClocks(a: Clock, b: Clock): ClockOrder {
  let aAhead = false;
  let bAhead = false;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key] ?? 0;
    const y = b[key] ?? 0;
    if (x > y) aAhead = true;
    else if (y > x) bAhead = true;
  }
  if (aAhead && bAhead) return 'concurrent';
  if (aAhead) return 'after';
  if (bAhead) return 'before';
  return 'equal';
}

/** What both sides have seen. Keys sorted, so that equal clocks serialise to equal JSON. */
export function joinClocks(a: Clock, b: Clock): Clock {
  const joined: Record<string, number> = {};
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    joined[key] = Math.max(a[key] ?? 0, b[key] ?? 0);
  }
  return joined;
}

/** A change made here: this catalogue's counter at `counter`. */
export function tick(clock: Clock, catalogue: string, counter: number): Clock {
  return joinClocks(clock, { [catalogue]: counter });
}

/** True when `a` has seen everything `b` has. */
export function covers(a: Clock, b: Clock): boolean {
  const order = compareClocks(a, b);
  return order === 'equal' || order === 'after';
}
