/**
 * A cell merged over several rows ("Date" merged over three ateliers of one day) gives its value to each
 * of those rows, as people read it. Only what describes the rows (date, place, level, thématiques…):
 * a count merged over three rows is one figure for the three, and copied it would be counted thrice; a
 * reference copied would name one meeting three times. Only downwards, and only into rows that hold
 * something else: a merge across columns belongs to its first column, and an empty row is no meeting.
 *
 * Ranges are handled as ranges: 2 000 merges of A1:A1048576 in a 7.7 Ko sheet once kept the process
 * busy for minutes, walking every merged cell. Here each range costs a binary search among the sheet's
 * rows, then only the rows it covers that the sheet has; in each column a row is given a value once
 * (ranges that overlap, which Excel never writes, cover it once, the first by start row).
 */
import type { AttendanceColumnKey } from './attendance-columns.ts';
import { yieldToEventLoop } from './read-budget.ts';
import type { RawRow } from './read-sheet.ts';

interface Range {
  first: number;
  last: number;
}

/** Let the event loop turn after this much work (ranges examined + rows visited). */
const YIELD_EVERY = 5_000;

/** Index of the first row numbered `row` or more in rows sorted by number. */
function firstAtOrAfter(rows: readonly RawRow[], row: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows[middle]!.row < row) low = middle + 1;
    else high = middle;
  }
  return low;
}

export async function spreadMerges(
  rows: readonly RawRow[],
  columns: readonly { key: AttendanceColumnKey; column: string }[],
  merges: readonly string[],
  signal?: AbortSignal,
): Promise<void> {
  if (merges.length === 0 || rows.length === 0) return;
  const keyOf = new Map(columns.map((c) => [c.column, c.key]));
  // By column, only the columns whose value may be copied down.
  const byColumn = new Map<AttendanceColumnKey, Range[]>();
  for (const range of merges) {
    const m = /^([A-Z]+)(\d+):[A-Z]+(\d+)$/.exec(range);
    if (!m) continue;
    const key = keyOf.get(m[1]!);
    if (key === undefined || key === 'reference' || key === 'total' || key.startsWith('categorie:')) continue;
    const first = Number(m[2]);
    const last = Number(m[3]);
    if (last <= first) continue;
    let list = byColumn.get(key);
    if (!list) byColumn.set(key, (list = []));
    list.push({ first, last });
  }
  const sorted = rows.every((r, i) => i === 0 || rows[i - 1]!.row < r.row) ? rows : [...rows].sort((a, b) => a.row - b.row);
  let work = 0;
  for (const [key, ranges] of byColumn) {
    ranges.sort((a, b) => a.first - b.first);
    let coveredUntil = 0;
    for (const { first, last } of ranges) {
      if (++work % YIELD_EVERY === 0) {
        await yieldToEventLoop();
        signal?.throwIfAborted();
      }
      const from = Math.max(first + 1, coveredUntil + 1);
      if (last < from) continue;
      coveredUntil = last;
      const topIndex = firstAtOrAfter(sorted, first);
      const top = sorted[topIndex]?.row === first ? sorted[topIndex]!.cells[key] : undefined;
      if (top === undefined) continue;
      for (let i = firstAtOrAfter(sorted, from); i < sorted.length && sorted[i]!.row <= last; i++) {
        const target = sorted[i]!;
        if (target.cells[key] === undefined) target.cells[key] = { ...top };
        if (++work % YIELD_EVERY === 0) {
          await yieldToEventLoop();
          signal?.throwIfAborted();
        }
      }
    }
  }
}
