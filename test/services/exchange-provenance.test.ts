/**
 * Issue 13's provenance through bundles: a DSDEN's restitution, the contribution cut from it, its review
 * state and history, and its group travel to the académie and on to the région; merging again changes
 * nothing; a group renamed on both sides is a conflict; a bundle written before all this still merges.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { groupRow, insertGroup } from '../../src-main/catalogue/repos/group.repo.ts';
import { sha256 } from '../../src-main/exchange/signing.ts';
import { displayValue, fieldLabel, recordLabel } from '../../src-main/services/exchange-labels.ts';
import { passageRange, resolveRange, type Passage } from '../../src-main/restitutions/passages.ts';
import { catalogueChecksum, FIXED_NOW, type TestCatalogue } from '../support/catalogue.ts';
import { changedTables } from '../support/dispatch-harness.ts';
import { carrier, carry, newLaptop, resigned, send } from '../support/exchange.ts';
import { aMeeting } from '../support/valid-inputs.ts';

const RESTITUTION = [
  '# Atelier 2 : le numérique au collège',
  'Les enseignants souhaitent un accompagnement de proximité, assuré par des référents numériques formés dans chaque établissement.',
  'Les parents demandent que l’usage des écrans soit expliqué dès la sixième, avec des ateliers ouverts aux familles le samedi matin.',
  'Les élèves veulent des tablettes qui fonctionnent : la maintenance manque.',
].join('\n\n');

const dsden = () => newLaptop({ regionCode: 'NAQ', departementCode: '86', name: 'DSDEN de la Vienne' });
const dane = () => newLaptop({ regionCode: 'NAQ', academieCode: 'POITIERS', name: 'DANE de Poitiers' });
const region = () => newLaptop({ regionCode: 'NAQ', name: 'Région académique Nouvelle-Aquitaine' });

async function egn(c: TestCatalogue) {
  return (await c.call('campaigns.list', {})).find((k) => k.slug === 'egn-2020')!;
}

/** The restitution typed for a meeting (restitutions.add): its id and passages. */
async function addRestitution(c: TestCatalogue, meetingId: number): Promise<{ id: number; passages: Passage[] }> {
  const added = await c.call('restitutions.add', { meetingId, text: RESTITUTION });
  return { id: added.id, passages: added.passages };
}

/** A group of one kind and thématique (the groups' screen proposes them; here one is made for the test). */
function newGroup(c: TestCatalogue, key: { campaignId: number; thematiqueId: number }, wording: string): number {
  return insertGroup(c.db, { ...key, kind: 'proposition', wording });
}

/**
 * A DSDEN that read its meeting's restitution: one contribution cut from it (à traiter), put in a group,
 * the group retained (and the contribution with it: retenue).
 */
async function dsdenWithProvenance() {
  const d = await dsden();
  await d.call('settings.update', { contact: 'Marie Dupont' });
  const campaign = await egn(d);
  const meeting = await d.call('meetings.create', aMeeting(campaign.id, { departementCode: '86', title: 'Concertation de la Vienne', lieu: 'Poitiers' }));
  const { id: restitutionId, passages } = await addRestitution(d, meeting.id);
  const whole = passages.map((p) => p.text).join('\n\n');
  const range = passageRange(passages, whole.indexOf('Les parents'), whole.indexOf(' le samedi'));
  const thematiqueId = campaign.thematiques[1]!.id;
  const text = 'Expliquer l’usage des écrans aux familles dès la sixième';
  const cut = await d.call('restitutions.cut', { restitutionId, start: range.start, end: range.end, thematiqueId, kind: 'proposition', text });
  expect(cut.review).toBe('a_traiter');
  const groupId = newGroup(d, { campaignId: campaign.id, thematiqueId }, 'Associer les familles au numérique');
  await d.call('groups.move', { contributionIds: [cut.id], groupId });
  await d.call('groups.review', { id: groupId, review: 'retenue' });
  return { d, range, passages, text };
}

/** What a catalogue holds of the cut contribution, its restitution, group and histories. */
async function provenanceIn(c: TestCatalogue, text: string) {
  const campaign = await egn(c);
  const contribution = (await c.call('contributions.list', { campaignId: campaign.id, limit: 500 })).items.find((x) => x.text === text)!;
  const restitution = c.db
    .prepare('SELECT r.id, r.sha256, r.format, m.title FROM restitution r JOIN meeting m ON m.id = r.meeting_id WHERE r.id = ?')
    .get(contribution.passage?.restitutionId ?? -1) as { id: number; sha256: string; format: string; title: string } | undefined;
  const passages = (c.db.prepare('SELECT idx AS "index", text, heading FROM restitution_passage WHERE restitution_id = ? ORDER BY idx')
    .all(restitution?.id ?? -1) as { index: number; text: string; heading: number }[]).map((p) => ({ ...p, heading: p.heading === 1 }));
  const group = contribution.groupId === null ? undefined : groupRow(c.db, contribution.groupId);
  return {
    contribution, restitution, passages, group,
    history: await c.call('contributions.history', { id: contribution.id }),
    groupHistory: group ? await c.call('groups.history', { id: group.id }) : [],
    searchable: c.db.prepare(`SELECT count(*) FROM restitution_fts WHERE restitution_fts MATCH '"samedi"'`).pluck().get() as number,
  };
}

function expectProvenance(p: Awaited<ReturnType<typeof provenanceIn>>, source: Awaited<ReturnType<typeof dsdenWithProvenance>>) {
  expect(p.restitution).toMatchObject({ sha256: sha256(RESTITUTION), format: 'saisie', title: 'Concertation de la Vienne' });
  expect(p.passages).toEqual(source.passages);
  expect(p.contribution).toMatchObject({ review: 'retenue', selected: true });
  expect(p.contribution.passage).toMatchObject({ start: source.range.start, end: source.range.end, text: source.range.text });
  // The link still points to the same words in the passages that travelled.
  expect(resolveRange(p.passages, p.contribution.passage!)).toBe(
    'Les parents demandent que l’usage des écrans soit expliqué dès la sixième, avec des ateliers ouverts aux familles',
  );
  expect(p.group).toMatchObject({ wording: 'Associer les familles au numérique', review: 'retenue', kind: 'proposition' });
  const by = { at: FIXED_NOW.toISOString(), who: 'DSDEN de la Vienne (Marie Dupont)' };
  // Same time (the tests' clock stands still): their order between themselves is not kept, see inOrder.
  expect(inOrder(p.history)).toEqual([
    { ...by, what: 'etat', from: 'a_traiter', to: 'retenue' },
    { ...by, what: 'groupe', from: null, to: 'Associer les familles au numérique' },
  ]);
  expect(p.groupHistory).toEqual([{ ...by, what: 'etat', from: 'a_traiter', to: 'retenue' }]);
  expect(p.searchable).toBe(1);
}

/** History entries written at the same instant, in one order whatever order they arrived in. */
function inOrder<T extends { at: string; what: string; to: string | null }>(events: T[]): T[] {
  return [...events].sort((a, b) => a.at.localeCompare(b.at) || a.what.localeCompare(b.what) || String(a.to).localeCompare(String(b.to)));
}


describe('provenance records in words', () => {
  it('names the new records and shows their values as a person reads them', () => {
    expect(recordLabel('restitution', { fileName: '', addedAt: '2020-10-20T10:00:00.000Z' })).toBe('Restitution « texte saisi » (ajoutée le 20\u00a0octobre 2020)');
    expect(recordLabel('contributionGroup', { wording: 'Associer les familles', thematique: 2 })).toBe('Groupe « Associer les familles » (thématique 2)');
    expect(recordLabel('reviewEvent', { at: '2020-10-20T10:00:00.000Z', who: 'DSDEN de la Vienne' })).toBe('Historique de lecture (20\u00a0octobre 2020, DSDEN de la Vienne)');
    expect([displayValue('review', 'a_traiter'), fieldLabel('review'), fieldLabel('wording')]).toEqual(['À traiter', 'État de lecture', 'Libellé du groupe']);
    expect(displayValue('passage', { restitution: 'x', start: { passage: 0, offset: 0 }, end: { passage: 0, offset: 5 }, text: 'Les parents' })).toBe('« Les parents »');
  });
});

describe('provenance through bundles', () => {
  it('carries a restitution, the contribution cut from it, its review history and group from a DSDEN to the académie and the région', async () => {
    const source = await dsdenWithProvenance();
    const academie = await dane();
    const report = await carry(source.d, academie, 'departement:86');
    expect(report.conflicts).toEqual([]);
    expect(report.byKind.map((k) => [k.kind, k.added])).toEqual(expect.arrayContaining([
      ['restitution', 1], ['contributionGroup', 1], ['contribution', 1], ['reviewEvent', 3],
    ]));
    expectProvenance(await provenanceIn(academie, source.text), source);

    // Again: nothing changes, in either direction.
    const before = catalogueChecksum(academie.db);
    expect(await carry(source.d, academie, 'departement:86')).toMatchObject({ added: 0, updated: 0, deleted: 0, conflicts: [] });
    expect(changedTables(before, catalogueChecksum(academie.db))).toEqual(['exchange_log']);
    const dsdenBefore = catalogueChecksum(source.d.db);
    expect(await carry(academie, source.d, 'academie:POITIERS')).toMatchObject({ added: 0, updated: 0, deleted: 0, conflicts: [] });
    expect(changedTables(dsdenBefore, catalogueChecksum(source.d.db))).toEqual(['exchange_log', 'exchange_peer']);

    // Second hop: the académie's bundle to the région keeps it all.
    const regional = await region();
    expect((await carry(academie, regional, 'academie:POITIERS')).conflicts).toEqual([]);
    expectProvenance(await provenanceIn(regional, source.text), source);
    const regionBefore = catalogueChecksum(regional.db);
    expect(await carry(academie, regional, 'academie:POITIERS')).toMatchObject({ added: 0, updated: 0, deleted: 0, conflicts: [] });
    expect(changedTables(regionBefore, catalogueChecksum(regional.db))).toEqual(['exchange_log']);
  }, 60_000);

  it('carries a contribution’s later review and regrouping, and a group renamed on both sides is a conflict', async () => {
    const source = await dsdenWithProvenance();
    const academie = await dane();
    await carry(source.d, academie, 'departement:86');
    const here = await provenanceIn(source.d, source.text);
    const there = await provenanceIn(academie, source.text);
    await source.d.call('groups.rename', { id: here.group!.id, wording: 'Former les familles aux écrans' });
    await academie.call('groups.rename', { id: there.group!.id, wording: 'Ouvrir des ateliers numériques aux parents' });
    // A change on one side only: set back to à traiter in the DSDEN.
    await source.d.call('contributions.review', { ids: [here.contribution.id], review: 'a_traiter' });

    const report = await carry(source.d, academie, 'departement:86');
    expect(report.conflicts.map((c) => [c.recordLabel, c.fieldLabel, c.local, c.incoming])).toEqual([
      ['Groupe « Ouvrir des ateliers numériques aux parents » (thématique 2)', 'Libellé du groupe',
        'Ouvrir des ateliers numériques aux parents', 'Former les familles aux écrans'],
    ]);
    const after = await provenanceIn(academie, source.text);
    expect(after.contribution).toMatchObject({ review: 'a_traiter', selected: false, groupId: there.group!.id });
    expect(groupRow(academie.db, there.group!.id)!.wording).toBe('Ouvrir des ateliers numériques aux parents');
    expect(inOrder(after.history).map((e) => [e.what, e.to])).toEqual([['etat', 'a_traiter'], ['etat', 'retenue'], ['groupe', 'Associer les familles au numérique']]);
    // Both renamings are in the group's history, each by its catalogue.
    expect(after.groupHistory.filter((e) => e.what === 'libelle').map((e) => [e.who, e.to]).sort()).toEqual([
      ['DANE de Poitiers', 'Ouvrir des ateliers numériques aux parents'], ['DSDEN de la Vienne (Marie Dupont)', 'Former les familles aux écrans'],
    ]);
    // The passage link did not move.
    expect(resolveRange(after.passages, after.contribution.passage!)).toBe(source.range.text);

    // Chosen here, it travels back without a new conflict.
    await academie.call('exchange.resolve', { id: report.conflicts[0]!.id!, keep: 'recu' });
    expect(groupRow(academie.db, there.group!.id)!.wording).toBe('Former les familles aux écrans');
    expect((await carry(academie, source.d, 'academie:POITIERS')).conflicts).toEqual([]);
    expect(groupRow(source.d.db, here.group!.id)!.wording).toBe('Former les familles aux écrans');

    // Taken out of its group in the DSDEN: out of it in the académie too.
    await source.d.call('groups.move', { contributionIds: [here.contribution.id], groupId: null });
    expect(await carry(source.d, academie, 'departement:86')).toMatchObject({ added: 1, updated: 1, conflicts: [] });
    expect((await provenanceIn(academie, source.text)).contribution.groupId).toBeNull();
  }, 60_000);

  it('shows a contribution moved into two different groups on both sides as a conflict, by the groups’ wordings', async () => {
    const source = await dsdenWithProvenance();
    const academie = await dane();
    await carry(source.d, academie, 'departement:86');
    const [here, there] = [await provenanceIn(source.d, source.text), await provenanceIn(academie, source.text)];
    const key = (c: Awaited<ReturnType<typeof provenanceIn>>) => ({ campaignId: c.contribution.campaignId, thematiqueId: c.contribution.thematiqueId });
    await source.d.call('groups.move', { contributionIds: [here.contribution.id], groupId: newGroup(source.d, key(here), 'Des écrans expliqués aux familles') });
    await academie.call('groups.move', { contributionIds: [there.contribution.id], groupId: newGroup(academie, key(there), 'La parentalité numérique') });
    const report = await carry(source.d, academie, 'departement:86');
    expect(report.conflicts.map((c) => [c.fieldLabel, c.local, c.incoming])).toEqual([
      ['Groupe', 'Groupe « La parentalité numérique » (thématique 2)', 'Groupe « Des écrans expliqués aux familles » (thématique 2)'],
    ]);
    const after = await provenanceIn(academie, source.text);
    expect(after.group!.wording).toBe('La parentalité numérique');
    // Both moves are in its history.
    expect(after.history.filter((e) => e.what === 'groupe').map((e) => e.to).sort()).toEqual([
      'Associer les familles au numérique', 'Des écrans expliqués aux familles', 'La parentalité numérique',
    ]);
    await academie.call('exchange.resolve', { id: report.conflicts[0]!.id!, keep: 'recu' });
    expect((await provenanceIn(academie, source.text)).group!.wording).toBe('Des écrans expliqués aux familles');
  }, 60_000);

  it('merges a bundle written before restitutions, groups and review states existed', async () => {
    const source = await dsdenWithProvenance();
    const full = await send(source.d, 'departement:86');
    let stripped = 0;
    const old = await resigned(source.d, full, (lines) => {
      lines.splice(0, lines.length, ...lines.filter((l) => !['restitution', 'contributionGroup', 'reviewEvent'].includes(l.kind)));
      for (const l of lines.filter((x) => x.kind === 'contribution')) {
        for (const field of ['pending', 'group', 'passage']) {
          if (field in l.fields) stripped++;
          delete l.fields[field];
          delete l.clocks[field];
        }
      }
    });
    expect(stripped).toBe(2);
    const academie = await dane();
    const first = await academie.call('exchange.merge', { path: old });
    expect(first.conflicts).toEqual([]);
    const plain = await provenanceIn(academie, source.text);
    expect(plain.contribution).toMatchObject({ review: 'retenue', groupId: null, passage: null });

    // The new bundle brings the rest; the old one again takes nothing away.
    expect((await academie.call('exchange.merge', { path: full })).conflicts).toEqual([]);
    expectProvenance(await provenanceIn(academie, source.text), source);
    const before = catalogueChecksum(academie.db);
    expect(await academie.call('exchange.merge', { path: old })).toMatchObject({ added: 0, updated: 0, deleted: 0, conflicts: [] });
    expect(changedTables(before, catalogueChecksum(academie.db))).toEqual(['exchange_log']);
  }, 60_000);

  it('makes a restitution’s deletion travel, the contribution keeping its text without the link', async () => {
    const source = await dsdenWithProvenance();
    const academie = await dane();
    await carry(source.d, academie, 'departement:86');
    const here = await provenanceIn(source.d, source.text);
    await source.d.call('restitutions.delete', { id: here.restitution!.id });
    const report = await carry(source.d, academie, 'departement:86');
    expect(report).toMatchObject({ deleted: 1, updated: 1, conflicts: [] });
    const there = await provenanceIn(academie, source.text);
    expect(there.restitution).toBeUndefined();
    expect(there.contribution).toMatchObject({ passage: null, review: 'retenue', text: source.text });
    expect(academie.db.prepare('SELECT count(*) FROM restitution').pluck().get()).toBe(0);
    expect(there.searchable).toBe(0);
    expect(await carry(source.d, academie, 'departement:86')).toMatchObject({ added: 0, updated: 0, deleted: 0, conflicts: [] });
  }, 60_000);

  it('carries in a département’s bundle its meetings’ restitutions, the groups of its contributions and their histories only', async () => {
    const academie = await dane();
    const campaign = await egn(academie);
    const thematiqueId = campaign.thematiques[1]!.id;
    const groupId = newGroup(academie, { campaignId: campaign.id, thematiqueId }, 'Associer les familles');
    for (const [code, title] of [['86', 'Concertation de la Vienne'], ['16', 'Concertation de la Charente']] as const) {
      const meeting = await academie.call('meetings.create', aMeeting(campaign.id, { departementCode: code, title }));
      await addRestitution(academie, meeting.id);
      const c = await academie.call('contributions.create', {
        campaignId: campaign.id, thematiqueId, kind: 'proposition', text: `Associer les familles (${code})`, sourceMeetingIds: [meeting.id],
      });
      await academie.call('groups.move', { contributionIds: [c.id], groupId });
      await academie.call('contributions.review', { ids: [c.id], review: 'ecartee' });
    }
    // The group goes with its member from the Vienne; the Charente's restitution, contribution and history stay home.
    const written = await academie.call('exchange.export', { scope: 'departement:86', outPath: join(carrier, 'vienne-seule.synthese') });
    expect(written.counts).toMatchObject({ meeting: 1, restitution: 1, contributionGroup: 1, contribution: 1, reviewEvent: 2 });
    const vienne = await dsden();
    expect((await vienne.call('exchange.merge', { path: written.path })).conflicts).toEqual([]);
    const received = await provenanceIn(vienne, 'Associer les familles (86)');
    expect(received.contribution).toMatchObject({ review: 'ecartee' });
    expect(received.group).toMatchObject({ wording: 'Associer les familles', review: 'a_traiter' });
    expect(inOrder(received.history).map((e) => [e.who, e.what, e.to])).toEqual([['DANE de Poitiers', 'etat', 'ecartee'], ['DANE de Poitiers', 'groupe', 'Associer les familles']]);
  }, 60_000);

  it('takes the same file given to the same meeting on both sides as one restitution, without edits sent back and forth', async () => {
    const d = await dsden();
    const campaign = await egn(d);
    const meeting = await d.call('meetings.create', aMeeting(campaign.id, { departementCode: '86', title: 'Concertation de la Vienne' }));
    const academie = await dane();
    await carry(d, academie, 'departement:86');
    const { id: mine, passages } = await addRestitution(d, meeting.id);
    const { id: theirs } = await addRestitution(academie, (await academie.call('meetings.list', { campaignId: (await egn(academie)).id, limit: 10 })).items[0]!.id);
    const range = passageRange(passages, { passage: 3, offset: 0 }, { passage: 3, offset: 'Les élèves veulent des tablettes'.length });
    await d.call('restitutions.cut', {
      restitutionId: mine, start: range.start, end: range.end, thematiqueId: campaign.thematiques[0]!.id, kind: 'attente', text: 'Des tablettes qui fonctionnent',
    });

    expect((await carry(d, academie, 'departement:86')).conflicts).toEqual([]);
    const there = await provenanceIn(academie, 'Des tablettes qui fonctionnent');
    expect(there.contribution.passage).toMatchObject({ restitutionId: theirs, text: 'Les élèves veulent des tablettes' });
    expect(resolveRange(there.passages, there.contribution.passage!)).toBe('Les élèves veulent des tablettes');
    expect(academie.db.prepare('SELECT count(*) FROM restitution').pluck().get()).toBe(1);
    // Back (after an edit elsewhere here, so that the next export reads every row again): the académie's own
    // restitution is known there as the DSDEN's, the link is not sent back as an edit; then nothing changes.
    await academie.call('settings.update', { contact: 'dane@ac-poitiers.fr' });
    expect(await carry(academie, d, 'academie:POITIERS')).toMatchObject({ added: 1, updated: 0, deleted: 0, conflicts: [] });
    for (const [from, to, scope] of [[d, academie, 'departement:86'], [academie, d, 'academie:POITIERS'], [d, academie, 'departement:86']] as const) {
      expect(await carry(from, to, scope)).toMatchObject({ added: 0, updated: 0, deleted: 0, conflicts: [] });
    }
    expect((await provenanceIn(d, 'Des tablettes qui fonctionnent')).contribution.passage).toMatchObject({ restitutionId: mine });
    expect(d.db.prepare('SELECT count(*) FROM restitution').pluck().get()).toBe(1);
  }, 60_000);

  it('sends a contribution without restitution, group or pending state as it always did', async () => {
    const d = await dsden();
    const campaign = await egn(d);
    await d.call('contributions.create', { campaignId: campaign.id, thematiqueId: campaign.thematiques[0]!.id, kind: 'attente', text: 'Du temps pour se former' });
    const zip = await JSZip.loadAsync(readFileSync(await send(d)));
    const lines = (await zip.files['records.jsonl']!.async('string')).trim().split('\n').map((l) => JSON.parse(l) as { kind: string; fields: object });
    const contribution = lines.find((l) => l.kind === 'contribution')!;
    expect(Object.keys(contribution.fields).sort()).toEqual(['campaign', 'heading', 'kind', 'parent', 'position', 'scale', 'selected', 'sources', 'text', 'thematique']);
  });
});
