/**
 * Merging between catalogues: a whole bundle reproduces the demo's documents; a change on one side is
 * an update, on both sides a conflict that keeps the local value until someone chooses; deletions travel.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemos } from '../../src-main/demo/demo-catalogue.ts';
import { changedTables } from '../support/dispatch-harness.ts';
import { catalogueChecksum, emptyCatalogue, type TestCatalogue } from '../support/catalogue.ts';
import { carry, newLaptop, send } from '../support/exchange.ts';
import { docxPart } from '../support/office.ts';

const region = { regionCode: 'NAQ', name: 'Région académique Nouvelle-Aquitaine' };

async function activeCampaign(c: TestCatalogue): Promise<number> {
  return (await c.call('settings.get', {})).activeCampaignId!;
}

async function meetingNamed(c: TestCatalogue, title: RegExp) {
  const meetings = (await c.call('meetings.list', { campaignId: await activeCampaign(c), limit: 500 })).items;
  return meetings.find((m) => title.test(m.title))!;
}

describe('a whole-catalogue bundle', () => {
  it('reproduces the demo’s documents, paragraph for paragraph, in an empty catalogue', async () => {
    const demo = emptyCatalogue();
    await loadDemos(demo.call);
    const copy = await newLaptop(region);
    const report = await carry(demo, copy);
    expect(report.conflicts).toEqual([]);
    const out = mkdtempSync(join(tmpdir(), 'synthese-copie-'));
    for (const [name, c] of [['demo', demo], ['copie', copy]] as const) {
      await c.call('synthesis.generate', { campaignId: await activeCampaign(c), outputDir: join(out, name), thematique: 2 });
      await c.call('synthesis.generate', { campaignId: await activeCampaign(c), outputDir: join(out, name) });
    }
    for (const file of ['Synthese_Nouvelle-Aquitaine.docx', 'Synthese_Nouvelle-Aquitaine_Thematique-2.docx']) {
      const [a, b] = await Promise.all([docxPart(join(out, 'demo', file), 'word/document.xml'), docxPart(join(out, 'copie', file), 'word/document.xml')]);
      expect(b).toBe(a);
      expect(a).toContain('Retex 1');
      expect(a.length).toBeGreaterThan(10_000);
    }
    // The 2015 consultation came too, with its établissement meetings.
    const campaigns = await copy.call('campaigns.list', {});
    const c2015 = campaigns.find((c) => c.slug === 'concertation-2015')!;
    expect(((await copy.call('meetings.list', { campaignId: c2015.id, limit: 500 })).items).length).toBe(8);
    expect((await copy.call('settings.get', {})).contact).toBe('dane@region-academique-nouvelle-aquitaine.fr');
  }, 60_000);
});

describe('changes between two catalogues', () => {
  async function pair() {
    const dane = await newLaptop({ regionCode: 'NAQ', academieCode: 'POITIERS', name: 'DANE de Poitiers' });
    const demo = emptyCatalogue();
    await loadDemos(demo.call);
    await carry(demo, dane, 'academie:POITIERS');
    const regionCat = await newLaptop(region);
    await carry(dane, regionCat, 'academie:POITIERS');
    return { dane, regionCat };
  }

  it('takes a change made on one side only as an update, and says where it came from', async () => {
    const { dane, regionCat } = await pair();
    const vienne = await meetingNamed(dane, /Concertation départementale de la Vienne/);
    await dane.call('meetings.update', { id: vienne.id, declaredTotal: 95, attendance: { ...vienne.attendance, elus_collectivites: 7 } });
    const report = await carry(dane, regionCat, 'academie:POITIERS');
    expect(report).toMatchObject({ added: 0, updated: 1, deleted: 0, conflicts: [] });
    const there = await meetingNamed(regionCat, /Concertation départementale de la Vienne/);
    expect(there.declaredTotal).toBe(95);
    expect(there.attendance.elus_collectivites).toBe(7);
    const provenance = await regionCat.call('exchange.provenance', { kind: 'meeting', id: there.id });
    expect(provenance.summary).toBe('reçu de « DANE de Poitiers » le 20\u00a0octobre 2020 (créé par « Démonstration — Nouvelle-Aquitaine 2020 »)');
    // And back: nothing new for the DANE, which made the change.
    const back = await carry(regionCat, dane);
    expect(back).toMatchObject({ added: 0, updated: 0, conflicts: [] });
  }, 60_000);

  it('keeps the local value of a field changed on both sides until someone chooses', async () => {
    const { dane, regionCat } = await pair();
    const here = await meetingNamed(dane, /Concertation départementale de la Vienne/);
    const there = await meetingNamed(regionCat, /Concertation départementale de la Vienne/);
    await dane.call('meetings.update', { id: here.id, declaredTotal: 95, lieu: 'Canopé, Chasseneuil' });
    await regionCat.call('meetings.update', { id: there.id, declaredTotal: 92, notes: 'Chiffre du rectorat' });

    const report = await carry(dane, regionCat, 'academie:POITIERS');
    expect(report.updated).toBe(1);
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0]).toMatchObject({ fieldLabel: 'Effectif déclaré', local: '92', incoming: '95', peerName: 'DANE de Poitiers' });
    const merged = await meetingNamed(regionCat, /Concertation départementale de la Vienne/);
    // Different fields merge; the disputed one keeps the local value.
    expect(merged).toMatchObject({ declaredTotal: 92, lieu: 'Canopé, Chasseneuil', notes: 'Chiffre du rectorat' });

    // The same bundle again: the same single conflict, nothing else.
    expect((await carry(dane, regionCat, 'academie:POITIERS')).conflicts.map((c) => c.id)).toEqual([report.conflicts[0]!.id]);
    expect(await regionCat.call('exchange.conflicts', {})).toHaveLength(1);

    await regionCat.call('exchange.resolve', { id: report.conflicts[0]!.id!, keep: 'recu' });
    expect((await meetingNamed(regionCat, /Concertation départementale de la Vienne/)).declaredTotal).toBe(95);
    expect(await regionCat.call('exchange.conflicts', {})).toEqual([]);
    await expect(regionCat.call('exchange.resolve', { id: report.conflicts[0]!.id!, keep: 'local' })).rejects.toThrow(/déjà réglé/);

    // The choice travels back without a new conflict; both sides now agree.
    const back = await carry(regionCat, dane);
    expect(back.conflicts).toEqual([]);
    expect(await meetingNamed(dane, /Concertation départementale de la Vienne/)).toMatchObject({ declaredTotal: 95, notes: 'Chiffre du rectorat' });
  }, 60_000);

  it('makes a deletion travel, and meets an edit the deleter never saw as a conflict', async () => {
    const { dane, regionCat } = await pair();
    const civray = await meetingNamed(dane, /ECLORE Civray/);
    await dane.call('meetings.delete', { id: civray.id });
    const report = await carry(dane, regionCat, 'academie:POITIERS');
    expect(report).toMatchObject({ deleted: 1, conflicts: [] });
    expect(await meetingNamed(regionCat, /ECLORE Civray/)).toBeUndefined();

    const loudunHere = await meetingNamed(dane, /ECLORE Loudun/);
    const loudunThere = await meetingNamed(regionCat, /ECLORE Loudun/);
    await regionCat.call('meetings.update', { id: loudunThere.id, declaredTotal: 40 });
    await dane.call('meetings.delete', { id: loudunHere.id });
    const second = await carry(dane, regionCat, 'academie:POITIERS');
    expect(second.conflicts).toHaveLength(1);
    expect(second.conflicts[0]).toMatchObject({ fieldLabel: 'Supprimé', local: 'présent', incoming: 'supprimé' });
    expect((await meetingNamed(regionCat, /ECLORE Loudun/)).declaredTotal).toBe(40);
    await regionCat.call('exchange.resolve', { id: second.conflicts[0]!.id!, keep: 'recu' });
    expect(await meetingNamed(regionCat, /ECLORE Loudun/)).toBeUndefined();
  }, 60_000);

  it('leaves the catalogue exactly as it was in a dry run', async () => {
    const { dane, regionCat } = await pair();
    const vienne = await meetingNamed(dane, /Concertation départementale de la Vienne/);
    await dane.call('meetings.update', { id: vienne.id, declaredTotal: 95 });
    const bundle = await send(dane, 'academie:POITIERS');
    const before = catalogueChecksum(regionCat.db);
    const preview = await regionCat.call('exchange.preview', { path: bundle });
    expect(preview).toMatchObject({ updated: 1, dryRun: true });
    expect(changedTables(before, catalogueChecksum(regionCat.db))).toEqual([]);
  }, 60_000);
});
