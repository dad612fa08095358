/** Meetings with their attendance, thématiques and ateliers, read in one query per list. */
import { type Catalogue, containsPattern } from '../database.ts';
import type { Page } from '../../contract/schemas/lists.ts';
import type { Attendance, Meeting, MeetingEtat, MeetingLinks } from '../../contract/schemas/meeting.ts';
import { foldedSortKey, ftsQuery, inOrder, orderBy, pageIds, pageOfItems, sortKey, type SortSpec, Where } from './list-sql.ts';
import { scopeMeetings, type StatsScope } from './stats.repo.ts';
import { restitutionSnapshots, restoreRestitutions } from './restitution.repo.ts';

export type MeetingRecord = Omit<Meeting, 'id' | 'participants' | 'participantsSource' | 'updatedAt' | 'ateliers'> & {
  ateliers: Omit<Meeting['ateliers'][number], 'id'>[];
  regionCode: string | null;
};

/** Internal callers' filter (imports, kit, spreadsheets): every matching meeting, by date. */
export interface MeetingQuery {
  campaignId: number;
  regionCode?: string;
  level?: string;
  academieCode?: string;
  departementCode?: string;
  thematiqueId?: number;
  dateFrom?: string;
  dateTo?: string;
  search?: string;
  id?: number;
}

interface MeetingRow {
  id: number; campaign_id: number; level: Meeting['level']; title: string; date: string; lieu: string;
  format: Meeting['format']; academie_code: string | null; departement_code: string | null; bassin_id: number | null;
  etablissement_uai: string | null; declared_total: number | null; restitution_received: 0 | 1; notes: string;
  updated_at: string; attendance_json: string; thematiques_json: string; ateliers_json: string;
}

const SELECT = `
  SELECT m.*,
    (SELECT json_group_object(category_code, count) FROM attendance WHERE meeting_id = m.id) AS attendance_json,
    (SELECT json_group_array(thematique_id) FROM
       (SELECT mt.thematique_id FROM meeting_thematique mt JOIN thematique t ON t.id = mt.thematique_id
        WHERE mt.meeting_id = m.id ORDER BY t.number)) AS thematiques_json,
    (SELECT json_group_array(json_object('id', id, 'thematiqueId', thematique_id, 'defi', defi, 'participants', participants))
       FROM (SELECT * FROM atelier WHERE meeting_id = m.id ORDER BY position)) AS ateliers_json
  FROM meeting m`;

export function queryMeetings(db: Catalogue, q: MeetingQuery): Meeting[] {
  const rows = db
    .prepare(
      `${SELECT}
       WHERE m.campaign_id = @campaignId
         AND (@id IS NULL OR m.id = @id)
         AND (@regionCode IS NULL OR m.region_code = @regionCode)
         AND (@level IS NULL OR m.level = @level)
         AND (@academieCode IS NULL OR m.academie_code = @academieCode)
         AND (@departementCode IS NULL OR m.departement_code = @departementCode)
         AND (@dateFrom IS NULL OR m.date >= @dateFrom)
         AND (@dateTo IS NULL OR m.date <= @dateTo)
         AND (@thematiqueId IS NULL OR EXISTS
               (SELECT 1 FROM meeting_thematique WHERE meeting_id = m.id AND thematique_id = @thematiqueId))
         AND (@search IS NULL OR fold(m.title) LIKE @search ESCAPE '\\' OR fold(m.lieu) LIKE @search ESCAPE '\\'
              OR fold(m.notes) LIKE @search ESCAPE '\\')
       ORDER BY m.date, m.id`,
    )
    .all({
      campaignId: q.campaignId,
      id: q.id ?? null,
      regionCode: q.regionCode ?? null,
      level: q.level ?? null,
      academieCode: q.academieCode ?? null,
      departementCode: q.departementCode ?? null,
      thematiqueId: q.thematiqueId ?? null,
      dateFrom: q.dateFrom ?? null,
      dateTo: q.dateTo ?? null,
      search: containsPattern(q.search),
    }) as MeetingRow[];
  return rows.map(toMeeting);
}

/**
 * The ids of a consultation's meetings an import's rows name, in queryMeetings' order: by reference, or by
 * their natural key "level|date|place", the place being the UAI, else "b" and the bassin's id, else the
 * département, else the académie (attendance-import.ts's naturalKey). Matched in SQL: a consultation of the
 * nation at ten times its scale read whole into objects took 75 ms of an import.
 */
export function meetingIdsNamed(db: Catalogue, campaignId: number, references: number[], naturalKeys: string[]): number[] {
  return db
    .prepare(
      `SELECT id FROM meeting WHERE campaign_id = ?
         AND (id IN (SELECT value FROM json_each(?))
           OR level || '|' || date || '|' || coalesce(etablissement_uai, 'b' || bassin_id, departement_code, academie_code)
              IN (SELECT value FROM json_each(?)))
       ORDER BY date, id`,
    )
    .pluck()
    .all(campaignId, JSON.stringify(references), JSON.stringify(naturalKeys)) as number[];
}

/** Whether a consultation has any meeting yet. */
export function hasMeetings(db: Catalogue, campaignId: number): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM meeting WHERE campaign_id = ?)').pluck().get(campaignId) === 1;
}

/** The meetings' list as the screens ask for it (contract MeetingFilter, parsed). */
export interface MeetingPageQuery {
  campaignId: number;
  regionCode?: string;
  academieCode?: string;
  departementCode?: string;
  level?: string;
  thematiqueId?: number;
  dateFrom?: string;
  dateTo?: string;
  etat?: MeetingEtat;
  search?: string;
  ids?: number[];
  sort: SortSpec;
  offset: number;
  limit: number;
}

const LEVEL_ORDER = `CASE m.level WHEN 'etablissement' THEN 1 WHEN 'bassin' THEN 2 WHEN 'departemental' THEN 3
  WHEN 'academique' THEN 4 ELSE 5 END`;

/** Sortable columns (contract MEETING_SORTS): each a list of SQL terms, the id breaking ties. */
const MEETING_ORDER: Record<string, string[]> = {
  date: ['m.date'],
  title: ['m.sort_key'],
  level: [LEVEL_ORDER, 'm.date'],
  place: ["coalesce(m.academie_code, '')", "coalesce(m.departement_code, '')", sortKey('m.lieu')],
  participants: ['coalesce(m.declared_total, (SELECT sum(count) FROM attendance WHERE meeting_id = m.id), -1)'],
};

const ETAT: Record<MeetingEtat, string> = {
  restitution_recue: 'm.restitution_received = 1',
  restitution_attendue: 'm.restitution_received = 0',
  participation_inconnue: 'm.declared_total IS NULL AND NOT EXISTS (SELECT 1 FROM attendance WHERE meeting_id = m.id)',
  sans_thematique: 'NOT EXISTS (SELECT 1 FROM meeting_thematique WHERE meeting_id = m.id)',
};

/**
 * One page of a consultation's meetings and how many matched. The territory is the finest place
 * given (its index: migration 0008); a search goes through meeting_fts (migration 0009).
 */
export function pageMeetings(db: Catalogue, q: MeetingPageQuery): Page<Meeting> {
  const match = ftsQuery(q.search);
  const place = q.departementCode ?? q.academieCode ?? q.regionCode;
  // A search (or a thématique, when no place is given) names the meetings: read those by id, then
  // sorted, rather than walking the consultation's in date order to test each (`+`: no index of it).
  const named = match !== null || q.ids !== undefined || (q.thematiqueId !== undefined && !place);
  const where = new Where().add(named ? '+m.campaign_id = ?' : 'm.campaign_id = ?', q.campaignId);
  if (q.departementCode) where.add('m.departement_code = ?', q.departementCode);
  else if (q.academieCode) where.add('m.academie_code = ?', q.academieCode);
  else if (q.regionCode) where.add('m.region_code = ?', q.regionCode);
  where
    .when(q.level, 'm.level = ?', q.level)
    .when(q.dateFrom, 'm.date >= ?', q.dateFrom)
    .when(q.dateTo, 'm.date <= ?', q.dateTo)
    .when(q.thematiqueId, 'm.id IN (SELECT meeting_id FROM meeting_thematique WHERE thematique_id = ?)', q.thematiqueId)
    .when(q.etat, q.etat ? ETAT[q.etat] : '');
  if (match) where.add('m.id IN (SELECT rowid FROM meeting_fts WHERE meeting_fts MATCH ?)', match);
  if (q.ids) where.add('m.id IN (SELECT value FROM json_each(?))', JSON.stringify(q.ids));
  // A place's meetings are found by its index (0008), then sorted: never the consultation's walked by
  // date to test each (which SQLite, without statistics, would choose).
  const index = q.departementCode ? 'meeting_by_departement' : q.academieCode ? 'meeting_by_academie' : 'meeting_by_region';
  const { ids, total } = pageIds(db, {
    from: place && !named ? `meeting m INDEXED BY ${index}` : 'meeting m', idColumn: 'm.id', where,
    order: orderBy(MEETING_ORDER, q.sort, 'm.id'), offset: q.offset, limit: q.limit,
  });
  return pageOfItems(meetingsByIds(db, ids), total, q);
}

/** These meetings, in the order of `ids`. */
export function meetingsByIds(db: Catalogue, ids: number[]): Meeting[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`${SELECT} WHERE m.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as MeetingRow[];
  return inOrder(ids, rows.map(toMeeting));
}

/** The meetings a scope's Bilan counts (a département's include its académie-wide concertations). */
export function meetingsInScope(db: Catalogue, campaignId: number, scope: StatsScope): Meeting[] {
  const f = scopeMeetings(campaignId, scope);
  const rows = db.prepare(`${SELECT} WHERE ${f.sql} ORDER BY m.date, m.id`).all(...f.params) as MeetingRow[];
  return rows.map(toMeeting);
}

/** What the pre-flight checks of a meeting read (preflight.service.ts checkMeeting). */
export type MeetingToCheck = Pick<
  Meeting, 'id' | 'title' | 'date' | 'level' | 'departementCode' | 'declaredTotal' | 'attendance' | 'restitutionReceived' | 'participants'
> & { ateliers: { participants: number | null }[] };

/**
 * The meetings of a scope as the pre-flight checks them: no thématiques, no atelier texts, no JSON
 * objects per atelier (a région at ten times the nation's scale is 6 000 meetings).
 */
export function meetingsToCheck(db: Catalogue, campaignId: number, scope: StatsScope): MeetingToCheck[] {
  const f = scopeMeetings(campaignId, scope);
  const rows = db
    .prepare(
      `SELECT m.id, m.title, m.date, m.level, m.departement_code, m.declared_total, m.restitution_received,
         (SELECT json_group_object(category_code, count) FROM attendance WHERE meeting_id = m.id) AS attendance_json,
         (SELECT json_group_array(participants) FROM atelier WHERE meeting_id = m.id) AS ateliers_json
       FROM meeting m WHERE ${f.sql} ORDER BY m.date, m.id`,
    )
    .all(...f.params) as Pick<MeetingRow, 'id' | 'title' | 'date' | 'level' | 'departement_code' | 'declared_total' | 'restitution_received' | 'attendance_json' | 'ateliers_json'>[];
  return rows.map((row) => {
    const attendance = JSON.parse(row.attendance_json ?? '{}') as Attendance;
    return {
      id: row.id, title: row.title, date: row.date, level: row.level, departementCode: row.departement_code,
      declaredTotal: row.declared_total, attendance, restitutionReceived: row.restitution_received === 1,
      participants: participantsOf(row.declared_total, attendance),
      ateliers: (JSON.parse(row.ateliers_json) as (number | null)[]).map((participants) => ({ participants })),
    };
  });
}

/** The declared total, else the sum of the categories given, else unknown. */
function participantsOf(declaredTotal: number | null, attendance: Attendance): number | null {
  const counts = Object.values(attendance).filter((n): n is number => typeof n === 'number');
  return declaredTotal ?? (counts.length > 0 ? counts.reduce((a, b) => a + b, 0) : null);
}

export function getMeeting(db: Catalogue, id: number): Meeting | undefined {
  const row = db.prepare(`${SELECT} WHERE m.id = ?`).get(id) as MeetingRow | undefined;
  return row && toMeeting(row);
}

/**
 * `id` is given only to put a deleted meeting back where references (sheets, links) expect it; a new
 * meeting is numbered after the highest id ever used (migration 0005), never in a deleted one's place.
 */
export function insertMeeting(db: Catalogue, m: MeetingRecord, now: string, given: number | null = null, uid: string | null = null): number {
  const id = given ?? (db.prepare('SELECT max(meeting_high, (SELECT coalesce(max(id), 0) FROM meeting)) + 1 FROM catalogue_state WHERE id = 1').pluck().get() as number);
  const inserted = Number(
    db
      .prepare(
        `INSERT INTO meeting (id, campaign_id, level, title, date, lieu, format, region_code, academie_code, departement_code,
           bassin_id, etablissement_uai, declared_total, restitution_received, notes, updated_at, uid, sort_key)
         VALUES (@id, @campaignId, @level, @title, @date, @lieu, @format, @regionCode, @academieCode, @departementCode,
           @bassinId, @etablissementUai, @declaredTotal, @restitution, @notes, @now, @uid, @sortKey)`,
      )
      .run({ ...m, restitution: m.restitutionReceived ? 1 : 0, now, id, uid, sortKey: foldedSortKey(m.title) }).lastInsertRowid,
  );
  writeChildren(db, inserted, m);
  return inserted;
}

export function meetingIdOfUid(db: Catalogue, uid: string): number | undefined {
  return db.prepare('SELECT id FROM meeting WHERE uid = ?').pluck().get(uid) as number | undefined;
}

/** The retex and contributions that name a meeting as their source: what deleting it detaches. */
export function meetingLinks(db: Catalogue, id: number): MeetingLinks {
  return {
    uid: (db.prepare('SELECT uid FROM meeting WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null,
    restitutions: restitutionSnapshots(db, id),
    retexIds: db.prepare('SELECT id FROM retex WHERE source_meeting_id = ? ORDER BY id').pluck().all(id) as number[],
    contributionIds: db.prepare('SELECT contribution_id FROM contribution_source WHERE meeting_id = ? ORDER BY 1').pluck().all(id) as number[],
  };
}

/**
 * Ties them back, where they still exist in the meeting's consultation and nobody gave the retex
 * another source meanwhile.
 */
export function relinkMeeting(db: Catalogue, id: number, campaignId: number, links: MeetingLinks): void {
  restoreRestitutions(db, id, links.restitutions);
  const retex = db.prepare('UPDATE retex SET source_meeting_id = ? WHERE id = ? AND campaign_id = ? AND source_meeting_id IS NULL');
  for (const retexId of links.retexIds) retex.run(id, retexId, campaignId);
  const source = db.prepare(
    'INSERT OR IGNORE INTO contribution_source (contribution_id, meeting_id) SELECT id, ? FROM contribution WHERE id = ? AND campaign_id = ?',
  );
  for (const contributionId of links.contributionIds) source.run(id, contributionId, campaignId);
}

export function updateMeeting(db: Catalogue, id: number, m: MeetingRecord, now: string): void {
  db.prepare(
    `UPDATE meeting SET level = @level, title = @title, date = @date, lieu = @lieu, format = @format,
       region_code = @regionCode, academie_code = @academieCode, departement_code = @departementCode,
       bassin_id = @bassinId, etablissement_uai = @etablissementUai, declared_total = @declaredTotal,
       restitution_received = @restitution, notes = @notes, updated_at = @now, sort_key = @sortKey
     WHERE id = @id`,
  ).run({ ...m, restitution: m.restitutionReceived ? 1 : 0, now, id, sortKey: foldedSortKey(m.title) });
  for (const table of ['attendance', 'meeting_thematique']) {
    db.prepare(`DELETE FROM ${table} WHERE meeting_id = ?`).run(id);
  }
  // Ateliers are rewritten in place so their ids stay stable for the rows that remain.
  db.prepare('DELETE FROM atelier WHERE meeting_id = ? AND position > ?').run(id, m.ateliers.length);
  writeChildren(db, id, m);
}

export function deleteMeeting(db: Catalogue, id: number): boolean {
  return db.prepare('DELETE FROM meeting WHERE id = ?').run(id).changes > 0;
}

function writeChildren(db: Catalogue, id: number, m: MeetingRecord): void {
  const attendance = db.prepare('INSERT INTO attendance (meeting_id, category_code, count) VALUES (?, ?, ?)');
  for (const [code, count] of Object.entries(m.attendance)) {
    if (count !== undefined) attendance.run(id, code, count);
  }
  const thematique = db.prepare('INSERT INTO meeting_thematique (meeting_id, thematique_id) VALUES (?, ?)');
  for (const thematiqueId of new Set(m.thematiqueIds)) thematique.run(id, thematiqueId);
  const atelier = db.prepare(
    `INSERT INTO atelier (meeting_id, position, thematique_id, defi, participants) VALUES (@id, @position, @thematiqueId, @defi, @participants)`,
  );
  const update = db.prepare(
    'UPDATE atelier SET thematique_id = @thematiqueId, defi = @defi, participants = @participants WHERE meeting_id = @id AND position = @position',
  );
  m.ateliers.forEach((a, index) => {
    const row = { id, position: index + 1, ...a };
    if (update.run(row).changes === 0) atelier.run(row);
  });
}

function toMeeting(row: MeetingRow): Meeting {
  const attendance = JSON.parse(row.attendance_json ?? '{}') as Attendance;
  const participants = participantsOf(row.declared_total, attendance);
  const given = Object.values(attendance).some((n) => typeof n === 'number');
  return {
    id: row.id,
    campaignId: row.campaign_id,
    level: row.level,
    title: row.title,
    date: row.date,
    lieu: row.lieu,
    format: row.format,
    academieCode: row.academie_code,
    departementCode: row.departement_code,
    bassinId: row.bassin_id,
    etablissementUai: row.etablissement_uai,
    thematiqueIds: JSON.parse(row.thematiques_json) as number[],
    declaredTotal: row.declared_total,
    attendance,
    ateliers: JSON.parse(row.ateliers_json) as Meeting['ateliers'],
    restitutionReceived: row.restitution_received === 1,
    notes: row.notes,
    participants,
    participantsSource: row.declared_total !== null ? 'declare' : given ? 'categories' : 'inconnu',
    updatedAt: row.updated_at,
  };
}

/** How many of these meetings exist in this consultation (ids counted once). */
export function countMeetingsOfCampaign(db: Catalogue, campaignId: number, ids: number[]): number {
  if (ids.length === 0) return 0;
  return db
    .prepare(`SELECT count(*) FROM meeting WHERE campaign_id = ? AND id IN (${ids.map(() => '?').join(',')})`)
    .pluck()
    .get(campaignId, ...new Set(ids)) as number;
}
