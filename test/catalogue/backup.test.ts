import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupCatalogue, lastSoundBackup, listBackups } from '../../src-main/catalogue/backup.ts';
import { openCatalogue } from '../../src-main/catalogue/database.ts';
import { localCaller } from '../../src-main/transport/local.ts';
import Database from 'better-sqlite3';
import { damageTable, demoFile, integrity, rowCount, tempDir } from '../support/damaged-catalogue.ts';

describe('catalogue backups', () => {
  it('keep the most recent copies, each a whole sound catalogue on its own (no -wal beside it)', async () => {
    const dir = tempDir('synthese-backup-');
    const backups = join(dir, 'sauvegardes');
    const db = openCatalogue(join(dir, 'catalogue.sqlite'));
    await localCaller({ db, now: () => new Date() })('campaigns.installPreset', { slug: 'egn-2020' });
    const first = await backupCatalogue(db, backups, new Date('2026-11-23T10:00:00Z'), 3);
    expect(first.fileName).toBe('catalogue-20261123-100000.sqlite');
    for (let h = 11; h <= 14; h++) await backupCatalogue(db, backups, new Date(`2026-11-23T${h}:00:00Z`), 3);
    db.close();
    expect(listBackups(backups).map((b) => b.takenAt)).toEqual(['2026-11-23T14:00:00', '2026-11-23T13:00:00', '2026-11-23T12:00:00']);
    expect(readdirSync(backups).sort()).toEqual(['catalogue-20261123-120000.sqlite', 'catalogue-20261123-130000.sqlite', 'catalogue-20261123-140000.sqlite']);
    for (const b of listBackups(backups)) {
      expect(integrity(b.path)).toBe('ok');
      expect(rowCount(b.path, 'campaign')).toBe(1);
    }
  });

  it('never list nor rotate a half-written copy, and clear those a killed backup left long ago', async () => {
    const dir = tempDir('synthese-backup-');
    const backups = join(dir, 'sauvegardes');
    mkdirSync(backups);
    const partial = join(backups, 'catalogue-20261123-090000.sqlite.partiel');
    writeFileSync(partial, 'half a catalogue');
    const recentPartial = join(backups, 'catalogue-20261123-095900.sqlite.partiel');
    writeFileSync(recentPartial, 'a backup under way in another window');
    utimesSync(partial, new Date('2026-11-23T08:00:00Z'), new Date('2026-11-23T08:00:00Z'));
    utimesSync(recentPartial, new Date('2026-11-23T09:59:00Z'), new Date('2026-11-23T09:59:00Z'));
    expect(listBackups(backups)).toEqual([]);

    const db = openCatalogue(join(dir, 'catalogue.sqlite'));
    await backupCatalogue(db, backups, new Date('2026-11-23T10:00:00Z'), 1);
    db.close();
    expect(readdirSync(backups).sort()).toEqual(['catalogue-20261123-095900.sqlite.partiel', 'catalogue-20261123-100000.sqlite']);
  });

  it('finish while another process writes every 5 ms (the copy is a snapshot, never restarted)', async () => {
    const dir = tempDir('synthese-backup-');
    const path = await demoFile(dir);
    // Some weight, so that the copy takes many steps.
    const db = openCatalogue(path);
    db.exec("CREATE TABLE ballast (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000) INSERT INTO ballast SELECT printf('%.400c', 'x') FROM n;");
    const script = `
      const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
      const db = new Database(${JSON.stringify(path)}, { timeout: 5000 });
      const insert = db.prepare("INSERT INTO ballast VALUES ('written meanwhile')");
      process.stdout.write('writing\\n');
      setInterval(() => insert.run(), 5);`;
    const writer = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => writer.stdout.once('data', resolve));
    try {
      const started = Date.now();
      const backup = await backupCatalogue(db, join(dir, 'sauvegardes'), new Date());
      const elapsed = Date.now() - started;
      expect(elapsed).toBeLessThan(20_000);
      expect(integrity(backup.path)).toBe('ok');
      expect(rowCount(backup.path, 'ballast')).toBeGreaterThanOrEqual(40_000);
      expect(statSync(backup.path).size).toBeGreaterThan(16 * 1024 * 1024);
    } finally {
      writer.kill('SIGKILL');
      db.close();
    }
  });

  it('refuse to back up a damaged catalogue, and leave no file that could be taken for a backup', async () => {
    const dir = tempDir('synthese-backup-');
    const path = await demoFile(dir);
    damageTable(path, 'contribution');
    // Opened bare: the app would refuse it at open, but a damage can also appear while it is open.
    const db = new Database(path);
    try {
      await expect(backupCatalogue(db, join(dir, 'sauvegardes'), new Date())).rejects.toThrow(/Sauvegarde non écrite : la copie du catalogue n’est pas saine/);
    } finally {
      db.close();
    }
    expect(readdirSync(join(dir, 'sauvegardes'))).toEqual([]);
  });

  it('point a damaged catalogue to the newest backup that is sound', async () => {
    const dir = tempDir('synthese-backup-');
    const backups = join(dir, 'sauvegardes');
    const db = openCatalogue(await demoFile(dir));
    await backupCatalogue(db, backups, new Date('2026-11-23T10:00:00Z'));
    await backupCatalogue(db, backups, new Date('2026-11-23T11:00:00Z'));
    db.close();
    writeFileSync(join(backups, 'catalogue-20261123-110000.sqlite'), 'cut short by a full disk');
    expect(lastSoundBackup(backups)?.fileName).toBe('catalogue-20261123-100000.sqlite');
    expect(existsSync(join(backups, 'catalogue-20261123-110000.sqlite'))).toBe(true);
  });
});
