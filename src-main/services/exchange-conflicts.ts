/**
 * Conflicts as a person reads them (« Rencontre « Concertation de la Vienne » (14/10/2020) —
 * Effectif déclaré : 325 ici, 330 reçu de la DSDEN de la Vienne »), and settling one: the chosen value
 * stays or comes in, with a clock that has seen both sides so that it travels on without a new conflict.
 */
import type { Catalogue } from '../catalogue/database.ts';
import { LocalIds, removeRecord, writeRecord } from '../catalogue/repos/exchange-apply.repo.ts';
import { readRecord } from '../catalogue/repos/exchange-records.repo.ts';
import {
  advanceClock, closeConflict, readConflict, readExchangeRecord, writeExchangeRecord, type ConflictRow, type IdentityRow,
} from '../catalogue/repos/exchange.repo.ts';
import { conflict as conflictError, notFound } from '../contract/errors.ts';
import type { Conflict } from '../contract/schemas/exchange.ts';
import { settleField } from '../exchange/merge-record.ts';
import { canonical, type Json } from '../exchange/record.ts';
import { frenchDate } from '../text/french.ts';
import { retryPending } from './exchange-apply.ts';
import { displayValue, fieldLabel, recordLabel } from './exchange-labels.ts';
import { markInStep, stampCatalogue } from './exchange-state.ts';

export function describeConflicts(db: Catalogue, rows: ConflictRow[]): Conflict[] {
  return rows.map((c) => {
    const record = readExchangeRecord(db, c.uid);
    return {
      id: c.id, uid: c.uid, kind: c.kind, recordLabel: record ? recordLabel(c.kind, record.fields) : c.uid, field: c.field,
      fieldLabel: fieldLabel(c.field), local: shown(db, c.field, c.localValue), incoming: shown(db, c.field, c.incomingValue),
      peerName: c.peerName, detectedAt: c.detectedAt,
    };
  });
}

/** A value as the conflict screen shows it; a contribution's group by its wording, not its identity. */
function shown(db: Catalogue, field: string, value: Json): string {
  if (field === 'group' && typeof value === 'string') {
    const group = readExchangeRecord(db, value);
    if (group?.kind === 'contributionGroup') return recordLabel(group.kind, group.fields);
  }
  return displayValue(field, value);
}

export function settleConflict(db: Catalogue, identity: IdentityRow, id: number, keep: 'local' | 'recu', now: Date): void {
  db.transaction(() => {
    stampCatalogue(db, identity, now);
    const c = readConflict(db, id);
    if (!c) throw notFound('Conflit');
    if (c.resolvedAt !== null) throw conflictError(`Ce conflit est déjà réglé (le ${frenchDate(c.resolvedAt.slice(0, 10))}).`);
    const record = readExchangeRecord(db, c.uid);
    if (!record) throw notFound('Enregistrement en conflit');
    const settled = settleField(record, c.field, keep, c.incomingValue, c.incomingClock, identity.uid, advanceClock(db, now));
    const ids = new LocalIds(db);
    let localText: string | null = null;
    if (settled.deleted) {
      if (!removeRecord(db, ids, settled.kind, settled.uid, settled.fields)) {
        throw conflictError(`${recordLabel(settled.kind, settled.fields)} est encore utilisé(e) par des rencontres de ce catalogue : rattachez-les ailleurs avant de le supprimer, ou gardez-le.`);
      }
    } else {
      writeRecord(db, ids, settled.kind, settled.uid, settled.fields, now.toISOString());
      const held = readRecord(db, settled.kind, settled.uid, settled.fields);
      localText = held ? canonical(held.fields) : null;
    }
    writeExchangeRecord(db, settled, canonical(settled.fields), localText);
    closeConflict(db, id, keep, now.toISOString());
    // A consultation's thématiques, say, may tie records that were waiting for them.
    retryPending(db, ids, now.toISOString());
    // As after a merge: a deletion's cascades are left for the next pass to find and send on.
    if (!settled.deleted) markInStep(db, identity);
  })();
}
