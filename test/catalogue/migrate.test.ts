import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src-main/catalogue/database.ts';
import { knownMigrations, migrate } from '../../src-main/catalogue/migrate.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'synthese-migrate-'));
  dirs.push(dir);
  return join(dir, 'catalogue.sqlite');
}

describe('migrations', () => {
  it('bring an empty file to the latest schema, with foreign keys on and WAL', () => {
    const path = tempFile();
    const db = openCatalogue(path);
    expect(db.pragma('user_version', { simple: true })).toBe(knownMigrations().length);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    for (const t of ['campaign', 'thematique', 'sujet', 'meeting', 'attendance', 'atelier', 'retex', 'retex_link', 'contribution', 'contribution_source', 'trame', 'trame_section', 'generated_document']) {
      expect(tables).toContain(t);
    }
    db.close();
  });

  it('are numbered without gaps and re-opening applies nothing twice', () => {
    const migrations = knownMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    const path = tempFile();
    openCatalogue(path).close();
    const again = openCatalogue(path);
    expect(again.pragma('user_version', { simple: true })).toBe(migrations.length);
    again.close();
  });

  it('load the reference territory: 18 régions académiques, 30 académies, 101 départements', () => {
    const db = openCatalogue(':memory:');
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect([count('region_academique'), count('academie'), count('departement')]).toEqual([18, 30, 101]);
    const naq = db
      .prepare("SELECT a.nom, group_concat(d.code, ' ') FROM academie a JOIN departement d ON d.academie_code = a.code WHERE a.region_code = 'NAQ' GROUP BY a.code ORDER BY a.nom")
      .raw()
      .all();
    expect(naq).toEqual([
      ['Bordeaux', '24 33 40 47 64'],
      ['Limoges', '19 23 87'],
      ['Poitiers', '16 17 79 86'],
    ]);
  });

  it('refuse a catalogue written by a newer version, in French, without touching it', () => {
    const path = tempFile();
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openCatalogue(path)).toThrow(/version plus récente/);
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    check.close();
  });

  it('never turn someone else’s SQLite file into a catalogue, nor read garbage as one', () => {
    const foreign = tempFile();
    const other = new Database(foreign);
    other.exec('CREATE TABLE contacts (nom TEXT)');
    other.close();
    expect(() => openCatalogue(foreign)).toThrow(/n’est pas un catalogue Synthèse régionale : elle n’a pas été modifiée/);
    const check = new Database(foreign);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['contacts']);
    check.close();

    const garbage = tempFile();
    writeFileSync(garbage, 'ceci est un fichier texte renommé en .sqlite, pas une base de données');
    expect(() => openCatalogue(garbage)).toThrow(/ce n’est pas une base SQLite/);

    const empty = tempFile();
    writeFileSync(empty, '');
    expect(() => openCatalogue(empty, { create: false })).toThrow(/est vide : ce n’est pas encore un catalogue/);
    expect(() => openCatalogue(join(empty, 'sous-dossier', 'x.sqlite'))).toThrow(/Impossible d’ouvrir le catalogue/);
  });

  it('roll a failing migration back entirely', () => {
    const db = new Database(':memory:');
    const broken = [{ version: 1, name: 'broken', sql: 'CREATE TABLE a (x); CREATE TABLE a (y);' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'a'").pluck().get()).toBe(0);
  });
});
