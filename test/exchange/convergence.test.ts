/**
 * Property (fast-check): three catalogues edit the same meetings and contributions in random ways and
 * exchange whole bundles in random orders; once each settles its conflicts (by a rule both sides of a
 * conflict apply alike) and bundles go round, all three hold the same records. Merging a bundle twice
 * changes nothing; without conflicts, the order of two merges does not matter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAllRecords } from '../../src-main/catalogue/repos/exchange-records.repo.ts';
import { canonical } from '../../src-main/exchange/record.ts';
import { changedTables } from '../support/dispatch-harness.ts';
import { catalogueChecksum, type TestCatalogue } from '../support/catalogue.ts';
import { newLaptop, send } from '../support/exchange.ts';

type Edit =
  | { op: 'createMeeting'; title: string; total: number }
  | { op: 'editMeeting'; pick: number; field: 'declaredTotal' | 'title' | 'lieu'; value: number }
  | { op: 'deleteMeeting'; pick: number }
  | { op: 'createContribution'; pick: number; text: string }
  | { op: 'editContribution'; pick: number; text: string }
  | { op: 'deleteContribution'; pick: number }
  | { op: 'setEtablissement'; uai: string; nom: string }
  | { op: 'deleteEtablissement'; uai: string }
  | { op: 'writeText'; text: string };
type Step = { kind: 'edit'; at: number; edit: Edit } | { kind: 'merge'; from: number; to: number; scope: 'whole' | 'departement:86' };

const word = fc.constantFrom('Vienne', 'Creuse', 'Gironde', 'Landes');
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('createMeeting' as const), title: word, total: fc.nat(50) }),
  fc.record({ op: fc.constant('editMeeting' as const), pick: fc.nat(), field: fc.constantFrom('declaredTotal' as const, 'title' as const, 'lieu' as const), value: fc.nat(3) }),
  fc.record({ op: fc.constant('deleteMeeting' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('createContribution' as const), pick: fc.nat(), text: word }),
  fc.record({ op: fc.constant('editContribution' as const), pick: fc.nat(), text: word }),
  fc.record({ op: fc.constant('deleteContribution' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('setEtablissement' as const), uai: fc.constantFrom('0860001A', '0860002B'), nom: word }),
  fc.record({ op: fc.constant('deleteEtablissement' as const), uai: fc.constantFrom('0860001A', '0860002B') }),
  fc.record({ op: fc.constant('writeText' as const), text: fc.oneof(word, fc.constant('')) }),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), at: fc.nat(2), edit }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('merge' as const), from: fc.nat(2), to: fc.nat(2), scope: fc.constantFrom('whole' as const, 'departement:86' as const) }) },
);

async function campaignOf(c: TestCatalogue) {
  const campaignId = (await c.call('settings.get', {})).activeCampaignId!;
  const campaign = await c.call('campaigns.get', { id: campaignId });
  return { campaignId, thematiqueId: campaign.thematiques[0]!.id };
}

async function apply(c: TestCatalogue, e: Edit): Promise<void> {
  const { campaignId, thematiqueId } = await campaignOf(c);
  const meetings = (await c.call('meetings.list', { campaignId, limit: 500 })).items;
  const contributions = (await c.call('contributions.list', { campaignId, limit: 500 })).items;
  const meeting = 'pick' in e && meetings.length > 0 ? meetings[e.pick % meetings.length]! : undefined;
  const contribution = 'pick' in e && contributions.length > 0 ? contributions[e.pick % contributions.length]! : undefined;
  switch (e.op) {
    case 'createMeeting':
      await c.call('meetings.create', { campaignId, level: 'departemental', title: `Concertation ${e.title}`, date: '2020-10-14', academieCode: 'POITIERS', departementCode: '86', declaredTotal: e.total });
      return;
    case 'editMeeting':
      if (!meeting) return;
      if (e.field === 'declaredTotal') await c.call('meetings.update', { id: meeting.id, declaredTotal: e.value });
      else await c.call('meetings.update', { id: meeting.id, [e.field]: `${e.field} ${e.value}` });
      return;
    case 'deleteMeeting':
      if (meeting) await c.call('meetings.delete', { id: meeting.id });
      return;
    case 'createContribution':
      await c.call('contributions.create', { campaignId, thematiqueId, kind: 'proposition', text: `Proposer ${e.text}`, sourceMeetingIds: meeting ? [meeting.id] : [] });
      return;
    case 'editContribution':
      if (contribution) await c.call('contributions.update', { id: contribution.id, text: `Proposer ${e.text} autrement` });
      return;
    case 'deleteContribution':
      if (contribution) await c.call('contributions.delete', { id: contribution.id });
      return;
    case 'setEtablissement': {
      const school = { uai: e.uai, nom: `Lycée ${e.nom}`, type: 'lycee' as const, commune: 'Poitiers', departementCode: '86', bassinId: null };
      const exists = (await c.call('etablissements.list', { departementCode: '86', search: e.uai })).items.some((x) => x.uai === e.uai);
      await (exists ? c.call('etablissements.update', school) : c.call('etablissements.create', school));
      return;
    }
    case 'deleteEtablissement':
      if ((await c.call('etablissements.list', { departementCode: '86', search: e.uai })).items.some((x) => x.uai === e.uai)) await c.call('etablissements.delete', { uai: e.uai });
      return;
    case 'writeText':
      await c.call('sectionTexts.set', { campaignId, scope: 'departement:86', sectionKey: 'descriptif', thematiqueId: null, text: e.text });
  }
}

async function carryWhole(from: TestCatalogue, to: TestCatalogue) {
  return to.call('exchange.merge', { path: await send(from) });
}

/** Both sides of a conflict pick the same value: the smaller, as text. */
async function settle(c: TestCatalogue): Promise<number> {
  const conflicts = await c.call('exchange.conflicts', {});
  for (const k of conflicts) await c.call('exchange.resolve', { id: k.id, keep: k.local <= k.incoming ? 'local' : 'recu' });
  return conflicts.length;
}

function records(c: TestCatalogue): Map<string, Record<string, unknown>> {
  return new Map(readAllRecords(c.db).filter((r) => r.kind === 'meeting' || r.kind === 'contribution').map((r) => [r.uid, r.fields]));
}
const changed = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(a).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));

const state = (c: TestCatalogue) =>
  readAllRecords(c.db).filter((r) => ['meeting', 'contribution', 'etablissement', 'sectionText'].includes(r.kind)).map((r) => `${r.uid} ${canonical(r.fields)}`).sort();

describe('catalogues that exchange converge', () => {
  it('whatever the edits and the order of the merges', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const laptops = [
          await newLaptop({ regionCode: 'NAQ', name: 'Région' }),
          await newLaptop({ regionCode: 'NAQ', academieCode: 'POITIERS', name: 'DANE' }),
          await newLaptop({ regionCode: 'NAQ', departementCode: '86', name: 'DSDEN' }),
        ];
        for (const s of steps) {
          if (s.kind === 'edit') await apply(laptops[s.at]!, s.edit);
          else if (s.from !== s.to) await laptops[s.to]!.call('exchange.merge', { path: await send(laptops[s.from]!, s.scope === 'whole' ? undefined : s.scope) });
        }
        for (let round = 0; round < 6; round++) {
          let conflicts = 0;
          for (const from of laptops) for (const to of laptops) if (from !== to) await carryWhole(from, to);
          for (const c of laptops) conflicts += await settle(c);
          if (conflicts === 0 && round > 0) break;
        }
        const [a, b, c] = laptops.map(state);
        expect(b).toEqual(a);
        expect(c).toEqual(a);
      }),
      { numRuns: 40 },
    );
  }, 300_000);

  it('merges three ways: one side’s edits come in, the other’s stay, an edit on both sides is a conflict', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 3 }), fc.array(edit, { minLength: 1, maxLength: 6 }), fc.array(edit, { minLength: 1, maxLength: 6 }), async (shared, mine, theirs) => {
        const origin = await newLaptop({ regionCode: 'NAQ', name: 'Origine' });
        // Something in common to disagree about: a meeting and a contribution that cites it.
        await apply(origin, { op: 'createMeeting', title: 'Vienne', total: 10 });
        await apply(origin, { op: 'createContribution', pick: 0, text: 'Vienne' });
        for (const e of shared) await apply(origin, e);
        const [a, b] = [await newLaptop({ regionCode: 'NAQ', name: 'A' }), await newLaptop({ regionCode: 'NAQ', name: 'B' })];
        await carryWhole(origin, a);
        await carryWhole(origin, b);
        const base = records(a);
        for (const e of mine) await apply(a, e);
        for (const e of theirs) await apply(b, e);
        const [before, incoming] = [records(a), records(b)];
        const report = await carryWhole(b, a);
        const after = records(a);
        const conflicts = new Set(report.conflicts.map((c) => `${c.uid} ${c.field}`));
        // A meeting deleted by the merge takes its place out of the contributions that cited it.
        const cut = (fields: Record<string, unknown> | undefined) =>
          fields && Array.isArray(fields.sources) ? { ...fields, sources: (fields.sources as string[]).filter((m) => after.has(m)) } : fields;
        for (const uid of new Set([...base.keys(), ...before.keys(), ...incoming.keys()])) {
          const [o, l, r, m] = [base.get(uid), before.get(uid), incoming.get(uid), after.get(uid)];
          if (!o) {
            // Created on one side only: it is there after the merge, as its creator left it.
            expect(m).toEqual(cut(l ?? r));
            continue;
          }
          if (!l || !r) {
            const editedByOther = l ? changed(o, l).length > 0 : r ? changed(o, r).length > 0 : false;
            if (editedByOther) expect(conflicts.has(`${uid} _deleted`)).toBe(true);
            // A deletion meets edits it never saw as a conflict; otherwise it wins.
            expect(m).toEqual(editedByOther ? cut(l) : undefined);
            continue;
          }
          for (const field of Object.keys(o)) {
            const [ov, lv, rv] = [o[field], l[field], r[field]].map((v) => JSON.stringify(v));
            const mv = JSON.stringify(m![field]);
            if (field === 'sources' && mv !== lv && mv !== rv) {
              // Only a meeting deleted by this merge may be missing from what either side had.
              expect([cut(l)!.sources, cut(r)!.sources].map((v) => JSON.stringify(v))).toContain(mv);
              continue;
            }
            if (lv !== ov && rv !== ov && lv !== rv) {
              expect(mv).toBe(lv);
              expect(conflicts.has(`${uid} ${field}`)).toBe(true);
            } else if (rv !== ov) expect(mv).toBe(rv);
            else expect(mv).toBe(lv);
          }
        }
      }),
      { numRuns: 60 },
    );
  }, 300_000);

  it('changes nothing when a bundle is merged twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), fc.array(edit, { maxLength: 8 }), async (mine, theirs) => {
        const [a, b] = [await newLaptop({ regionCode: 'NAQ', name: 'A' }), await newLaptop({ regionCode: 'NAQ', name: 'B' })];
        for (const e of mine) await apply(a, e);
        for (const e of theirs) await apply(b, e);
        const bundle = await send(a);
        await b.call('exchange.merge', { path: bundle });
        const once = catalogueChecksum(b.db);
        const again = await b.call('exchange.merge', { path: bundle });
        expect(again).toMatchObject({ added: 0, updated: 0, deleted: 0 });
        expect(changedTables(once, catalogueChecksum(b.db)).filter((t) => t !== 'exchange_log')).toEqual([]);
      }),
      { numRuns: 30 },
    );
  }, 300_000);

  it('gives the same catalogue for A then B as for B then A when nothing conflicts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 6 }), fc.array(edit, { maxLength: 6 }), async (editsA, editsB) => {
        const origin = await newLaptop({ regionCode: 'NAQ', name: 'Origine' });
        await apply(origin, { op: 'createMeeting', title: 'Vienne', total: 10 });
        const [a, b] = [await newLaptop({ regionCode: 'NAQ', name: 'A' }), await newLaptop({ regionCode: 'NAQ', name: 'B' })];
        await carryWhole(origin, a);
        await carryWhole(origin, b);
        for (const e of editsA) await apply(a, e);
        for (const e of editsB) await apply(b, e);
        const [bundleA, bundleB] = [await send(a), await send(b)];
        const [x, y] = [await newLaptop({ regionCode: 'NAQ', name: 'X' }), await newLaptop({ regionCode: 'NAQ', name: 'Y' })];
        const conflicts = [
          ...(await x.call('exchange.merge', { path: bundleA })).conflicts, ...(await x.call('exchange.merge', { path: bundleB })).conflicts,
          ...(await y.call('exchange.merge', { path: bundleB })).conflicts, ...(await y.call('exchange.merge', { path: bundleA })).conflicts,
        ];
        fc.pre(conflicts.length === 0);
        expect(state(y)).toEqual(state(x));
      }),
      { numRuns: 30 },
    );
  }, 300_000);
});
