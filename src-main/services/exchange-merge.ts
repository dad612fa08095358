/**
 * Merging a received bundle: checked (sender, région, key) before anything is read into the
 * catalogue, then one transaction — local edits stamped, each record merged field by field, written
 * back into the tables, conflicts kept for a person to settle. A dry run is the same run, rolled back.
 */
import type { Catalogue } from '../catalogue/database.ts';
import { LocalIds, removeRecord, tieParent, writeRecord } from '../catalogue/repos/exchange-apply.repo.ts';
import {
  closeConflict, holdChangeTriggers, openConflicts, readExchangeRecord, readPeer, rememberCatalogueNames, writeConflict, writeExchangeRecord, writeLog, writePeer,
  type IdentityRow,
} from '../catalogue/repos/exchange.repo.ts';
import { regionName } from '../catalogue/repos/territory.repo.ts';
import { AppError } from '../contract/errors.ts';
import { RECORD_KIND_LABELS, RECORD_KINDS, type MergeReport, type RecordKind } from '../contract/schemas/exchange.ts';
import type { OpenedBundle } from '../exchange/bundle.ts';
import { covers } from '../exchange/clock.ts';
import { mergeRecord, type MergeOutcome } from '../exchange/merge-record.ts';
import { canonical, type ExchangeRecord } from '../exchange/record.ts';
import { fingerprint } from '../exchange/signing.ts';
import { describeConflicts } from './exchange-conflicts.ts';
import { markInStep, stampCatalogue } from './exchange-state.ts';
import { scopeLabel } from './identity.service.ts';

class RolledBack extends Error {}

export interface MergeOptions {
  dryRun: boolean;
  acceptNewKey: boolean;
  fileName: string;
  onProgress?: (done: number, total: number) => void;
}

export function mergeBundle(db: Catalogue, identity: IdentityRow, bundle: OpenedBundle, options: MergeOptions, now: Date): MergeReport {
  const { manifest } = bundle;
  const source = manifest.source;
  const refuse = (why: string) => new AppError('CONFLICT', `Paquet « ${options.fileName} » refusé : ${why}. Le catalogue n’a pas été modifié.`);
  if (source.uid === identity.uid) throw refuse('il a été écrit par ce catalogue-ci (c’est votre propre envoi)');
  if (source.regionCode !== identity.regionCode) {
    throw refuse(`il vient de la région académique ${regionName(db, source.regionCode) ?? source.regionCode}, ce catalogue est celui de la région académique ${regionName(db, identity.regionCode) ?? identity.regionCode}`);
  }
  const peer = readPeer(db, source.uid);
  const keyChanged = peer !== undefined && peer.publicKey.trim() !== bundle.publicKey.trim();
  if (keyChanged && !options.acceptNewKey) {
    const error = refuse(
      `la clé de signature de « ${source.name} » a changé depuis le premier échange (${peer.firstSeenAt.slice(0, 10)} ; empreinte connue ${fingerprint(peer.publicKey)}, reçue ${fingerprint(bundle.publicKey)}). ` +
        'Vérifiez auprès de l’expéditeur qu’il a bien réinstallé ou recréé son catalogue, puis acceptez la nouvelle clé',
    );
    // Said where the screens and scripts can find it: the field that would accept the new key.
    throw new AppError(error.code, error.message, [{ path: 'acceptNewKey', message: `nouvelle empreinte ${fingerprint(bundle.publicKey)}` }]);
  }
  const at = now.toISOString();
  const sender = { uid: source.uid, name: source.name };
  let report: MergeReport | undefined;
  try {
    db.transaction(() => {
      stampCatalogue(db, identity);
      const counted = holdChangeTriggers(db);
      const counts = applyAll(db, bundle.records, sender, at, options.onProgress);
      counted(counts.added + counts.updated + counts.deleted > 0);
      const conflicts = describeConflicts(db, openConflicts(db).filter((c) => counts.conflictUids.has(c.uid)));
      report = {
        added: counts.added, updated: counts.updated, unchanged: counts.unchanged, deleted: counts.deleted, conflicts,
        byKind: RECORD_KINDS.filter((k) => counts.byKind[k]).map((k) => ({ kind: k, label: RECORD_KIND_LABELS[k].many, ...counts.byKind[k]! })),
        source: {
          uid: source.uid, name: source.name, scope: manifest.scope, scopeLabel: bundleScopeLabel(db, bundle),
          createdAt: manifest.createdAt, sha256: bundle.sha256, fingerprint: fingerprint(bundle.publicKey),
        },
        key: peer === undefined ? 'new' : keyChanged ? 'changed' : 'known', dryRun: options.dryRun,
      };
      if (options.dryRun) throw new RolledBack();
      rememberCatalogueNames(db, Object.fromEntries(Object.entries(manifest.origins).filter(([uid]) => uid !== identity.uid && uid !== source.uid)));
      writePeer(db, {
        uid: source.uid, name: source.name, scopeKind: source.scopeKind, scopeCode: source.scopeCode, publicKey: bundle.publicKey,
        firstSeenAt: peer?.firstSeenAt ?? at, lastBundleSha: bundle.sha256, lastBundleAt: manifest.createdAt, lastMergedAt: at,
      });
      writeLog(db, {
        direction: 'received', peerUid: source.uid, peerName: source.name, scope: manifest.scope, bundleSha: bundle.sha256,
        fileName: options.fileName, createdAt: manifest.createdAt, at, added: report.added, updated: report.updated,
        deleted: report.deleted, conflicts: report.conflicts.length,
      });
      // A reference left untied, or a deletion that cut others' links, changed rows beyond what was
      // received: left unmarked, the next pass compares every record again and sends those changes on.
      if (!counts.knockOn) markInStep(db, identity);
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
  knockOn: boolean;
}

function applyAll(db: Catalogue, incoming: ExchangeRecord[], sender: { uid: string; name: string }, at: string, progress?: (d: number, t: number) => void): Counts {
  const counts: Counts = { added: 0, updated: 0, unchanged: 0, deleted: 0, byKind: {}, conflictUids: new Set(), knockOn: false };
  const ids = new LocalIds(db);
  const rank = (k: RecordKind) => RECORD_KINDS.indexOf(k);
  const sorted = [...incoming].sort((a, b) => rank(a.kind) - rank(b.kind));
  const removals: MergeOutcome['record'][] = [];
  const parents: ExchangeRecord[] = [];
  sorted.forEach((r, index) => {
    if (index % 2_000 === 0) progress?.(index, sorted.length);
    const local = readExchangeRecord(db, r.uid);
    if (local && local.kind !== r.kind) {
      throw new AppError('CONFLICT', `Paquet refusé : l’enregistrement ${r.uid} y est un(e) ${RECORD_KIND_LABELS[r.kind].one}, ici un(e) ${RECORD_KIND_LABELS[local.kind].one}. Le catalogue n’a pas été modifié.`);
    }
    const outcome = mergeRecord(local, r);
    const merged = outcome.record;
    const kindCounts = (counts.byKind[r.kind] ??= { added: 0, updated: 0, deleted: 0 });
    if (outcome.status === 'added') {
      writeRecord(db, ids, r.kind, r.uid, merged.fields, at);
      counts.added++;
      kindCounts.added++;
    } else if (outcome.status === 'updated') {
      writeRecord(db, ids, r.kind, r.uid, merged.fields, at);
      counts.updated++;
      kindCounts.updated++;
    } else if (outcome.status === 'deleted') {
      removals.push(merged);
      counts.deleted++;
      kindCounts.deleted++;
    } else {
      counts.unchanged++;
    }
    if (r.kind === 'contribution' && !merged.deleted && (outcome.status === 'added' || outcome.status === 'updated')) parents.push(merged);
    const moved = outcome.status !== 'unchanged' && outcome.status !== 'tombstone';
    if (!local || moved || JSON.stringify(local.clocks) !== JSON.stringify(merged.clocks) || local.deleted !== merged.deleted) {
      writeExchangeRecord(db, merged, canonical(merged.fields), moved || !local ? { from: sender.uid, at } : undefined);
    }
    for (const c of outcome.conflicts) {
      writeConflict(db, {
        uid: r.uid, kind: r.kind, field: c.field, localValue: c.local, incomingValue: c.incoming, incomingClock: c.incomingClock,
        peerUid: sender.uid, peerName: sender.name, detectedAt: at,
      });
      counts.conflictUids.add(r.uid);
    }
    // A conflict settled elsewhere arrives as a value that has seen both sides: it closes here too.
    if (local) {
      const still = new Set(outcome.conflicts.map((c) => c.field));
      for (const open of openConflicts(db, r.uid)) {
        if (!still.has(open.field) && covers(merged.clocks[open.field] ?? {}, open.incomingClock)) closeConflict(db, open.id, 'ailleurs', at);
      }
    }
  });
  for (const c of parents) tieParent(db, ids, c.uid, c.fields.parent);
  for (const r of removals.reverse()) removeRecord(db, ids, r.kind, r.uid, r.fields);
  counts.knockOn = ids.misses > 0 || removals.length > 0;
  progress?.(sorted.length, sorted.length);
  return counts;
}

export function bundleScopeLabel(db: Catalogue, bundle: Pick<OpenedBundle, 'manifest'>): string {
  const { manifest } = bundle;
  if (manifest.whole) return `${scopeLabel(db, manifest.source.scopeKind, manifest.source.scopeCode)} (catalogue entier)`;
  const [kind, code] = manifest.scope.split(':') as ['academie' | 'departement', string];
  return scopeLabel(db, kind, code);
}
