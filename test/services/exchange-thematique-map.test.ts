/**
 * The map of 2015's thématiques onto 2020's (issue 13, « Comparaison ») through bundles: a DSDEN's saved
 * map reaches the académie, whose Comparaison then uses it; merging again changes nothing; a map saved
 * on both sides since the last exchange is one conflict; a map reset to the proposal travels as it was
 * saved; a bundle written before maps travelled still merges.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../src-main/contract/schemas/campaign.ts';
import { displayValue, fieldLabel, recordLabel } from '../../src-main/services/exchange-labels.ts';
import { localCaller } from '../../src-main/transport/local.ts';
import { carrier, carry, newLaptop, resigned, send } from '../support/exchange.ts';
import { catalogueChecksum, type TestCatalogue } from '../support/catalogue.ts';
import { changedTables } from '../support/dispatch-harness.ts';

const dsden = () => newLaptop({ regionCode: 'NAQ', departementCode: '86', name: 'DSDEN de la Vienne' });
const dane = () => newLaptop({ regionCode: 'NAQ', academieCode: 'POITIERS', name: 'DANE de Poitiers' });
const region = () => newLaptop({ regionCode: 'NAQ', name: 'Région académique Nouvelle-Aquitaine' });

/** The proposed map of the presets (comparison.test.ts). */
const PROPOSED = ['1→1', '1→2', '2→2', '3→4', '4→1', '5→5'];

async function pair(c: TestCatalogue): Promise<{ from: Campaign; to: Campaign }> {
  const all = await c.call('campaigns.list', {});
  return { from: all.find((k) => k.slug === 'concertation-2015')!, to: all.find((k) => k.slug === 'egn-2020')! };
}

/** Saves a map given as « 2015 number → 2020 number », as the Comparaison screen does. */
async function saveMap(c: TestCatalogue, pairs: string[], call = c.call) {
  const { from, to } = await pair(c);
  const id = (k: Campaign, n: string) => k.thematiques.find((t) => t.number === Number(n))!.id;
  const links = pairs.map((p) => p.split('→')).map(([f, t]) => ({ fromThematiqueId: id(from, f!), toThematiqueId: id(to, t!) }));
  return call('comparison.saveMap', { fromCampaignId: from.id, toCampaignId: to.id, links });
}

/** The map the Comparaison screen shows (comparison.map), by numbers. */
async function mapOf(c: TestCatalogue): Promise<{ saved: boolean; pairs: string[] }> {
  const { from, to } = await pair(c);
  const map = await c.call('comparison.map', { fromCampaignId: from.id, toCampaignId: to.id });
  const number = (k: Campaign, id: number) => k.thematiques.find((t) => t.id === id)!.number;
  return { saved: map.saved, pairs: map.links.map((l) => `${number(from, l.fromThematiqueId)}→${number(to, l.toThematiqueId)}`) };
}

/** Which 2015 thématiques the comparison of one 2020 thématique reads (comparison.thematique). */
async function comparedWith(c: TestCatalogue, toNumber: number): Promise<number[]> {
  const { from, to } = await pair(c);
  const toThematiqueId = to.thematiques.find((t) => t.number === toNumber)!.id;
  const comparison = await c.call('comparison.thematique', { fromCampaignId: from.id, toCampaignId: to.id, toThematiqueId, kind: 'proposition' });
  return comparison.fromThematiques.map((t) => t.number);
}

/** The same catalogue's caller at a later time (the tests' clock otherwise stands still). */
const later = (c: TestCatalogue, iso: string) => localCaller({ db: c.db, now: () => new Date(iso), documentsDir: carrier }, { validateOutput: true });


describe('a saved map of thématiques in words', () => {
  it('names the record and shows its pairs as a person reads them', () => {
    expect(recordLabel('thematiqueMap', { fromCampaign: 'concertation-2015', toCampaign: 'egn-2020' }))
      .toBe('Correspondance des thématiques « concertation-2015 » → « egn-2020 »');
    expect(displayValue('pairs', [{ from: 1, to: 1 }, { from: 2, to: 3 }])).toBe('1 → 1 ; 2 → 3');
    expect(displayValue('pairs', [])).toBe('(aucune)');
    expect(displayValue('savedAt', '2020-10-20T10:00:00.000Z')).toBe('20\u00a0octobre 2020');
    expect(fieldLabel('pairs')).toBe('Correspondance des thématiques (numéros, de départ → d’arrivée)');
    // A retex's links keep their own label.
    expect(fieldLabel('links')).toBe('Liens');
  });
});

describe('a saved map of thématiques through bundles', () => {
  it('travels from a DSDEN to the académie and on to the région, whose Comparaison uses it; merging again changes nothing', async () => {
    const d = await dsden();
    await saveMap(d, ['1→3', '2→2', '2→3', '5→5']);
    const academie = await dane();
    expect(await mapOf(academie)).toEqual({ saved: false, pairs: PROPOSED });
    expect(await comparedWith(academie, 3)).toEqual([]);

    const report = await carry(d, academie, 'departement:86');
    expect(report.conflicts).toEqual([]);
    expect(report.byKind.find((k) => k.kind === 'thematiqueMap')).toMatchObject({ added: 1, label: 'correspondances des thématiques' });
    expect(await mapOf(academie)).toEqual({ saved: true, pairs: ['1→3', '2→2', '2→3', '5→5'] });
    // The screen's comparison of 2020's thématique 3 reads 2015's 1 and 2, as the DSDEN mapped them.
    expect(await comparedWith(academie, 3)).toEqual([1, 2]);
    expect(await comparedWith(academie, 1)).toEqual([]);

    // Again, and back: nothing changes.
    const before = catalogueChecksum(academie.db);
    expect(await carry(d, academie, 'departement:86')).toMatchObject({ added: 0, updated: 0, deleted: 0, conflicts: [] });
    expect(changedTables(before, catalogueChecksum(academie.db))).toEqual(['exchange_log']);
    const dsdenBefore = catalogueChecksum(d.db);
    expect(await carry(academie, d, 'academie:POITIERS')).toMatchObject({ added: 0, updated: 0, deleted: 0, conflicts: [] });
    expect(changedTables(dsdenBefore, catalogueChecksum(d.db))).toEqual(['exchange_log', 'exchange_peer']);

    // The académie's bundle carries it on to the région.
    const regional = await region();
    expect((await carry(academie, regional, 'academie:POITIERS')).conflicts).toEqual([]);
    expect(await mapOf(regional)).toEqual({ saved: true, pairs: ['1→3', '2→2', '2→3', '5→5'] });
    const regionBefore = catalogueChecksum(regional.db);
    expect(await carry(academie, regional, 'academie:POITIERS')).toMatchObject({ added: 0, updated: 0, deleted: 0, conflicts: [] });
    expect(changedTables(regionBefore, catalogueChecksum(regional.db))).toEqual(['exchange_log']);
  }, 60_000);

  it('carries a later save, a map saved empty and a map reset to the proposal', async () => {
    const d = await dsden();
    const academie = await dane();
    await carry(d, academie, 'departement:86');
    // A first map saved empty writes no link, only that it was saved: it is a change all the same.
    await saveMap(d, []);
    expect(await carry(d, academie, 'departement:86')).toMatchObject({ added: 1, conflicts: [] });
    expect(await mapOf(academie)).toEqual({ saved: true, pairs: [] });
    await saveMap(d, ['1→1'], later(d, '2020-10-20T12:00:00Z'));
    await carry(d, academie, 'departement:86');

    await saveMap(d, ['1→1', '4→2'], later(d, '2020-10-21T09:00:00Z'));
    expect(await carry(d, academie, 'departement:86')).toMatchObject({ updated: 1, conflicts: [] });
    expect(await mapOf(academie)).toEqual({ saved: true, pairs: ['1→1', '4→2'] });

    // Saved empty: nothing maps, there too (no edit of any row but the saved one's date).
    await saveMap(d, [], later(d, '2020-10-22T09:00:00Z'));
    expect(await carry(d, academie, 'departement:86')).toMatchObject({ updated: 1, conflicts: [] });
    expect(await mapOf(academie)).toEqual({ saved: true, pairs: [] });
    expect(await comparedWith(academie, 1)).toEqual([]);

    // « Proposer la correspondance » then « Enregistrer »: the screen saves the proposed links.
    const { from, to } = await pair(d);
    const proposed = await d.call('comparison.map', { fromCampaignId: from.id, toCampaignId: to.id, proposed: true });
    await later(d, '2020-10-23T09:00:00Z')('comparison.saveMap', { fromCampaignId: from.id, toCampaignId: to.id, links: proposed.links });
    expect(await carry(d, academie, 'departement:86')).toMatchObject({ updated: 1, conflicts: [] });
    expect(await mapOf(academie)).toEqual({ saved: true, pairs: PROPOSED });
    expect(await comparedWith(academie, 1)).toEqual([1, 4]);
  }, 60_000);

  it('makes a map saved differently on both sides one conflict, settled once and carried back without another', async () => {
    const d = await dsden();
    const academie = await dane();
    await saveMap(d, ['1→1']);
    await carry(d, academie, 'departement:86');
    await saveMap(d, ['1→1', '2→3'], later(d, '2020-10-21T09:00:00Z'));
    await saveMap(academie, ['3→4'], later(academie, '2020-10-22T09:00:00Z'));

    const report = await carry(d, academie, 'departement:86');
    expect(report.conflicts.map((c) => [c.kind, c.recordLabel, c.fieldLabel, c.local, c.incoming, c.peerName])).toEqual([
      ['thematiqueMap', 'Correspondance des thématiques « concertation-2015 » → « egn-2020 »',
        'Correspondance des thématiques (numéros, de départ → d’arrivée)', '3 → 4', '1 → 1 ; 2 → 3', 'DSDEN de la Vienne'],
    ]);
    // Until someone chooses, the académie keeps its own.
    expect(await mapOf(academie)).toEqual({ saved: true, pairs: ['3→4'] });
    expect(await comparedWith(academie, 4)).toEqual([3]);
    // The same bundle again asks the same question, not a second one.
    expect((await carry(d, academie, 'departement:86')).conflicts.map((c) => c.id)).toEqual([report.conflicts[0]!.id]);
    expect((await academie.call('exchange.conflicts', {})).map((c) => c.id)).toEqual([report.conflicts[0]!.id]);

    await academie.call('exchange.resolve', { id: report.conflicts[0]!.id!, keep: 'recu' });
    expect(await mapOf(academie)).toEqual({ saved: true, pairs: ['1→1', '2→3'] });
    expect((await carry(academie, d, 'academie:POITIERS')).conflicts).toEqual([]);
    expect(await mapOf(d)).toEqual({ saved: true, pairs: ['1→1', '2→3'] });
    expect(await carry(d, academie, 'departement:86')).toMatchObject({ added: 0, updated: 0, deleted: 0, conflicts: [] });
  }, 60_000);

  it('takes the same map saved on both sides as no conflict, both keeping the later date', async () => {
    const d = await dsden();
    const academie = await dane();
    await saveMap(d, ['1→1']);
    await carry(d, academie, 'departement:86');
    await saveMap(d, ['2→2'], later(d, '2020-10-22T09:00:00Z'));
    await saveMap(academie, ['2→2'], later(academie, '2020-10-21T09:00:00Z'));
    expect((await carry(d, academie, 'departement:86')).conflicts).toEqual([]);
    expect((await carry(academie, d, 'academie:POITIERS')).conflicts).toEqual([]);
    const savedAt = (c: TestCatalogue) => c.db.prepare('SELECT saved_at FROM thematique_map_saved').pluck().all();
    expect(savedAt(academie)).toEqual(['2020-10-22T09:00:00.000Z']);
    expect(savedAt(d)).toEqual(['2020-10-22T09:00:00.000Z']);
    expect(await carry(d, academie, 'departement:86')).toMatchObject({ added: 0, updated: 0, deleted: 0, conflicts: [] });
  }, 60_000);

  it('merges a bundle written before maps travelled, then the map with the next one', async () => {
    const d = await dsden();
    await saveMap(d, ['1→3']);
    const full = await send(d, 'departement:86');
    let dropped = 0;
    const old = await resigned(d, full, (lines) => {
      dropped = lines.filter((l) => l.kind === 'thematiqueMap').length;
      lines.splice(0, lines.length, ...lines.filter((l) => l.kind !== 'thematiqueMap'));
    });
    expect(dropped).toBe(1);
    const academie = await dane();
    await saveMap(academie, ['4→4'], later(academie, '2020-10-19T09:00:00Z'));
    expect((await academie.call('exchange.merge', { path: old })).conflicts).toEqual([]);
    expect(await mapOf(academie)).toEqual({ saved: true, pairs: ['4→4'] });

    // Saved on both sides without ever meeting: the new bundle asks which to keep.
    const report = await academie.call('exchange.merge', { path: full });
    expect(report.conflicts.map((c) => [c.local, c.incoming])).toEqual([['4 → 4', '1 → 3']]);
    // The old one again changes nothing.
    const before = catalogueChecksum(academie.db);
    expect(await academie.call('exchange.merge', { path: old })).toMatchObject({ added: 0, updated: 0, deleted: 0, conflicts: [] });
    expect(changedTables(before, catalogueChecksum(academie.db))).toEqual(['exchange_log']);
  }, 60_000);

  it('keeps the académie’s map when the DSDEN deletes one of its two consultations', async () => {
    const d = await dsden();
    const academie = await dane();
    await saveMap(d, ['2→2']);
    await carry(d, academie, 'departement:86');
    await d.call('campaigns.delete', { id: (await pair(d)).from.id });
    expect(await carry(d, academie, 'departement:86')).toMatchObject({ deleted: 0, conflicts: [] });
    expect(await mapOf(academie)).toEqual({ saved: true, pairs: ['2→2'] });
  }, 60_000);

  it('carries no map never saved: the proposed one is no record', async () => {
    const d = await dsden();
    const written = await d.call('exchange.export', { scope: 'departement:86', outPath: join(carrier, 'sans-carte.synthese') });
    expect(written.counts.thematiqueMap).toBeUndefined();
    await saveMap(d, ['1→1']);
    const again = await d.call('exchange.export', { outPath: join(carrier, 'avec-carte.synthese') });
    expect(again.counts.thematiqueMap).toBe(1);
  });
});
