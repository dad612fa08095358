/**
 * The cases a careful reviewer found: each one lost or invented data before, and must not again.
 */
import { describe, expect, it } from 'vitest';
import { catalogueChecksum, type TestCatalogue } from '../support/catalogue.ts';
import { changedTables } from '../support/dispatch-harness.ts';
import { carry, newLaptop } from '../support/exchange.ts';
import { aMeeting } from '../support/valid-inputs.ts';

const region = () => newLaptop({ regionCode: 'NAQ', name: 'Région académique' });
const dsden = () => newLaptop({ regionCode: 'NAQ', departementCode: '86', name: 'DSDEN de la Vienne' });

async function campaign(c: TestCatalogue, slug = 'egn-2020') {
  return (await c.call('campaigns.list', {})).find((k) => k.slug === slug)!;
}

describe('exchange edge cases', () => {
  it('keeps a record whose thématique is not here yet, and writes it once the thématique arrives', async () => {
    const [r, d] = [await region(), await dsden()];
    await carry(r, d);
    const egn = await campaign(r);
    // The région adds a sixth thématique and a retex in it; the DSDEN renames the first one meanwhile.
    const sixth = await r.call('thematiques.create', { campaignId: egn.id, number: 6, title: 'Sixième thématique', sujets: [] });
    await r.call('retex.create', { campaignId: egn.id, thematiqueId: sixth.id, title: 'Un retex de la sixième' });
    const here = await campaign(d);
    await d.call('thematiques.update', { id: here.thematiques[0]!.id, title: 'Premier titre revu' });
    const report = await carry(r, d);
    expect(report.conflicts.map((c) => c.field)).toEqual(['thematiques']);
    expect((await d.call('retex.list', { campaignId: here.id, limit: 500 })).items).toEqual([]);
    // Nothing the DSDEN sends back deletes the région's retex.
    await d.call('settings.update', { contact: 'ce.dsden86@ac-poitiers.fr' });
    await carry(d, r);
    expect(((await r.call('retex.list', { campaignId: egn.id, limit: 500 })).items).map((x) => x.title)).toEqual(['Un retex de la sixième']);
    // Once the DSDEN takes the région's thématiques, the retex that waited for them is written.
    await d.call('exchange.resolve', { id: report.conflicts[0]!.id!, keep: 'recu' });
    expect(((await d.call('retex.list', { campaignId: here.id, limit: 500 })).items).map((x) => x.title)).toEqual(['Un retex de la sixième']);
  });

  it('never deletes elsewhere what went with a consultation deleted here', async () => {
    const [r, d] = [await region(), await dsden()];
    const c2015 = await campaign(r, 'concertation-2015');
    await r.call('meetings.create', aMeeting(c2015.id, { departementCode: '86', title: 'Rencontre 2015', date: '2015-02-02' }));
    await carry(r, d);
    await d.call('campaigns.delete', { id: (await campaign(d, 'concertation-2015')).id });
    const report = await carry(d, r);
    expect(report.deleted).toBe(0);
    expect(((await r.call('meetings.list', { campaignId: c2015.id, limit: 500 })).items).map((m) => m.title)).toEqual(['Rencontre 2015']);
  });

  it('merges a consultation’s dates as one: a start moved here and an end there conflict, never break the period', async () => {
    const [r, d] = [await region(), await dsden()];
    await carry(r, d);
    const [mine, theirs] = [await campaign(r), await campaign(d)];
    await r.call('campaigns.update', { id: mine.id, startDate: '2020-09-01' });
    await d.call('campaigns.update', { id: theirs.id, endDate: '2020-10-31' });
    const report = await carry(r, d);
    expect(report.conflicts.map((c) => c.fieldLabel)).toEqual(['Dates de la consultation']);
    expect(await campaign(d)).toMatchObject({ startDate: theirs.startDate, endDate: '2020-10-31' });
  });

  it('takes a set-up edit made before the first exchange as an edit, not a conflict', async () => {
    const [r, d] = [await region(), await dsden()];
    const [trame] = await r.call('trames.list', { campaignId: (await campaign(r)).id });
    await r.call('trames.update', { id: trame!.id, subtitle: 'Synthèse de la région académique Nouvelle-Aquitaine' });
    const report = await carry(r, d);
    expect(report.conflicts).toEqual([]);
    const [there] = await d.call('trames.list', { campaignId: (await campaign(d)).id });
    expect(there!.subtitle).toBe('Synthèse de la région académique Nouvelle-Aquitaine');
  });

  it('keeps a conflict on an établissement typed twice open until someone chooses', async () => {
    const [r, d, dane] = [await region(), await dsden(), await newLaptop({ regionCode: 'NAQ', academieCode: 'POITIERS', name: 'DANE' })];
    const school = { uai: '0860001A', type: 'lycee' as const, commune: 'Poitiers', departementCode: '86', bassinId: null };
    await d.call('etablissements.create', { ...school, nom: 'Lycée Camille Guérin' });
    await dane.call('etablissements.create', { ...school, nom: 'Lycée C. Guérin' });
    await carry(d, r);
    const report = await carry(dane, r);
    expect(report.conflicts.map((c) => [c.fieldLabel, c.local, c.incoming])).toEqual([['Nom', 'Lycée Camille Guérin', 'Lycée C. Guérin']]);
    await carry(d, r);
    expect(await r.call('exchange.conflicts', {})).toHaveLength(1);
  });

  it('turns the deletion of an établissement still used here into a question, and says nothing was deleted', async () => {
    const [r, d] = [await region(), await dsden()];
    await d.call('etablissements.create', { uai: '0860034V', nom: 'Lycée Victor Hugo', type: 'lycee', commune: 'Poitiers', departementCode: '86', bassinId: null });
    await carry(d, r);
    await r.call('meetings.create', aMeeting((await campaign(r)).id, { level: 'etablissement', departementCode: '86', etablissementUai: '0860034V' }));
    await d.call('etablissements.delete', { uai: '0860034V' });
    const before = catalogueChecksum(r.db);
    const report = await carry(d, r);
    expect(report.deleted).toBe(0);
    expect(report.conflicts.map((c) => [c.fieldLabel, c.local, c.incoming])).toEqual([['Supprimé', 'présent', 'supprimé']]);
    expect(changedTables(before, catalogueChecksum(r.db))).not.toContain('etablissement');
    await expect(r.call('exchange.resolve', { id: report.conflicts[0]!.id!, keep: 'recu' })).rejects.toThrow(/encore utilisé/);
    await r.call('exchange.resolve', { id: report.conflicts[0]!.id!, keep: 'local' });
    // Kept, and the choice travels: the DSDEN has it back.
    await carry(r, d);
    expect((await d.call('etablissements.get', { uai: '0860034V' })).nom).toBe('Lycée Victor Hugo');
  });
});
