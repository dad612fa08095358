import type { Catalogue } from '../database.ts';
import type { GeneratedDocument } from '../../contract/schemas/reports.ts';

interface DocumentRow {
  id: number; campaign_id: number; trame_id: number; scope: string; thematique_number: number | null;
  file_name: string; path: string; sha256: string; bytes: number; generated_at: string;
}

export function logDocument(db: Catalogue, d: Omit<GeneratedDocument, 'id'>): GeneratedDocument {
  const id = Number(
    db
      .prepare(
        `INSERT INTO generated_document (campaign_id, trame_id, scope, thematique_number, file_name, path, sha256, bytes, generated_at)
         VALUES (@campaignId, @trameId, @scope, @thematiqueNumber, @fileName, @path, @sha256, @bytes, @generatedAt)`,
      )
      .run({ ...d, trameId: d.trameId ?? 0 }).lastInsertRowid,
  );
  return { id, ...d };
}

export function getDocument(db: Catalogue, id: number): GeneratedDocument | undefined {
  const row = db.prepare('SELECT * FROM generated_document WHERE id = ?').get(id) as DocumentRow | undefined;
  return row && toDocument(row);
}

export function listDocuments(db: Catalogue, campaignId?: number): GeneratedDocument[] {
  const rows = db
    .prepare('SELECT * FROM generated_document WHERE @c IS NULL OR campaign_id = @c ORDER BY id DESC LIMIT 500')
    .all({ c: campaignId ?? null }) as DocumentRow[];
  return rows.map(toDocument);
}

function toDocument(r: DocumentRow): GeneratedDocument {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    trameId: r.trame_id === 0 ? null : r.trame_id,
    scope: r.scope,
    thematiqueNumber: r.thematique_number,
    fileName: r.file_name,
    path: r.path,
    sha256: r.sha256,
    bytes: r.bytes,
    generatedAt: r.generated_at,
  };
}

/** When the catalogue's content last changed: the date stamped inside generated documents. */
export function lastChange(db: Catalogue): Date {
  const value = db.prepare('SELECT last_change FROM catalogue_state WHERE id = 1').pluck().get() as string;
  return new Date(value);
}

/** What the Paramètres screen shows of the open catalogue. */
export function catalogueCounts(db: Catalogue): { schemaVersion: number; meetings: number; campaigns: number } {
  const count = (table: 'meeting' | 'campaign') => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { schemaVersion: db.pragma('user_version', { simple: true }) as number, meetings: count('meeting'), campaigns: count('campaign') };
}
