/** What a traced statement shows of its sources: their meetings, and the file a passage was read from. */
import type { Catalogue } from '../database.ts';

export interface TracedMeeting { id: number; title: string; date: string; departement: string | null }

/** These meetings by date, with their département's name. */
export function tracedMeetings(db: Catalogue, ids: readonly number[]): TracedMeeting[] {
  return db
    .prepare(
      `SELECT m.id, m.title, m.date, d.nom AS departement FROM meeting m LEFT JOIN departement d ON d.code = m.departement_code
       WHERE m.id IN (SELECT value FROM json_each(?)) ORDER BY m.date, m.id`,
    )
    .all(JSON.stringify(ids)) as TracedMeeting[];
}

export function restitutionFile(db: Catalogue, id: number): { fileName: string; meetingId: number } | undefined {
  return db.prepare('SELECT file_name AS fileName, meeting_id AS meetingId FROM restitution WHERE id = ?').get(id) as
    { fileName: string; meetingId: number } | undefined;
}
