/** The exchange's own tables: who this catalogue is, each record's exchange state, peers, history, conflicts. */
import type { Catalogue } from '../database.ts';
import type { RecordKind, ScopeKind } from '../../contract/schemas/exchange.ts';
import type { Clock } from '../../exchange/clock.ts';
import type { ExchangeRecord, Json } from '../../exchange/record.ts';
import type { UidTable } from './exchange-records.repo.ts';

export interface IdentityRow {
  uid: string; name: string; scopeKind: ScopeKind; scopeCode: string; regionCode: string; isDemo: boolean;
  publicKey: string; privateKey: string; clock: number; stampedCount: number; createdAt: string;
}

export function readIdentity(db: Catalogue): IdentityRow | undefined {
  const r = db.prepare('SELECT * FROM catalogue_identity WHERE id = 1').get() as Record<string, unknown> | undefined;
  if (!r) return undefined;
  return {
    uid: r.uid as string, name: r.name as string, scopeKind: r.scope_kind as ScopeKind, scopeCode: r.scope_code as string,
    regionCode: r.region_code as string, isDemo: r.is_demo === 1, publicKey: r.public_key as string,
    privateKey: r.private_key as string, clock: r.clock as number, stampedCount: r.stamped_count as number, createdAt: r.created_at as string,
  };
}

export function writeIdentity(db: Catalogue, i: Omit<IdentityRow, 'clock' | 'stampedCount'>): void {
  db.prepare(
    `INSERT INTO catalogue_identity (id, uid, name, scope_kind, scope_code, region_code, is_demo, public_key, private_key, created_at)
     VALUES (1, @uid, @name, @scopeKind, @scopeCode, @regionCode, @demo, @publicKey, @privateKey, @createdAt)`,
  ).run({ ...i, demo: i.isDemo ? 1 : 0 });
}

/**
 * This catalogue's next counter value for a pass of local edits. Never below the wall clock's seconds:
 * a catalogue put back from a backup (its counter with it) never reuses a value it already sent.
 */
export function advanceClock(db: Catalogue, now: Date): number {
  db.prepare('UPDATE catalogue_identity SET clock = max(clock + 1, ?) WHERE id = 1').run(Math.floor(now.getTime() / 1000));
  return db.prepare('SELECT clock FROM catalogue_identity WHERE id = 1').pluck().get() as number;
}

/** A bundle shows this catalogue's own counter further than it knows (a backup put back): go past it. */
export function raiseClock(db: Catalogue, seen: number): void {
  db.prepare('UPDATE catalogue_identity SET clock = max(clock, ?) WHERE id = 1').run(seen);
}

/** Counts every change of the catalogue's tables (migration 0007). */
export function changeCount(db: Catalogue): number {
  return db.prepare('SELECT change_count FROM catalogue_state WHERE id = 1').pluck().get() as number;
}

/**
 * A bulk write inside one transaction: the per-row change triggers hold back, and the write counts as
 * one change when it ends, if it wrote anything (the caller ends it before committing; a rollback
 * undoes it either way).
 */
export function holdChangeTriggers(db: Catalogue): (wrote: boolean) => void {
  db.prepare('UPDATE catalogue_state SET quiet = 1 WHERE id = 1').run();
  return (wrote) => {
    db.prepare('UPDATE catalogue_state SET quiet = 0 WHERE id = 1').run();
    if (wrote) db.prepare(`UPDATE catalogue_state SET change_count = change_count + 1, last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1`).run();
  };
}

export function markStamped(db: Catalogue, count: number): void {
  db.prepare('UPDATE catalogue_identity SET stamped_count = ? WHERE id = 1').run(count);
}

interface RecordRow {
  uid: string; kind: RecordKind; origin: string; fields: string; local: string | null; pending: 0 | 1; clocks: string; deleted: 0 | 1;
  received_from: string | null; received_at: string | null;
}

/**
 * `local` is stored only where it differs from `fields` (pending): most records are held as received,
 * and their text is not written twice.
 */
const localOf = (r: Pick<RecordRow, 'fields' | 'local' | 'deleted'> & { pending: 0 | 1 }): string | null =>
  r.pending === 1 ? r.local : r.deleted === 1 ? null : r.fields;

const toRecord = (r: RecordRow): ExchangeRecord => ({
  uid: r.uid, kind: r.kind, origin: r.origin, fields: JSON.parse(r.fields) as Record<string, Json>,
  clocks: JSON.parse(r.clocks) as Record<string, Clock>, deleted: r.deleted === 1,
});

/** Every record's exchange state, its texts compared as they are before any parse. */
export function readExchangeStates(db: Catalogue): Map<string, { fieldsText: string; localText: string | null; row: () => ExchangeRecord; deleted: boolean }> {
  const rows = db.prepare('SELECT * FROM exchange_record').all() as RecordRow[];
  return new Map(rows.map((r) => [r.uid, { fieldsText: r.fields, localText: localOf(r), row: () => toRecord(r), deleted: r.deleted === 1 }]));
}

/** The exchange states of these records only (a chunk of the stamping pass). */
export function readExchangeStatesOf(db: Catalogue, uids: string[]): Map<string, { fieldsText: string; localText: string | null; row: () => ExchangeRecord; deleted: boolean }> {
  const rows = db.prepare('SELECT * FROM exchange_record WHERE uid IN (SELECT value FROM json_each(?))').all(JSON.stringify(uids)) as RecordRow[];
  return new Map(rows.map((r) => [r.uid, { fieldsText: r.fields, localText: localOf(r), row: () => toRecord(r), deleted: r.deleted === 1 }]));
}

/**
 * The states of one kind whose row was here and is not among `present`: deleted here since the last pass.
 * Only their keys are read to find them; their texts, for the few found.
 */
export function readGoneStates(db: Catalogue, kind: RecordKind, present: Set<string>): [string, { fieldsText: string; localText: string | null; row: () => ExchangeRecord; deleted: boolean }][] {
  const held = db.prepare('SELECT uid FROM exchange_record WHERE kind = ? AND deleted = 0 AND (pending = 0 OR local IS NOT NULL)').pluck().all(kind) as string[];
  const gone = held.filter((uid) => !present.has(uid));
  return gone.length === 0 ? [] : [...readExchangeStatesOf(db, gone)];
}

/**
 * readGoneStates for a kind whose rows carry their uid (exchange-records.repo.ts UID_TABLES): found in SQL, where
 * the catalogue's 300 000 contribution uids held in JavaScript, twice, took 50 MB.
 */
export function readGoneStatesOfTable(db: Catalogue, kind: RecordKind, table: UidTable): [string, { fieldsText: string; localText: string | null; row: () => ExchangeRecord; deleted: boolean }][] {
  const gone = db
    .prepare(`SELECT uid FROM exchange_record WHERE kind = ? AND deleted = 0 AND (pending = 0 OR local IS NOT NULL)
      AND uid NOT IN (SELECT uid FROM ${table} WHERE uid IS NOT NULL)`)
    .pluck()
    .all(kind) as string[];
  return gone.length === 0 ? [] : [...readExchangeStatesOf(db, gone)];
}

/** Received records the tables do not hold as received (a reference not yet here): tried again after each merge. */
export function readPendingStates(db: Catalogue): { record: ExchangeRecord; localText: string | null }[] {
  return (db.prepare('SELECT * FROM exchange_record WHERE pending = 1 ORDER BY uid').all() as RecordRow[]).map((r) => ({ record: toRecord(r), localText: localOf(r) }));
}

export function writeLocalProjection(db: Catalogue, uid: string, localText: string | null): void {
  db.prepare(
    `UPDATE exchange_record SET pending = (@local IS NULL OR @local <> fields),
       local = CASE WHEN @local = fields THEN NULL ELSE @local END WHERE uid = @uid`,
  ).run({ local: localText, uid });
}

export function readExchangeRecord(db: Catalogue, uid: string): ExchangeRecord | undefined {
  return readExchangeState(db, uid)?.record;
}

/** One record's exchange state and what the tables hold of it, in one read. */
export function readExchangeState(db: Catalogue, uid: string): { record: ExchangeRecord; localText: string | null } | undefined {
  const row = db.prepare('SELECT * FROM exchange_record WHERE uid = ?').get(uid) as RecordRow | undefined;
  return row && { record: toRecord(row), localText: localOf(row) };
}

/**
 * A record's state as stored, its texts unparsed: what a bundle carries, read row by row as it is written
 * (an académie's 40 000 records held as objects took 70 MB at once, as texts still 50 MB).
 */
export type StoredRecord = Pick<RecordRow, 'uid' | 'kind' | 'origin' | 'fields' | 'clocks' | 'deleted'>;
const STORED = 'uid, kind, origin, fields, clocks, deleted';

/** The record as it travels, from its stored texts. */
export const storedRecord = (r: StoredRecord): ExchangeRecord => toRecord(r as RecordRow);

/**
 * These records (every one when `uids` is null), one row at a time, in a bundle's order: kind, then uid
 * (both ASCII: SQLite's byte order is JavaScript's).
 */
export function iterateRowsInOrder(db: Catalogue, uids: string[] | null): IterableIterator<StoredRecord> {
  if (uids === null) return db.prepare(`SELECT ${STORED} FROM exchange_record ORDER BY kind, uid`).iterate() as IterableIterator<StoredRecord>;
  return db
    .prepare(`SELECT ${STORED} FROM exchange_record WHERE uid IN (SELECT value FROM json_each(?)) ORDER BY kind, uid`)
    .iterate(JSON.stringify(uids)) as IterableIterator<StoredRecord>;
}

/**
 * The records an académie or a département owns, found in SQL without reading the others: its
 * meetings, bassins and établissements; the retex of its établissements (else of its meetings); the
 * contributions drawn from its meetings; its meetings' restitutions; the texts written for it (and, for an académie, for its
 * départements); and every tombstone, since deletions always travel. Runs after a stamping pass: a
 * record not pending is then exactly what the tables hold, so its contributions are found from the
 * owned meetings through contribution_source (an index), not by reading every contribution's sources;
 * only pending ones are read (national scale: 300 000 contributions, 30 académies).
 * One row at a time (migration 0012's comment calls it readOwnedStates, its former name).
 */
export function iterateOwnedRows(db: Catalogue, scope: { departements: string[]; academies: string[]; academie: boolean; text: string }): IterableIterator<StoredRecord> {
  return db
    .prepare(
      `WITH deps(code) AS (SELECT value FROM json_each(@deps)),
       acads(code) AS (SELECT value FROM json_each(@acads)),
       owned_meeting AS MATERIALIZED (
         SELECT uid FROM exchange_record WHERE kind = 'meeting' AND deleted = 0 AND (
           json_extract(fields, '$.place.departementCode') IN (SELECT code FROM deps)
           OR (@academie = 1 AND json_extract(fields, '$.place.departementCode') IS NULL
               AND json_extract(fields, '$.place.academieCode') IN (SELECT code FROM acads)))),
       etab_place AS MATERIALIZED (
         SELECT json_extract(fields, '$.uai') AS uai, json_extract(fields, '$.departementCode') AS dep
         FROM exchange_record WHERE kind = 'etablissement' AND deleted = 0),
       owned(uid) AS (
         SELECT uid FROM owned_meeting
         UNION SELECT uid FROM exchange_record WHERE kind IN ('bassin', 'etablissement') AND deleted = 0
           AND json_extract(fields, '$.departementCode') IN (SELECT code FROM deps)
         UNION SELECT r.uid FROM exchange_record r LEFT JOIN etab_place e ON e.uai = json_extract(r.fields, '$.etablissementUai')
           WHERE r.kind = 'retex' AND r.deleted = 0 AND CASE WHEN e.uai IS NOT NULL THEN e.dep IN (SELECT code FROM deps)
             ELSE json_extract(r.fields, '$.sourceMeeting') IN (SELECT uid FROM owned_meeting) END
         UNION SELECT c.uid FROM owned_meeting om CROSS JOIN meeting m ON m.uid = om.uid CROSS JOIN contribution_source cs ON cs.meeting_id = m.id
           CROSS JOIN contribution c ON c.id = cs.contribution_id CROSS JOIN exchange_record x ON x.uid = c.uid WHERE x.pending = 0 AND x.deleted = 0
         UNION SELECT c.uid FROM exchange_record c WHERE c.pending = 1 AND +c.kind = 'contribution' AND +c.deleted = 0
           AND EXISTS (SELECT 1 FROM json_each(c.fields, '$.sources') s WHERE s.value IN (SELECT uid FROM owned_meeting))
         UNION SELECT uid FROM exchange_record WHERE kind = 'restitution' AND deleted = 0
           AND json_extract(fields, '$.meeting') IN (SELECT uid FROM owned_meeting)
         UNION SELECT uid FROM exchange_record WHERE kind = 'sectionText' AND deleted = 0
           AND (json_extract(fields, '$.scope') = @text OR (@academie = 1 AND json_extract(fields, '$.scope') LIKE 'departement:%'
             AND substr(json_extract(fields, '$.scope'), 13) IN (SELECT code FROM deps)))
         UNION SELECT uid FROM exchange_record WHERE deleted = 1)
       SELECT r.uid, r.kind, r.origin, r.fields, r.clocks, r.deleted FROM owned o CROSS JOIN exchange_record r ON r.uid = o.uid`,
    )
    .iterate({ deps: JSON.stringify(scope.departements), acads: JSON.stringify(scope.academies), academie: scope.academie ? 1 : 0, text: scope.text }) as IterableIterator<StoredRecord>;
}

/**
 * The review histories of these records (contributions, groups): their entries point to them, not the
 * other way, so they are found from the records a bundle already carries.
 */
export function iterateReviewEventsOf(db: Catalogue, uids: string[]): IterableIterator<StoredRecord> {
  return db
    .prepare(
      `WITH target(uid) AS (SELECT value FROM json_each(?))
       SELECT ${STORED} FROM exchange_record WHERE kind = 'reviewEvent' AND deleted = 0
         AND (json_extract(fields, '$.contribution') IN (SELECT uid FROM target) OR json_extract(fields, '$.group') IN (SELECT uid FROM target))`,
    )
    .iterate(JSON.stringify(uids)) as IterableIterator<StoredRecord>;
}

/** Stored states by uid, unparsed, one row at a time. */
export function iterateRowsByUid(db: Catalogue, uids: string[]): IterableIterator<StoredRecord> {
  return db.prepare(`SELECT ${STORED} FROM exchange_record WHERE uid IN (SELECT value FROM json_each(?))`).iterate(JSON.stringify(uids)) as IterableIterator<StoredRecord>;
}

/**
 * `fieldsText`: the fields as canonical JSON (exchange/record.ts `canonical`); `localText`: what the
 * tables hold of the record, null when they hold nothing.
 */
export function writeExchangeRecord(
  db: Catalogue, r: ExchangeRecord, fieldsText: string, localText: string | null, received?: { from: string; at: string },
): void {
  db.prepare(
    `INSERT INTO exchange_record (uid, kind, origin, fields, local, pending, clocks, deleted, received_from, received_at)
     VALUES (@uid, @kind, @origin, @fields, @local, @pending, @clocks, @deleted, @from, @at)
     ON CONFLICT (uid) DO UPDATE SET fields = excluded.fields, local = excluded.local, pending = excluded.pending,
       clocks = excluded.clocks, deleted = excluded.deleted,
       received_from = coalesce(excluded.received_from, received_from), received_at = coalesce(excluded.received_at, received_at)`,
  ).run({
    uid: r.uid, kind: r.kind, origin: r.origin, fields: fieldsText, clocks: JSON.stringify(r.clocks), deleted: r.deleted ? 1 : 0,
    ...(r.deleted || localText === fieldsText ? { local: null, pending: 0 } : { local: localText, pending: 1 }),
    from: received?.from ?? null, at: received?.at ?? null,
  });
}

export function forgetExchangeRecord(db: Catalogue, uid: string): void {
  db.prepare('DELETE FROM exchange_record WHERE uid = ?').run(uid);
}

export function recordOrigin(db: Catalogue, uid: string): { origin: string; receivedFrom: string | null; receivedAt: string | null } | undefined {
  const r = db.prepare('SELECT origin, received_from, received_at FROM exchange_record WHERE uid = ?').get(uid) as
    | { origin: string; received_from: string | null; received_at: string | null }
    | undefined;
  return r && { origin: r.origin, receivedFrom: r.received_from, receivedAt: r.received_at };
}

export function localUid(db: Catalogue, table: 'meeting' | 'retex' | 'contribution' | 'trame', id: number): string | null {
  return (db.prepare(`SELECT uid FROM ${table} WHERE id = ?`).pluck().get(id) as string | undefined) ?? null;
}

// Peers ---------------------------------------------------------------------------------------------

export interface PeerRow {
  uid: string; name: string; scopeKind: string; scopeCode: string; publicKey: string; firstSeenAt: string; lastMergedAt: string | null;
}

const toPeer = (r: Record<string, unknown>): PeerRow => ({
  uid: r.uid as string, name: r.name as string, scopeKind: r.scope_kind as string, scopeCode: r.scope_code as string,
  publicKey: r.public_key as string, firstSeenAt: r.first_seen_at as string, lastMergedAt: r.last_merged_at as string | null,
});

export function readPeer(db: Catalogue, uid: string): PeerRow | undefined {
  const r = db.prepare('SELECT * FROM exchange_peer WHERE uid = ?').get(uid) as Record<string, unknown> | undefined;
  return r && toPeer(r);
}

export function listPeers(db: Catalogue): PeerRow[] {
  return (db.prepare('SELECT * FROM exchange_peer ORDER BY name').all() as Record<string, unknown>[]).map(toPeer);
}

/** Every catalogue this one knows by name: its peers, and the origins of what they sent. */
export function catalogueNames(db: Catalogue): Map<string, string> {
  const rows = db.prepare('SELECT uid, name FROM exchange_catalogue UNION ALL SELECT uid, name FROM exchange_peer').all() as { uid: string; name: string }[];
  return new Map(rows.map((r) => [r.uid, r.name]));
}

export function rememberCatalogueNames(db: Catalogue, names: Record<string, string>): void {
  const upsert = db.prepare('INSERT INTO exchange_catalogue (uid, name) VALUES (?, ?) ON CONFLICT (uid) DO UPDATE SET name = excluded.name');
  for (const [uid, name] of Object.entries(names)) upsert.run(uid, name);
}

export function writePeer(db: Catalogue, p: PeerRow): void {
  db.prepare(
    `INSERT INTO exchange_peer (uid, name, scope_kind, scope_code, public_key, first_seen_at, last_merged_at)
     VALUES (@uid, @name, @scopeKind, @scopeCode, @publicKey, @firstSeenAt, @lastMergedAt)
     ON CONFLICT (uid) DO UPDATE SET name = excluded.name, scope_kind = excluded.scope_kind, scope_code = excluded.scope_code,
       public_key = excluded.public_key, last_merged_at = excluded.last_merged_at`,
  ).run(p);
}

// History -------------------------------------------------------------------------------------------

export interface LogRow {
  direction: 'sent' | 'received'; peerUid: string; peerName: string; scope: string; bundleSha: string; fileName: string;
  createdAt: string; at: string; added: number; updated: number; deleted: number; conflicts: number;
}

export function writeLog(db: Catalogue, l: LogRow): void {
  db.prepare(
    `INSERT INTO exchange_log (direction, peer_uid, peer_name, scope, bundle_sha, file_name, created_at, at, added, updated, deleted, conflicts)
     VALUES (@direction, @peerUid, @peerName, @scope, @bundleSha, @fileName, @createdAt, @at, @added, @updated, @deleted, @conflicts)`,
  ).run(l);
}

export function listLog(db: Catalogue, limit = 50): (LogRow & { id: number })[] {
  const rows = db.prepare('SELECT * FROM exchange_log ORDER BY id DESC LIMIT ?').all(limit) as Record<string, unknown>[];
  return rows.map((r) => ({
    id: r.id as number, direction: r.direction as 'sent' | 'received', peerUid: r.peer_uid as string, peerName: r.peer_name as string,
    scope: r.scope as string, bundleSha: r.bundle_sha as string, fileName: r.file_name as string, createdAt: r.created_at as string,
    at: r.at as string, added: r.added as number, updated: r.updated as number, deleted: r.deleted as number, conflicts: r.conflicts as number,
  }));
}

/** Bundles already merged, by checksum: the shared folder offers only the new ones. */
export function mergedBundleShas(db: Catalogue): Set<string> {
  return new Set(db.prepare("SELECT bundle_sha FROM exchange_log WHERE direction = 'received'").pluck().all() as string[]);
}

// Conflicts -----------------------------------------------------------------------------------------

export interface ConflictRow {
  id: number; uid: string; kind: RecordKind; field: string; localValue: Json; incomingValue: Json; incomingClock: Clock;
  localClock: Clock; peerUid: string; peerName: string; detectedAt: string;
}

const toConflict = (r: Record<string, unknown>): ConflictRow => ({
  id: r.id as number, uid: r.uid as string, kind: r.kind as RecordKind, field: r.field as string,
  localValue: JSON.parse(r.local_value as string) as Json, incomingValue: JSON.parse(r.incoming_value as string) as Json,
  incomingClock: JSON.parse(r.incoming_clock as string) as Clock, localClock: JSON.parse(r.local_clock as string) as Clock,
  peerUid: r.peer_uid as string, peerName: r.peer_name as string,
  detectedAt: r.detected_at as string,
});

/** One open conflict per record and field: a newer bundle's value replaces the older one's. */
export function writeConflict(db: Catalogue, c: Omit<ConflictRow, 'id'>): void {
  db.prepare(
    `INSERT INTO exchange_conflict (uid, kind, field, local_value, incoming_value, incoming_clock, local_clock, peer_uid, peer_name, detected_at)
     VALUES (@uid, @kind, @field, @local, @incoming, @clock, @localClock, @peerUid, @peerName, @detectedAt)
     ON CONFLICT (uid, field) WHERE resolved_at IS NULL DO UPDATE SET local_value = excluded.local_value,
       incoming_value = excluded.incoming_value, incoming_clock = excluded.incoming_clock, local_clock = excluded.local_clock,
       peer_uid = excluded.peer_uid,
       peer_name = excluded.peer_name,
       detected_at = CASE WHEN incoming_value = excluded.incoming_value AND local_value = excluded.local_value
         THEN detected_at ELSE excluded.detected_at END`,
  ).run({
    ...c, local: JSON.stringify(c.localValue), incoming: JSON.stringify(c.incomingValue), clock: JSON.stringify(c.incomingClock),
    localClock: JSON.stringify(c.localClock),
  });
}

export function openConflicts(db: Catalogue): ConflictRow[] {
  return (db.prepare('SELECT * FROM exchange_conflict WHERE resolved_at IS NULL ORDER BY id').all() as Record<string, unknown>[]).map(toConflict);
}

/** The records that have a conflict open (a few at most): read once per merge. */
export function openConflictUids(db: Catalogue): Set<string> {
  return new Set(db.prepare('SELECT DISTINCT uid FROM exchange_conflict WHERE resolved_at IS NULL').pluck().all() as string[]);
}

/** One record's open conflicts, by the partial index (called for a received record among openConflictUids). */
export function openConflictsOf(db: Catalogue, uid: string): ConflictRow[] {
  return (db.prepare('SELECT * FROM exchange_conflict WHERE uid = ? AND resolved_at IS NULL').all(uid) as Record<string, unknown>[]).map(toConflict);
}

export function readConflict(db: Catalogue, id: number): (ConflictRow & { resolvedAt: string | null }) | undefined {
  const r = db.prepare('SELECT * FROM exchange_conflict WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  return r && { ...toConflict(r), resolvedAt: r.resolved_at as string | null };
}

export function closeConflict(db: Catalogue, id: number, resolution: 'local' | 'recu' | 'ailleurs', at: string): void {
  db.prepare('UPDATE exchange_conflict SET resolved_at = ?, resolution = ? WHERE id = ?').run(at, resolution, id);
}

export function countOpenConflicts(db: Catalogue): number {
  return db.prepare('SELECT count(*) FROM exchange_conflict WHERE resolved_at IS NULL').pluck().get() as number;
}

/**
 * Empties the catalogue of everything but the territory (leaving the demo for a catalogue of one's
 * own; the caller keeps a copy first).
 */
export function wipeCatalogueData(db: Catalogue): void {
  for (const table of [
    'exchange_conflict', 'exchange_log', 'exchange_peer', 'exchange_catalogue', 'exchange_record', 'generated_document', 'section_text', 'setting',
    'review_event', 'contribution_source', 'contribution', 'contribution_group', 'restitution_passage', 'restitution',
    'thematique_map', 'thematique_map_saved', 'retex_link', 'retex', 'atelier', 'attendance', 'meeting_thematique', 'meeting',
    'trame_section', 'trame', 'style_template', 'etablissement', 'bassin', 'sujet', 'thematique', 'campaign', 'catalogue_identity',
  ]) {
    db.prepare(`DELETE FROM ${table}`).run();
  }
}

/** Has anybody put anything in it yet? */
export function holdsData(db: Catalogue): boolean {
  return (db.prepare('SELECT (SELECT count(*) FROM meeting) + (SELECT count(*) FROM setting) + (SELECT count(*) FROM retex) + (SELECT count(*) FROM contribution)').pluck().get() as number) > 0;
}
