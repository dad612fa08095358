/**
 * Merging a received bundle: checked (sender, région, key) before its records are even read, then one
 * transaction — local edits stamped, each record merged field by field, written back into the tables,
 * conflicts kept for a person to settle. A dry run is the same run, rolled back.
 */
import { holdRowTriggers } from '../catalogue/repos/bulk-write.repo.ts';
import type { Catalogue } from '../catalogue/database.ts';
import { holdSearchIndex, LocalIds, removeRecord, tieParent } from '../catalogue/repos/exchange-apply.repo.ts';
import {
  closeConflict, holdChangeTriggers, openConflictUids, openConflicts, openConflictsOf, raiseClock, readExchangeStatesOf, readPeer,
  rememberCatalogueNames, writeConflict, writeExchangeRecord, writeLog, writePeer, type IdentityRow,
} from '../catalogue/repos/exchange.repo.ts';
import { readRecord } from '../catalogue/repos/exchange-records.repo.ts';
import { regionName } from '../catalogue/repos/territory.repo.ts';
import { AppError } from '../contract/errors.ts';
import { RECORD_KIND_LABELS, RECORD_KINDS, type MergeReport, type RecordKind } from '../contract/schemas/exchange.ts';
import type { BundleRecords, OpenedBundle } from '../exchange/bundle.ts';
import { compareClocks, joinClocks } from '../exchange/clock.ts';
import { mergeRecord } from '../exchange/merge-record.ts';
import { canonical, DELETED_FIELD, type ExchangeRecord } from '../exchange/record.ts';
import { fingerprint } from '../exchange/signing.ts';
import { retryPending, writeReceived } from './exchange-apply.ts';
import { describeConflicts } from './exchange-conflicts.ts';
import { recordLabel } from './exchange-labels.ts';
import { markInStep, stampCatalogue } from './exchange-state.ts';
import { scopeLabel } from './identity.service.ts';

class RolledBack extends Error {}

export interface MergeOptions {
  dryRun: boolean;
  acceptNewKey: boolean;
  fileName: string;
  onProgress?: (done: number, total: number) => void;
}

/** Who sent it, for which région, signed by which key: settled before a record is read. */
export function checkSender(db: Catalogue, identity: IdentityRow, bundle: OpenedBundle, options: Pick<MergeOptions, 'acceptNewKey' | 'fileName'>): void {
  const source = bundle.manifest.source;
  const refuse = (why: string, issues: { path: string; message: string }[] = []) =>
    new AppError('CONFLICT', `Paquet « ${options.fileName} » refusé : ${why}. Le catalogue n’a pas été modifié.`, issues);
  if (source.uid === identity.uid) throw refuse('il a été écrit par ce catalogue-ci (c’est votre propre envoi)');
  if (source.regionCode !== identity.regionCode) {
    throw refuse(`il vient de la région académique ${regionName(db, source.regionCode) ?? source.regionCode}, ce catalogue est celui de la région académique ${regionName(db, identity.regionCode) ?? identity.regionCode}`);
  }
  const peer = readPeer(db, source.uid);
  if (peer && peer.publicKey.trim() !== bundle.publicKey.trim() && !options.acceptNewKey) {
    // Said where the screens and scripts can find it: on the field that would accept the new key.
    throw refuse(
      `la clé de signature de « ${source.name} » a changé depuis le premier échange (${peer.firstSeenAt.slice(0, 10)} ; empreinte connue ${fingerprint(peer.publicKey)}, reçue ${fingerprint(bundle.publicKey)}). ` +
        'Vérifiez auprès de l’expéditeur qu’il a bien réinstallé ou recréé son catalogue, puis acceptez la nouvelle clé',
      [{ path: 'acceptNewKey', message: `nouvelle empreinte ${fingerprint(bundle.publicKey)}` }],
    );
  }
}

export function mergeBundle(db: Catalogue, identity: IdentityRow, bundle: OpenedBundle, options: MergeOptions, now: Date): MergeReport {
  checkSender(db, identity, bundle, options);
  const { manifest } = bundle;
  const source = manifest.source;
  const peer = readPeer(db, source.uid);
  const at = now.toISOString();
  let report: MergeReport | undefined;
  try {
    db.transaction(() => {
      stampCatalogue(db, identity, now);
      const counted = holdChangeTriggers(db);
      const counts = applyAll(db, identity, bundle.records, { uid: source.uid, name: source.name }, at, options.onProgress);
      counted(counts.wrote);
      const conflicts = describeConflicts(db, openConflicts(db).filter((c) => counts.conflictUids.has(c.uid)));
      report = {
        added: counts.added, updated: counts.updated, unchanged: counts.unchanged, deleted: counts.deleted,
        // A preview's conflicts are rolled back with it: they have no number to settle them by.
        conflicts: options.dryRun ? conflicts.map((c) => ({ ...c, id: null })) : conflicts,
        byKind: RECORD_KINDS.filter((k) => counts.byKind[k]).map((k) => ({ kind: k, label: RECORD_KIND_LABELS[k].many, ...counts.byKind[k]! })),
        source: {
          uid: source.uid, name: source.name, scope: manifest.scope, scopeLabel: bundleScopeLabel(db, bundle),
          createdAt: manifest.createdAt, sha256: bundle.sha256, fingerprint: fingerprint(bundle.publicKey),
        },
        key: peer === undefined ? 'new' : peer.publicKey.trim() !== bundle.publicKey.trim() ? 'changed' : 'known', dryRun: options.dryRun,
      };
      if (options.dryRun) throw new RolledBack();
      rememberCatalogueNames(db, Object.fromEntries(Object.entries(manifest.origins).filter(([uid]) => uid !== identity.uid && uid !== source.uid)));
      writePeer(db, {
        uid: source.uid, name: source.name, scopeKind: source.scopeKind, scopeCode: source.scopeCode, publicKey: bundle.publicKey,
        firstSeenAt: peer?.firstSeenAt ?? at, lastMergedAt: at,
      });
      writeLog(db, {
        direction: 'received', peerUid: source.uid, peerName: source.name, scope: manifest.scope, bundleSha: bundle.sha256,
        fileName: options.fileName, createdAt: manifest.createdAt, at, added: report.added, updated: report.updated,
        deleted: report.deleted, conflicts: report.conflicts.length,
      });
      // A deletion cascades (a meeting's contributions lose it as a source): left unmarked, the next
      // pass finds those rows changed and sends the cut links on. Otherwise every row is as recorded.
      if (!counts.cascaded) markInStep(db, identity);
    })();
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return report!;
}

interface Counts {
  added: number; updated: number; unchanged: number; deleted: number;
  byKind: Partial<Record<RecordKind, { added: number; updated: number; deleted: number }>>;
  conflictUids: Set<string>;
  wrote: boolean;
  cascaded: boolean;
}

type Sender = { uid: string; name: string };

/** Records merged a chunk at a time: their exchange states read in one query a chunk, never all at once. */
const CHUNK = 2_000;

function applyAll(db: Catalogue, identity: IdentityRow, incoming: BundleRecords, sender: Sender, at: string, progress?: (d: number, t: number) => void): Counts {
  const counts: Counts = { added: 0, updated: 0, unchanged: 0, deleted: 0, byKind: {}, conflictUids: new Set(), wrote: false, cascaded: false };
  const ids = new LocalIds(db);
  const indexWritten = holdSearchIndex(db, ids);
  const triggersBack = holdRowTriggers(db);
  const removals: { merged: ExchangeRecord; before: ExchangeRecord }[] = [];
  // A défi's answers, tied to it once every contribution is in: only their two identities kept.
  const parents: [uid: string, parent: string][] = [];
  // Conflicts are few: only a record among them is looked at for one settled elsewhere.
  const conflicted = openConflictUids(db);
  let ownCounter = 0;
  let done = 0;
  for (const chunk of incoming.chunks(CHUNK)) {
    progress?.(done, incoming.count);
    const states = readExchangeStatesOf(db, chunk.map((r) => r.uid));
    for (const r of chunk) {
      for (const clock of Object.values(r.clocks)) ownCounter = Math.max(ownCounter, clock[identity.uid] ?? 0);
      const state = states.get(r.uid);
      const local = state?.row();
      if (local && local.kind !== r.kind) {
        throw new AppError('CONFLICT', `Paquet refusé : un même enregistrement y est un(e) ${RECORD_KIND_LABELS[r.kind].one} et ici un(e) ${RECORD_KIND_LABELS[local.kind].one} (${recordLabel(local.kind, local.fields)}). Le catalogue n’a pas été modifié.`);
      }
      if (!local) ids.unheld.add(r.uid);
      const outcome = mergeRecord(local, r);
      const merged = outcome.record;
      const kindCounts = (counts.byKind[r.kind] ??= { added: 0, updated: 0, deleted: 0 });
      const fieldsText = canonical(merged.fields);
      let localText: string | null = state?.localText ?? null;
      if (outcome.status === 'added' || outcome.status === 'updated') {
        localText = writeReceived(db, ids, merged, at, fieldsText);
        counts[outcome.status]++;
        kindCounts[outcome.status]++;
        counts.wrote = true;
        if (r.kind === 'contribution' && typeof merged.fields.parent === 'string') parents.push([merged.uid, merged.fields.parent]);
      } else if (outcome.status === 'deleted') {
        removals.push({ merged, before: local! });
        localText = null;
      } else {
        counts.unchanged++;
      }
      const moved = outcome.status !== 'unchanged';
      if (!local || moved || canonical(local.clocks as never) !== canonical(merged.clocks as never) || local.deleted !== merged.deleted) {
        writeExchangeRecord(db, merged, fieldsText, localText, moved || !local ? { from: sender.uid, at } : undefined);
      }
      for (const c of outcome.conflicts) {
        writeConflict(db, {
          uid: r.uid, kind: r.kind, field: c.field, localValue: c.local, incomingValue: c.incoming, incomingClock: c.incomingClock,
          localClock: c.localClock, peerUid: sender.uid, peerName: sender.name, detectedAt: at,
        });
        counts.conflictUids.add(r.uid);
      }
      if (local && conflicted.has(r.uid)) closeSettledElsewhere(db, merged, new Set(outcome.conflicts.map((c) => c.field)), at);
    }
    done += chunk.length;
  }
  for (const [uid, parent] of parents) tieParent(db, ids, uid, parent);
  for (const { merged, before } of removals.reverse()) {
    if (removeRecord(db, ids, merged.kind, merged.uid, merged.fields)) {
      counts.deleted++;
      counts.byKind[merged.kind]!.deleted++;
      counts.wrote = counts.cascaded = true;
    } else {
      keepStillUsed(db, merged, before, sender, at);
      counts.conflictUids.add(merged.uid);
    }
  }
  if (retryPending(db, ids, at)) counts.wrote = true;
  triggersBack();
  indexWritten();
  if (ownCounter > 0) raiseClock(db, ownCounter);
  progress?.(incoming.count, incoming.count);
  return counts;
}

/**
 * A bassin or an établissement deleted there is still used here: it stays, and the deletion waits as a
 * conflict for someone to see (its clock as before, so the same bundle asks again rather than deletes).
 */
function keepStillUsed(db: Catalogue, merged: ExchangeRecord, before: ExchangeRecord, sender: Sender, at: string): void {
  const localClock = before.clocks[DELETED_FIELD] ?? {};
  writeConflict(db, {
    uid: merged.uid, kind: merged.kind, field: DELETED_FIELD, localValue: false, incomingValue: true,
    incomingClock: merged.clocks[DELETED_FIELD] ?? {}, localClock, peerUid: sender.uid, peerName: sender.name, detectedAt: at,
  });
  const kept: ExchangeRecord = { ...merged, deleted: false, clocks: { ...merged.clocks, [DELETED_FIELD]: localClock } };
  const held = readRecord(db, merged.kind, merged.uid, merged.fields);
  writeExchangeRecord(db, kept, canonical(kept.fields), held ? canonical(held.fields) : null);
}

/** A conflict closes by itself when a value arrives that has seen both sides of it (someone chose, elsewhere). */
function closeSettledElsewhere(db: Catalogue, merged: ExchangeRecord, stillOpen: Set<string>, at: string): void {
  for (const open of openConflictsOf(db, merged.uid)) {
    if (stillOpen.has(open.field)) continue;
    const both = joinClocks(open.localClock, open.incomingClock);
    if (compareClocks(merged.clocks[open.field] ?? {}, both) === 'after') closeConflict(db, open.id, 'ailleurs', at);
  }
}

export function bundleScopeLabel(db: Catalogue, bundle: Pick<OpenedBundle, 'manifest'>): string {
  const { manifest } = bundle;
  if (manifest.whole) return `${scopeLabel(db, manifest.source.scopeKind, manifest.source.scopeCode)} (catalogue entier)`;
  const [kind, code] = manifest.scope.split(':') as ['academie' | 'departement', string];
  return scopeLabel(db, kind, code);
}
