import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { leaveCheckpointsToThread, startCheckpointer } from '../../src-main/catalogue/checkpointer.ts';
import { openCatalogue } from '../../src-main/catalogue/database.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The catalogue's file alone, without its journal: what a crash would leave if the journal were lost. */
function fileAlone(path: string): Database.Database {
  const copy = `${path}-seul.sqlite`;
  copyFileSync(path, copy);
  return new Database(copy, { readonly: true });
}

describe('checkpointer', () => {
  it('copies what each commit wrote into the file, in its own thread, without the committing connection doing it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'checkpointer-'));
    dirs.push(dir);
    const path = join(dir, 'catalogue.sqlite');
    const db = openCatalogue(path, { create: true });
    // As the app's workers: SQLite's own threshold far off, never reached by this test's writes.
    leaveCheckpointsToThread(db);
    // Its own turns a minute apart: here it copies when asked (settle), so that the file can be seen before.
    const checkpointer = startCheckpointer(path, 60_000);
    try {
      await checkpointer.settle();
      db.exec(`CREATE TABLE essai (n INTEGER, texte TEXT);
        WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 5000) INSERT INTO essai SELECT n, 'ligne ' || n FROM k`);
      // Committed, but only in the journal: the file alone does not have it yet (no one copied it).
      const before = fileAlone(path);
      expect(before.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'essai'").pluck().get()).toBe(0);
      before.close();
      await checkpointer.settle();
      const after = fileAlone(path);
      expect(after.prepare('SELECT count(*) FROM essai').pluck().get()).toBe(5000);
      after.close();
      // A later commit, copied as well; the catalogue still reads everything through its own connection.
      db.exec("INSERT INTO essai VALUES (5001, 'la dernière')");
      await checkpointer.settle();
      const last = fileAlone(path);
      expect(last.prepare('SELECT texte FROM essai WHERE n = 5001').pluck().get()).toBe('la dernière');
      last.close();
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it('stops, closing its connection, and never keeps the catalogue from closing or the process alive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'checkpointer-'));
    dirs.push(dir);
    const path = join(dir, 'catalogue.sqlite');
    const db = openCatalogue(path, { create: true });
    const checkpointer = startCheckpointer(path, 10);
    await checkpointer.settle();
    await checkpointer.stop();
    // Stopped twice, asked to settle after: nothing waits.
    await checkpointer.stop();
    await checkpointer.settle();
    db.close();
    // The last connection closed: SQLite removed the journal, as when no checkpointer ran.
    expect(() => copyFileSync(`${path}-wal`, join(dir, 'x'))).toThrow();
  });

  it('does nothing, and throws nothing, on a catalogue it cannot open', async () => {
    const checkpointer = startCheckpointer(join(tmpdir(), 'nulle-part', 'absent.sqlite'), 10);
    await checkpointer.settle();
    await checkpointer.stop();
  });
});
