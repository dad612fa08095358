import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupCatalogue } from '../../src-main/catalogue/backup.ts';
import { openCatalogue } from '../../src-main/catalogue/database.ts';
import { DamagedCatalogueError } from '../../src-main/catalogue/health.ts';
import { checkIntegrityInBackground } from '../../src-main/catalogue/integrity-worker.ts';
import { dispatch } from '../../src-main/transport/dispatch.ts';
import { handlers } from '../../src-main/services/handlers.ts';
import { damageHeader, damageTable, demoFile, tempDir } from '../support/damaged-catalogue.ts';

async function withBackup() {
  const dir = tempDir('synthese-health-');
  const path = await demoFile(dir);
  const db = openCatalogue(path);
  await backupCatalogue(db, join(dir, 'sauvegardes'), new Date('2026-11-23T10:00:00Z'));
  db.close();
  return { dir, path };
}

function openError(path: string): Error {
  try {
    openCatalogue(path).close();
  } catch (error) {
    return error as Error;
  }
  throw new Error('the catalogue opened');
}

describe('a damaged catalogue, at open', () => {
  it('is refused in French with what is wrong, its last sound backup and how to restore it; nothing is written into it', async () => {
    const { path } = await withBackup();
    damageTable(path, 'contribution');
    const bytes = readFileSync(path);
    const error = openError(path);
    expect(error).toBeInstanceOf(DamagedCatalogueError);
    expect(error.message).toMatch(/^Le catalogue « catalogue\.sqlite » est endommagé : (SQLite ne peut pas le lire en entier|la vérification de SQLite y relève \d+ anomalies?) \(table touchée : contribution\)\. Rien n’y a été écrit\./);
    expect(error.message).toContain('Dernière sauvegarde saine : catalogue-20261123-100000.sqlite (du 23/11/2026 à');
    expect(error.message).toContain(`restaurer --db "${path}" --sauvegarde catalogue-20261123-100000.sqlite`);
    expect(error.message).toContain('jamais supprimé');
    expect((error as DamagedCatalogueError).lastSound?.fileName).toBe('catalogue-20261123-100000.sqlite');
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('says so when no sound backup exists, and the damaged file stays', async () => {
    const dir = tempDir('synthese-health-');
    const path = await demoFile(dir);
    damageTable(path, 'meeting');
    const error = openError(path);
    expect(error.message).toMatch(/est endommagé.*Aucune sauvegarde saine n’a été trouvée.*ne le supprimez pas/);
    expect(existsSync(path)).toBe(true);
  });

  it('tells a catalogue whose header is gone from a stranger file, by the backups beside it', async () => {
    const { dir, path } = await withBackup();
    damageHeader(path);
    expect(openError(path).message).toMatch(/n’est pas lisible comme une base SQLite : si c’est votre catalogue, son en-tête est endommagé\. Dernière sauvegarde saine : catalogue-20261123-100000\.sqlite/);
    rmSync(join(dir, 'sauvegardes'), { recursive: true });
    expect(openError(path).message).toMatch(/n’est pas un catalogue Synthèse régionale \(ce n’est pas une base SQLite\)/);
  });

  it('is found by the background check too, which names the table', async () => {
    const { path } = await withBackup();
    expect(await checkIntegrityInBackground(path)).toBeNull();
    damageTable(path, 'contribution');
    const damage = await checkIntegrityInBackground(path);
    expect(damage?.findings.length).toBeGreaterThan(0);
    expect(damage?.tables).toEqual(['contribution']);
  });

  it('found after opening, stops every operation with the way to restore', async () => {
    const { path } = await withBackup();
    const db = openCatalogue(path);
    try {
      const context = { db, now: () => new Date(), cataloguePath: path, damaged: new DamagedCatalogueError('Le catalogue « catalogue.sqlite » est endommagé : …', path, null, { findings: ['x'], tables: [] }) };
      const answer = await dispatch(handlers, context, 'campaigns.list', {}, { errorLog: null });
      expect(answer).toEqual({ ok: false, error: { code: 'FILE', message: 'Le catalogue « catalogue.sqlite » est endommagé : …' } });
    } finally {
      db.close();
    }
  });

  it('makes the CLI stop before writing, in French, without a stack trace', async () => {
    const { path } = await withBackup();
    damageTable(path, 'contribution');
    const bytes = readFileSync(path);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/index.ts', 'stats', '--db', path], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/est endommagé.*Dernière sauvegarde saine : catalogue-20261123-100000\.sqlite/);
    expect(run.stderr).not.toMatch(/\bat \S+ \(|Error:/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});
