/**
 * A received (or settled) record into the tables, and what they then hold of it: the exchange state
 * keeps that beside the record's own values, so that a reference not yet here is neither lost nor
 * taken for a local edit, and is tied when what it points to arrives.
 */
import type { Catalogue } from '../catalogue/database.ts';
import { type LocalIds, writeRecord } from '../catalogue/repos/exchange-apply.repo.ts';
import { readPendingStates, writeLocalProjection } from '../catalogue/repos/exchange.repo.ts';
import { readRecord } from '../catalogue/repos/exchange-records.repo.ts';
import { AppError } from '../contract/errors.ts';
import { canonical, type ExchangeRecord } from '../exchange/record.ts';
import { recordLabel } from './exchange-labels.ts';

/** Writes the record and says what the tables now hold of it (less than received when a reference is not here). */
export function writeReceived(db: Catalogue, ids: LocalIds, r: ExchangeRecord, at: string, fieldsText = canonical(r.fields)): string | null {
  const before = ids.misses;
  try {
    writeRecord(db, ids, r.kind, r.uid, r.fields, at);
    ids.unheld.delete(r.uid);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('CONFLICT', `Paquet refusé : ${recordLabel(r.kind, r.fields)} ne peut pas être enregistré(e) ici (${whyRefused(error)}). Le catalogue n’a pas été modifié.`);
  }
  // Most records go in as they came: only those with an untied reference are read back.
  if (ids.misses === before && r.kind !== 'campaign') return fieldsText;
  const held = readRecord(db, r.kind, r.uid, r.fields);
  return held ? canonical(held.fields) : null;
}

/** SQLite's reason, said in French (its own words go to no screen). */
function whyRefused(error: unknown): string {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'il cite un élément absent de ce catalogue';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'il en double un autre déjà présent';
  if (code.startsWith('SQLITE_CONSTRAINT')) return 'une de ses valeurs sort des règles du catalogue';
  return 'erreur d’écriture dans le catalogue';
}

/** A record received earlier that could not be written as received: what arrived since may tie it now. */
/** True when the tables now hold more of one of them than before. */
export function retryPending(db: Catalogue, ids: LocalIds, at: string): boolean {
  let changed = false;
  for (const { record, localText } of readPendingStates(db)) {
    const now = writeReceived(db, ids, record, at);
    writeLocalProjection(db, record.uid, now);
    changed ||= now !== localText;
  }
  return changed;
}

