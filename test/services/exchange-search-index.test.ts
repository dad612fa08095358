/**
 * A merge indexes the words of what it wrote once, at its end (migration 0012): what arrived is found by
 * its new words and no longer by its old ones, nothing is indexed twice, a preview indexes nothing, and
 * the catalogue's own edits are indexed as they are typed once the merge is over.
 */
import { describe, expect, it } from 'vitest';
import { ftsQuery } from '../../src-main/catalogue/repos/list-sql.ts';
import type { TestCatalogue } from '../support/catalogue.ts';
import { carry, newLaptop, send } from '../support/exchange.ts';
import { aContribution, aMeeting, aRetex } from '../support/valid-inputs.ts';

const match = (c: TestCatalogue, table: string, words: string) =>
  c.db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).pluck().all(ftsQuery(words)) as number[];
const held = (c: TestCatalogue) => c.db.prepare('SELECT fts_held FROM catalogue_state WHERE id = 1').pluck().get();
const indexedOnce = (c: TestCatalogue) =>
  ['meeting', 'retex', 'contribution'].map((t) => [
    c.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(),
    c.db.prepare(`SELECT count(*) FROM ${t}_fts`).pluck().get(),
  ]);

describe('a merge and the search index', () => {
  it('indexes what it wrote, added or updated, once; a preview indexes nothing', async () => {
    const region = await newLaptop({ regionCode: 'NAQ', name: 'Région académique' });
    const dsden = await newLaptop({ regionCode: 'NAQ', departementCode: '86', name: 'DSDEN de la Vienne' });
    await carry(region, dsden);
    const egn = (await dsden.call('campaigns.list', {})).find((k) => k.slug === 'egn-2020')!;
    const t1 = egn.thematiques[0]!.id;
    const meeting = await dsden.call('meetings.create', aMeeting(egn.id, {
      title: 'Atelier de Loudun', lieu: 'Loudun', departementCode: '86', ateliers: [{ thematiqueId: t1, defi: 'Robotique partagée', participants: null }],
    }));
    const retex = await dsden.call('retex.create', aRetex(egn.id, t1, { title: 'Radio scolaire à Civray' }));
    const contribution = await dsden.call('contributions.create', aContribution(egn.id, t1, { text: 'Des tablettes à Montmorillon' }));
    await carry(dsden, region);
    expect(held(region)).toBe(0);
    expect(match(region, 'meeting_fts', 'loudun')).toHaveLength(1);
    expect(match(region, 'meeting_fts', 'robotique partagee')).toEqual(match(region, 'meeting_fts', 'loudun'));
    expect(match(region, 'retex_fts', 'civray')).toHaveLength(1);
    expect(match(region, 'contribution_fts', 'montmorillon')).toHaveLength(1);

    await dsden.call('meetings.update', { id: meeting.id, title: 'Atelier de Chauvigny', ateliers: [{ thematiqueId: t1, defi: 'Fablab', participants: null }] });
    await dsden.call('retex.update', { id: retex.id, title: 'Radio scolaire à Lusignan' });
    await dsden.call('contributions.update', { id: contribution.id, text: 'Des tablettes à Neuville' });
    const bundle = await send(dsden);
    const preview = await region.call('exchange.preview', { path: bundle });
    expect(preview.updated).toBe(3);
    expect(held(region)).toBe(0);
    expect(match(region, 'meeting_fts', 'chauvigny')).toEqual([]);
    expect(match(region, 'meeting_fts', 'loudun')).toHaveLength(1);

    await region.call('exchange.merge', { path: bundle });
    expect(held(region)).toBe(0);
    expect(match(region, 'meeting_fts', 'chauvigny')).toHaveLength(1);
    expect(match(region, 'meeting_fts', 'fablab')).toHaveLength(1);
    expect(match(region, 'meeting_fts', 'robotique')).toEqual([]);
    expect(match(region, 'retex_fts', 'lusignan')).toHaveLength(1);
    expect(match(region, 'retex_fts', 'civray')).toEqual([]);
    expect(match(region, 'contribution_fts', 'neuville')).toHaveLength(1);
    expect(match(region, 'contribution_fts', 'montmorillon')).toEqual([]);
    for (const [rows, indexed] of indexedOnce(region)) expect(indexed).toBe(rows);

    // After the merge, what is typed here is indexed as it is saved.
    const here = match(region, 'meeting_fts', 'chauvigny')[0]!;
    await region.call('meetings.update', { id: here, title: 'Atelier de Jaunay-Marigny' });
    expect(match(region, 'meeting_fts', 'jaunay')).toEqual([here]);
    region.db.close();
    dsden.db.close();
  });
});
