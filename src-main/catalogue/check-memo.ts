/**
 * The last clean check of a catalogue, remembered by the command line. Each command opens the catalogue
 * anew, and SQLite's quick check reads every page: 2 s of a 3 s `stats` on a catalogue ten times the
 * nation's. When the file and its journal are exactly as a command left them after a clean check and a
 * clean close (same file, same size, same modification time to the nanosecond), the next command does not
 * read them all again. Anything else that touches them (the app, another program, a copy or a restore, a
 * crash before the close) changes one of those, and the check runs. The app itself checks at each start.
 *
 * The memo is a small file beside the catalogue (`catalogue.sqlite-controle`, as SQLite's own -wal and
 * -shm): a catalogue copied elsewhere leaves it behind, and is checked. Not kept when another connection
 * wrote while the command ran. What it cannot see: damage by the medium that changes neither size nor time,
 * and a change within the same tick of a coarse clock (FAT's 2 s); the app's own check at each start remains.
 */
import { readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Catalogue } from './database.ts';

/** What identifies a file's state: which file (device, inode), its size, its last modification. */
function stateOf(path: string): string | null {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return null;
  }
}

/**
 * The catalogue's and its journal's states (a missing journal is a state too). SQLite keeps the journal
 * beside the file a link points to: looked for there.
 */
function catalogueState(path: string): { catalogue: string | null; journal: string | null } {
  let file = path;
  try {
    file = realpathSync(path);
  } catch {
    // missing: no state
  }
  return { catalogue: stateOf(file), journal: stateOf(`${file}-wal`) };
}

export function memoPath(path: string): string {
  return `${path}-controle`;
}

/** Whether the catalogue is as a command left it after a clean check and close (see above). */
export function stillChecked(path: string): boolean {
  if (path === ':memory:') return false;
  let memo: unknown;
  try {
    memo = JSON.parse(readFileSync(memoPath(path), 'utf8'));
  } catch {
    return false;
  }
  const now = catalogueState(path);
  const kept = memo as { catalogue?: unknown; journal?: unknown };
  return now.catalogue !== null && kept.catalogue === now.catalogue && kept.journal === now.journal;
}

/**
 * After a command that opened the catalogue checked (or still checked) and closed it cleanly: its state
 * now is one this program made. A memo that cannot be written is no memo (the next command checks).
 */
export function rememberChecked(path: string): void {
  if (path === ':memory:') return;
  try {
    writeFileSync(memoPath(path), `${JSON.stringify(catalogueState(path))}\n`);
  } catch {
    forgetChecked(path);
  }
}

/** The memo dropped: the next command checks. (A memo that cannot be removed is left; never an error of the command's.) */
export function forgetChecked(path: string): void {
  try {
    rmSync(memoPath(path), { force: true });
  } catch {
    // a folder under that name, a read-only disk: stillChecked finds no memo it can read as one, or a stale one
  }
}

/**
 * Whether another connection (the app, another command) committed to the catalogue since this call: what
 * this command leaves is then not only its own, and no memo is kept of it.
 */
export function othersWriting(db: Catalogue): () => boolean {
  const since = db.pragma('data_version', { simple: true });
  return () => db.pragma('data_version', { simple: true }) !== since;
}
