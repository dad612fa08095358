/**
 * Rotating backups of a catalogue. A backup is written beside its final name (…sqlite.partiel, which
 * nothing lists nor rotates), checked with `integrity_check`, synced, then renamed: killed at any
 * moment, a file under a final name is a whole, sound catalogue.
 *
 * The copy is SQLite's online backup, stepped so the app keeps answering, read from a connection of its
 * own that holds one read transaction: it copies that snapshot, so writes from other connections or
 * processes never restart it (without it, a writer every 5 ms starved a 20 MB backup for over a minute).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../contract/errors.ts';
import { renameDurably } from './durable-files.ts';

export interface BackupInfo {
  fileName: string;
  path: string;
  bytes: number;
  /** From the file name (UTC): "2026-11-23T19:05:00". */
  takenAt: string;
}

const NAME = /^catalogue-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?\.sqlite$/;
export const PARTIAL_SUFFIX = '.partiel';
/** 16 MB a step: the event loop turns between steps, and a step is short enough not to be noticed. */
const PAGES_PER_STEP = 4096;
/** A partial file this old is what a killed backup left: removed at the next backup. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

export async function backupCatalogue(db: Database.Database, dir: string, now: Date, keep = 10): Promise<BackupInfo> {
  if (db.memory) return writeBackup(db, dir, now, keep);
  const snapshot = new Database(db.name, { readonly: true, fileMustExist: true });
  try {
    snapshot.exec('BEGIN');
    snapshot.prepare('SELECT count(*) FROM sqlite_master').get();
    return await writeBackup(snapshot, dir, now, keep);
  } finally {
    snapshot.close();
  }
}

/** The copy of `source` (a connection nobody else writes through while it runs) as a new backup. */
export async function writeBackup(source: Database.Database, dir: string, now: Date, keep = 10): Promise<BackupInfo> {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw backupFailed(dir, error);
  }
  const fileName = freeName(dir, now, 'catalogue');
  const path = join(dir, fileName);
  const partial = `${path}${PARTIAL_SUFFIX}`;
  try {
    await source.backup(partial, { progress: () => PAGES_PER_STEP });
    checkCopy(partial);
    renameDurably(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(`${partial}-journal`, { force: true });
    if (error instanceof AppError) throw error;
    throw backupFailed(dir, error);
  }
  for (const old of listBackups(dir).slice(keep)) rmSync(old.path, { force: true });
  removeStalePartials(dir, now);
  return listBackups(dir).find((b) => b.fileName === fileName)!;
}

/** One self-contained file (no -wal beside it), sound, a catalogue: or refused. */
function checkCopy(path: string): void {
  const copy = new Database(path, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const result = copy.pragma('integrity_check(1)', { simple: true });
    if (result !== 'ok') {
      throw new AppError('FILE', 'Sauvegarde non écrite : la copie du catalogue n’est pas saine (le catalogue est peut-être endommagé). Aucun fichier de sauvegarde n’a été laissé.');
    }
  } finally {
    copy.close();
  }
}

function freeName(dir: string, now: Date, prefix: string): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
  const taken = (name: string) => existsSync(join(dir, name)) || existsSync(join(dir, `${name}${PARTIAL_SUFFIX}`));
  let fileName = `${prefix}-${stamp}.sqlite`;
  for (let n = 2; taken(fileName); n++) fileName = `${prefix}-${stamp}-${n}.sqlite`;
  return fileName;
}

/** A name for something kept aside (a damaged catalogue): never listed as a backup, never rotated. */
export function asideName(dir: string, now: Date): string {
  return freeName(dir, now, 'catalogue-endommage');
}

function removeStalePartials(dir: string, now: Date): void {
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(PARTIAL_SUFFIX)) continue;
    try {
      if (now.getTime() - statSync(join(dir, name)).mtimeMs > STALE_PARTIAL_MS) rmSync(join(dir, name), { force: true });
    } catch {
      // gone meanwhile
    }
  }
}

function backupFailed(dir: string, error: unknown): AppError {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const why =
    code === 'ENOSPC' || code.startsWith('SQLITE_FULL') ? 'le disque est plein'
    : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') ? 'accès refusé à ce dossier'
    : code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB') ? 'le catalogue est endommagé'
    : 'erreur d’écriture sur le disque';
  return new AppError('FILE', `Sauvegarde impossible dans « ${dir} » : ${why}. Aucun fichier de sauvegarde n’a été laissé.`);
}

/** Newest first; only whole backups (a partial one has another name). */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((fileName) => ({ fileName, match: NAME.exec(fileName) }))
    .filter((f): f is { fileName: string; match: RegExpExecArray } => f.match !== null)
    .flatMap(({ fileName, match }) => {
      const [, y, mo, d, h, mi, s] = match;
      const path = join(dir, fileName);
      try {
        return [{ fileName, path, bytes: statSync(path).size, takenAt: `${y}-${mo}-${d}T${h}:${mi}:${s}` }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.fileName.localeCompare(a.fileName, 'en', { numeric: true }));
}

/** The newest backup that opens and passes `quick_check`: what a damaged catalogue's message points to. */
export function lastSoundBackup(dir: string): BackupInfo | null {
  return listBackups(dir).find((b) => isSoundCatalogue(b.path)) ?? null;
}

export function isSoundCatalogue(path: string): boolean {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.pragma('user_version', { simple: true }) as number) > 0 && db.pragma('quick_check(1)', { simple: true }) === 'ok';
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}
