import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupCatalogue, listBackups, restoreBackup } from '../../src-main/catalogue/backup.ts';
import { openCatalogue } from '../../src-main/catalogue/database.ts';
import { localCaller } from '../../src-main/transport/local.ts';

describe('catalogue backups', () => {
  it('keep the most recent copies, and a restore brings the catalogue back while saving the current one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synthese-backup-'));
    const path = join(dir, 'catalogue.sqlite');
    const backups = join(dir, 'sauvegardes');
    let db = openCatalogue(path);
    let call = localCaller({ db, now: () => new Date() });
    await call('campaigns.installPreset', { slug: 'egn-2020' });
    const first = await backupCatalogue(db, backups, new Date('2026-11-23T10:00:00Z'), 3);
    expect(first.fileName).toBe('catalogue-20261123-100000.sqlite');
    for (let h = 11; h <= 14; h++) await backupCatalogue(db, backups, new Date(`2026-11-23T${h}:00:00Z`), 3);
    expect(listBackups(backups).map((b) => b.takenAt)).toEqual(['2026-11-23T14:00:00', '2026-11-23T13:00:00', '2026-11-23T12:00:00']);

    // A mistake after the last backup…
    await call('campaigns.installPreset', { slug: 'concertation-2015' });
    db.close();
    // …undone by restoring the 12:00 copy; the mistaken state is kept as a backup in turn.
    const saved = await restoreBackup(join(backups, 'catalogue-20261123-120000.sqlite'), path, backups, new Date('2026-11-23T15:00:00Z'));
    expect(saved?.fileName).toBe('catalogue-20261123-150000.sqlite');
    db = openCatalogue(path);
    call = localCaller({ db, now: () => new Date() });
    expect((await call('campaigns.list', {})).map((c) => c.slug)).toEqual(['egn-2020']);
    db.close();
    expect(existsSync(saved!.path)).toBe(true);
  });

  it('refuses to restore something that is not a catalogue', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synthese-backup-'));
    await expect(restoreBackup(join(dir, 'absent.sqlite'), join(dir, 'c.sqlite'), dir, new Date())).rejects.toThrow(/Sauvegarde introuvable/);
  });
});
