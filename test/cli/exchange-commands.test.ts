/**
 * Issue 9 as someone else checks it, with the CLI alone: the demo split into académie bundles, merged
 * into new catalogues in two orders (same figures, same document); the whole-catalogue bundle
 * reproduces the demo's document; a repeat and a dry run change nothing; a damaged bundle is refused
 * with the catalogue unchanged; a change on both sides is a conflict until `resoudre` chooses.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueChecksum } from '../support/catalogue.ts';
import { changedTables } from '../support/dispatch-harness.ts';
import { docxPart } from '../support/office.ts';

const TSX = join(__dirname, '../../node_modules/.bin/tsx');
const CLI = join(__dirname, '../../src-main/cli/index.ts');
function run(...args: string[]) {
  const result = spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { ...result, out: result.stdout, err: result.stderr };
}
function ok(...args: string[]): string {
  const result = run(...args);
  expect(result.status, result.err).toBe(0);
  return result.out;
}
function checksum(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return catalogueChecksum(db);
  } finally {
    db.close();
  }
}

const ACADEMIES = ['BORDEAUX', 'LIMOGES', 'POITIERS'];

describe('bundles from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'synthese-cli-echanges-'));
  const demo = join(dir, 'demo.sqlite');
  const bundle = (name: string) => join(dir, `${name}.synthese`);

  beforeAll(() => {
    ok('demo', '--db', demo, '--out', join(dir, 'demo-out'));
    for (const a of ACADEMIES) ok('bundle-export', '--db', demo, '--out', bundle(a), '--scope', `academie:${a}`);
    ok('bundle-export', '--db', demo, '--out', bundle('entier'));
  }, 180_000);

  it('gathers the académie bundles into the same figures in two orders', () => {
    const stats: string[] = [];
    for (const [name, order] of [['un', ACADEMIES], ['deux', [...ACADEMIES].reverse()]] as const) {
      const db = join(dir, `region-${name}.sqlite`);
      expect(ok('nouveau', '--db', db, '--region', 'NAQ', '--nom', 'Région académique Nouvelle-Aquitaine')).toMatch(/Catalogue créé/);
      for (const a of order) {
        const report = JSON.parse(ok('bundle-merge', '--db', db, bundle(a), '--json'));
        expect(report.added).toBeGreaterThan(0);
        expect(report.conflicts).toEqual([]);
      }
      stats.push(ok('stats', '--db', db, '--json', '--campagne', 'egn-2020'));
    }
    expect(stats[1]).toBe(stats[0]);
    expect(JSON.parse(stats[0]!).totals).toMatchObject({ bassinMeetings: 67, secondLevelMeetings: 10, participants: 800 });
  }, 180_000);

  it('reproduces the demo’s document from the whole-catalogue bundle; a repeat and a dry run change nothing', async () => {
    const db = join(dir, 'copie.sqlite');
    ok('nouveau', '--db', db, '--region', 'NAQ', '--nom', 'Copie');
    const dry = JSON.parse(ok('bundle-merge', '--db', db, bundle('entier'), '--dry-run', '--json'));
    expect(dry).toMatchObject({ unchanged: expect.any(Number), dryRun: true });
    expect(dry.added).toBeGreaterThan(200);
    const empty = checksum(db);
    ok('bundle-merge', '--db', db, bundle('entier'), '--dry-run');
    expect(changedTables(empty, checksum(db))).toEqual([]);
    ok('bundle-merge', '--db', db, bundle('entier'));
    const merged = checksum(db);
    const again = JSON.parse(ok('bundle-merge', '--db', db, bundle('entier'), '--json'));
    expect(again).toMatchObject({ added: 0, updated: 0, deleted: 0, conflicts: [] });
    expect(changedTables(merged, checksum(db))).toEqual(['exchange_log', 'exchange_peer']);
    ok('generate', '--db', db, '--out', join(dir, 'copie-out'));
    const file = 'Synthese_Nouvelle-Aquitaine.docx';
    expect(await docxPart(join(dir, 'copie-out', file), 'word/document.xml')).toBe(await docxPart(join(dir, 'demo-out', file), 'word/document.xml'));
  }, 180_000);

  it('refuses a damaged bundle in French, with the catalogue unchanged', () => {
    const db = join(dir, 'region-un.sqlite');
    const damaged = join(dir, 'abime.synthese');
    const bytes = readFileSync(bundle('POITIERS'));
    writeFileSync(damaged, bytes.subarray(0, bytes.length - 200));
    const before = checksum(db);
    const result = run('bundle-merge', '--db', db, damaged);
    expect(result.status).toBe(2);
    expect(result.err).toMatch(/Erreur : Paquet « abime\.synthese » refusé : .*Le catalogue n’a pas été modifié\./);
    expect(changedTables(before, checksum(db))).toEqual([]);
  }, 60_000);

  it('keeps the local value of a field changed on both sides until resoudre chooses', () => {
    const dane = join(dir, 'dane.sqlite');
    const region = join(dir, 'region-conflit.sqlite');
    ok('nouveau', '--db', dane, '--region', 'NAQ', '--academie', 'POITIERS', '--nom', 'DANE de Poitiers');
    ok('nouveau', '--db', region, '--region', 'NAQ', '--nom', 'Région');
    ok('bundle-merge', '--db', dane, bundle('POITIERS'));
    ok('bundle-export', '--db', dane, '--out', bundle('dane-1'), '--scope', 'academie:POITIERS');
    ok('bundle-merge', '--db', region, bundle('dane-1'));
    // Another laptop's edit, and this one's: the same meeting's declared total, changed on both sides.
    const edit = (path: string, total: number) => {
      const db = new Database(path);
      db.prepare("UPDATE meeting SET declared_total = ? WHERE title LIKE 'Concertation départementale de la Vienne%'").run(total);
      db.close();
    };
    edit(dane, 95);
    edit(region, 92);
    ok('bundle-export', '--db', dane, '--out', bundle('dane-2'), '--scope', 'academie:POITIERS');
    const report = JSON.parse(ok('bundle-merge', '--db', region, bundle('dane-2'), '--json'));
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0]).toMatchObject({ fieldLabel: 'Effectif déclaré', local: '92', incoming: '95', peerName: 'DANE de Poitiers' });
    expect(ok('conflits', '--db', region)).toMatch(/1 conflit\(s\) à régler.*\n.*Effectif déclaré : ici « 92 », reçu de DANE de Poitiers « 95 »/);
    const vienne = () => {
      const db = new Database(region, { readonly: true });
      const total = db.prepare("SELECT declared_total FROM meeting WHERE title LIKE 'Concertation départementale de la Vienne%'").pluck().get();
      db.close();
      return total;
    };
    expect(vienne()).toBe(92);
    expect(ok('resoudre', '--db', region, '--conflit', String(report.conflicts[0].id), '--garder', 'recu')).toMatch(/valeur reçue prise/);
    expect(vienne()).toBe(95);
    expect(JSON.parse(ok('conflits', '--db', region, '--json'))).toEqual([]);
    expect(run('resoudre', '--db', region, '--conflit', String(report.conflicts[0].id), '--garder', 'local').err).toMatch(/déjà réglé/);
  }, 180_000);
});
