/** Issue 11: read once (the preview's rows kept for the import), write once (batched, one transaction). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors.ts';
import { keptSheets } from '../../src-main/services/parsed-sheet-cache.ts';
import { localCaller } from '../../src-main/transport/local.ts';
import { catalogueChecksum, demoCatalogue, FIXED_NOW, type TestCatalogue } from '../support/catalogue.ts';

let demo: TestCatalogue & { campaignId: number };
let dir: string;
let bassin: { nom: string; departementCode: string; id: number };
beforeEach(async () => {
  demo = await demoCatalogue();
  dir = mkdtempSync(join(tmpdir(), 'synthese-plan-'));
  bassin = (await demo.call('bassins.list', { departementCode: '86' }))[0]!;
});

type Line = [title: string, day: number, eleves: number, total: number];

async function sheet(path: string, lines: Line[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const rows = workbook.addWorksheet('Rencontres');
  rows.addRow(['Département', 'Niveau', 'Bassin / réseau', 'Intitulé', 'Date', 'Thématiques (numéros)', 'Élèves', 'Total déclaré']);
  for (const [title, day, eleves, total] of lines) rows.addRow(['86', 'bassin', bassin.nom, title, `${String(day).padStart(2, '0')}/10/2020`, '1, 2', eleves, total]);
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  return path;
}

const changeCount = () => demo.db.prepare('SELECT change_count FROM catalogue_state WHERE id = 1').pluck().get() as number;

describe('the preview’s rows, kept for the import that follows', () => {
  it('imports what the preview read, reads a file changed since, and forgets it once written', async () => {
    const { call, campaignId } = demo;
    const path = await sheet(join(dir, 'ateliers.xlsx'), [['Atelier gardé', 5, 10, 20]]);
    const preview = await call('spreadsheets.previewImport', { campaignId, path });
    expect(preview).toMatchObject({ added: 1, applied: false });
    expect(keptSheets()).toBeGreaterThanOrEqual(1);
    // The same path, other bytes: read again, not the preview's rows.
    await sheet(path, [['Atelier gardé', 5, 10, 20], ['Atelier ajouté depuis', 6, 3, 9]]);
    const done = await call('spreadsheets.importAttendance', { campaignId, path });
    expect(done).toMatchObject({ rowsRead: 2, added: 2, applied: true });
    expect(done.rows.map((r) => r.title)).toEqual(['Atelier gardé', 'Atelier ajouté depuis']);
    // Written: the next import of the file reads it again, and finds its meetings there.
    const again = await call('spreadsheets.importAttendance', { campaignId, path });
    expect(again).toMatchObject({ added: 0, unchanged: 2, applied: true });
  });

  it('plans again when the catalogue changed between the preview and the import', async () => {
    const { call, campaignId } = demo;
    const path = await sheet(join(dir, 'concurrent.xlsx'), [['Atelier du lundi', 5, 10, 20], ['Atelier du mardi', 6, 4, 8]]);
    const preview = await call('spreadsheets.previewImport', { campaignId, path });
    expect(preview).toMatchObject({ added: 2 });
    // Someone types the first one in meanwhile, with other counts.
    const typed = await call('meetings.create', {
      campaignId, level: 'bassin', title: 'Atelier du lundi', date: '2020-10-05', bassinId: bassin.id, declaredTotal: 15, attendance: { eleves: 7 },
    });
    const done = await call('spreadsheets.importAttendance', { campaignId, path });
    expect(done).toMatchObject({ added: 1, updated: 1, applied: true });
    expect(done.rows[0]).toMatchObject({ action: 'mise-a-jour', meetingId: typed.id });
    expect(await call('meetings.get', { id: typed.id })).toMatchObject({ declaredTotal: 20, attendance: { eleves: 10 } });
  });
});

describe('the import’s writes, batched in one transaction', () => {
  it('writes whole meetings (counts, thématiques, identity, search) as one change of the catalogue', async () => {
    const { call, campaignId, db } = demo;
    const lines = Array.from({ length: 250 }, (_, i): Line => [`Atelier numérique ${i + 1}`, 1 + (i % 16), i % 7, 10 + i]);
    const before = changeCount();
    const done = await call('spreadsheets.importAttendance', { campaignId, path: await sheet(join(dir, 'lot.xlsx'), lines) });
    expect(done).toMatchObject({ added: 250, refused: 0, applied: true });
    expect(changeCount()).toBe(before + 1);
    const ids = done.rows.map((r) => r.meetingId!);
    expect(new Set(ids).size).toBe(250);
    const last = await call('meetings.get', { id: ids[249]! });
    const { thematiques } = await call('campaigns.get', { id: campaignId });
    expect(last).toMatchObject({
      title: 'Atelier numérique 250', date: '2020-10-10', level: 'bassin', bassinId: bassin.id, departementCode: '86', academieCode: 'POITIERS',
      declaredTotal: 259, attendance: { eleves: 249 % 7 }, thematiqueIds: thematiques.filter((t) => t.number <= 2).map((t) => t.id),
    });
    const uids = db.prepare('SELECT uid FROM meeting WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as string[];
    expect(new Set(uids).size).toBe(250);
    for (const uid of uids) expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Searchable as soon as written (the full-text index follows batched inserts too).
    const found = await call('meetings.list', { campaignId, search: 'atelier numerique', limit: 500 });
    expect(found.items.filter((m) => ids.includes(m.id))).toHaveLength(250);
  });

  it('updates in batches too, keeping what the row leaves blank', async () => {
    const { call, campaignId } = demo;
    const path = join(dir, 'correction.xlsx');
    const lines = Array.from({ length: 120 }, (_, i): Line => [`Atelier corrigé ${i + 1}`, 1 + (i % 16), 2, 30]);
    await call('spreadsheets.importAttendance', { campaignId, path: await sheet(path, lines) });
    const corrected = await call('spreadsheets.importAttendance', { campaignId, path: await sheet(path, lines.map(([t, d, e]) => [t, d, e + 1, 40])) });
    expect(corrected).toMatchObject({ updated: 120, added: 0, applied: true });
    const page = await call('meetings.list', { campaignId, search: 'atelier corrige', limit: 500 });
    expect(page.items.every((m) => m.declaredTotal === 40 && m.attendance.eleves === 3 && m.thematiqueIds.length === 2)).toBe(true);
  });

  it('checks each parent once, SQLite’s row-by-row checks off, and writes nothing when one went missing behind the plan', async () => {
    const { call, db, campaignId } = demo;
    const foreignKeys = () => db.pragma('foreign_keys', { simple: true });
    // A bassin of its own, which only this sheet names.
    bassin = await call('bassins.create', { departementCode: '86', kind: 'ZAP', nom: 'ZAP des essais' });
    const path = await sheet(join(dir, 'parent.xlsx'), [['Atelier du bassin neuf', 5, 10, 20]]);
    expect(await call('spreadsheets.previewImport', { campaignId, path })).toMatchObject({ added: 1 });
    // Removed by something that counts no change (no version moved: the preview's plan still looks current).
    db.prepare('UPDATE catalogue_state SET quiet = 1 WHERE id = 1').run();
    db.prepare('DELETE FROM bassin WHERE id = ?').run(bassin.id);
    db.prepare('UPDATE catalogue_state SET quiet = 0 WHERE id = 1').run();
    const before = catalogueChecksum(db);
    await expect(call('spreadsheets.importAttendance', { campaignId, path })).rejects.toThrow(`Le catalogue a changé pendant l’import (bassin ${bassin.id} n’y est plus)`);
    expect(catalogueChecksum(db)).toBe(before);
    expect(foreignKeys()).toBe(1);

    // A sound import: written whole, every row's parents there, the checks on again after it.
    bassin = (await call('bassins.list', { departementCode: '86' }))[0]!;
    const sound = await sheet(join(dir, 'sain.xlsx'), [['Atelier sain', 6, 4, 8]]);
    expect(await call('spreadsheets.importAttendance', { campaignId, path: sound })).toMatchObject({ added: 1, applied: true });
    expect(foreignKeys()).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('cancelled while it writes, leaves the catalogue as it was', async () => {
    const { db, campaignId } = demo;
    const lines = Array.from({ length: 300 }, (_, i): Line => [`Atelier annulé ${i + 1}`, 1 + (i % 16), 1, 5]);
    const path = await sheet(join(dir, 'annule.xlsx'), lines);
    const before = catalogueChecksum(db);
    const call = localCaller({
      db, now: () => FIXED_NOW,
      // The user cancels once the first hundred meetings are written.
      onProgress: (p) => {
        if (/enregistrées/.test(p.message ?? '') && p.done >= 100) throw new AppError('CONFLICT', 'Opération annulée.');
      },
    });
    await expect(call('spreadsheets.importAttendance', { campaignId, path })).rejects.toThrow(/annulée/);
    expect(catalogueChecksum(db)).toBe(before);
  });
});
