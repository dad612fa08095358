/** Opens a catalogue file: foreign keys on, WAL, migrations applied, reference data loaded. */
import Database from 'better-sqlite3';
import { migrate } from './migrate.ts';
import { loadTerritory } from './territory-loader.ts';

export type Catalogue = Database.Database;

/** `path` ':memory:' gives a fresh in-memory catalogue (tests). */
export function openCatalogue(path: string): Catalogue {
  const db = new Database(path);
  try {
    db.pragma('foreign_keys = ON');
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
    loadTerritory(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs `work` in one transaction: on any error the catalogue is exactly as before. */
export function inTransaction<T>(db: Catalogue, work: () => T): T {
  return db.transaction(work)();
}
