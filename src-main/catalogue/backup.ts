/**
 * Rotating backups of a catalogue: a consistent copy taken by SQLite's online backup (safe while
 * the app writes), the most recent kept, and a restore that first saves the current state.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../contract/errors.ts';
import type { Catalogue } from './database.ts';

export interface BackupInfo {
  fileName: string;
  path: string;
  bytes: number;
  /** From the file name: "2026-11-23T19:05:00". */
  takenAt: string;
}

const NAME = /^catalogue-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?\.sqlite$/;

export async function backupCatalogue(db: Catalogue, dir: string, now: Date, keep = 10): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
  let fileName = `catalogue-${stamp}.sqlite`;
  for (let n = 2; existsSync(join(dir, fileName)); n++) fileName = `catalogue-${stamp}-${n}.sqlite`;
  const path = join(dir, fileName);
  try {
    await db.backup(path);
  } catch (error) {
    rmSync(path, { force: true });
    throw new AppError('FILE', `Sauvegarde impossible dans « ${dir} » : ${(error as Error).message}.`);
  }
  for (const old of listBackups(dir).slice(keep)) rmSync(old.path, { force: true });
  return listBackups(dir).find((b) => b.fileName === fileName)!;
}

/** Newest first. */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((fileName) => ({ fileName, match: NAME.exec(fileName) }))
    .filter((f): f is { fileName: string; match: RegExpExecArray } => f.match !== null)
    .map(({ fileName, match }) => {
      const [, y, mo, d, h, mi, s] = match;
      const path = join(dir, fileName);
      return { fileName, path, bytes: statSync(path).size, takenAt: `${y}-${mo}-${d}T${h}:${mi}:${s}` };
    })
    .sort((a, b) => b.fileName.localeCompare(a.fileName));
}

/**
 * Puts a backup in place of the catalogue file, which must be closed. The current file is first
 * kept as a backup itself, so a restore can be undone.
 */
export async function restoreBackup(backupPath: string, cataloguePath: string, backupsDir: string, now: Date): Promise<BackupInfo | null> {
  checkIsCatalogue(backupPath);
  let saved: BackupInfo | null = null;
  if (existsSync(cataloguePath)) {
    const current = new Database(cataloguePath, { fileMustExist: true });
    try {
      saved = await backupCatalogue(current, backupsDir, now, Number.MAX_SAFE_INTEGER);
    } finally {
      current.close();
    }
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${cataloguePath}${suffix}`, { force: true });
  copyFileSync(backupPath, cataloguePath);
  return saved;
}

function checkIsCatalogue(path: string): void {
  if (!existsSync(path)) throw new AppError('FILE', `Sauvegarde introuvable : « ${basename(path)} ».`);
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    db.close();
    if (version === 0) throw new Error('pas un catalogue');
  } catch {
    throw new AppError('FILE', `« ${basename(path)} » n’est pas une sauvegarde de catalogue lisible.`);
  }
}
