/**
 * An exclusive hold on a catalogue file, for what must not happen while anyone else has it open (a
 * restore). SQLite's own locks, so it counts every process and window, ours or not: in WAL mode an
 * idle connection still holds the shared memory, and leaving WAL needs every other one gone.
 */
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../contract/errors.ts';

export interface CatalogueLock {
  /** The locked connection, for copying the catalogue aside; null when SQLite cannot read the file at all. */
  db: Database.Database | null;
  release(): void;
}

/** Transient locks (a backup's snapshot, a reader) are waited for this long before refusing. */
const WAIT_MS = 2_000;

const busy = () => Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' });

export function lockCatalogue(path: string): CatalogueLock {
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true, timeout: WAIT_MS });
  } catch {
    return { db: null, release: () => {} };
  }
  try {
    // Leaving WAL checkpoints the journal into the file (crash-safe) and is refused while another
    // connection exists; then no -wal is left that could be applied to the file put in this one's place.
    // In the normal locking mode, so that the rollback journal of that switch is deleted, not kept.
    if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw busy();
    // A journal in memory: this connection never writes, and leaves no file beside the catalogue.
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    // In exclusive locking mode the lock taken here is kept until the connection closes.
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    // Someone who opened it between the two steps could have put it back in WAL: then it is theirs.
    if (db.pragma('journal_mode', { simple: true }) !== 'memory') throw busy();
    return { db, release: () => db.close() };
  } catch (error) {
    db.close();
    const code = String((error as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new AppError(
        'FILE',
        `Le catalogue « ${basename(path)} » est ouvert ailleurs (Synthèse régionale dans une autre fenêtre, « npm run web » ou une ` +
          'commande en cours) : fermez-le, puis relancez la restauration. Rien n’a été modifié.',
      );
    }
    // Damaged beyond reading: nobody can be using it either; the restore keeps its bytes aside.
    if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return { db: null, release: () => {} };
    throw error;
  }
}
