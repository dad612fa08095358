/**
 * Finds what changed here since the records were last stamped or merged: a row that differs from what
 * the tables held of its record then (`local`) is a local edit — each field that differs takes the row's
 * value and this catalogue's next counter in its clock; a record whose row is gone becomes a tombstone;
 * a new one enters with empty clocks (its values are the origin, seen by all). A received record that
 * never had a row here (what it points to is not here yet) is neither: it waits.
 */
import { tick } from './clock.ts';
import { canonical, DELETED_FIELD, type ExchangeRecord, type Json, type RecordFields, withoutAbsent } from './record.ts';

export interface KnownState {
  fieldsText: string;
  /** What the tables held of it when last written or stamped; null: no row here. */
  localText: string | null;
  deleted: boolean;
  row: () => ExchangeRecord;
}

export interface StampWrite {
  record: ExchangeRecord;
  fieldsText: string;
  localText: string | null;
}

export interface StampResult {
  writes: StampWrite[];
  /** Exchange states to drop: a deleted consultation and what went with it (never deleted elsewhere). */
  forget: string[];
}

export function stampRecords(current: RecordFields[], known: Map<string, KnownState>, self: string, nextCounter: () => number): StampResult {
  const count = onceCounter(nextCounter);
  const writes = stampPresent(current, known, self, count);
  const seen = new Set(current.map((r) => r.uid));
  const gone = [...known].filter(([uid, state]) => !seen.has(uid) && isGone(state));
  const campaigns = gone.map(([, state]) => state.row()).filter((r) => r.kind === 'campaign');
  const dropped = stampGone(gone, droppedCampaigns(campaigns), self, count);
  return { writes: [...writes, ...dropped.writes], forget: dropped.forget };
}

/** One counter value for a whole pass, taken only if something changed (the pass may come in chunks). */
export function onceCounter(nextCounter: () => number): () => number {
  let counter: number | undefined;
  return () => (counter ??= nextCounter());
}

/** A state whose row was here and is no longer: deleted here since the last pass. */
export function isGone(state: Pick<KnownState, 'deleted' | 'localText'>): boolean {
  return !state.deleted && state.localText !== null;
}

/** The consultations deleted here: they are not deleted elsewhere, nor is what went with them. */
export function droppedCampaigns(goneCampaigns: ExchangeRecord[]): Set<Json> {
  return new Set(goneCampaigns.map((r) => r.fields.slug as Json));
}

/** The rows present here, against what was known of them (`known` need only hold theirs). */
export function stampPresent(current: RecordFields[], known: Map<string, KnownState>, self: string, count: () => number): StampWrite[] {
  const writes: StampWrite[] = [];
  for (const r of current) {
    const rowText = canonical(r.fields);
    const state = known.get(r.uid);
    if (!state) {
      writes.push({ record: { ...r, origin: self, clocks: {}, deleted: false }, fieldsText: rowText, localText: rowText });
      continue;
    }
    if (!state.deleted && state.localText === rowText) continue;
    const before = state.row();
    const held = !state.deleted && state.localText !== null ? (JSON.parse(state.localText) as Record<string, Json>) : before.fields;
    const fields = { ...before.fields };
    const clocks = { ...before.clocks };
    for (const field of new Set([...Object.keys(held), ...Object.keys(r.fields)])) {
      if (canonical(held[field]) === canonical(r.fields[field])) continue;
      fields[field] = r.fields[field] ?? null;
      clocks[field] = tick(clocks[field] ?? {}, self, count());
    }
    if (before.deleted) clocks[DELETED_FIELD] = tick(clocks[DELETED_FIELD] ?? {}, self, count());
    const kept = withoutAbsent(before.kind, fields);
    writes.push({ record: { ...before, fields: kept, clocks, deleted: false }, fieldsText: canonical(kept), localText: rowText });
  }
  return writes;
}

/** Records whose row is gone: tombstones, or forgotten with their consultation (never deleted elsewhere). */
export function stampGone(gone: [string, KnownState][], dropped: Set<Json>, self: string, count: () => number): StampResult {
  const writes: StampWrite[] = [];
  const forget: string[] = [];
  for (const [uid, state] of gone) {
    const before = state.row();
    if (before.kind === 'campaign' || campaignsOf(before.fields).some((slug) => dropped.has(slug))) {
      forget.push(uid);
      continue;
    }
    const clocks = { ...before.clocks, [DELETED_FIELD]: tick(before.clocks[DELETED_FIELD] ?? {}, self, count()) };
    writes.push({ record: { ...before, clocks, deleted: true }, fieldsText: state.fieldsText, localText: null });
  }
  return { writes, forget };
}

/** The consultations a record belongs to: its own, or both of a map between two. */
function campaignsOf(fields: Record<string, Json>): string[] {
  return [fields.campaign, fields.fromCampaign, fields.toCampaign].filter((slug): slug is string => typeof slug === 'string');
}
