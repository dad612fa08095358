/**
 * Groups of contributions (groups.*) and what is left to read (restitutions.progress), through the real
 * dispatcher on a small catalogue: the 2020 preset, three départemental meetings, propositions that say
 * the same thing in different words.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ContributionKind } from '../../src-main/contract/domain.ts';
import type { ContributionGroup } from '../../src-main/contract/schemas/review.ts';
import { AppError } from '../../src-main/contract/errors.ts';
import { openCatalogue } from '../../src-main/catalogue/database.ts';
import { localCaller } from '../../src-main/transport/local.ts';
import { cancelledError } from '../../src-main/transport/service-host.ts';
import { catalogueChecksum, FIXED_NOW, type TestCatalogue } from '../support/catalogue.ts';
import { aMeeting } from '../support/valid-inputs.ts';

let t: TestCatalogue;
let campaignId: number;
let th1: number;
let th2: number;
let meetings: { charente: number; vienne: number; correze: number };

const SAME_THING = {
  tablettes: [
    'Équiper chaque élève de collège d’une tablette numérique',
    'Une tablette numérique pour chaque collégien',
    'Doter tous les collégiens d’une tablette numérique',
  ],
  formation: [
    'Former les enseignants aux usages pédagogiques du numérique',
    'Plus de formation des enseignants aux usages du numérique en classe',
  ],
  alone: ['Ouvrir les cantines scolaires le samedi midi'],
};

async function add(text: string, meetingIds: number[], kind: ContributionKind = 'proposition', thematiqueId = th1): Promise<number> {
  const c = await t.call('contributions.create', { campaignId, thematiqueId, kind, text, sourceMeetingIds: meetingIds, review: 'a_traiter' });
  return c.id;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** An ISO time at or after FIXED_NOW (the test clock moves forward). */
const AFTER_NOW = expect.stringMatching(/^20(2[0-9])-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as string;

const key = () => ({ campaignId, thematiqueId: th1, kind: 'proposition' as const });
const byWording = (groups: ContributionGroup[], start: string) => groups.find((g) => g.members.some((m) => m.text.startsWith(start)))!;

beforeEach(async () => {
  // A clock that moves a second per reading: the history is read in its order, and `at` is checked.
  let tick = 0;
  const db = openCatalogue(':memory:');
  t = { db, call: localCaller({ db, now: () => new Date(FIXED_NOW.getTime() + 1_000 * tick++) }, { validateOutput: true }) };
  const campaign = await t.call('campaigns.installPreset', { slug: 'egn-2020' });
  await t.call('settings.update', { regionCode: 'NAQ' });
  campaignId = campaign.id;
  th1 = campaign.thematiques.find((x) => x.number === 1)!.id;
  th2 = campaign.thematiques.find((x) => x.number === 2)!.id;
  const meeting = async (code: string, title: string) =>
    (await t.call('meetings.create', aMeeting(campaignId, { departementCode: code, title, lieu: title }))).id;
  meetings = {
    charente: await meeting('16', 'Concertation de la Charente'),
    vienne: await meeting('86', 'Concertation de la Vienne'),
    correze: await meeting('19', 'Concertation de la Corrèze'),
  };
});

describe('groups.propose', () => {
  it('groups what says the same thing, worded by a member, with its reach; a lone contribution stays in no group', async () => {
    await add(SAME_THING.tablettes[0]!, [meetings.charente]);
    await add(SAME_THING.tablettes[1]!, [meetings.vienne]);
    await add(SAME_THING.tablettes[2]!, [meetings.correze, meetings.vienne]);
    await add(SAME_THING.formation[0]!, [meetings.vienne]);
    await add(SAME_THING.formation[1]!, [meetings.vienne]);
    const alone = await add(SAME_THING.alone[0]!, [meetings.charente]);

    const view = await t.call('groups.propose', key());
    expect(view.groups).toHaveLength(2);
    const tablettes = byWording(view.groups, 'Équiper');
    expect(tablettes.review).toBe('a_traiter');
    expect(tablettes.members.map((m) => m.text).sort()).toEqual([...SAME_THING.tablettes].sort());
    expect(SAME_THING.tablettes).toContain(tablettes.wording);
    expect(tablettes.reach.meetings).toBe(3);
    expect(tablettes.reach.departements).toEqual(['Charente', 'Corrèze', 'Vienne']);
    expect(byWording(view.groups, 'Former').reach).toMatchObject({ meetings: 1, departements: ['Vienne'] });
    expect(view.ungrouped.map((c) => c.id)).toEqual([alone]);
    // Each member moved says so in its history, stamped with the clock and the reviewer.
    const history = await t.call('contributions.history', { id: tablettes.members[0]!.id });
    expect(history).toEqual([{ at: AFTER_NOW, who: expect.any(String) as string, what: 'groupe', from: null, to: tablettes.wording }]);
    expect(history[0]!.who.length).toBeGreaterThan(0);
  });

  it('replaces proposed groups but never touches retained or set-aside ones nor their members', async () => {
    for (const text of SAME_THING.tablettes) await add(text, [meetings.charente]);
    for (const text of SAME_THING.formation) await add(text, [meetings.vienne]);
    const first = await t.call('groups.propose', key());
    const tablettes = byWording(first.groups, 'Équiper');
    const formation = byWording(first.groups, 'Former');
    await t.call('groups.review', { id: tablettes.id, review: 'retenue' });
    await t.call('groups.rename', { id: tablettes.id, wording: 'Une tablette par collégien' });
    await t.call('groups.review', { id: formation.id, review: 'ecartee' });
    // A new one that says the same as the retained group: proposed apart, never slipped into it.
    const late = await add('Fournir une tablette numérique à chaque collégien', [meetings.correze]);
    const another = await add('Donner à chaque collégien sa tablette numérique', [meetings.correze]);

    const second = await t.call('groups.propose', key());
    const kept = second.groups.find((g) => g.id === tablettes.id)!;
    expect(kept).toMatchObject({ wording: 'Une tablette par collégien', review: 'retenue' });
    expect(kept.members.map((m) => m.id)).toEqual(tablettes.members.map((m) => m.id));
    expect(second.groups.find((g) => g.id === formation.id)?.review).toBe('ecartee');
    const fresh = second.groups.filter((g) => g.review === 'a_traiter');
    expect(fresh).toHaveLength(1);
    expect(fresh[0]!.members.map((m) => m.id).sort()).toEqual([late, another].sort());
    // Proposing again: the same group, no new history line for its members.
    const third = await t.call('groups.propose', key());
    expect(third.groups.filter((g) => g.review === 'a_traiter').map((g) => g.members.map((m) => m.id).sort())).toEqual([[late, another].sort()]);
    expect(await t.call('contributions.history', { id: late })).toHaveLength(1);
  });

  it('groups 5 000 contributions of a thématique (its time printed; budgets live in the bench), every one accounted for', async () => {
    // The grouping fixtures' propositions, each said again in several places (real texts group as real ones do).
    const texts = ['propositions', 'held-out', 'blind'].flatMap((name) =>
      (JSON.parse(readFileSync(`test/fixtures/grouping/${name}.json`, 'utf8')) as { groups: string[][] }).groups.flat());
    const places = ['à Angoulême', 'à Poitiers', 'à Limoges', 'à Bordeaux', 'à Pau', 'à Tulle', 'à Guéret', 'à Niort', 'à Agen', 'à Périgueux'];
    t.db.transaction(() => {
      const insert = t.db.prepare(
        `INSERT INTO contribution (campaign_id, thematique_id, kind, text, selected, pending, position) VALUES (?, ?, 'proposition', ?, 0, 1, ?)`,
      );
      for (let i = 0; i < 5_000; i++) insert.run(campaignId, th1, `${texts[i % texts.length]!} (${places[Math.floor(i / texts.length) % places.length]!})`, i);
    })();
    const started = performance.now();
    const view = await t.call('groups.propose', key());
    console.info(`groups.propose, 5 000 contributions: ${Math.round(performance.now() - started)} ms, ${view.groupTotal} groupes`);
    // A view lists the first 50 groups, 10 members each, and 200 contributions in none, with the totals.
    expect(view.groups).toHaveLength(Math.min(50, view.groupTotal));
    expect(Math.max(...view.groups.map((g) => g.members.length))).toBeLessThanOrEqual(10);
    expect(view.ungrouped.length).toBe(Math.min(200, view.ungroupedTotal));
    const listed = performance.now();
    const all = await t.call('groups.list', { ...key(), limit: 5_000 });
    console.info(`groups.list (tous), 5 000 contributions: ${Math.round(performance.now() - listed)} ms`);
    expect(all.groups).toHaveLength(view.groupTotal);
    expect(all.groups.reduce((n, g) => n + g.memberTotal, 0) + all.ungroupedTotal).toBe(5_000);
    expect(all.groups.every((g) => g.memberTotal >= 2)).toBe(true);
  }, 60_000);
});

describe('groups.review', () => {
  it('retaining a group retains its members still à traiter, each change in the history', async () => {
    const ids = [];
    for (const text of SAME_THING.tablettes) ids.push(await add(text, [meetings.charente]));
    const { groups } = await t.call('groups.propose', key());
    const group = groups[0]!;
    // One member already set aside one by one: the group does not overrule it.
    await t.call('contributions.review', { ids: [ids[2]!], review: 'ecartee' });

    const retained = await t.call('groups.review', { id: group.id, review: 'retenue' });
    expect(retained.review).toBe('retenue');
    expect(retained.members.map((m) => [m.id, m.review, m.selected])).toEqual([
      [ids[0], 'retenue', true], [ids[1], 'retenue', true], [ids[2], 'ecartee', false],
    ]);
    expect(await t.call('groups.history', { id: group.id })).toEqual([
      { at: AFTER_NOW, who: expect.any(String) as string, what: 'etat', from: 'a_traiter', to: 'retenue' },
    ]);
    expect((await t.call('contributions.history', { id: ids[0]! })).map((e) => [e.what, e.from, e.to])).toEqual([
      ['groupe', null, group.wording], ['etat', 'a_traiter', 'retenue'],
    ]);
    // Set aside afterwards: members already retained stay so (the group only speaks for those à traiter).
    const aside = await t.call('groups.review', { id: group.id, review: 'ecartee' });
    expect(aside.members.map((m) => m.review)).toEqual(['retenue', 'retenue', 'ecartee']);
  });

  it('setting a group aside sets aside its members à traiter', async () => {
    for (const text of SAME_THING.formation) await add(text, [meetings.vienne]);
    const { groups } = await t.call('groups.propose', key());
    const aside = await t.call('groups.review', { id: groups[0]!.id, review: 'ecartee' });
    expect(aside.members.map((m) => m.review)).toEqual(['ecartee', 'ecartee']);
    expect((await t.call('contributions.list', { campaignId, review: 'a_traiter', limit: 50 })).total).toBe(0);
  });
});

describe('groups.rename, split, merge, move', () => {
  let tablettes: ContributionGroup;
  let formation: ContributionGroup;
  let alone: number;

  beforeEach(async () => {
    for (const text of SAME_THING.tablettes) await add(text, [meetings.charente]);
    for (const text of SAME_THING.formation) await add(text, [meetings.vienne]);
    alone = await add(SAME_THING.alone[0]!, [meetings.correze]);
    const { groups } = await t.call('groups.propose', key());
    tablettes = byWording(groups, 'Équiper');
    formation = byWording(groups, 'Former');
  });

  it('renames, with the old and new wording in the history', async () => {
    const renamed = await t.call('groups.rename', { id: tablettes.id, wording: 'Une tablette par collégien' });
    expect(renamed.wording).toBe('Une tablette par collégien');
    expect(await t.call('groups.history', { id: tablettes.id })).toEqual([
      { at: AFTER_NOW, who: expect.any(String) as string, what: 'libelle', from: tablettes.wording, to: 'Une tablette par collégien' },
    ]);
  });

  it('splits members into a new group à traiter worded by the first moved one', async () => {
    const [a, b, c] = tablettes.members;
    const view = await t.call('groups.split', { id: tablettes.id, contributionIds: [c!.id, b!.id] });
    const old = view.groups.find((g) => g.id === tablettes.id)!;
    const fresh = view.groups.find((g) => g.id !== tablettes.id && g.id !== formation.id)!;
    expect(old.members.map((m) => m.id)).toEqual([a!.id]);
    expect(fresh).toMatchObject({ review: 'a_traiter', wording: b!.text });
    expect(fresh.members.map((m) => m.id)).toEqual([b!.id, c!.id]);
    const history = await t.call('contributions.history', { id: c!.id });
    expect(history.at(-1)).toMatchObject({ what: 'groupe', from: tablettes.wording, to: b!.text });
  });

  it('refuses to split out a stranger or every member, in French, changing nothing', async () => {
    const before = catalogueChecksum(t.db);
    expect((await refusal(t.call('groups.split', { id: tablettes.id, contributionIds: [formation.members[0]!.id] }))).message)
      .toMatch(/ne fait pas partie du groupe/);
    expect((await refusal(t.call('groups.split', { id: tablettes.id, contributionIds: tablettes.members.map((m) => m.id) }))).message)
      .toMatch(/laissez au moins une contribution/);
    expect(catalogueChecksum(t.db)).toBe(before);
  });

  it('merges into the first group, the others gone, their members moved with a history line', async () => {
    const merged = await t.call('groups.merge', { ids: [formation.id, tablettes.id], wording: 'Le numérique au collège' });
    expect(merged.id).toBe(formation.id);
    expect(merged.wording).toBe('Le numérique au collège');
    expect(merged.members).toHaveLength(5);
    expect(merged.reach.departements).toEqual(['Charente', 'Vienne']);
    const view = await t.call('groups.list', key());
    expect(view.groups.map((g) => g.id)).toEqual([formation.id]);
    expect((await t.call('contributions.history', { id: tablettes.members[0]!.id })).at(-1))
      .toMatchObject({ what: 'groupe', from: tablettes.wording, to: formation.wording });
    expect((await t.call('groups.history', { id: formation.id })).map((e) => e.what)).toEqual(['libelle']);
  });

  it('refuses to merge or move across thématiques or kinds, in French, changing nothing', async () => {
    const x = await add(SAME_THING.tablettes[0]!, [meetings.charente], 'proposition', th2);
    const y = await add(SAME_THING.tablettes[1]!, [meetings.vienne], 'proposition', th2);
    const other = (await t.call('groups.propose', { campaignId, thematiqueId: th2, kind: 'proposition' })).groups[0]!;
    const attente = await add('Des tablettes pour tous', [meetings.vienne], 'attente');
    const before = catalogueChecksum(t.db);
    expect((await refusal(t.call('groups.merge', { ids: [tablettes.id, other.id] }))).message)
      .toMatch(/n’est pas de la même thématique et du même type/);
    expect((await refusal(t.call('groups.move', { contributionIds: [x], groupId: tablettes.id }))).message)
      .toMatch(/^Déplacer : la contribution n° \d+ n’est pas de la même thématique et du même type que le groupe/);
    expect((await refusal(t.call('groups.move', { contributionIds: [attente], groupId: tablettes.id }))).message)
      .toMatch(/même thématique et du même type/);
    expect((await refusal(t.call('groups.move', { contributionIds: [y, alone], groupId: null }))).message)
      .toMatch(/pas toutes de la même thématique/);
    expect((await refusal(t.call('groups.merge', { ids: [tablettes.id, tablettes.id] }))).message).toMatch(/au moins deux groupes/);
    expect(catalogueChecksum(t.db)).toBe(before);
  });

  it('moves a member out and another in; a proposed group left empty goes', async () => {
    const out = tablettes.members[0]!.id;
    let view = await t.call('groups.move', { contributionIds: [out], groupId: null });
    expect(view.ungrouped.map((c) => c.id).sort()).toEqual([out, alone].sort());
    expect((await t.call('contributions.history', { id: out })).at(-1)).toMatchObject({ what: 'groupe', from: tablettes.wording, to: null });
    view = await t.call('groups.move', { contributionIds: [alone, ...formation.members.map((m) => m.id)], groupId: tablettes.id });
    expect(view.groups.map((g) => g.id)).toEqual([tablettes.id]);
    expect(view.groups[0]!.members).toHaveLength(5);
    expect(view.ungrouped.map((c) => c.id)).toEqual([out]);
  });

  it('says a missing group in French', async () => {
    expect((await refusal(t.call('groups.review', { id: 9_999, review: 'retenue' }))).message).toMatch(/Groupe introuvable/);
    expect((await refusal(t.call('groups.history', { id: 9_999 }))).message).toMatch(/Groupe introuvable/);
  });
});

describe('groups.create', () => {
  it('makes a group by hand of contributions no proposal brought together, worded by the first, renameable', async () => {
    const a = await add('Ouvrir les cantines scolaires le samedi midi', [meetings.charente]);
    const b = await add('Des repas servis au collège le week-end', [meetings.vienne]);
    const c = await add('Former les parents aux outils numériques', [meetings.correze]);
    // Nothing alike enough: the proposal leaves them alone, and there is no group to move them into.
    expect((await t.call('groups.propose', key())).groups).toEqual([]);
    const view = await t.call('groups.create', { contributionIds: [b, a] });
    expect(view.groups).toHaveLength(1);
    const made = view.groups[0]!;
    expect(made).toMatchObject({ wording: 'Des repas servis au collège le week-end', review: 'a_traiter', memberTotal: 2 });
    expect(made.members.map((m) => m.id).sort()).toEqual([a, b].sort());
    expect(view.ungrouped.map((x) => x.id)).toEqual([c]);
    expect((await t.call('contributions.history', { id: a })).at(-1)).toMatchObject({ what: 'groupe', from: null, to: made.wording });
    expect((await t.call('groups.rename', { id: made.id, wording: 'La cantine le samedi' })).wording).toBe('La cantine le samedi');
    // A group made by hand and renamed is the coordinator's: a new proposal leaves it.
    expect((await t.call('groups.propose', key())).groups.map((g) => g.id)).toEqual([made.id]);
  });

  it('takes members out of a proposed group (gone when emptied), refuses across kinds and out of settled groups', async () => {
    for (const text of SAME_THING.tablettes) await add(text, [meetings.charente]);
    const other = await add('Des tablettes pour tous', [meetings.vienne], 'attente');
    const proposed = (await t.call('groups.propose', key())).groups[0]!;
    const ids = proposed.members.map((m) => m.id);
    const before = catalogueChecksum(t.db);
    expect((await refusal(t.call('groups.create', { contributionIds: [ids[0]!, other] }))).message)
      .toMatch(/^Faire un groupe : les contributions choisies ne sont pas toutes de la même thématique et du même type/);
    expect((await refusal(t.call('groups.create', { contributionIds: [9_999] }))).message).toMatch(/introuvable \(n° 9999\)/);
    expect(catalogueChecksum(t.db)).toBe(before);
    const view = await t.call('groups.create', { contributionIds: ids, wording: 'Une tablette par collégien' });
    expect(view.groups.map((g) => g.wording)).toEqual(['Une tablette par collégien']);
    expect(view.groups[0]!.memberTotal).toBe(3);
    await t.call('groups.review', { id: view.groups[0]!.id, review: 'retenue' });
    expect((await refusal(t.call('groups.create', { contributionIds: [ids[0]!] }))).message).toMatch(/est déjà retenu/);
  });

  it('keeps the history of a group it empties: its wording and states go with its members', async () => {
    for (const text of SAME_THING.tablettes) await add(text, [meetings.charente]);
    const proposed = (await t.call('groups.propose', key())).groups[0]!;
    await t.call('groups.rename', { id: proposed.id, wording: 'Une tablette par collégien' });
    await t.call('groups.review', { id: proposed.id, review: 'retenue' });
    await t.call('groups.review', { id: proposed.id, review: 'a_traiter' });
    const view = await t.call('groups.create', { contributionIds: proposed.members.map((m) => m.id), wording: 'Tablettes au collège' });
    const made = view.groups[0]!;
    expect(view.groups.map((g) => g.id)).toEqual([made.id]);
    expect((await t.call('groups.history', { id: made.id })).map((e) => [e.what, e.from, e.to])).toEqual([
      ['libelle', proposed.wording, 'Une tablette par collégien'],
      ['etat', 'a_traiter', 'retenue'],
      ['etat', 'retenue', 'a_traiter'],
    ]);
  });
});

describe('groups.move into another group', () => {
  it('keeps the history of the group it empties, as a merge does', async () => {
    for (const text of SAME_THING.tablettes) await add(text, [meetings.charente]);
    for (const text of SAME_THING.formation) await add(text, [meetings.vienne]);
    const { groups } = await t.call('groups.propose', key());
    const [tablettes, formation] = [byWording(groups, 'Équiper'), byWording(groups, 'Former')];
    await t.call('groups.rename', { id: tablettes.id, wording: 'Une tablette par collégien' });
    await t.call('groups.move', { contributionIds: tablettes.members.map((m) => m.id), groupId: formation.id });
    expect((await t.call('groups.list', key())).groups.map((g) => g.id)).toEqual([formation.id]);
    expect((await t.call('groups.history', { id: formation.id })).map((e) => [e.what, e.to])).toEqual([['libelle', 'Une tablette par collégien']]);
  });
});

describe('restitutions.progress', () => {
  it('counts per meeting and per thématique what is left to read, exactly', async () => {
    const a = await add(SAME_THING.tablettes[0]!, [meetings.charente]);
    await add(SAME_THING.tablettes[1]!, [meetings.charente, meetings.vienne]);
    await add(SAME_THING.tablettes[2]!, [meetings.vienne]);
    await add('Des débits suffisants partout', [meetings.vienne], 'attente', th2);
    await t.call('contributions.create', { campaignId, thematiqueId: th2, kind: 'attente', text: 'Lu et retenu', sourceMeetingIds: [meetings.vienne] });
    await t.call('contributions.review', { ids: [a], review: 'retenue' });
    await t.call('groups.propose', key());
    t.db.prepare(`INSERT INTO restitution (uid, meeting_id, file_name, format, sha256, added_at) VALUES ('r1', ?, 'cr.docx', 'docx', ?, '2020-10-20')`)
      .run(meetings.vienne, 'a'.repeat(64));

    const progress = await t.call('restitutions.progress', { campaignId });
    expect(progress.meetings).toEqual([
      { meetingId: meetings.vienne, title: 'Concertation de la Vienne', restitutions: 1, contributions: 4, pending: 3 },
      { meetingId: meetings.charente, title: 'Concertation de la Charente', restitutions: 0, contributions: 2, pending: 1 },
    ]);
    expect(progress.meetingsWithPending).toBe(2);
    expect(progress.withoutRestitution).toBe(2);
    const of = (id: number) => progress.thematiques.find((x) => x.thematiqueId === id);
    expect(of(th1)).toMatchObject({ number: 1, contributions: 3, pending: 2, groupsToReview: 1 });
    expect(of(th2)).toMatchObject({ number: 2, contributions: 2, pending: 1, groupsToReview: 0 });
    // A département's scope: its meetings alone; the thématiques stay the consultation's (as their screens list them).
    const vienne = await t.call('restitutions.progress', { campaignId, scope: 'departement:86' });
    expect(vienne.meetings.map((m) => [m.meetingId, m.pending])).toEqual([[meetings.vienne, 3]]);
    expect([vienne.meetingsWithPending, vienne.withoutRestitution]).toEqual([1, 0]);
    expect(vienne.thematiques).toEqual(progress.thematiques);
    const correze = await t.call('restitutions.progress', { campaignId, scope: 'departement:19' });
    expect([correze.meetings, correze.meetingsWithPending, correze.withoutRestitution]).toEqual([[], 0, 1]);
    // Read: nothing left in the Vienne.
    await t.call('contributions.review', { ids: (await t.call('contributions.list', { campaignId, review: 'a_traiter', limit: 50 })).items.map((c) => c.id), review: 'ecartee' });
    const after = await t.call('restitutions.progress', { campaignId, scope: 'national' });
    expect([after.meetings, after.meetingsWithPending]).toEqual([[], 0]);
    expect(after.thematiques.map((x) => x.pending)).toEqual(after.thematiques.map(() => 0));
  });
});

describe('groups.propose, long', () => {
  it('reports its progress, and « Annuler » (a throw from the progress) stops it with nothing written', async () => {
    for (const text of [...SAME_THING.tablettes, ...SAME_THING.formation, ...SAME_THING.alone]) await add(text, [meetings.vienne]);
    const steps: string[] = [];
    const watched = localCaller({ db: t.db, now: () => FIXED_NOW, onProgress: (p) => steps.push(`${p.operation} ${p.message}`) });
    await watched('groups.propose', key());
    expect(steps[0]).toMatch(/^groups\.propose Comparaison des contributions : 0 sur 6$/);

    await t.call('groups.move', { contributionIds: (await t.call('groups.list', key())).groups.flatMap((g) => g.members.map((m) => m.id)), groupId: null });
    const before = catalogueChecksum(t.db);
    const cancelled = localCaller({ db: t.db, now: () => FIXED_NOW, onProgress: () => { throw cancelledError(); } });
    const error = await refusal(cancelled('groups.propose', key()));
    expect(error.message).toBe('Opération annulée.');
    expect(catalogueChecksum(t.db)).toBe(before);
  });
});

describe('a group stays one thématique’s and one kind’s', () => {
  async function twoGroups() {
    for (const text of [...SAME_THING.tablettes, ...SAME_THING.formation]) await add(text, [meetings.vienne]);
    const view = await t.call('groups.propose', key());
    return { tablettes: byWording(view.groups, 'Équiper'), formation: byWording(view.groups, 'Former') };
  }

  it('a contribution whose kind or thématique changes leaves its group, and its history says so', async () => {
    const { tablettes } = await twoGroups();
    const member = tablettes.members[0]!;
    const changed = await t.call('contributions.update', { id: member.id, kind: 'defi' });
    expect(changed.groupId).toBeNull();
    expect((await t.call('contributions.history', { id: member.id })).at(-1)).toMatchObject({ what: 'groupe', from: tablettes.wording, to: null });
    const moved = await t.call('contributions.update', { id: tablettes.members[1]!.id, thematiqueId: th2 });
    expect(moved.groupId).toBeNull();
    expect((await t.call('groups.get', { id: tablettes.id })).memberTotal).toBe(1);
  });

  it('a merge keeps a retained group retained, and the absorbed group’s history', async () => {
    const { tablettes, formation } = await twoGroups();
    await t.call('groups.review', { id: formation.id, review: 'retenue' });
    const merged = await t.call('groups.merge', { ids: [tablettes.id, formation.id] });
    expect(merged).toMatchObject({ id: tablettes.id, review: 'retenue', memberTotal: 5 });
    const history = await t.call('groups.history', { id: tablettes.id });
    expect(history.filter((e) => e.what === 'etat').map((e) => [e.from, e.to])).toEqual([['a_traiter', 'retenue'], ['a_traiter', 'retenue']]);
  });

  it('a thématique deleted takes its groups left empty', async () => {
    const { tablettes } = await twoGroups();
    const all = (await t.call('groups.list', { ...key(), limit: 100 })).groups.flatMap((g) => g.members.map((m) => m.id));
    await t.call('groups.move', { contributionIds: all.slice(0, 1), groupId: null });
    for (const id of all) await t.call('contributions.delete', { id });
    const { deleted } = await t.call('thematiques.delete', { id: th1 });
    expect(deleted).toBe(true);
    await expect(t.call('groups.get', { id: tablettes.id })).rejects.toThrow(/Groupe introuvable/);
  });
});

describe('groups.propose again', () => {
  it('leaves a group the coordinator renamed, even still à traiter, and its members', async () => {
    for (const text of [...SAME_THING.tablettes, ...SAME_THING.formation]) await add(text, [meetings.vienne]);
    const first = await t.call('groups.propose', key());
    const tablettes = byWording(first.groups, 'Équiper');
    await t.call('groups.rename', { id: tablettes.id, wording: 'Une tablette par collégien' });
    const again = await t.call('groups.propose', key());
    const kept = again.groups.find((g) => g.id === tablettes.id)!;
    expect(kept).toMatchObject({ wording: 'Une tablette par collégien', review: 'a_traiter', memberTotal: 3 });
    expect(again.groups.filter((g) => g.members.some((m) => m.text.startsWith('Former')))).toHaveLength(1);
  });
});

describe('contributions.list by review state', () => {
  it('lists those à traiter, retenues and écartées apart, each counted', async () => {
    const [a, b, c] = [await add('Première', [meetings.vienne]), await add('Deuxième', [meetings.vienne]), await add('Troisième', [meetings.vienne])];
    await t.call('contributions.review', { ids: [b], review: 'retenue' });
    await t.call('contributions.review', { ids: [c], review: 'ecartee' });
    const listed = async (review: 'a_traiter' | 'retenue' | 'ecartee') =>
      (await t.call('contributions.list', { campaignId, thematiqueId: th1, review })).items.map((x) => x.id);
    expect([await listed('a_traiter'), await listed('retenue'), await listed('ecartee')]).toEqual([[a], [b], [c]]);
  });
});
