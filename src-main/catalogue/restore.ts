/**
 * Putting a backup back in place of the catalogue. Killed at any moment, the catalogue file is either
 * the old one or the restored one, both whole and sound:
 *   1. the backup is copied beside it (…sqlite.restauration) by SQLite, then checked (integrity_check,
 *      a catalogue this version can open) — a damaged backup is refused before anything changes;
 *   2. the catalogue is locked exclusively (refused while another process or window has it open);
 *   3. the current catalogue is kept aside: as a backup (listed, so the restore can be undone), or,
 *      when it is damaged, byte for byte as catalogue-endommage-….sqlite (never listed, never deleted);
 *   4. the copy is renamed over the catalogue (atomic), and the folder synced.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../contract/errors.ts';
import { asideName, type BackupInfo, isSoundCatalogue, PARTIAL_SUFFIX, writeBackup } from './backup.ts';
import { type CatalogueLock, lockCatalogue } from './catalogue-lock.ts';
import { renameDurably } from './durable-files.ts';
import { knownMigrations } from './migrate.ts';

export interface RestoreResult {
  /** The state before the restore, as a backup: restoring it undoes the restore. */
  saved: BackupInfo | null;
  /** A damaged catalogue's own bytes, kept aside. */
  damagedCopy: string | null;
}

export const RESTORING_SUFFIX = '.restauration';

export async function restoreBackup(backupPath: string, cataloguePath: string, backupsDir: string, now: Date): Promise<RestoreResult> {
  if (!existsSync(backupPath)) throw new AppError('FILE', `Sauvegarde introuvable : « ${basename(backupPath)} ».`);
  const staged = `${cataloguePath}${RESTORING_SUFFIX}`;
  let lock: CatalogueLock | null = null;
  try {
    // A bad backup is refused before the catalogue is touched at all.
    await stage(backupPath, staged);
    const exists = existsSync(cataloguePath);
    // A damaged catalogue's bytes are kept before the lock below rewrites its header (leaving WAL).
    let damagedCopy = exists && !isSoundCatalogue(cataloguePath) ? copyBytesAside(cataloguePath, backupsDir, now) : null;
    lock = exists ? lockCatalogue(cataloguePath) : null;
    let saved: BackupInfo | null = null;
    if (lock?.db && !damagedCopy) {
      try {
        saved = await writeBackup(lock.db, backupsDir, now, Number.MAX_SAFE_INTEGER);
      } catch {
        // Sound at a glance, not page by page: its bytes are kept instead.
        damagedCopy = copyBytesAside(cataloguePath, backupsDir, now);
      }
    }
    // Whatever journal files the old catalogue left (none is hot: it is locked, and checkpointed if it
    // could be) must not be mistaken for the restored file's own; nor the command line's memo of its last check.
    for (const suffix of ['-wal', '-shm', '-journal', '-controle']) rmSync(`${cataloguePath}${suffix}`, { force: true });
    renameDurably(staged, cataloguePath);
    return { saved, damagedCopy };
  } finally {
    rmSync(staged, { force: true });
    rmSync(`${staged}-journal`, { force: true });
    lock?.release();
  }
}

/** The backup, copied by SQLite (its -wal too, if it has one) into one checked, self-contained file. */
async function stage(backupPath: string, staged: string): Promise<void> {
  const name = basename(backupPath);
  rmSync(staged, { force: true });
  let source: Database.Database | null = null;
  try {
    source = new Database(backupPath, { readonly: true, fileMustExist: true });
    await source.backup(staged);
  } catch {
    throw new AppError('FILE', `« ${name} » n’est pas une sauvegarde de catalogue lisible : choisissez-en une autre. Rien n’a été modifié.`);
  } finally {
    source?.close();
  }
  const copy = new Database(staged, { fileMustExist: true });
  try {
    let version: number;
    let sound: boolean;
    try {
      copy.pragma('journal_mode = DELETE');
      version = copy.pragma('user_version', { simple: true }) as number;
      sound = copy.pragma('integrity_check(1)', { simple: true }) === 'ok';
    } catch {
      version = 0;
      sound = false;
    }
    if (!sound) throw new AppError('FILE', `La sauvegarde « ${name} » est endommagée : choisissez-en une plus ancienne. Rien n’a été modifié.`);
    if (version === 0) throw new AppError('FILE', `« ${name} » n’est pas une sauvegarde de catalogue Synthèse régionale. Rien n’a été modifié.`);
    const latest = knownMigrations().at(-1)?.version ?? 0;
    if (version > latest) {
      throw new AppError('FILE', `La sauvegarde « ${name} » vient d’une version plus récente de Synthèse régionale : mettez l’application à jour pour la restaurer. Rien n’a été modifié.`);
    }
  } finally {
    copy.close();
  }
}

/** A catalogue's own bytes (and its -wal), as they are, under a name no backup list shows. */
function copyBytesAside(cataloguePath: string, backupsDir: string, now: Date): string {
  mkdirSync(backupsDir, { recursive: true });
  const aside = join(backupsDir, asideName(backupsDir, now));
  for (const suffix of ['', '-wal']) {
    if (!existsSync(`${cataloguePath}${suffix}`)) continue;
    copyFileSync(`${cataloguePath}${suffix}`, `${aside}${suffix}${PARTIAL_SUFFIX}`);
    renameDurably(`${aside}${suffix}${PARTIAL_SUFFIX}`, `${aside}${suffix}`);
  }
  return aside;
}
