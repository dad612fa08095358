/**
 * Restitutions (migration 0019): a meeting's report kept as its passages, and the contributions cut from
 * them. Passages are written once, with their restitution, and never updated (restitution_fts follows).
 */
import type { Catalogue } from '../database.ts';
import type { ContributionKind } from '../../contract/domain.ts';
import type {
  Passage, PassagePoint, RestitutionCut, RestitutionFormat, RestitutionInfo, RestitutionSnapshot,
} from '../../contract/schemas/restitutions.ts';
import { newUid } from '../uid.ts';

interface InfoRow {
  id: number; meeting_id: number; file_name: string; format: RestitutionFormat; sha256: string; added_at: string;
  passage_count: number; contribution_count: number; pending_count: number;
}

const SELECT_INFO = `
  SELECT r.id, r.meeting_id, r.file_name, r.format, r.sha256, r.added_at,
    (SELECT count(*) FROM restitution_passage WHERE restitution_id = r.id) AS passage_count,
    (SELECT count(*) FROM contribution WHERE restitution_id = r.id) AS contribution_count,
    (SELECT count(*) FROM contribution WHERE restitution_id = r.id AND pending = 1) AS pending_count
  FROM restitution r`;

function toInfo(row: InfoRow): RestitutionInfo {
  return {
    id: row.id, meetingId: row.meeting_id, fileName: row.file_name, format: row.format, sha256: row.sha256, addedAt: row.added_at,
    passageCount: row.passage_count, contributionCount: row.contribution_count, pendingCount: row.pending_count,
  };
}

export function restitutionsOfMeeting(db: Catalogue, meetingId: number): RestitutionInfo[] {
  return (db.prepare(`${SELECT_INFO} WHERE r.meeting_id = ? ORDER BY r.added_at, r.id`).all(meetingId) as InfoRow[]).map(toInfo);
}

/** Whether this restitution exists, on a meeting of this consultation. */
export function restitutionOfCampaign(db: Catalogue, id: number, campaignId: number): boolean {
  return db.prepare('SELECT 1 FROM restitution r JOIN meeting m ON m.id = r.meeting_id WHERE r.id = ? AND m.campaign_id = ?').get(id, campaignId) !== undefined;
}

export function getRestitutionInfo(db: Catalogue, id: number): RestitutionInfo | undefined {
  const row = db.prepare(`${SELECT_INFO} WHERE r.id = ?`).get(id) as InfoRow | undefined;
  return row && toInfo(row);
}

/** The restitution of this meeting with these bytes (or this typed text), if one is attached. */
export function restitutionWithSha(db: Catalogue, meetingId: number, sha256: string): RestitutionInfo | undefined {
  const row = db.prepare(`${SELECT_INFO} WHERE r.meeting_id = ? AND r.sha256 = ?`).get(meetingId, sha256) as InfoRow | undefined;
  return row && toInfo(row);
}

/** Of the consultation's meetings, those holding a restitution with these bytes (a folder's file recognised). */
export function meetingsWithSha(db: Catalogue, campaignId: number, sha256: string): number[] {
  return db
    .prepare('SELECT r.meeting_id FROM restitution r JOIN meeting m ON m.id = r.meeting_id WHERE r.sha256 = ? AND m.campaign_id = ? ORDER BY r.meeting_id')
    .pluck()
    .all(sha256, campaignId) as number[];
}

export function restitutionPassages(db: Catalogue, id: number): Passage[] {
  const rows = db.prepare('SELECT idx, text, heading FROM restitution_passage WHERE restitution_id = ? ORDER BY idx').all(id) as
    { idx: number; text: string; heading: 0 | 1 }[];
  return rows.map((r) => ({ index: r.idx, text: r.text, heading: r.heading === 1 }));
}

/** The contributions cut from it and where (their stored range), in the order they were made. */
export function restitutionCuts(db: Catalogue, id: number): RestitutionCut[] {
  const rows = db
    .prepare(
      `SELECT id, thematique_id, kind, text, selected, pending, passage_range FROM contribution
       WHERE restitution_id = ? AND passage_range IS NOT NULL ORDER BY id`,
    )
    .all(id) as { id: number; thematique_id: number; kind: ContributionKind; text: string; selected: 0 | 1; pending: 0 | 1; passage_range: string }[];
  return rows.map((r) => {
    const range = JSON.parse(r.passage_range) as { start: PassagePoint; end: PassagePoint };
    return {
      contributionId: r.id, thematiqueId: r.thematique_id, kind: r.kind,
      review: r.selected === 1 ? 'retenue' : r.pending === 1 ? 'a_traiter' : 'ecartee',
      start: range.start, end: range.end, text: r.text,
    };
  });
}

export interface RestitutionWrite {
  meetingId: number;
  fileName: string;
  format: RestitutionFormat;
  sha256: string;
  addedAt: string;
}

/** The restitution and its passages (inside the caller's transaction). */
export function insertRestitution(db: Catalogue, r: RestitutionWrite, passages: readonly Passage[], uid: string = newUid()): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO restitution (uid, meeting_id, file_name, format, sha256, added_at)
         VALUES (@uid, @meetingId, @fileName, @format, @sha256, @addedAt)`,
      )
      .run({ ...r, uid }).lastInsertRowid,
  );
  const insert = db.prepare('INSERT INTO restitution_passage (restitution_id, idx, text, heading) VALUES (?, ?, ?, ?)');
  for (const p of passages) insert.run(id, p.index, p.text, p.heading ? 1 : 0);
  return id;
}

/** A restitution is there: the meeting's « restitution reçue » follows (left as is when already set). */
export function markRestitutionReceived(db: Catalogue, meetingId: number, now: string): void {
  db.prepare('UPDATE meeting SET restitution_received = 1, updated_at = ? WHERE id = ? AND restitution_received = 0').run(now, meetingId);
}

/** Removes it; the contributions cut from it keep their text and meeting, not their link to the passage. */
export function deleteRestitution(db: Catalogue, id: number): boolean {
  db.prepare('UPDATE contribution SET restitution_id = NULL, passage_range = NULL WHERE restitution_id = ?').run(id);
  return db.prepare('DELETE FROM restitution WHERE id = ?').run(id).changes > 0;
}

/** The next position at the end of a thématique's contributions of one kind. */
export function nextContributionPosition(db: Catalogue, campaignId: number, thematiqueId: number, kind: ContributionKind): number {
  return db
    .prepare('SELECT coalesce(max(position) + 1, 0) FROM contribution WHERE campaign_id = ? AND thematique_id = ? AND kind = ?')
    .pluck()
    .get(campaignId, thematiqueId, kind) as number;
}

/** What a folder's file names are matched on, for each of the consultation's meetings. */
export interface MeetingToMatch {
  id: number;
  uid: string;
  title: string;
  date: string;
  lieu: string;
  etablissement: string | null;
  commune: string | null;
}

export function meetingsToMatch(db: Catalogue, campaignId: number): MeetingToMatch[] {
  return db
    .prepare(
      `SELECT m.id, m.uid, m.title, m.date, m.lieu, e.nom AS etablissement, e.commune
       FROM meeting m LEFT JOIN etablissement e ON e.uai = m.etablissement_uai
       WHERE m.campaign_id = ? ORDER BY m.date, m.id`,
    )
    .all(campaignId) as MeetingToMatch[];
}

/** A meeting's restitutions, whole, with the ranges cut from each (what its deletion takes away). */
export function restitutionSnapshots(db: Catalogue, meetingId: number): RestitutionSnapshot[] {
  const rows = db.prepare('SELECT id, uid, file_name, format, sha256, added_at FROM restitution WHERE meeting_id = ? ORDER BY added_at, id').all(meetingId) as
    { id: number; uid: string; file_name: string; format: RestitutionFormat; sha256: string; added_at: string }[];
  return rows.map((r) => ({
    uid: r.uid, fileName: r.file_name, format: r.format, sha256: r.sha256, addedAt: r.added_at,
    passages: restitutionPassages(db, r.id),
    cuts: (db.prepare('SELECT id, passage_range FROM contribution WHERE restitution_id = ? AND passage_range IS NOT NULL ORDER BY id').all(r.id) as
      { id: number; passage_range: string }[])
      .map((c) => ({ contributionId: c.id, ...(JSON.parse(c.passage_range) as { start: PassagePoint; end: PassagePoint; text: string }) })),
  }));
}

/**
 * Puts back a deleted meeting's restitutions (unless one with that identity or those bytes came back
 * meanwhile) and ties back the contributions cut from them that still exist and point nowhere.
 */
export function restoreRestitutions(db: Catalogue, meetingId: number, snapshots: readonly RestitutionSnapshot[]): void {
  // Only the meeting's consultation's contributions that point nowhere: a snapshot names them by local id.
  const relink = db.prepare(
    `UPDATE contribution SET restitution_id = ?, passage_range = ?
     WHERE id = ? AND restitution_id IS NULL AND campaign_id = (SELECT campaign_id FROM meeting WHERE id = ?)`,
  );
  for (const s of snapshots) {
    const taken = db.prepare('SELECT 1 FROM restitution WHERE uid = ? OR (meeting_id = ? AND sha256 = ?)').get(s.uid, meetingId, s.sha256);
    if (taken) continue;
    const id = insertRestitution(db, { meetingId, fileName: s.fileName, format: s.format, sha256: s.sha256, addedAt: s.addedAt }, s.passages, s.uid);
    for (const c of s.cuts) relink.run(id, JSON.stringify({ start: c.start, end: c.end, text: c.text }), c.contributionId, meetingId);
  }
}
