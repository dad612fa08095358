/**
 * Migration 0018: the folded sort keys of meetings' and retex's titles and of contributions' texts are
 * written by the writers, in JavaScript, with what SQLite's sortKey() expression would make of them; the
 * triggers of 0018 only catch a writer that gave none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogue, type Catalogue } from '../../src-main/catalogue/database.ts';
import { knownMigrations } from '../../src-main/catalogue/migrate.ts';
import { foldedSortKey, sortKey } from '../../src-main/catalogue/repos/list-sql.ts';
import { getMeeting } from '../../src-main/catalogue/repos/meeting.repo.ts';
import { insertImportedMeetings, updateImportedMeetings } from '../../src-main/catalogue/repos/meeting-import.repo.ts';
import { loadDemos } from '../../src-main/demo/demo-catalogue.ts';
import { localCaller } from '../../src-main/transport/local.ts';
import { emptyCatalogue } from '../support/catalogue.ts';
import { carry, newLaptop } from '../support/exchange.ts';
import { undoFoldedSortKeys } from '../support/undo-migrations.ts';

const KEYED = [['meeting', 'title'], ['retex', 'title'], ['contribution', 'text']] as const;
const TRIGGERS = KEYED.flatMap(([table]) => [`${table}_sort_key_insert`, `${table}_sort_key_update`]);

/** Rows whose key is not what SQLite's own expression makes of their text. */
function wrongKeys(db: Catalogue): Record<string, number> {
  return Object.fromEntries(KEYED.map(([table, column]) => [
    table, db.prepare(`SELECT count(*) FROM ${table} WHERE sort_key IS NOT ${sortKey(column)}`).pluck().get() as number,
  ]));
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('folded sort keys (migration 0018)', () => {
  it('folds in JavaScript exactly as the SQL expression does, accents, capitals, ligatures and long texts alike', () => {
    const db = openCatalogue(':memory:');
    const sql = db.prepare(`SELECT ${sortKey('?')}`).pluck();
    const french = fc.constantFrom(...'aàâäáÀÂÄÁçÇéèêëÉÈÊËîïÎÏôöÔÖùûüÙÛÜÿœŒæÆ AZaz’«»-°µª'.split(''), '😀', 'ß', 'İ');
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 90 }), fc.string({ unit: french, maxLength: 90 }));
    fc.assert(fc.property(text, (t) => foldedSortKey(t) === sql.get(t)), { numRuns: 2_000 });
    // 60 characters as SQLite counts them (code points), whatever JavaScript's UTF-16 makes of them.
    const long = `${'😀'.repeat(59)}Éb`;
    expect(foldedSortKey(long)).toBe(sql.get(long));
    expect([...foldedSortKey(long)]).toHaveLength(60);
    db.close();
  });

  it('is written by every writer itself: services, the demo, an import’s batches, a merge', async () => {
    const demo = emptyCatalogue();
    // Without 0018's triggers, a writer that forgot the key would leave it empty or stale.
    for (const name of TRIGGERS) demo.db.exec(`DROP TRIGGER ${name}`);
    await loadDemos(demo.call);
    const settings = await demo.call('settings.get', {});
    const campaignId = settings.activeCampaignId!;
    const [meeting] = (await demo.call('meetings.list', { campaignId, limit: 1 })).items;
    await demo.call('meetings.update', { ...(await demo.call('meetings.get', { id: meeting!.id })), title: 'Élèves et ÉCRANS au collège' });
    const [retex] = (await demo.call('retex.list', { campaignId, limit: 1 })).items;
    await demo.call('retex.update', { ...retex!, title: 'Œuvres numériques en classe' });
    const [contribution] = (await demo.call('contributions.list', { campaignId, limit: 1 })).items;
    await demo.call('contributions.update', { ...contribution!, text: 'Équiper les écoles de tablettes' });
    const record = getMeeting(demo.db, meeting!.id)!;
    const id = 1 + (demo.db.prepare('SELECT max(id) FROM meeting').pluck().get() as number);
    insertImportedMeetings(demo.db, [{ id, record: { ...record, regionCode: 'NAQ', title: 'Réunion à Saint-Étienne', ateliers: [] } }], '2020-10-20T10:00:00Z');
    updateImportedMeetings(demo.db, [{ id, record: { ...record, regionCode: 'NAQ', title: 'ÉQUIPE ÉDUCATIVE élargie', ateliers: [] } }], '2020-10-20T10:00:00Z');
    expect(wrongKeys(demo.db)).toEqual({ meeting: 0, retex: 0, contribution: 0 });
    expect(demo.db.prepare('SELECT sort_key FROM meeting WHERE id = ?').pluck().get(id)).toBe('equipe educative elargie');

    const received = await newLaptop({ regionCode: 'NAQ', name: 'Région académique Nouvelle-Aquitaine' });
    for (const name of TRIGGERS) received.db.exec(`DROP TRIGGER ${name}`);
    await carry(demo, received);
    expect(received.db.prepare('SELECT count(*) FROM contribution').pluck().get()).toBeGreaterThan(100);
    expect(wrongKeys(received.db)).toEqual({ meeting: 0, retex: 0, contribution: 0 });
  }, 60_000);

  it('is filled by the triggers for a writer that gives none, or changes a text and not its key', async () => {
    const { db, call } = emptyCatalogue();
    await loadDemos(call);
    db.exec(`UPDATE meeting SET title = 'Écoles et Collèges' WHERE id = (SELECT min(id) FROM meeting);
      UPDATE contribution SET text = 'Œuvre à ÉTENDRE', sort_key = NULL WHERE id = (SELECT min(id) FROM contribution);`);
    const meetingId = db.prepare('SELECT min(id) FROM meeting').pluck().get() as number;
    const campaignId = db.prepare('SELECT campaign_id FROM meeting WHERE id = ?').pluck().get(meetingId) as number;
    const thematiqueId = db.prepare('SELECT min(id) FROM thematique').pluck().get() as number;
    db.prepare(`INSERT INTO retex (campaign_id, thematique_id, title, text, selected, position) VALUES (?, ?, 'À l’ÉCOLE', '', 0, 99)`).run(campaignId, thematiqueId);
    expect(db.prepare('SELECT sort_key FROM meeting WHERE id = ?').pluck().get(meetingId)).toBe('ecoles et colleges');
    expect(db.prepare("SELECT sort_key FROM retex WHERE position = 99").pluck().get()).toBe('a l’ecole');
    // A key set to NULL by hand is the writer's doing, not a text change: only the texts are watched.
    expect(db.prepare("SELECT sort_key FROM contribution WHERE text = 'Œuvre à ÉTENDRE'").pluck().get()).toBeNull();
  }, 60_000);

  it('fills the keys of a catalogue made before it, without counting that as a change of the catalogue', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synthese-sort-keys-'));
    dirs.push(dir);
    const path = join(dir, 'catalogue.sqlite');
    const db = openCatalogue(path);
    const call = localCaller({ db, now: () => new Date('2020-10-20T10:00:00Z') });
    await loadDemos(call);
    // As before 0018: no key column, 0010's expression indexes.
    const mine = knownMigrations().find((m) => m.name === 'folded_sort_keys')!;
    undoFoldedSortKeys(db);
    db.pragma(`user_version = ${mine.version - 1}`);
    const state = () => db.prepare('SELECT last_change, change_count FROM catalogue_state').get();
    const before = state();
    db.close();

    const again = openCatalogue(path);
    expect(again.pragma('user_version', { simple: true })).toBe(knownMigrations().length);
    expect(wrongKeys(again)).toEqual({ meeting: 0, retex: 0, contribution: 0 });
    expect(again.prepare('SELECT last_change, change_count FROM catalogue_state').get()).toEqual(before);
    expect(again.prepare("SELECT sql FROM sqlite_master WHERE name = 'contribution_text_sort'").pluck().get()).toMatch(/\(campaign_id, thematique_id, sort_key\)$/);
    again.close();
  }, 60_000);
});
