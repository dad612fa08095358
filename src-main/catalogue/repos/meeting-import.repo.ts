/**
 * An attendance import's writes, batched: a hundred meetings per statement, their values bound at once.
 * Row by row, every INSERT into `meeting` was a statement of its own, and FTS5 writes its pending words
 * to disk at each statement's savepoint (migration 0009's trigger): 10 000 meetings took a second there,
 * a fifth of it in batches. The import has checked every record first (services/attendance-import.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Catalogue } from '../database.ts';
import { foldedSortKey } from './list-sql.ts';
import type { MeetingRecord } from './meeting.repo.ts';

/** Meetings per statement: 18 parameters each, far under SQLite's 32 766. */
const BATCH = 100;

export interface ImportedMeeting {
  id: number;
  record: MeetingRecord;
}

/** Catalogues that have migration 0012's flag holding the search index's triggers back. */
const holdable = new WeakMap<Catalogue, boolean>();

/**
 * Holds the meetings' search-index triggers for the rest of the caller's transaction (migration 0012's
 * fts_held): FTS5 indexed each new meeting in a statement of its own, a third of an import's write.
 * Returns what indexes the meetings written meanwhile in one statement, and lets the triggers run again.
 * A catalogue without the flag keeps its triggers: the returned function then does nothing.
 */
export function holdMeetingSearch(db: Catalogue): (ids: number[], fresh?: number[]) => void {
  let can = holdable.get(db);
  if (can === undefined) {
    can = db.prepare("SELECT 1 FROM pragma_table_info('catalogue_state') WHERE name = 'fts_held'").pluck().get() !== undefined;
    holdable.set(db, can);
  }
  if (!can) return () => {};
  db.prepare('UPDATE catalogue_state SET fts_held = 1 WHERE id = 1').run();
  // `fresh`: meetings new under ids never used before (nextMeetingId), which no index entry can hold yet.
  return (ids, fresh = []) => {
    if (ids.length > 0) db.prepare('DELETE FROM meeting_fts WHERE rowid IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
    const all = [...fresh, ...ids];
    if (all.length > 0) {
      db.prepare(
        `INSERT INTO meeting_fts (rowid, title, lieu, notes, defis, etablissement)
           SELECT id, title, lieu, notes, defis, etablissement FROM meeting_fts_source WHERE id IN (SELECT value FROM json_each(?))`,
      ).run(JSON.stringify(all));
    }
    db.prepare('UPDATE catalogue_state SET fts_held = 0 WHERE id = 1').run();
  };
}

/** The id the next new meeting gets: past the highest ever used (migration 0005), as insertMeeting does. */
export function nextMeetingId(db: Catalogue): number {
  return db.prepare('SELECT max(meeting_high, (SELECT coalesce(max(id), 0) FROM meeting)) + 1 FROM catalogue_state WHERE id = 1').pluck().get() as number;
}

/** The catalogue's state as far as an import's plan depends on it: any write since changes it. */
export function catalogueVersion(db: Catalogue): string {
  return db.prepare("SELECT change_count || '|' || last_change || '|' || meeting_high FROM catalogue_state WHERE id = 1").pluck().get() as string;
}

/**
 * Version 7 identifiers as the meeting_uid trigger makes them (time-ordered), given here so that the
 * trigger does not rewrite each new row. The time part ("0175e7c3-1a2b-7"), the same for a whole batch:
 */
function uidTime(ms: number): string {
  const t = ms.toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7`;
}

/** One identifier from the time part and 20 hex digits of randomness at `at` in `hex`. */
function uidOf(time: string, hex: string, at: number): string {
  return `${time}${hex.slice(at, at + 3)}-${'89ab'[Number.parseInt(hex[at + 3]!, 16) & 3]}${hex.slice(at + 4, at + 7)}-${hex.slice(at + 8, at + 20)}`;
}

const json = (m: ImportedMeeting, now: string) => ({
  id: m.id, campaignId: m.record.campaignId, level: m.record.level, title: m.record.title, date: m.record.date, lieu: m.record.lieu,
  format: m.record.format, regionCode: m.record.regionCode, academieCode: m.record.academieCode, departementCode: m.record.departementCode,
  bassinId: m.record.bassinId, etablissementUai: m.record.etablissementUai, declaredTotal: m.record.declaredTotal,
  restitution: m.record.restitutionReceived ? 1 : 0, notes: m.record.notes, now, sortKey: foldedSortKey(m.record.title),
});

const COLUMNS = `level, title, date, lieu, format, region_code, academie_code, departement_code, bassin_id, etablissement_uai,
  declared_total, restitution_received, notes, updated_at, sort_key`;
const VALUES = `j.value ->> 'level', j.value ->> 'title', j.value ->> 'date', j.value ->> 'lieu', j.value ->> 'format',
  j.value ->> 'regionCode', j.value ->> 'academieCode', j.value ->> 'departementCode', j.value ->> 'bassinId',
  j.value ->> 'etablissementUai', j.value ->> 'declaredTotal', j.value ->> 'restitution', j.value ->> 'notes', j.value ->> 'now', j.value ->> 'sortKey'`;

/** `INSERT … VALUES (?, ?), (?, ?)…`: rows of `width` values, bound at once (a JSON array read in SQL cost 40 % more). */
function insertRows(db: Catalogue, into: string, width: number, values: unknown[]): void {
  for (let from = 0; from < values.length; from += width * BATCH * 4) {
    const part = values.slice(from, from + width * BATCH * 4);
    db.prepare(insertSql(into, width, part.length / width)).run(...part);
  }
}

/**
 * The statement's text, made once per shape and kept: the same string each time, so that the statement
 * cache finds it without hashing 7 Ko of SQL again (a string keeps its hash), 200 times an import.
 */
const insertSqls = new Map<string, string>();
function insertSql(into: string, width: number, rows: number): string {
  const shape = `${into}|${width}|${rows}`;
  let sql = insertSqls.get(shape);
  if (sql === undefined) {
    const row = `(${Array.from({ length: width }, () => '?').join(', ')})`;
    insertSqls.set(shape, (sql = `INSERT INTO ${into} VALUES ${Array.from({ length: rows }, () => row).join(', ')}`));
  }
  return sql;
}

/** Attendance and thématiques of these meetings (ateliers: an import has none to write). */
function writeChildren(db: Catalogue, batch: ImportedMeeting[]): void {
  const attendance: unknown[] = [];
  const thematiques: unknown[] = [];
  for (const { id, record } of batch) {
    for (const code in record.attendance) {
      const count = record.attendance[code as keyof typeof record.attendance];
      if (count !== undefined) attendance.push(id, code, count);
    }
    for (const thematiqueId of new Set(record.thematiqueIds)) thematiques.push(id, thematiqueId);
  }
  insertRows(db, 'attendance (meeting_id, category_code, count)', 3, attendance);
  insertRows(db, 'meeting_thematique (meeting_id, thematique_id)', 2, thematiques);
}

/** New meetings under the ids given (from nextMeetingId, in order), in batches; `after` runs between two. */
export function insertImportedMeetings(db: Catalogue, meetings: ImportedMeeting[], now: string, after: (done: number) => void = () => {}): void {
  for (let from = 0; from < meetings.length; from += BATCH) {
    const batch = meetings.slice(from, from + BATCH);
    if (batch.some((m) => m.record.ateliers.length > 0)) throw new Error('insertImportedMeetings: ateliers non pris en charge');
    // The batch's randomness in hex at once, its time part once: per meeting, only slices of them.
    const time = uidTime(Date.now());
    const hex = randomBytes(10 * batch.length).toString('hex');
    const values: unknown[] = [];
    batch.forEach(({ id, record: r }, i) => {
      values.push(
        id, r.campaignId, r.level, r.title, r.date, r.lieu, r.format, r.regionCode, r.academieCode, r.departementCode, r.bassinId,
        r.etablissementUai, r.declaredTotal, r.restitutionReceived ? 1 : 0, r.notes, now, foldedSortKey(r.title), uidOf(time, hex, 20 * i),
      );
    });
    insertRows(db, `meeting (id, campaign_id, ${COLUMNS}, uid)`, 18, values);
    writeChildren(db, batch);
    after(from + batch.length);
  }
}

/**
 * Meetings rewritten whole (place, counts, thématiques), in batches; their ateliers are kept as they are
 * (an import never changes them).
 */
export function updateImportedMeetings(db: Catalogue, meetings: ImportedMeeting[], now: string, after: (done: number) => void = () => {}): void {
  for (let from = 0; from < meetings.length; from += BATCH) {
    const batch = meetings.slice(from, from + BATCH);
    const ids = JSON.stringify(batch.map((m) => m.id));
    db.prepare(
      `UPDATE meeting SET (${COLUMNS}) = (SELECT ${VALUES}) FROM json_each(?) j WHERE meeting.id = j.value ->> 'id'`,
    ).run(JSON.stringify(batch.map((m) => json(m, now))));
    db.prepare('DELETE FROM attendance WHERE meeting_id IN (SELECT value FROM json_each(?))').run(ids);
    db.prepare('DELETE FROM meeting_thematique WHERE meeting_id IN (SELECT value FROM json_each(?))').run(ids);
    writeChildren(db, batch);
    after(from + batch.length);
  }
}
