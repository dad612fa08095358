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

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k]!)]));
  }
  return value;
}
