import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CATEGORY_CODES } from '../../src-main/contract/domain.ts';
import { buildNationalCatalogue, nationalCounts, uaiOf, type NationalSummary } from '../../src-main/demo/national-catalogue.ts';
import { emptyCatalogue, type TestCatalogue } from '../support/catalogue.ts';

async function build(echelle: number, seed?: number): Promise<TestCatalogue & { summary: NationalSummary }> {
  const catalogue = emptyCatalogue();
  const summary = await buildNationalCatalogue(catalogue.db, catalogue.call, { echelle, ...(seed === undefined ? {} : { seed }) });
  return { ...catalogue, summary };
}

/** Every record of a list, page after page. */
async function everyOf<N extends 'meetings.list' | 'contributions.list' | 'retex.list'>(
  call: TestCatalogue['call'], name: N, campaignId: number,
): Promise<Awaited<ReturnType<typeof call<N>>>['items']> {
  const items: Awaited<ReturnType<typeof call<N>>>['items'] = [];
  for (;;) {
    const page = await call(name, { campaignId, offset: items.length, limit: 500 } as never);
    items.push(...(page.items as never[]));
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

async function everyEtablissement(call: TestCatalogue['call']) {
  const items: Awaited<ReturnType<typeof call<'etablissements.list'>>>['items'] = [];
  for (;;) {
    const page = await call('etablissements.list', { offset: items.length, limit: 500 });
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

/** What the app reads back of the catalogue (uids and key pairs are random by design: not in it). */
async function contentChecksum({ call }: TestCatalogue, campaignId: number): Promise<string> {
  const parts = [
    await everyOf(call, 'meetings.list', campaignId),
    await everyOf(call, 'contributions.list', campaignId),
    await everyOf(call, 'retex.list', campaignId),
    await everyEtablissement(call),
    await call('bassins.list', {}),
    await call('sectionTexts.list', { campaignId }),
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

describe('national catalogue', () => {
  it('is the same catalogue for the same seed and scale, another for another seed', async () => {
    const a = await build(0.05);
    const b = await build(0.05);
    const c = await build(0.05, 7);
    expect(b.summary.digest).toBe(a.summary.digest);
    expect(await contentChecksum(b, b.summary.campaignId)).toBe(await contentChecksum(a, a.summary.campaignId));
    expect(c.summary.digest).not.toBe(a.summary.digest);
    for (const x of [a, b, c]) x.db.close();
  }, 60_000);

  it('scales its counts with the scale, and the app reads them back', async () => {
    const small = await build(0.05);
    const large = await build(0.1);
    for (const { summary, call, db } of [small, large]) {
      const expected = nationalCounts(summary.echelle);
      const campaignId = summary.campaignId;
      expect(summary.counts).toMatchObject(expected);
      expect((await call('catalogue.info', {})).meetings).toBe(expected.meetings);
      expect((await call('contributions.list', { campaignId })).total).toBe(expected.contributions);
      expect((await call('retex.list', { campaignId })).total).toBe(expected.retex);
      expect((await call('etablissements.list', {})).total).toBe(expected.etablissements);
      expect(await everyEtablissement(call)).toHaveLength(expected.etablissements);
      expect(await call('bassins.list', {})).toHaveLength(expected.bassins);
      db.close();
    }
    expect(large.summary.counts.meetings).toBe(2 * small.summary.counts.meetings);
    expect(large.summary.counts.contributions).toBe(2 * small.summary.counts.contributions);
    expect(large.summary.counts.retex).toBe(2 * small.summary.counts.retex);
  }, 60_000);

  it('covers every région, académie and département, with the mix of levels, kinds and links of a real one', async () => {
    const { call, db, summary } = await build(0.05);
    const campaignId = summary.campaignId;
    const meetings = await everyOf(call, 'meetings.list', campaignId);
    const tree = await call('territory.tree', {});
    expect(tree).toHaveLength(18);
    const academies = tree.flatMap((r) => r.academies);
    const departements = academies.flatMap((a) => a.departements);
    expect(academies).toHaveLength(30);
    expect(departements).toHaveLength(101);
    const academiesMet = new Set(meetings.map((m) => m.academieCode));
    const departementsMet = new Set(meetings.map((m) => m.departementCode));
    for (const a of academies) expect(academiesMet.has(a.code), a.code).toBe(true);
    for (const d of departements) expect(departementsMet.has(d.code), d.code).toBe(true);
    for (const r of tree) expect(((await call('meetings.list', { campaignId, regionCode: r.code, limit: 500 })).items).length, r.code).toBeGreaterThan(0);
    expect(new Set(meetings.map((m) => m.level))).toEqual(new Set(['etablissement', 'bassin', 'departemental', 'academique']));
    expect(meetings.some((m) => m.ateliers.length > 0 && Object.keys(m.attendance).length > 0)).toBe(true);

    const contributions = await everyOf(call, 'contributions.list', campaignId);
    expect(new Set(contributions.map((c) => c.kind))).toEqual(new Set(['etat_des_lieux', 'action', 'defi', 'proposition']));
    expect(contributions.every((c) => c.sourceMeetingIds.length > 0)).toBe(true);
    expect(contributions.some((c) => c.parentId !== null)).toBe(true);
    expect(contributions.some((c) => c.selected)).toBe(true);
    const retex = await everyOf(call, 'retex.list', campaignId);
    expect(retex.some((r) => r.links.length > 0)).toBe(true);
    expect(retex.some((r) => r.selected)).toBe(true);
    expect((await call('sectionTexts.list', { campaignId })).length).toBe(summary.counts.sectionTexts);

    const settings = await call('settings.get', {});
    expect(settings.activeCampaignId).toBe(campaignId);
    expect((await call('identity.get', {}))?.regionCode).toBe(settings.regionCode);
    db.close();
  }, 60_000);

  it('gives each région the Bilan of the attendance it inserted, and its records open', async () => {
    const { call, db, summary } = await build(0.05);
    const campaignId = summary.campaignId;
    for (const [regionCode, tally] of Object.entries(summary.regions)) {
      const bilan = await call('stats.bilan', { campaignId, regionCode });
      expect(bilan.totals.participants, regionCode).toBe(tally.secondLevelParticipants);
      expect(bilan.totals.bassinMeetings, regionCode).toBe(tally.byLevel.bassin);
      expect(bilan.totals.secondLevelMeetings, regionCode).toBe(tally.byLevel.departemental + tally.byLevel.academique);
      expect(bilan.totals.etablissementMeetings, regionCode).toBe(tally.byLevel.etablissement);
      const categories = Object.fromEntries(bilan.categories.map((c) => [c.code, c.participants]));
      for (const code of CATEGORY_CODES) expect(categories[code] ?? 0, `${regionCode} ${code}`).toBe(tally.categories[code]);
    }
    const [first] = (await call('meetings.list', { campaignId, level: 'etablissement', limit: 500 })).items;
    const meeting = await call('meetings.get', { id: first!.id });
    expect(meeting.etablissementUai).toMatch(/^\d{7}[A-Z]$/);
    expect((await call('etablissements.get', { uai: meeting.etablissementUai! })).departementCode).toBe(meeting.departementCode);
    // The contract still accepts the catalogue's records as they are, written back unchanged.
    await call('meetings.update', { id: meeting.id, notes: meeting.notes });
    const preflight = await call('synthesis.preflight', { campaignId });
    expect(preflight).toBeDefined();
    db.close();
  }, 60_000);

  it('writes UAI codes the way the ministry does', () => {
    expect(uaiOf('86', 34)).toMatch(/^0860034[A-Z]$/);
    expect(uaiOf('2A', 1)).toMatch(/^6200001[A-Z]$/);
    expect(uaiOf('971', 12)).toMatch(/^9710012[A-Z]$/);
  });
});
