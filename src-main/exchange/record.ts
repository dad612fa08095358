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
