/** Order of the records kept for the synthesis: positions 1..n, moves, and what a change must save. */

export interface Orderable {
  id: number;
  selected: boolean;
  position: number;
}

export function byPosition(a: Orderable, b: Orderable): number {
  return a.position - b.position || a.id - b.id;
}

/** Positions 1..n in the given order. */
export function renumber<T extends Orderable>(ordered: T[]): T[] {
  return ordered.map((item, index) => (item.position === index + 1 && item.selected ? item : { ...item, selected: true, position: index + 1 }));
}

/** The selected list with `id` moved by `delta` places, renumbered; null when it cannot move. */
export function moveWithin<T extends Orderable>(ordered: T[], id: number, delta: -1 | 1): T[] | null {
  const from = ordered.findIndex((item) => item.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ordered.length) return null;
  const next = [...ordered];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return renumber(next);
}

/** The records whose selection or position differs from before (the only ones to save). */
export function changedOrder<T extends Orderable>(before: T[], after: T[]): T[] {
  const old = new Map(before.map((item) => [item.id, item]));
  return after.filter((item) => {
    const was = old.get(item.id);
    return !was || was.selected !== item.selected || was.position !== item.position;
  });
}

/** Replaces, in `list`, the records that `updates` name (same id). */
export function mergeById<T extends { id: number }>(list: T[], updates: T[]): T[] {
  const next = new Map(updates.map((item) => [item.id, item]));
  return list.map((item) => next.get(item.id) ?? item);
}

/** Alt+ArrowUp / Alt+ArrowDown on a focused item (not while typing in a field): -1, +1 or null. */
export function reorderKey(event: { altKey: boolean; key: string; target: EventTarget | null }): -1 | 1 | null {
  if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return null;
  const target = event.target as HTMLElement | null;
  if (target && (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox'))) {
    return null;
  }
  return event.key === 'ArrowUp' ? -1 : 1;
}
