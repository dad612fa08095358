/** The dashboard's "late restitutions" cover the meetings the Bilan counts for the chosen scope. */
import { describe, expect, it } from 'vitest';
import { computeMissing } from '../../../src-renderer/features/dashboard/useMissing.ts';
import type { ScopeInfo } from '../../../src-renderer/features/dashboard/useScope.ts';
import { demoCatalogue } from '../../support/catalogue.ts';

describe('late restitutions on the dashboard', () => {
  it('include, for a département of Limoges, the académie-wide concertation that was its second level', async () => {
    const demo = await demoCatalogue();
    const campaign = await demo.call('campaigns.get', { id: demo.campaignId });
    const [limoges] = await demo.call('meetings.list', { campaignId: demo.campaignId, level: 'academique', academieCode: 'LIMOGES' });
    await demo.call('meetings.update', { id: limoges!.id, restitutionReceived: false });
    const meetings = await demo.call('meetings.list', { campaignId: demo.campaignId });
    const bassins = await demo.call('bassins.list', {});
    const tree = await demo.call('territory.tree', {});
    const academie = tree.flatMap((r) => r.academies).find((a) => a.code === 'LIMOGES')!;
    const departement = academie.departements.find((d) => d.code === '87')!;
    const hauteVienne: ScopeInfo = { ref: 'departement:87', kind: 'departement', academies: [academie], departements: [{ ...departement, academieNom: academie.nom }] };
    const late = computeMissing(campaign, hauteVienne, meetings, bassins, '2026-12-01').late.map((m) => m.id);
    expect(late).toContain(limoges!.id);
    // Not in a département of another académie.
    const bordeaux = tree.flatMap((r) => r.academies).find((a) => a.code === 'BORDEAUX')!;
    const gironde: ScopeInfo = { ref: 'departement:33', kind: 'departement', academies: [bordeaux], departements: [{ ...bordeaux.departements.find((d) => d.code === '33')!, academieNom: bordeaux.nom }] };
    expect(computeMissing(campaign, gironde, meetings, bassins, '2026-12-01').late.map((m) => m.id)).not.toContain(limoges!.id);
  });
});
