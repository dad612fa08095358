/**
 * Finds what changed here since the records were last stamped or merged: each field that differs
 * from its exchange state gets this catalogue's next counter in its clock; a record that is gone
 * becomes a tombstone; a new one enters with empty clocks (its values are the origin, seen by all).
 */
import type { RecordKind } from '../contract/schemas/exchange.ts';
import { tick } from './clock.ts';
import { canonical, DELETED_FIELD, type ExchangeRecord, type RecordFields } from './record.ts';

export interface KnownState {
  fieldsText: string;
  deleted: boolean;
  row: () => ExchangeRecord;
}

export interface StampResult {
  writes: { record: ExchangeRecord; fieldsText: string }[];
  /** Exchange states to drop: deletions that never travel (a whole consultation). */
  forget: string[];
}

/** A consultation deleted here is not deleted elsewhere: too much goes with it. */
const DELETION_STAYS_HERE: ReadonlySet<RecordKind> = new Set(['campaign']);

export function stampRecords(current: RecordFields[], known: Map<string, KnownState>, self: string, nextCounter: () => number): StampResult {
  let counter: number | undefined;
  const count = () => (counter ??= nextCounter());
  const writes: StampResult['writes'] = [];
  const forget: string[] = [];
  const seen = new Set<string>();

  for (const r of current) {
    seen.add(r.uid);
    const fieldsText = canonical(r.fields);
    const state = known.get(r.uid);
    if (!state) {
      writes.push({ record: { ...r, origin: self, clocks: {}, deleted: false }, fieldsText });
      continue;
    }
    if (state.fieldsText === fieldsText && !state.deleted) continue;
    const before = state.row();
    const clocks = { ...before.clocks };
    for (const field of new Set([...Object.keys(before.fields), ...Object.keys(r.fields)])) {
      if (canonical(before.fields[field]) !== canonical(r.fields[field])) clocks[field] = tick(clocks[field] ?? {}, self, count());
    }
    if (before.deleted) clocks[DELETED_FIELD] = tick(clocks[DELETED_FIELD] ?? {}, self, count());
    writes.push({ record: { ...before, fields: r.fields, clocks, deleted: false }, fieldsText });
  }

  for (const [uid, state] of known) {
    if (state.deleted || seen.has(uid)) continue;
    const before = state.row();
    if (DELETION_STAYS_HERE.has(before.kind)) {
      forget.push(uid);
      continue;
    }
    const clocks = { ...before.clocks, [DELETED_FIELD]: tick(before.clocks[DELETED_FIELD] ?? {}, self, count()) };
    writes.push({ record: { ...before, clocks, deleted: true }, fieldsText: state.fieldsText });
  }
  return { writes, forget };
}
