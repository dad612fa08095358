/** Keeps each record's exchange state in step with the catalogue: local edits get this catalogue's clock. */
import type { Catalogue } from '../catalogue/database.ts';
import {
  advanceClock, changeCount, forgetExchangeRecord, markStamped, readExchangeStatesOf, readGoneStates, readGoneStatesOfTable, writeExchangeRecord,
} from '../catalogue/repos/exchange.repo.ts';
import { readRecordChunks, UID_TABLES, type UidTable } from '../catalogue/repos/exchange-records.repo.ts';
import { RECORD_KINDS, type RecordKind } from '../contract/schemas/exchange.ts';
import type { Json } from '../exchange/record.ts';
import { droppedCampaigns, onceCounter, stampGone, stampPresent, type StampWrite } from '../exchange/stamp.ts';
import type { IdentityRow } from '../catalogue/repos/exchange.repo.ts';

/** Records compared a chunk at a time: the memory a pass takes stays the same at any catalogue's size. */
const CHUNK = 5_000;

/**
 * Compares every record with its exchange state, once per change of the catalogue (nothing changed
 * since the last pass: nothing to read). Runs inside the caller's transaction; kind by kind, consultations
 * first (a consultation deleted here takes its records out of the exchange, not into tombstones).
 */
export function stampCatalogue(db: Catalogue, identity: IdentityRow, now: Date): void {
  const count = changeCount(db);
  if (count === identity.stampedCount) return;
  const tick = onceCounter(() => advanceClock(db, now));
  const write = (w: StampWrite) => writeExchangeRecord(db, w.record, w.fieldsText, w.localText);
  let dropped = new Set<Json>();
  for (const kind of RECORD_KINDS) {
    // Which records are gone: in SQL for the kinds whose rows carry their uid, else from the uids read.
    const table: UidTable | undefined = (UID_TABLES as Partial<Record<RecordKind, UidTable>>)[kind];
    const keyed = table !== undefined;
    const present = new Set<string>();
    for (const chunk of readRecordChunks(db, kind, CHUNK)) {
      if (!keyed) for (const r of chunk) present.add(r.uid);
      stampPresent(chunk, readExchangeStatesOf(db, chunk.map((r) => r.uid)), identity.uid, tick).forEach(write);
    }
    const gone = table !== undefined ? readGoneStatesOfTable(db, kind, table) : readGoneStates(db, kind, present);
    if (kind === 'campaign') dropped = droppedCampaigns(gone.map(([, state]) => state.row()));
    const { writes, forget } = stampGone(gone, dropped, identity.uid, tick);
    writes.forEach(write);
    for (const uid of forget) forgetExchangeRecord(db, uid);
  }
  markStamped(db, count);
  identity.stampedCount = count;
}

/** After a merge or a settled conflict: the rows now match their states, nothing local to stamp. */
export function markInStep(db: Catalogue, identity: IdentityRow): void {
  identity.stampedCount = changeCount(db);
  markStamped(db, identity.stampedCount);
}
