/**
 * « Ce qui manque » computed where the meetings are ('stats.missing'): the same answers as the
 * dashboard's former computation over every meeting (kept below as the reference), on the demo.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bassin } from '../../src-main/contract/schemas/territory.ts';
import type { Campaign } from '../../src-main/contract/schemas/campaign.ts';
import type { Meeting } from '../../src-main/contract/schemas/meeting.ts';
import type { Missing } from '../../src-main/contract/schemas/missing.ts';
import { demoCatalogue, FIXED_NOW, type TestCatalogue } from '../support/catalogue.ts';

interface Place { code: string; nom: string; academieCode: string }
interface ScopeInfo { kind: 'region' | 'academie' | 'departement'; academies: { code: string }[]; departements: Place[] }

/** The dashboard's computation before 'stats.missing' (src-renderer's computeMissing), over every meeting. */
function reference(campaign: Campaign, scope: ScopeInfo, meetings: Meeting[], bassins: Bassin[], today: string): Omit<Missing, 'late' | 'lateTotal'> & { late: number[] } {
  const departementCodes = new Set(scope.departements.map((d) => d.code));
  const academieCodes = new Set(scope.academies.map((a) => a.code));
  const inScope = meetings.filter((m) =>
    m.departementCode
      ? departementCodes.has(m.departementCode)
      : scope.kind !== 'departement'
        ? m.academieCode === null || academieCodes.has(m.academieCode)
        : m.level === 'academique' && m.academieCode !== null && academieCodes.has(m.academieCode),
  );
  const place = (d: Place) => ({ code: d.code, name: d.nom });
  const metBassins = new Set(meetings.filter((m) => m.level === 'bassin' && m.bassinId !== null).map((m) => m.bassinId));
  const scopeBassins = bassins.filter((b) => departementCodes.has(b.departementCode));
  const silentBassins = scopeBassins.filter((b) => !metBassins.has(b.id));
  const academiqueLevel = scope.academies.filter((a) => meetings.some((m) => m.level === 'academique' && m.academieCode === a.code)).map((a) => a.code);
  const departementalHeld = new Set(meetings.filter((m) => m.level === 'departemental').map((m) => m.departementCode));
  const thematiques = scope.departements
    .map((departement) => {
      const covered = new Set<number>();
      for (const m of meetings) {
        if (m.departementCode !== departement.code && !(m.departementCode === null && m.academieCode === departement.academieCode)) continue;
        m.thematiqueIds.forEach((id) => covered.add(id));
        m.ateliers.forEach((a) => covered.add(a.thematiqueId));
      }
      return { departement: place(departement), thematiqueIds: campaign.thematiques.filter((t) => !covered.has(t.id)).map((t) => t.id) };
    })
    .filter((g) => g.thematiqueIds.length > 0);
  return {
    territorialLevels: !meetings.some((m) => m.level === 'etablissement') || meetings.some((m) => m.level === 'bassin' || m.level === 'departemental'),
    bassins: scope.departements
      .map((d) => ({ departement: place(d), bassins: silentBassins.filter((b) => b.departementCode === d.code) }))
      .filter((g) => g.bassins.length > 0),
    bassinCount: silentBassins.length,
    bassinTotal: scopeBassins.length,
    departements: scope.departements.filter((d) => !academiqueLevel.includes(d.academieCode) && !departementalHeld.has(d.code)).map(place),
    thematiques,
    late: inScope
      .filter((m) => !m.restitutionReceived && m.date < today)
      .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'fr'))
      .map((m) => m.id),
    academiqueLevel,
  };
}

let demo: TestCatalogue & { campaignId: number };
let campaign: Campaign;
let scopes: { ref: string; info: ScopeInfo }[];

async function allMeetings(academieCode?: string): Promise<Meeting[]> {
  return (await demo.call('meetings.list', { campaignId: demo.campaignId, ...(academieCode ? { academieCode } : {}), limit: 500 })).items;
}

beforeAll(async () => {
  demo = await demoCatalogue();
  campaign = await demo.call('campaigns.get', { id: demo.campaignId });
  const region = (await demo.call('territory.tree', {})).find((r) => r.code === 'NAQ')!;
  const all = region.academies.flatMap((a) => a.departements.map((d) => ({ code: d.code, nom: d.nom, academieCode: a.code })));
  scopes = [
    { ref: 'region', info: { kind: 'region', academies: region.academies, departements: all } },
    ...region.academies.flatMap((a) => [
      { ref: `academie:${a.code}`, info: { kind: 'academie' as const, academies: [a], departements: all.filter((d) => d.academieCode === a.code) } },
      ...a.departements.map((d) => ({
        ref: `departement:${d.code}`,
        info: { kind: 'departement' as const, academies: [a], departements: all.filter((x) => x.code === d.code) },
      })),
    ]),
  ];
});

/** The day the services' clock says (test/support/catalogue.ts's FIXED_NOW), as the user's calendar has it. */
function today(): string {
  const d = FIXED_NOW;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('stats.missing', () => {
  it('answers as the dashboard computed it from every meeting, for the région, each académie and each département', async () => {
    // The demo reports everything: a bassin that never met and a département whose concertation is gone.
    await demo.call('bassins.create', { departementCode: '24', kind: 'ZAP', nom: 'Bassin sans rencontre' });
    for (const m of (await demo.call('meetings.list', { campaignId: demo.campaignId, departementCode: '40' })).items) {
      await demo.call('meetings.delete', { id: m.id });
    }
    const bassins = await demo.call('bassins.list', {});
    const seen = { late: 0, bassins: 0, thematiques: 0, departements: 0 };
    for (const { ref, info } of scopes) {
      const meetings = await allMeetings(info.kind === 'region' ? undefined : info.academies[0]!.code);
      const expected = reference(campaign, info, meetings, bassins, today());
      const missing = await demo.call('stats.missing', { campaignId: demo.campaignId, scope: ref });
      expect({ ...missing, late: missing.late.map((m) => m.id) }, ref).toEqual({ ...expected, late: expected.late.slice(0, 50), lateTotal: expected.late.length });
      seen.late += missing.lateTotal;
      seen.bassins += missing.bassinCount;
      seen.thematiques += missing.thematiques.length;
      seen.departements += missing.departements.length;
    }
    // The demo has something of each to report: the comparison is not between empty answers.
    expect(Object.values(seen).every((n) => n > 0), JSON.stringify(seen)).toBe(true);
  });

  it('includes, for a département of Limoges, the académie-wide concertation that was its second level among the late restitutions', async () => {
    const [limoges] = (await demo.call('meetings.list', { campaignId: demo.campaignId, level: 'academique', academieCode: 'LIMOGES' })).items;
    await demo.call('meetings.update', { id: limoges!.id, restitutionReceived: false, date: '2020-10-01' });
    const late = async (scope: string) => (await demo.call('stats.missing', { campaignId: demo.campaignId, scope })).late.map((m) => m.id);
    expect(await late('departement:87')).toContain(limoges!.id);
    expect(await late('academie:LIMOGES')).toContain(limoges!.id);
    // Not in a département of another académie.
    expect(await late('departement:33')).not.toContain(limoges!.id);
  });

  it('says nothing is late before the meetings were held, and refuses a scope outside the région', async () => {
    const missing = await demo.call('stats.missing', { campaignId: demo.campaignId, scope: 'region' });
    expect(missing.late.every((m) => m.date < today())).toBe(true);
    await expect(demo.call('stats.missing', { campaignId: demo.campaignId, scope: 'departement:75' })).rejects.toThrow(/n’est pas dans la région académique/);
  });
});
