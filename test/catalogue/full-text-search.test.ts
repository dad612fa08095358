/**
 * Full-text search (migration 0009): the indexes follow every write (forms, ateliers, établissements,
 * merged bundles), fold accents and case, and nothing typed breaks the query.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { knownMigrations, migrate } from '../../src-main/catalogue/migrate.ts';
import { ftsQuery, searchWords } from '../../src-main/catalogue/repos/list-sql.ts';
import { installPreset } from '../support/dispatch-harness.ts';
import { emptyCatalogue, type TestCatalogue } from '../support/catalogue.ts';
import { carry, newLaptop } from '../support/exchange.ts';
import { aContribution, aMeeting, anEtablissement, aRetex } from '../support/valid-inputs.ts';

describe('the search text made into an FTS5 query', () => {
  it('folds accents and case, splits on apostrophes and hyphens, drops French stop words', () => {
    expect(searchWords('L’École  numérique de Jules-Ferry')).toEqual(['ecole', 'numerique', 'jules', 'ferry']);
    expect(ftsQuery('l’école numérique')).toBe('"ecole"* "numerique"*');
  });

  it('keeps the stop words when they are all there is, and has no query without a word', () => {
    expect(ftsQuery('de la')).toBe('"de"* "la"*');
    for (const blank of [undefined, '', '   ', '"', '*', '-', '()', '’ - ’']) expect(ftsQuery(blank), String(blank)).toBeNull();
  });

  it('lets no FTS5 syntax through: only letters and digits, each word quoted', () => {
    for (const typed of ['"', 'a"b', 'NEAR(x y)', 'x OR y', '-x', 'x*', 'col:x', '^x', 'x + y', '{a b}: c']) {
      const query = ftsQuery(typed);
      if (query !== null) expect(query, typed).toMatch(/^("[\p{L}\p{N}]+"\* ?)+$/u);
    }
  });
});

async function meetingIds(c: TestCatalogue, campaignId: number, search: string): Promise<number[]> {
  return (await c.call('meetings.list', { campaignId, search })).items.map((m) => m.id);
}

describe('the indexes follow the catalogue', () => {
  it('a meeting is found by its title, lieu, notes, ateliers’ défis and its établissement’s name and commune', async () => {
    const c = emptyCatalogue();
    const world = await installPreset({ ok: c.call } as never);
    await c.call('etablissements.create', anEtablissement({ nom: 'Lycée Montaigne', commune: 'Saint-Émilion' }));
    const meeting = await c.call('meetings.create', aMeeting(world.campaignId, {
      level: 'etablissement', etablissementUai: '0330021U', departementCode: null, title: 'Rencontre des élèves',
      notes: 'Tablettes partagées', ateliers: [{ thematiqueId: world.thematique(1), defi: 'Former les enseignants' }],
    }));
    const other = await c.call('meetings.create', aMeeting(world.campaignId, { title: 'Autre rencontre' }));
    for (const search of ['eleves', 'ÉLÈVES', 'tablette', 'enseignant', 'montaigne', 'emilion', 'saint emilion', 'l’élève']) {
      expect(await meetingIds(c, world.campaignId, search), search).toEqual([meeting.id]);
    }
    expect(await meetingIds(c, world.campaignId, 'rencontre')).toEqual(expect.arrayContaining([meeting.id, other.id]));
    // Every word required.
    expect(await meetingIds(c, world.campaignId, 'rencontre tablettes')).toEqual([meeting.id]);

    // An atelier's défi rewritten, the établissement renamed: the old words no longer find it.
    await c.call('meetings.update', { id: meeting.id, ateliers: [{ thematiqueId: world.thematique(1), defi: 'Équiper les familles' }] });
    expect(await meetingIds(c, world.campaignId, 'enseignants')).toEqual([]);
    expect(await meetingIds(c, world.campaignId, 'familles')).toEqual([meeting.id]);
    await c.call('etablissements.update', { uai: '0330021U', nom: 'Lycée Camille Jullian' });
    expect(await meetingIds(c, world.campaignId, 'montaigne')).toEqual([]);
    expect(await meetingIds(c, world.campaignId, 'jullian')).toEqual([meeting.id]);
    await c.call('meetings.update', { id: meeting.id, title: 'Concertation du lycée' });
    expect(await meetingIds(c, world.campaignId, 'eleves')).toEqual([]);

    await c.call('meetings.delete', { id: meeting.id });
    expect(await meetingIds(c, world.campaignId, 'familles')).toEqual([]);
    expect(c.db.prepare('SELECT count(*) FROM meeting_fts').pluck().get()).toBe(1);
    c.db.close();
  });

  it('retex, contributions and texts are found, updated and forgotten with their record', async () => {
    const c = emptyCatalogue();
    const world = await installPreset({ ok: c.call } as never);
    const retex = await c.call('retex.create', aRetex(world.campaignId, world.thematique(1), { niveau: 'Cycle 3', classes: 'CM1-CM2' }));
    const contribution = await c.call('contributions.create', aContribution(world.campaignId, world.thematique(1), { heading: 'Débit' }));
    const retexHits = async (search: string) => (await c.call('retex.list', { campaignId: world.campaignId, search })).items.map((r) => r.id);
    const contributionHits = async (search: string) =>
      (await c.call('contributions.list', { campaignId: world.campaignId, search })).items.map((x) => x.id);
    expect(await retexHits('capsules inversee')).toEqual([retex.id]);
    expect(await retexHits('cm2')).toEqual([retex.id]);
    expect(await contributionHits('debits rural')).toEqual([contribution.id]);
    expect(await contributionHits('débit')).toEqual([contribution.id]);

    await c.call('retex.update', { id: retex.id, text: 'Un podcast de classe.' });
    expect(await retexHits('capsules')).toEqual([]);
    expect(await retexHits('podcast')).toEqual([retex.id]);
    await c.call('contributions.delete', { id: contribution.id });
    expect(await contributionHits('debits')).toEqual([]);

    await c.call('sectionTexts.set', { campaignId: world.campaignId, sectionKey: 'introduction', thematiqueId: null, text: 'Une année de concertations numériques.' });
    const found = await c.call('search.catalogue', { campaignId: world.campaignId, search: 'numerique' });
    expect(found.hits.filter((h) => h.kind === 'texte').map((h) => [h.sectionKey, h.snippet])).toEqual([
      ['introduction', 'Une année de concertations [numériques].'],
    ]);
    // A thématique's text is named by the heading its thématique prints (the 2020 trame words T4's « actions » its own way).
    await c.call('sectionTexts.set', { campaignId: world.campaignId, sectionKey: 'actions', thematiqueId: world.thematique(4), text: 'Des actions numériques.' });
    await c.call('sectionTexts.set', { campaignId: world.campaignId, sectionKey: 'actions', thematiqueId: world.thematique(1), text: 'Un numérique partagé.' });
    const titled = await c.call('search.catalogue', { campaignId: world.campaignId, search: 'numerique' });
    expect(titled.hits.filter((h) => h.sectionKey === 'actions').map((h) => h.title).sort()).toEqual(['Actions et acteurs mobilisés', 'Principales actions et acteurs mobilisés']);
    for (const thematiqueId of [world.thematique(4), world.thematique(1)]) await c.call('sectionTexts.set', { campaignId: world.campaignId, sectionKey: 'actions', thematiqueId, text: '' });
    await c.call('sectionTexts.set', { campaignId: world.campaignId, sectionKey: 'introduction', thematiqueId: null, text: 'Réécrit.' });
    expect((await c.call('search.catalogue', { campaignId: world.campaignId, search: 'numerique' })).totals.texte).toBe(0);
    c.db.close();
  });

  it('a merged bundle’s records are searchable where they land', async () => {
    const region = await newLaptop({ regionCode: 'NAQ', name: 'Région académique' });
    const dsden = await newLaptop({ regionCode: 'NAQ', departementCode: '86', name: 'DSDEN de la Vienne' });
    await carry(region, dsden);
    const egn = (await dsden.call('campaigns.list', {})).find((k) => k.slug === 'egn-2020')!;
    await dsden.call('meetings.create', aMeeting(egn.id, { title: 'Concertation de Châtellerault', departementCode: '86' }));
    await carry(dsden, region);
    const here = (await region.call('campaigns.list', {})).find((k) => k.slug === 'egn-2020')!;
    expect((await region.call('meetings.list', { campaignId: here.id, search: 'chatellerault' })).items.map((m) => m.title)).toEqual([
      'Concertation de Châtellerault',
    ]);
    region.db.close();
    dsden.db.close();
  });
});

describe('migration 0009', () => {
  it('indexes what the catalogue already held', () => {
    const db = new Database(':memory:');
    const migrations = knownMigrations();
    const before = migrations.findIndex((m) => m.name === 'full_text_search');
    migrate(db, migrations.slice(0, before));
    db.exec(`
      INSERT INTO campaign (id, slug, title, short_title, start_date, end_date) VALUES (1, 'c', 'C', 'C', '2020-01-01', '2020-12-31');
      INSERT INTO thematique (id, campaign_id, number, title) VALUES (1, 1, 1, 'T');
      INSERT INTO meeting (id, campaign_id, level, title, date, format, updated_at) VALUES (7, 1, 'regional', 'Séminaire régional', '2020-10-01', 'presentiel', 'x');
      INSERT INTO atelier (meeting_id, thematique_id, position, defi) VALUES (7, 1, 1, 'Inclusion numérique');
      INSERT INTO retex (id, campaign_id, thematique_id, title) VALUES (3, 1, 1, 'Robotique au collège');
      INSERT INTO contribution (id, campaign_id, thematique_id, kind, text) VALUES (5, 1, 1, 'attente', 'Des tablettes');
      INSERT INTO section_text (campaign_id, scope, section_key, text) VALUES (1, 'region', 'intro', 'Préambule');
    `);
    migrate(db, migrations);
    const match = (table: string, words: string) => db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).pluck().all(ftsQuery(words));
    expect(match('meeting_fts', 'seminaire inclusion')).toEqual([7]);
    expect(match('retex_fts', 'college')).toEqual([3]);
    expect(match('contribution_fts', 'tablette')).toEqual([5]);
    expect(db.prepare("SELECT section_key FROM section_text_fts WHERE section_text_fts MATCH ?").pluck().all(ftsQuery('preambule'))).toEqual(['intro']);
    db.close();
  });
});
