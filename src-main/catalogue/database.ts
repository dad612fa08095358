/** Opens a catalogue file: foreign keys on, WAL, migrations applied, reference data loaded. */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../contract/errors.ts';
import { lastSoundBackup } from './backup.ts';
import { damagedCatalogue, findDamage, FULL_CHECK_AT_OPEN_BYTES, restoreAdvice } from './health.ts';
import { knownMigrations, migrate } from './migrate.ts';
import { backupsDirFor } from './paths.ts';
import { loadTerritory } from './territory-loader.ts';

export type Catalogue = Database.Database;

export interface OpenOptions {
  /** False for commands that only read: a file that is not yet a catalogue is refused, not converted. */
  create?: boolean;
  /**
   * Another connection of this process has just opened, migrated and checked this catalogue (the
   * long-work worker opens it after the services' worker), or the command line left it checked and it is
   * untouched since (check-memo.ts): its quick check is not run again.
   */
  checked?: boolean;
}

/**
 * Each connection's page cache, in KiB. Every connection has its own (the services' worker, the long-work
 * worker, each export's read-only one) and fills it whole in time, so it counts once per connection in the
 * app's memory. At ten times national scale 16 MB does the screens' calls in the CPU time 64 MB did (but a
 * national thématique's contributions list, 105 → 130 ms), the 10 000-row import and the bundles' merge too;
 * 2 MB costs up to twice the time on the large scans. The rest is read from the system's file cache.
 */
export const CACHE_KIB = 16 * 1024;
/** The quick check at open reads every page once: through a small cache, not into the working one. */
const CHECK_CACHE_KIB = 2 * 1024;

/** `path` ':memory:' gives a fresh in-memory catalogue (tests). */
export function openCatalogue(path: string, options: OpenOptions = {}): Catalogue {
  const db = openFile(path);
  try {
    refuseForeignDatabase(db, path, options.create ?? true);
    // Before anything writes: a migration, even the journal mode, would spread the damage.
    if (!options.checked) refuseDamaged(db, path);
    db.pragma('foreign_keys = ON');
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma(`cache_size = -${CACHE_KIB}`);
    // A checkpoint (copying the journal into the file, with its syncs) every 40 MB of changes rather
    // than every 4 MB: a merged bundle or an import commits once, not once per checkpoint.
    if (path !== ':memory:') db.pragma('wal_autocheckpoint = 10000');
    registerFunctions(db);
    keepStatements(db);
    migrate(db);
    loadTerritory(db);
    // Once open, a write waits for another connection's transaction (an import in the long-work worker of
    // `npm run web` writes for several seconds) rather than failing after SQLite's default 5 s.
    db.pragma('busy_timeout = 30000');
    return db;
  } catch (error) {
    db.close();
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
      throw new AppError('FILE', `Le catalogue « ${path} » est occupé par un autre programme (une autre fenêtre de Synthèse régionale ?) : réessayez dans un instant.`);
    }
    if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) throw damagedCatalogue(path, { findings: [String(error)], tables: [] });
    throw error;
  }
}

function openFile(path: string): Catalogue {
  try {
    return new Database(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'SQLITE_CANTOPEN' ? 'chemin introuvable, ou c’est un dossier' : code === 'SQLITE_READONLY' ? 'fichier en lecture seule' : 'le fichier ne peut pas être ouvert';
    throw new AppError('FILE', `Impossible d’ouvrir le catalogue « ${path} » : ${why}.`);
  }
}

/** Never migrate someone else's SQLite file into a catalogue, nor read garbage as one. */
function refuseForeignDatabase(db: Catalogue, path: string, create: boolean): void {
  let version: number;
  let tables: string[];
  try {
    version = db.pragma('user_version', { simple: true }) as number;
    tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  } catch (error) {
    if (/^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code))) throw error;
    if (String((error as { code?: unknown }).code).startsWith('SQLITE_CORRUPT')) throw damagedCatalogue(path, { findings: [String(error)], tables: [] });
    // A catalogue whose first page is damaged looks like any other file: the backups beside it tell.
    const lastSound = path === ':memory:' ? null : lastSoundBackup(backupsDirFor(path));
    if (lastSound) {
      throw new AppError('FILE', `« ${basename(path)} » n’est pas lisible comme une base SQLite : si c’est votre catalogue, son en-tête est endommagé. ${restoreAdvice(path, lastSound)}`);
    }
    throw new AppError('FILE', `« ${path} » n’est pas un catalogue Synthèse régionale (ce n’est pas une base SQLite).`);
  }
  // Another program's file that numbers its own versions: a catalogue of any version has these two.
  // (A newer version than this one knows is said by migrate(), untouched.)
  const known = version > 0 && version <= (knownMigrations().at(-1)?.version ?? 0);
  if (known && !(tables.includes('campaign') && tables.includes('meeting'))) {
    throw new AppError('FILE', `« ${path} » est une base SQLite qui n’est pas un catalogue Synthèse régionale : elle n’a pas été modifiée.`);
  }
  if (version === 0 && tables.length > 0) {
    throw new AppError('FILE', `« ${path} » est une base SQLite qui n’est pas un catalogue Synthèse régionale : elle n’a pas été modifiée.`);
  }
  if (version === 0 && !create) {
    throw new AppError('FILE', `« ${path} » est vide : ce n’est pas encore un catalogue (créez-le avec la commande demo ou depuis l’application).`);
  }
}

/** A small catalogue is checked in full at open; a large one quickly here, in full in the background (integrity-worker.ts). */
function refuseDamaged(db: Catalogue, path: string): void {
  if (path === ':memory:') return;
  let bytes = 0;
  try {
    bytes = statSync(path).size;
  } catch {
    // a new file
  }
  db.pragma(`cache_size = -${CHECK_CACHE_KIB}`);
  const damage = findDamage(db, bytes < FULL_CHECK_AT_OPEN_BYTES);
  if (damage) throw damagedCatalogue(path, damage);
}

/** Whether the full check still has to run, in the background, after openCatalogue. */
export function needsBackgroundCheck(path: string): boolean {
  try {
    return path !== ':memory:' && statSync(path).size >= FULL_CHECK_AT_OPEN_BYTES;
  } catch {
    return false;
  }
}

/**
 * better-sqlite3 compiles a statement at every prepare(), and the repos prepare by SQL text where they
 * query (one place for each query, easy to read): the compiled statements are kept, the most recent few
 * hundred, their read modes (pluck, raw, expand) reset each time one is handed out again. A 10 000-row
 * import spent a third of its time compiling the same statements. So: prepare where you run it, never
 * keep a prepared statement in a variable across other queries (a call elsewhere resets its modes).
 */
function keepStatements(db: Catalogue): void {
  const compile = db.prepare.bind(db);
  const kept = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = kept.get(sql);
    // One still being iterated cannot be handed out again: a fresh one, not kept.
    if (statement?.busy) return compile(sql);
    if (statement) {
      kept.delete(sql);
      if (statement.reader) statement.pluck(false).raw(false).expand(false);
    } else {
      statement = compile(sql);
      if (kept.size >= 400) kept.delete(kept.keys().next().value!);
    }
    kept.set(sql, statement);
    return statement;
  }) as Catalogue['prepare'];
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
