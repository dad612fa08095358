import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupCatalogue, listBackups } from '../../src-main/catalogue/backup.ts';
import { openCatalogue } from '../../src-main/catalogue/database.ts';
import { lockCatalogue } from '../../src-main/catalogue/catalogue-lock.ts';
import { restoreBackup } from '../../src-main/catalogue/restore.ts';
import { localCaller } from '../../src-main/transport/local.ts';
import { damageHeader, damageTable, demoFile, holdOpen, integrity, rowCount, tempDir } from '../support/damaged-catalogue.ts';

async function catalogueWithBackup() {
  const dir = tempDir('synthese-restore-');
  const path = await demoFile(dir);
  const backups = join(dir, 'sauvegardes');
  const db = openCatalogue(path);
  const backup = await backupCatalogue(db, backups, new Date('2026-11-23T10:00:00Z'));
  // A mistake after the backup: a meeting deleted.
  const call = localCaller({ db, now: () => new Date() });
  const [campaign] = await call('campaigns.list', {});
  const [first] = (await call('meetings.list', { campaignId: campaign!.id, limit: 500 })).items;
  await call('meetings.delete', { id: first!.id });
  const after = rowCount(path, 'meeting');
  db.close();
  return { dir, path, backups, backup, after };
}

describe('restoring a backup', () => {
  it('brings the catalogue back and keeps the state it replaces as a backup, so the restore can be undone', async () => {
    const { path, backups, backup, after } = await catalogueWithBackup();
    const { saved, damagedCopy } = await restoreBackup(backup.path, path, backups, new Date('2026-11-23T15:00:00Z'));
    expect(damagedCopy).toBeNull();
    expect(saved?.fileName).toBe('catalogue-20261123-150000.sqlite');
    expect(rowCount(path, 'meeting')).toBe(after + 1);
    expect(rowCount(saved!.path, 'meeting')).toBe(after);
    expect(integrity(path)).toBe('ok');
    expect(readdirSync(join(path, '..')).filter((f) => f.includes('restauration'))).toEqual([]);
    // …and it opens as a catalogue again.
    const db = openCatalogue(path);
    expect(db.prepare('SELECT count(*) FROM meeting').pluck().get()).toBe(after + 1);
    db.close();
  });

  it('is refused in French while another process has the catalogue open, and changes nothing', async () => {
    const { path, backups, backup, after } = await catalogueWithBackup();
    const before = readdirSync(backups).sort();
    const holder = await holdOpen(path);
    try {
      await expect(restoreBackup(backup.path, path, backups, new Date())).rejects.toThrow(/est ouvert ailleurs.*fermez-le, puis relancez la restauration/);
    } finally {
      await holder.stop();
    }
    expect(rowCount(path, 'meeting')).toBe(after);
    expect(integrity(path)).toBe('ok');
    expect(readdirSync(backups).sort()).toEqual(before);
  });

  it('holds the catalogue while it works: nobody can open it meanwhile, and it opens again after', async () => {
    const { path } = await catalogueWithBackup();
    const lock = lockCatalogue(path);
    try {
      expect(() => openCatalogue(path)).toThrow(/occupé par un autre programme/);
      expect(() => lockCatalogue(path)).toThrow(/est ouvert ailleurs/);
    } finally {
      lock.release();
    }
    expect(readdirSync(join(path, '..')).filter((f) => f.startsWith('catalogue.sqlite-'))).toEqual([]);
    openCatalogue(path).close();
  });

  it('refuses a damaged backup, or a file that is not one, before anything changes', async () => {
    const { dir, path, backups, backup, after } = await catalogueWithBackup();
    const bytes = readFileSync(path);
    damageTable(backup.path, 'contribution');
    await expect(restoreBackup(backup.path, path, backups, new Date())).rejects.toThrow(/La sauvegarde « catalogue-20261123-100000.sqlite » est endommagée : choisissez-en une plus ancienne/);
    const notOne = join(dir, 'notes.sqlite');
    writeFileSync(notOne, 'pas une base');
    await expect(restoreBackup(notOne, path, backups, new Date())).rejects.toThrow(/n’est pas une sauvegarde de catalogue lisible/);
    await expect(restoreBackup(join(dir, 'absente.sqlite'), path, backups, new Date())).rejects.toThrow(/Sauvegarde introuvable/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(rowCount(path, 'meeting')).toBe(after);
    expect(listBackups(backups)).toHaveLength(1);
  });

  it('keeps a damaged catalogue aside, byte for byte, never listed as a backup', async () => {
    const { path, backups, backup, after } = await catalogueWithBackup();
    damageTable(path, 'contribution');
    const damagedBytes = readFileSync(path);
    const { saved, damagedCopy } = await restoreBackup(backup.path, path, backups, new Date('2026-11-24T08:00:00Z'));
    expect(saved).toBeNull();
    expect(damagedCopy).toBe(join(backups, 'catalogue-endommage-20261124-080000.sqlite'));
    expect(readFileSync(damagedCopy!).equals(damagedBytes)).toBe(true);
    expect(listBackups(backups).map((b) => b.fileName)).toEqual(['catalogue-20261123-100000.sqlite']);
    expect(integrity(path)).toBe('ok');
    expect(rowCount(path, 'meeting')).toBe(after + 1);
  });

  it('puts back a catalogue whose header is gone', async () => {
    const { path, backups, backup, after } = await catalogueWithBackup();
    damageHeader(path);
    const { damagedCopy } = await restoreBackup(backup.path, path, backups, new Date('2026-11-24T08:00:00Z'));
    expect(damagedCopy).not.toBeNull();
    expect(integrity(path)).toBe('ok');
    expect(rowCount(path, 'meeting')).toBe(after + 1);
  });
});
