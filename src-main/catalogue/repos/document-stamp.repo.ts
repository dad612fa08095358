import type { Catalogue } from '../database.ts';

/**
 * The date of a document's content (sha-256 of its parts, dates left out): the one it had when first
 * generated, else `now` (the catalogue's last change), kept for the next time.
 */
export function documentStamp(db: Catalogue, digest: string, now: Date): Date {
  const known = db.prepare('SELECT stamp FROM document_stamp WHERE digest = ?').pluck().get(digest) as string | undefined;
  if (known !== undefined) return new Date(known);
  db.prepare('INSERT INTO document_stamp (digest, stamp) VALUES (?, ?)').run(digest, now.toISOString());
  return now;
}
