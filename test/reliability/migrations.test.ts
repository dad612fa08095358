/**
 * Migrations from every earlier schema with the data intact (issue 10, part 6). For each version N
 * from 1 to 6: a catalogue of schema N (migrations 1..N applied by hand, user_version N) holding the
 * demos' rows — every column that schema has, copied from a current catalogue (consultations,
 * meetings with their attendance and ateliers, retex and their links, contributions and their
 * sources, trames, texts, settings) — is opened by openCatalogue: it reaches the latest schema, every
 * row of every table is still there with the values it had, every meeting, retex, contribution and
 * trame has a uid of its own, and the Bilan is the one the demos give.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src-main/catalogue/database.ts';
import { knownMigrations, migrate } from '../../src-main/catalogue/migrate.ts';
import { loadDemos } from '../../src-main/demo/demo-catalogue.ts';
import { localCaller } from '../../src-main/transport/local.ts';
import { emptyCatalogue, FIXED_NOW } from '../support/catalogue.ts';

const LATEST = knownMigrations().length;
const UID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UID_ANY = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** What every schema holds rows of: none may be empty, or the check proves nothing. */
const MUST_HOLD = ['campaign', 'thematique', 'meeting', 'meeting_thematique', 'attendance', 'atelier', 'retex', 'retex_link', 'contribution', 'contribution_source', 'trame', 'trame_section', 'section_text', 'setting', 'bassin', 'etablissement'];

let dir: string;
let source: string;
let bilan: unknown;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'synthese-migrations-'));
  const current = emptyCatalogue();
  const campaignId = await loadDemos(current.call);
  bilan = await current.call('stats.bilan', { campaignId });
  source = join(dir, 'courant.sqlite');
  await current.db.backup(source);
  current.db.close();
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Rows = Map<string, string[]>;

/** The full-text indexes and their shadow tables: derived from the rows, filled by their triggers. */
const DERIVED = /_fts(?:_\w+)?$/;

/** Every row of every table (but SQLite's own), as JSON of the columns given, sorted: a multiset to compare. */
function snapshot(db: Database.Database, columnsOf?: Map<string, string[]>): { rows: Rows; columns: Map<string, string[]> } {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const rows: Rows = new Map();
  const columns = new Map<string, string[]>();
  for (const table of columnsOf ? [...columnsOf.keys()] : tables.filter((t) => !DERIVED.test(t))) {
    const names = columnsOf?.get(table) ?? (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
    columns.set(table, names);
    rows.set(table, (db.prepare(`SELECT ${names.map((n) => `"${n}"`).join(', ')} FROM "${table}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort());
  }
  return { rows, columns };
}

/** A catalogue of schema `version`, filled with the demos' rows (the columns that schema has). */
function catalogueOfSchema(version: number): string {
  const path = join(dir, `schema-${version}.sqlite`);
  const old = new Database(path);
  migrate(old, knownMigrations().slice(0, version));
  expect(old.pragma('user_version', { simple: true })).toBe(version);
  old.exec(`ATTACH DATABASE '${source}' AS cur`);
  old.pragma('foreign_keys = OFF');
  const tables = old.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  for (const table of tables) {
    const mine = (old.prepare(`PRAGMA main.table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
    const theirs = new Set((old.prepare(`PRAGMA cur.table_info("${table}")`).all() as { name: string }[]).map((c) => c.name));
    const shared = mine.filter((c) => theirs.has(c)).map((c) => `"${c}"`).join(', ');
    if (shared === '' || DERIVED.test(table)) continue;
    // Rows an older schema cannot hold (a chart section before 0002, one text per scope before 0003) stay out.
    old.exec(`DELETE FROM main."${table}"; INSERT OR IGNORE INTO main."${table}" (${shared}) SELECT ${shared} FROM cur."${table}"`);
  }
  old.exec('DETACH DATABASE cur');
  old.close();
  return path;
}

describe('migrations depuis chaque version antérieure du schéma', () => {
  it(`there are ${LATEST} migrations: the versions below are 1 to ${LATEST - 1}`, () => {
    expect(LATEST).toBeGreaterThanOrEqual(7);
  });

  for (let version = 1; version < LATEST; version++) {
    it(`schéma ${version} → ${LATEST} : every row kept with its values, uids given, the same Bilan`, async () => {
      const path = catalogueOfSchema(version);
      const raw = new Database(path, { readonly: true });
      const before = snapshot(raw);
      raw.close();
      for (const table of MUST_HOLD) expect([table, (before.rows.get(table) ?? []).length > 0]).toEqual([table, true]);

      const db = openCatalogue(path, { create: false });
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
      const after = snapshot(db, before.columns);
      const lost: string[] = [];
      for (const [table, rows] of before.rows) {
        // catalogue_state is the catalogue's own bookkeeping (its last change); its columns are compared but for the time.
        const keep = (r: string[]) => (table === 'catalogue_state' ? r.map((x) => x.replace(/"\d{4}-\d{2}-\d{2}T[^"]+"/g, '"…"')) : r);
        const a = keep(rows);
        const b = keep(after.rows.get(table) ?? []);
        if (JSON.stringify(a) !== JSON.stringify(b)) {
          const missing = a.filter((r) => !b.includes(r));
          lost.push(`${table} : ${a.length} lignes avant, ${b.length} après ; absentes ou changées : ${missing.slice(0, 2).join(' | ').slice(0, 300)}`);
        }
      }
      expect(lost).toEqual([]);
      for (const table of ['meeting', 'retex', 'contribution', 'trame']) {
        const uids = db.prepare(`SELECT uid FROM ${table}`).pluck().all() as (string | null)[];
        expect(uids.length, table).toBe(before.rows.get(table)!.length);
        // Given by migration 0007: version 7, ordered by time. Already there (schema 7 on): kept as they were,
        // a preset trame's derived from its name.
        const expected = version < 7 ? UID_V7 : UID_ANY;
        expect(uids.filter((u) => u === null || !expected.test(u)), table).toEqual([]);
        expect(new Set(uids).size, table).toBe(uids.length);
      }
      const call = localCaller({ db, now: () => FIXED_NOW, cataloguePath: path });
      const campaignId = (await call('settings.get', {})).activeCampaignId!;
      expect(await call('stats.bilan', { campaignId })).toEqual(bilan);
      db.close();
    });
  }
});
