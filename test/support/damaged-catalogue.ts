/** Catalogue files on disk for the backup, restore and damage tests: made, held open by another process, damaged. */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openCatalogue } from '../../src-main/catalogue/database.ts';
import { loadDemo } from '../../src-main/demo/demo-catalogue.ts';
import { localCaller } from '../../src-main/transport/local.ts';

export function tempDir(prefix = 'synthese-catalogue-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The demo, in a file of its own, closed. */
export async function demoFile(dir: string, name = 'catalogue.sqlite'): Promise<string> {
  const path = join(dir, name);
  const db = openCatalogue(path);
  await loadDemo(localCaller({ db, now: () => new Date('2020-10-20T10:00:00Z') }));
  db.close();
  return path;
}

export function rowCount(path: string, table: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
  } finally {
    db.close();
  }
}

export function integrity(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check(1)', { simple: true }));
  } finally {
    db.close();
  }
}

/** Garbage over the root page of `table` (the file checkpointed and closed first): what a failing disk does. */
export function damageTable(path: string, table: string): void {
  const db = new Database(path, { fileMustExist: true });
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as number;
  db.close();
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (root - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

/** Garbage over the file's header: SQLite then calls it "not a database". */
export function damageHeader(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.from('ceci n’est plus un en-tête SQLite!'), 0, 32, 0);
  } finally {
    closeSync(fd);
  }
}

/** Another process with the catalogue open (idle, as `npm run web` between requests) until stopped. */
export async function holdOpen(path: string): Promise<{ child: ChildProcess; stop: () => Promise<void> }> {
  const script = `
    const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
    const db = new Database(${JSON.stringify(path)});
    db.pragma('journal_mode = WAL');
    db.prepare('SELECT count(*) FROM meeting').get();
    process.stdout.write('open\\n');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
  return {
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
