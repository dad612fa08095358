/**
 * Issue 9's acceptance: the demo split into its twelve départements and three académies, each built
 * on its own laptop, gathered into a région catalogue in several orders, gives the demo's Bilan and the
 * same document; the whole-catalogue bundle reproduces the demo's document; repeats change nothing.
 */
import { describe, expect, it } from 'vitest';
import { readDemoFile, loadDemo } from '../../src-main/demo/demo-catalogue.ts';
import { changedTables } from '../support/dispatch-harness.ts';
import { catalogueChecksum, demoCatalogue, type TestCatalogue } from '../support/catalogue.ts';
import { demoDepartements, demoPart } from '../support/demo-split.ts';
import { carry, newLaptop, send } from '../support/exchange.ts';
import { withoutLocalIds } from '../support/preview-html.ts';

const demo = readDemoFile();

async function academieLaptop(academie: string, departementOrder: 'forward' | 'backward'): Promise<TestCatalogue> {
  const departements = demoDepartements(demo).get(academie)!;
  const dane = await newLaptop({ regionCode: 'NAQ', academieCode: academie, name: `DANE ${academie}` });
  const order = departementOrder === 'forward' ? departements : [...departements].reverse();
  for (const code of order) {
    const dsden = await newLaptop({ regionCode: 'NAQ', departementCode: code, name: `DSDEN ${code}` });
    await loadDemo(dsden.call, demoPart(demo, { kind: 'departement', code }));
    await carry(dsden, dane, `departement:${code}`);
  }
  await loadDemo(dane.call, demoPart(demo, { kind: 'academie', code: academie }), { elsewhere: demo.meetings });
  return dane;
}

async function regionFrom(academies: TestCatalogue[], codes: string[]): Promise<TestCatalogue> {
  const region = await newLaptop({ regionCode: 'NAQ', name: 'Région académique Nouvelle-Aquitaine' });
  for (const [i, dane] of academies.entries()) await carry(dane, region, `academie:${codes[i]}`);
  await loadDemo(region.call, demoPart(demo, { kind: 'region' }), { elsewhere: demo.meetings });
  return region;
}

async function figuresAndText(c: TestCatalogue) {
  const campaignId = (await c.call('settings.get', {})).activeCampaignId!;
  const bilan = await c.call('stats.bilan', { campaignId });
  const { html } = await c.call('synthesis.preview', { campaignId });
  return { rows: bilan.rows, totals: bilan.totals, categories: bilan.categories, html: withoutLocalIds(html) };
}

describe('the demo split between laptops', () => {
  it('gathers into the demo’s Bilan and document, whatever the order', async () => {
    const reference = await figuresAndText(await demoCatalogue());
    const codes = ['BORDEAUX', 'LIMOGES', 'POITIERS'];
    const forward = await Promise.all(codes.map((a) => academieLaptop(a, 'forward')));
    const first = await regionFrom(forward, codes);
    expect(await figuresAndText(first)).toEqual(reference);
    expect(reference.totals.participants).toBe(800);
    expect(reference.totals.bassinMeetings).toBe(67);

    const backward = await Promise.all([...codes].reverse().map((a) => academieLaptop(a, 'backward')));
    const second = await regionFrom(backward, [...codes].reverse());
    expect(await figuresAndText(second)).toEqual(reference);
  }, 120_000);

  it('changes nothing when the same bundles come again, or in a dry run', async () => {
    const dane = await academieLaptop('POITIERS', 'forward');
    const region = await newLaptop({ regionCode: 'NAQ', name: 'Région' });
    const bundle = await send(dane, 'academie:POITIERS');
    const first = await region.call('exchange.merge', { path: bundle });
    expect(first.added).toBeGreaterThan(40);
    const before = catalogueChecksum(region.db);
    const again = await region.call('exchange.merge', { path: bundle });
    expect({ added: again.added, updated: again.updated, deleted: again.deleted, conflicts: again.conflicts }).toEqual({ added: 0, updated: 0, deleted: 0, conflicts: [] });
    expect(changedTables(before, catalogueChecksum(region.db))).toEqual(['exchange_log']);

    const fresh = await newLaptop({ regionCode: 'NAQ', name: 'Région 2' });
    const untouched = catalogueChecksum(fresh.db);
    const preview = await fresh.call('exchange.preview', { path: bundle });
    expect(preview).toMatchObject({ added: first.added, dryRun: true });
    expect(changedTables(untouched, catalogueChecksum(fresh.db))).toEqual([]);
  }, 60_000);
});
