/**
 * « Ce qui manque » for the whole country ('stats.missing', scope `national`): every région's answer put
 * together, on a small national catalogue.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Missing } from '../../src-main/contract/schemas/missing.ts';
import { buildNationalCatalogue } from '../../src-main/demo/national-catalogue.ts';
import { emptyCatalogue, type TestCatalogue } from '../support/catalogue.ts';

let catalogue: TestCatalogue;
let campaignId: number;

beforeAll(async () => {
  catalogue = emptyCatalogue();
  ({ campaignId } = await buildNationalCatalogue(catalogue.db, catalogue.call, { echelle: 0.05 }));
  // Something of each kind to report: a bassin that never met, a late restitution, a thématique nobody covered.
  await catalogue.call('bassins.create', { departementCode: '13', kind: 'ZAP', nom: 'Bassin sans rencontre' });
}, 120_000);

describe('stats.missing, national scope', () => {
  it('is every région académique’s answer put together', async () => {
    const { call } = catalogue;
    const national = await call('stats.missing', { campaignId, scope: 'national' });
    const regions = await call('territory.tree', {});
    const byRegion: Missing[] = [];
    for (const r of regions) byRegion.push(await call('stats.missing', { campaignId, scope: 'region', regionCode: r.code }));
    const sum = (f: (m: Missing) => number) => byRegion.reduce((t, m) => t + f(m), 0);
    const codes = (groups: { departement: { code: string } }[]) => groups.map((g) => g.departement.code).sort();

    expect(national.bassinTotal).toBe(sum((m) => m.bassinTotal));
    expect(national.bassinTotal).toBeGreaterThan(100);
    expect(national.bassinCount).toBe(sum((m) => m.bassinCount));
    expect(national.bassins.flatMap((g) => g.bassins).map((b) => b.nom)).toContain('Bassin sans rencontre');
    expect(national.lateTotal).toBe(sum((m) => m.lateTotal));
    expect(national.lateTotal).toBeGreaterThan(0);
    expect(national.late.map((m) => m.date)).toEqual([...national.late.map((m) => m.date)].sort());
    expect(national.departements.map((d) => d.code).sort()).toEqual(byRegion.flatMap((m) => m.departements.map((d) => d.code)).sort());
    expect(codes(national.thematiques)).toEqual(byRegion.flatMap((m) => codes(m.thematiques)).sort());
    expect(national.academiqueLevel.sort()).toEqual(byRegion.flatMap((m) => m.academiqueLevel).sort());
    // Départements of more than one région: the whole country, not the settings' région.
    const academies = new Set(national.bassins.flatMap((g) => g.bassins.map((b) => b.academieCode)));
    expect(academies.size).toBeGreaterThan(3);
  }, 120_000);

  it('lists the thématiques a département never covered, and forgets them once a meeting covers them', async () => {
    const { call } = catalogue;
    const campaign = await call('campaigns.get', { id: campaignId });
    // Every meeting of Bouches-du-Rhône gone: its thématiques are missing, but those its académie's own concertations covered.
    const before = await call('stats.missing', { campaignId, scope: 'national' });
    const meetings = (await call('meetings.list', { campaignId, departementCode: '13', limit: 500 })).items;
    for (const m of meetings) await call('meetings.delete', { id: m.id });
    const after = await call('stats.missing', { campaignId, scope: 'national' });
    const of13 = after.thematiques.find((g) => g.departement.code === '13');
    const academieWide = (await call('meetings.list', { campaignId, academieCode: 'AIX-MARSEILLE', level: 'academique', limit: 500 })).items;
    const coveredAbove = new Set(academieWide.filter((m) => m.departementCode === null).flatMap((m) => [...m.thematiqueIds, ...m.ateliers.map((a) => a.thematiqueId)]));
    expect(of13?.thematiqueIds ?? []).toEqual(campaign.thematiques.map((t) => t.id).filter((id) => !coveredAbove.has(id)));
    expect(before.thematiques.some((g) => g.departement.code === '13')).toBe(false);
    // Its concertation gone too: listed unless its académie's second level is académie-wide.
    expect(after.departements.some((d) => d.code === '13')).toBe(!after.academiqueLevel.includes('AIX-MARSEILLE'));
  }, 120_000);
});
