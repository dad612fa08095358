/** Keeps each record's exchange state in step with the catalogue: local edits get this catalogue's clock. */
import type { Catalogue } from '../catalogue/database.ts';
import {
  advanceClock, changeCount, forgetExchangeRecord, markStamped, readExchangeStates, writeExchangeRecord,
} from '../catalogue/repos/exchange.repo.ts';
import { readAllRecords } from '../catalogue/repos/exchange-records.repo.ts';
import { stampRecords } from '../exchange/stamp.ts';
import type { IdentityRow } from '../catalogue/repos/exchange.repo.ts';

/**
 * Compares every record with its exchange state, once per change of the catalogue (nothing changed
 * since the last pass: nothing to read). Runs inside the caller's transaction.
 */
export function stampCatalogue(db: Catalogue, identity: IdentityRow, now: Date): void {
  const count = changeCount(db);
  if (count === identity.stampedCount) return;
  const { writes, forget } = stampRecords(readAllRecords(db), readExchangeStates(db), identity.uid, () => advanceClock(db, now));
  for (const w of writes) writeExchangeRecord(db, w.record, w.fieldsText, w.localText);
  for (const uid of forget) forgetExchangeRecord(db, uid);
  markStamped(db, count);
  identity.stampedCount = count;
}

/** After a merge or a settled conflict: the rows now match their states, nothing local to stamp. */
export function markInStep(db: Catalogue, identity: IdentityRow): void {
  identity.stampedCount = changeCount(db);
  markStamped(db, identity.stampedCount);
}
