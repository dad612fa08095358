/**
 * A bulk write's row triggers held (catalogue/repos/bulk-write.repo.ts): dropped only inside a transaction
 * whose counters and search index are held, put back word for word, and what they would have done settled.
 */
import { describe, expect, it } from 'vitest';
import { holdRowTriggers, missingParent, withoutForeignKeyChecks } from '../../src-main/catalogue/repos/bulk-write.repo.ts';
import { getMeeting, insertMeeting } from '../../src-main/catalogue/repos/meeting.repo.ts';
import { loadDemos } from '../../src-main/demo/demo-catalogue.ts';
import { emptyCatalogue } from '../support/catalogue.ts';
import { carry, newLaptop } from '../support/exchange.ts';

const triggers = (db: ReturnType<typeof emptyCatalogue>['db']) =>
  db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as { name: string; sql: string }[];

describe('holdRowTriggers', () => {
  it('refuses to drop anything outside a transaction, or while the counters and the search index run', () => {
    const { db } = emptyCatalogue();
    expect(() => holdRowTriggers(db)).toThrow(/hors d’une transaction/);
    expect(() => db.transaction(() => holdRowTriggers(db))()).toThrow(/non retenus/);
    db.prepare('UPDATE catalogue_state SET quiet = 1 WHERE id = 1').run();
    expect(() => db.transaction(() => holdRowTriggers(db))()).toThrow(/non retenus/);
  });

  it('holds only the triggers that do nothing meanwhile, puts them back word for word, and settles the highest meeting id', async () => {
    const { db, call } = emptyCatalogue();
    await loadDemos(call);
    const before = triggers(db);
    const meeting = getMeeting(db, db.prepare('SELECT min(id) FROM meeting').pluck().get() as number)!;
    const high = db.prepare('SELECT meeting_high FROM catalogue_state').pluck();
    db.transaction(() => {
      db.prepare('UPDATE catalogue_state SET quiet = 1, fts_held = 1 WHERE id = 1').run();
      const back = holdRowTriggers(db);
      const during = new Set(triggers(db).map((t) => t.name));
      // Held: counters, the held search triggers, identities, sort keys, the highest id.
      for (const name of ['contribution_insert_changes', 'meeting_fts_insert', 'contribution_uid', 'retex_sort_key_update', 'meeting_high_insert']) expect(during.has(name), name).toBe(false);
      // Kept: deletions, and search triggers fts_held does not turn away (établissements, texts).
      for (const name of ['meeting_fts_delete', 'contribution_delete_changes', 'etablissement_fts_update', 'section_text_fts_insert', 'etablissement_search_insert']) expect(during.has(name), name).toBe(true);
      const id = insertMeeting(db, { ...meeting, regionCode: 'NAQ', ateliers: [] }, '2020-10-20T10:00:00Z', 9_000, 'uid-de-la-rencontre-9000');
      expect(high.get()).toBeLessThan(id);
      back();
      db.prepare('UPDATE catalogue_state SET quiet = 0, fts_held = 0 WHERE id = 1').run();
    })();
    expect(triggers(db)).toEqual(before);
    expect(high.get()).toBe(9_000);
  });

  it('puts them back when the bulk write fails, and refuses to commit a row without its identity', async () => {
    const { db, call } = emptyCatalogue();
    await loadDemos(call);
    const before = triggers(db);
    const meeting = getMeeting(db, db.prepare('SELECT min(id) FROM meeting').pluck().get() as number)!;
    expect(() => db.transaction(() => {
      db.prepare('UPDATE catalogue_state SET quiet = 1, fts_held = 1 WHERE id = 1').run();
      const back = holdRowTriggers(db);
      insertMeeting(db, { ...meeting, regionCode: 'NAQ', ateliers: [] }, '2020-10-20T10:00:00Z', 9_001, null);
      back();
    })()).toThrow(/meeting sans identifiant/);
    expect(triggers(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM meeting WHERE id = 9001').pluck().get()).toBe(0);
  });

  it('leaves a merged catalogue searchable and counted as after a merge without it', async () => {
    const demo = emptyCatalogue();
    await loadDemos(demo.call);
    const received = await newLaptop({ regionCode: 'NAQ', name: 'Région académique Nouvelle-Aquitaine' });
    const before = triggers(received.db);
    const count = received.db.prepare('SELECT change_count FROM catalogue_state').pluck();
    const changes = count.get() as number;
    await carry(demo, received);
    expect(triggers(received.db)).toEqual(before);
    expect(count.get()).toBe(changes + 1);
    const campaignId = (await received.call('settings.get', {})).activeCampaignId!;
    for (const table of ['meeting', 'retex', 'contribution']) {
      // Every row indexed once for search, and given its identity and its sort key.
      expect(received.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(received.db.prepare(`SELECT count(*) FROM ${table}_fts`).pluck().get());
      expect(received.db.prepare(`SELECT count(*) FROM ${table} WHERE uid IS NULL OR sort_key IS NULL`).pluck().get()).toBe(0);
    }
    const { totals } = await received.call('search.catalogue', { campaignId, search: 'numérique' });
    expect(totals.meeting * totals.contribution).toBeGreaterThan(0);
    expect(received.db.prepare('SELECT meeting_high FROM catalogue_state').pluck().get()).toBe(received.db.prepare('SELECT max(id) FROM meeting').pluck().get());
  }, 60_000);
});

describe('a bulk write without row-by-row foreign-key checks', () => {
  it('names the first parent the catalogue does not hold, each kind looked up by its key', () => {
    const { db } = emptyCatalogue();
    const one = <T>(sql: string) => db.prepare(sql).pluck().get() as T;
    const held = {
      campaign: [] as number[], region: [one<string>('SELECT code FROM region_academique LIMIT 1')],
      academie: [one<string>('SELECT code FROM academie LIMIT 1')], departement: [one<string>('SELECT code FROM departement LIMIT 1')],
      bassin: [] as number[], etablissement: [] as string[], thematique: [] as number[], meeting: [] as number[],
    };
    expect(missingParent(db, held)).toBeNull();
    expect(missingParent(db, { ...held, campaign: [999] })).toBe('campaign 999');
    expect(missingParent(db, { ...held, region: [...held.region, 'ZZZ'] })).toBe('region ZZZ');
    expect(missingParent(db, { ...held, academie: ['A99'] })).toBe('academie A99');
    expect(missingParent(db, { ...held, departement: ['9Z'] })).toBe('departement 9Z');
    expect(missingParent(db, { ...held, bassin: [424242] })).toBe('bassin 424242');
    expect(missingParent(db, { ...held, etablissement: ['0000000X'] })).toBe('etablissement 0000000X');
    expect(missingParent(db, { ...held, thematique: [77] })).toBe('thematique 77');
    expect(missingParent(db, { ...held, meeting: [999999] })).toBe('meeting 999999');
  });

  it('puts the checks back after the work, even when it fails, and leaves them on inside a transaction', () => {
    const { db } = emptyCatalogue();
    const on = () => db.pragma('foreign_keys', { simple: true });
    expect(withoutForeignKeyChecks(db, () => on())).toBe(0);
    expect(on()).toBe(1);
    expect(() => withoutForeignKeyChecks(db, () => {
      throw new Error('échec');
    })).toThrow('échec');
    expect(on()).toBe(1);
    expect(db.transaction(() => withoutForeignKeyChecks(db, () => on()))()).toBe(1);
    expect(on()).toBe(1);
  });
});
