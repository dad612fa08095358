import type { Catalogue } from '../database.ts';

/**
 * The dates of documents' contents (sha-256 of their parts, dates left out): a content keeps the date
 * it had when first generated. New dates are kept with the document's log, in its transaction, so a
 * generation that fails leaves the catalogue as it was.
 */
export class DocumentStamps {
  private readonly fresh = new Map<string, Date>();

  /** `changed`: the catalogue's last change, the date of a content never generated before. */
  constructor(private readonly db: Catalogue, readonly changed: Date) {}

  readonly of = (digest: string): Date => {
    const known = this.db.prepare('SELECT stamp FROM document_stamp WHERE digest = ?').pluck().get(digest) as string | undefined;
    if (known !== undefined) return new Date(known);
    this.fresh.set(digest, this.changed);
    return this.changed;
  };

  /** Keeps the new dates: call inside the transaction that logs the documents. */
  keep(): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO document_stamp (digest, stamp) VALUES (?, ?)');
    for (const [digest, stamp] of this.fresh) insert.run(digest, stamp.toISOString());
    this.fresh.clear();
  }
}
