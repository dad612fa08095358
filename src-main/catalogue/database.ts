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
    registerFunctions(db);
    migrate(db);
    loadTerritory(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** `fold(text)`: lower case without accents, so that a search for "ecole" finds "École". */
function registerFunctions(db: Catalogue): void {
  db.function('fold', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase() : value,
  );
}

/** A LIKE pattern that finds `search` anywhere, its own % and _ taken literally (with ESCAPE '\'). */
export function containsPattern(search: string | undefined): string | null {
  if (!search || search.trim() === '') return null;
  const folded = search.trim().normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Runs `work` in one transaction: on any error the catalogue is exactly as before. */
export function inTransaction<T>(db: Catalogue, work: () => T): T {
  return db.transaction(work)();
}
