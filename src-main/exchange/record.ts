/** A record as it travels between catalogues: its identity, its fields, and per field who changed it. */
import type { RecordKind } from '../contract/schemas/exchange.ts';
import type { Clock } from './clock.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The pseudo-field whose clock orders a deletion against edits. */
export const DELETED_FIELD = '_deleted';

export interface RecordFields {
  uid: string;
  kind: RecordKind;
  fields: Record<string, Json>;
}

export interface ExchangeRecord extends RecordFields {
  /** The catalogue the record was created in. */
  origin: string;
  clocks: Record<string, Clock>;
  deleted: boolean;
}

/**
 * Fields a record carries only when set (issue 13's additions to contributions): absent is null, so a
 * record written before them, and every contribution that has none, keeps its canonical text — upgrading
 * never re-stamps a catalogue's contributions. A null there is dropped wherever fields are made.
 */
export const OPTIONAL_FIELDS: Partial<Record<RecordKind, readonly string[]>> = {
  contribution: ['group', 'passage', 'pending'],
};

/**
 * Fields that say when something was last done (a map's « enregistrée le »): set on both sides since the
 * last exchange, the later one stays, never a conflict of its own (what was done, beside it, is the one
 * that asks). Both sides reach the same value, whichever bundle they merge first.
 */
export const LATEST_FIELDS: Partial<Record<RecordKind, readonly string[]>> = {
  thematiqueMap: ['savedAt'],
};

/** The fields without the optional ones left null (the same object when there is nothing to drop). */
export function withoutAbsent(kind: RecordKind, fields: Record<string, Json>): Record<string, Json> {
  const optional = OPTIONAL_FIELDS[kind];
  if (!optional || !optional.some((f) => f in fields && fields[f] === null)) return fields;
  const kept = { ...fields };
  for (const f of optional) if (kept[f] === null) delete kept[f];
  return kept;
}

/** Canonical JSON: object keys sorted, so that equal values compare equal as text. */
export function canonical(value: Json | undefined): string {
  return JSON.stringify(sortKeys(value ?? null));
}

/** Values already in order (what this app writes and reads back) are returned as they are. */
function sortKeys(value: Json): Json {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: Json[] | undefined;
    value.forEach((item, i) => {
      const sorted = sortKeys(item);
      if (sorted !== item) (copy ??= [...value])[i] = sorted;
    });
    return copy ?? value;
  }
  const keys = Object.keys(value);
  let inOrder = true;
  for (let i = 1; i < keys.length && inOrder; i++) inOrder = keys[i - 1]! < keys[i]!;
  let changed = !inOrder;
  const entries = (inOrder ? keys : [...keys].sort()).map((k) => {
    const sorted = sortKeys(value[k]!);
    if (sorted !== value[k]) changed = true;
    return [k, sorted] as const;
  });
  return changed ? Object.fromEntries(entries) : value;
}
