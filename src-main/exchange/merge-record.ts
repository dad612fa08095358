/**
 * The three-way merge of one record, field by field (Zotero's reconciliation, with version vectors in
 * place of a single cached base): a field changed on one side only takes that side's value; changed
 * on both sides to the same value, nothing to do; to different values, a conflict that keeps the
 * local value until someone chooses. A deletion is a field too: it wins over edits it has seen, and
 * meets edits it has not seen as a conflict.
 */
import { type Clock, compareClocks, covers, joinClocks, tick } from './clock.ts';
import { canonical, DELETED_FIELD, type ExchangeRecord, type Json, LATEST_FIELDS, OPTIONAL_FIELDS, withoutAbsent } from './record.ts';

export interface FieldConflict {
  field: string;
  local: Json;
  incoming: Json;
  incomingClock: Clock;
  localClock: Clock;
}

export type MergeStatus = 'added' | 'updated' | 'unchanged' | 'deleted' | 'tombstone';

export interface MergeOutcome {
  /** The record as it stands after the merge (local values kept where there is a conflict). */
  record: ExchangeRecord;
  status: MergeStatus;
  /** Fields whose value changed here. */
  changed: string[];
  conflicts: FieldConflict[];
}

export function mergeRecord(local: ExchangeRecord | undefined, incoming: ExchangeRecord): MergeOutcome {
  if (!local) return { record: incoming, status: incoming.deleted ? 'tombstone' : 'added', changed: [], conflicts: [] };

  const fields: Record<string, Json> = { ...local.fields };
  const clocks: Record<string, Clock> = { ...local.clocks };
  const changed: string[] = [];
  const conflicts: FieldConflict[] = [];
  // Edits one side made that the other has not seen: what a deletion from that other side would lose.
  let localUnseen = false;
  let incomingUnseen = false;

  // A field left out because it is empty (OPTIONAL_FIELDS) may still have a clock: its emptying is an edit too.
  const known = [...Object.keys(local.fields), ...Object.keys(incoming.fields), ...Object.keys(local.clocks), ...Object.keys(incoming.clocks)];
  for (const field of new Set(known.filter((f) => f !== DELETED_FIELD))) {
    const mine = local.fields[field] ?? null;
    const theirs = incoming.fields[field] ?? null;
    const mineClock = local.clocks[field] ?? {};
    const theirClock = incoming.clocks[field] ?? {};
    const same = canonical(mine) === canonical(theirs);
    const order = compareClocks(mineClock, theirClock);
    if (order === 'after' || order === 'concurrent') localUnseen ||= !covers(theirClock, mineClock);
    if (order === 'before' || order === 'concurrent') incomingUnseen ||= !covers(mineClock, theirClock);
    if (order === 'after' || (order === 'equal' && same)) continue;
    if (order === 'equal' && (mine === null || theirs === null) && OPTIONAL_FIELDS[local.kind]?.includes(field)) {
      // Absent on one side with the same clock: a catalogue (or a version) that never had it, not an emptying
      // (which ticks the clock). The value wins, whichever side holds it: the same either way round.
      if (mine === null) {
        fields[field] = theirs;
        changed.push(field);
      }
      continue;
    }
    if (order === 'before') {
      fields[field] = theirs;
      clocks[field] = theirClock;
      if (!same) changed.push(field);
    } else if (same) {
      clocks[field] = joinClocks(mineClock, theirClock);
    } else if (LATEST_FIELDS[local.kind]?.includes(field) && typeof mine === 'string' && typeof theirs === 'string') {
      // Both sides did it since they last met: the later stays, with a clock that has seen both.
      clocks[field] = joinClocks(mineClock, theirClock);
      if (theirs > mine) {
        fields[field] = theirs;
        changed.push(field);
      }
    } else {
      // Concurrent edits, or the same natural key created twice with different values.
      conflicts.push({ field, local: mine, incoming: theirs, incomingClock: theirClock, localClock: mineClock });
    }
  }

  let deleted = local.deleted;
  const mineClock = local.clocks[DELETED_FIELD] ?? {};
  const theirClock = incoming.clocks[DELETED_FIELD] ?? {};
  const order = compareClocks(mineClock, theirClock);
  if (local.deleted !== incoming.deleted) {
    const deletionConflict = () =>
      conflicts.push({ field: DELETED_FIELD, local: local.deleted, incoming: incoming.deleted, incomingClock: theirClock, localClock: mineClock });
    if (order === 'before') {
      // Their deletion (or restoration) saw our state of that flag; a deletion still meets edits it never saw.
      if (incoming.deleted && localUnseen) deletionConflict();
      else {
        deleted = incoming.deleted;
        clocks[DELETED_FIELD] = theirClock;
      }
    } else if (order === 'after') {
      if (local.deleted && incomingUnseen) deletionConflict();
    } else {
      deletionConflict();
    }
  } else if (order === 'before') {
    clocks[DELETED_FIELD] = theirClock;
  } else if (order === 'concurrent') {
    clocks[DELETED_FIELD] = joinClocks(mineClock, theirClock);
  }

  const record: ExchangeRecord = { ...local, fields: withoutAbsent(local.kind, fields), clocks, deleted };
  let status: MergeStatus = 'unchanged';
  if (deleted && !local.deleted) status = 'deleted';
  else if (!deleted && local.deleted) status = 'added';
  else if (changed.length > 0 && !deleted) status = 'updated';
  return { record, status, changed, conflicts };
}

/**
 * Settles a conflict: the chosen value stays or comes in, and its clock says it has seen both sides,
 * plus a change made here, so that every catalogue it reaches takes it without a new conflict.
 */
export function settleField(
  record: ExchangeRecord,
  field: string,
  keep: 'local' | 'recu',
  incoming: Json,
  incomingClock: Clock,
  self: string,
  counter: number,
): ExchangeRecord {
  const clock = tick(joinClocks(record.clocks[field] ?? {}, incomingClock), self, counter);
  const clocks = { ...record.clocks, [field]: clock };
  if (field === DELETED_FIELD) {
    return { ...record, clocks, deleted: keep === 'recu' ? incoming === true : record.deleted };
  }
  return { ...record, clocks, fields: keep === 'recu' ? withoutAbsent(record.kind, { ...record.fields, [field]: incoming }) : record.fields };
}
