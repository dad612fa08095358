/**
 * Migration 0007 (identities for exchange) on a catalogue of the schema before it, full of data:
 * every row is kept, every record gets a stable identity, the catalogue gets its own at first ask.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src-main/catalogue/database.ts';
import { knownMigrations, migrate } from '../../src-main/catalogue/migrate.ts';
import { loadDemos } from '../../src-main/demo/demo-catalogue.ts';
import { localCaller } from '../../src-main/transport/local.ts';
import { emptyCatalogue, FIXED_NOW } from '../support/catalogue.ts';
import { withoutLocalIds } from '../support/preview-html.ts';

const BEFORE = 6;

/** A schema-6 catalogue holding the demo's data, as a user's laptop has it before the update. */
async function catalogueOfSchema6(): Promise<{ path: string; counts: Record<string, number>; html: string }> {
  const current = emptyCatalogue();
  await loadDemos(current.call);
  const campaignId = (await current.call('settings.get', {})).activeCampaignId!;
  const { html } = await current.call('synthesis.preview', { campaignId });
  const dir = mkdtempSync(join(tmpdir(), 'synthese-0006-'));
  const source = join(dir, 'courant.sqlite');
  await current.db.backup(source);
  const path = join(dir, 'ancien.sqlite');
  const old = new Database(path);
  migrate(old, knownMigrations().slice(0, BEFORE));
  old.exec(`ATTACH DATABASE '${source}' AS cur`);
  old.pragma('foreign_keys = OFF');
  const tables = old.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const columns = (old.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name).join(', ');
    old.exec(`DELETE FROM main.${table}; INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM cur.${table}`);
    counts[table] = old.prepare(`SELECT count(*) FROM main.${table}`).pluck().get() as number;
  }
  old.exec('DETACH DATABASE cur');
  old.close();
  return { path, counts, html: withoutLocalIds(html) };
}

describe('migration 0007 (exchange)', () => {
  it('keeps every row and gives every record a stable identity', async () => {
    const { path, counts, html } = await catalogueOfSchema6();
    expect(counts.meeting).toBe(85);
    const db = openCatalogue(path);
    expect(db.pragma('user_version', { simple: true })).toBe(knownMigrations().length);
    for (const [table, n] of Object.entries(counts)) {
      expect([table, db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()]).toEqual([table, n]);
    }
    for (const table of ['meeting', 'retex', 'contribution', 'trame']) {
      const uids = db.prepare(`SELECT uid FROM ${table}`).pluck().all() as string[];
      expect(uids.every((u) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u))).toBe(true);
      expect(new Set(uids).size).toBe(uids.length);
    }
    const call = localCaller({ db, now: () => FIXED_NOW, cataloguePath: path });
    // Who the catalogue is for is asked (an upgraded DSDEN is not a région): its data stay as they are.
    expect(await call('identity.get', {})).toBeNull();
    const identity = await call('identity.setup', { regionCode: 'NAQ', name: 'DANE de Poitiers', academieCode: 'POITIERS' });
    expect(identity).toMatchObject({ name: 'DANE de Poitiers', scopeKind: 'academie', scopeCode: 'POITIERS', isDemo: false });
    expect(db.prepare('SELECT count(*) FROM meeting').pluck().get()).toBe(counts.meeting);
    const campaignId = (await call('settings.get', {})).activeCampaignId!;
    expect(withoutLocalIds((await call('synthesis.preview', { campaignId })).html)).toBe(html);
    // And it can be sent: a new catalogue receives the same document.
    const written = await call('exchange.export', { outPath: join(path, '..', 'migre.synthese'), scope: undefined });
    const fresh = emptyCatalogue();
    await fresh.call('identity.setup', { regionCode: 'NAQ', name: 'Région' });
    await fresh.call('exchange.merge', { path: written.path });
    expect(withoutLocalIds((await fresh.call('synthesis.preview', { campaignId: (await fresh.call('settings.get', {})).activeCampaignId! })).html)).toBe(html);
    db.close();
  }, 60_000);
});
