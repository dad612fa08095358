/**
 * Restitutions as sources, through the contract (dispatch, outputs checked): Word and PDF files read and
 * kept with their name and SHA-256, typed text, passages cut into contributions that keep their range,
 * deletion that leaves the contributions, and the search across restitutions.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DispatchHarness, installPreset, type PresetWorld } from '../support/dispatch-harness.ts';
import { aMeeting } from '../support/valid-inputs.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/restitutions');
const DOCX = join(FIXTURES, 'restitution-atelier-numerique.docx');
const PDF = join(FIXTURES, 'compte-rendu-lycee-prevention.pdf');
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

let h: DispatchHarness;
let world: PresetWorld;
let meetingId: number;

beforeEach(async () => {
  h = new DispatchHarness();
  world = await installPreset(h);
  meetingId = (await h.ok('meetings.create', aMeeting(world.campaignId))).id;
});
afterEach(() => h.close());

describe('restitutions.add', () => {
  it('reads a Word file by its path: name, SHA-256, passages with their headings; the meeting’s restitution is received', async () => {
    expect((await h.ok('meetings.get', { id: meetingId })).restitutionReceived).toBe(false);
    const r = await h.ok('restitutions.add', { meetingId, path: DOCX });
    expect(r).toMatchObject({ meetingId, fileName: 'restitution-atelier-numerique.docx', format: 'docx', sha256: sha256(readFileSync(DOCX)), cuts: [] });
    expect(r.passages.slice(0, 3)).toEqual([
      { index: 0, text: 'Restitution de l’atelier « École et numérique »', heading: true },
      { index: 1, text: 'Constats partagés', heading: true },
      { index: 2, text: 'Les équipes constatent une fracture numérique entre les familles : certaines n’ont pas d’ordinateur à la maison.', heading: false },
    ]);
    expect(r.passageCount).toBe(r.passages.length);
    expect((await h.ok('meetings.get', { id: meetingId })).restitutionReceived).toBe(true);
    expect(await h.ok('restitutions.list', { meetingId })).toEqual([expect.objectContaining({ id: r.id, passageCount: 6, contributionCount: 0 })]);
  });

  it('reads a PDF sent by a browser (name and base64 content), and keeps the SHA-256 of those bytes', async () => {
    const bytes = readFileSync(PDF);
    const r = await h.ok('restitutions.add', { meetingId, fileName: 'compte-rendu-lycee-prevention.pdf', contentBase64: bytes.toString('base64') });
    expect(r).toMatchObject({ fileName: 'compte-rendu-lycee-prevention.pdf', format: 'pdf', sha256: sha256(bytes) });
    expect(r.passages.map((p) => p.text)).toContain('Le harcèlement en ligne inquiète les parents d’élèves et les personnels de vie scolaire.');
  });

  it('keeps a typed text as passages (blank lines part them), format « saisie », SHA-256 of its UTF-8', async () => {
    const text = 'Premier constat : les débits.\nSuite du constat.\n\nUne proposition : des référents.';
    const r = await h.ok('restitutions.add', { meetingId, text });
    expect(r).toMatchObject({ fileName: '', format: 'saisie', sha256: sha256(Buffer.from(text, 'utf8')) });
    expect(r.passages).toEqual([
      { index: 0, text: 'Premier constat : les débits. Suite du constat.', heading: false },
      { index: 1, text: 'Une proposition : des référents.', heading: false },
    ]);
  });

  it('refuses the same file twice on one meeting, saying so in French, and writes nothing', async () => {
    await h.ok('restitutions.add', { meetingId, path: DOCX });
    await h.refuse('restitutions.add', { meetingId, path: DOCX }, { code: 'CONFLICT', message: /déjà jointe à la rencontre \(« restitution-atelier-numerique\.docx »/ });
    // Another meeting may hold the same file.
    const other = (await h.ok('meetings.create', aMeeting(world.campaignId, { title: 'Autre rencontre', departementCode: '24', lieu: 'Périgueux' }))).id;
    await h.ok('restitutions.add', { meetingId: other, path: DOCX });
  });

  it('refuses an unknown meeting, an empty text and a file it cannot read, in French', async () => {
    await h.refuse('restitutions.add', { meetingId: 999, path: DOCX }, { code: 'NOT_FOUND', message: /Rencontre/ });
    await h.refuse('restitutions.add', { meetingId, text: '  \n\n ' }, { code: 'INVALID_INPUT', message: /vide/ });
    await h.refuse('restitutions.add', { meetingId, fileName: 'abime.docx', contentBase64: Buffer.from('pas un zip').toString('base64') }, { code: 'FILE', message: /abime\.docx/ });
    await h.refuse('restitutions.add', { meetingId, fileName: 'tableau.xlsx', contentBase64: 'AAAA' }, { code: 'FILE', message: /pas dans un format lu ici/ });
  });
});

describe('restitutions.cut', () => {
  it('makes a selected span a contribution « à traiter » of the meeting, its range stored and shown as a cut', async () => {
    const r = await h.ok('restitutions.add', { meetingId, path: DOCX });
    const thematiqueId = world.thematique(2);
    const before = await h.ok('contributions.create', { campaignId: world.campaignId, thematiqueId, kind: 'proposition', text: 'Une proposition déjà là.' });
    // « Créer un réseau de référents numériques dans chaque bassin » selected, with a space after it.
    const start = { passage: 4, offset: 0 };
    const end = { passage: 4, offset: 'Créer un réseau de référents numériques dans chaque bassin, '.length };
    const c = await h.ok('restitutions.cut', { restitutionId: r.id, start, end, thematiqueId, kind: 'proposition' });
    expect(c).toMatchObject({
      campaignId: world.campaignId, thematiqueId, kind: 'proposition', review: 'a_traiter', selected: false,
      text: 'Créer un réseau de référents numériques dans chaque bassin,', sourceMeetingIds: [meetingId], position: before.position + 1,
      passage: { restitutionId: r.id, start, end: { passage: 4, offset: end.offset - 1 }, text: 'Créer un réseau de référents numériques dans chaque bassin,' },
    });
    expect(await h.ok('contributions.get', { id: c.id })).toEqual(c);
    const again = await h.ok('restitutions.get', { id: r.id });
    expect(again.cuts).toEqual([{
      contributionId: c.id, thematiqueId, kind: 'proposition', review: 'a_traiter', start, end: { passage: 4, offset: end.offset - 1 },
      text: 'Créer un réseau de référents numériques dans chaque bassin,',
    }]);
    expect(again).toMatchObject({ contributionCount: 1, pendingCount: 1 });
  });

  it('across passages: one line of text, the passage’s own text kept with its blank line; a wording given wins', async () => {
    const r = await h.ok('restitutions.add', { meetingId, path: DOCX });
    const c = await h.ok('restitutions.cut', {
      restitutionId: r.id, start: { passage: 4, offset: 0 }, end: { passage: 5, offset: 6 }, thematiqueId: world.thematique(1), kind: 'action',
    });
    expect(c.text).toBe('Créer un réseau de référents numériques dans chaque bassin, à l’écoute des équipes. Former');
    expect(c.passage!.text).toBe('Créer un réseau de référents numériques dans chaque bassin, à l’écoute des équipes.\n\nFormer');
    const worded = await h.ok('restitutions.cut', {
      restitutionId: r.id, start: { passage: 5, offset: 0 }, end: { passage: 5, offset: 20 }, thematiqueId: world.thematique(1), kind: 'defi', text: 'Former à l’accessibilité',
    });
    expect(worded.text).toBe('Former à l’accessibilité');
    expect(worded.passage!.text).toBe('Former les enseignan');
    // The reading view lists each cut by the wording the synthesis will print.
    expect((await h.ok('restitutions.get', { id: r.id })).cuts.map((cut) => [cut.contributionId, cut.text])).toEqual([
      [c.id, 'Créer un réseau de référents numériques dans chaque bassin, à l’écoute des équipes. Former'], [worded.id, 'Former à l’accessibilité'],
    ]);
  });

  it('refuses a range outside the text, an empty one, the same cut twice and a thématique of another consultation, in French', async () => {
    const r = await h.ok('restitutions.add', { meetingId, path: DOCX });
    const base = { restitutionId: r.id, thematiqueId: world.thematique(1), kind: 'defi' as const };
    await h.refuse('restitutions.cut', { ...base, start: { passage: 2, offset: 0 }, end: { passage: 40, offset: 3 } }, {
      code: 'INVALID_INPUT', message: /Sélection impossible dans la restitution : la fin \(passage 40, position 3\) n'existe pas/,
    });
    await h.refuse('restitutions.cut', { ...base, start: { passage: 2, offset: 5 }, end: { passage: 2, offset: 5 } }, { code: 'INVALID_INPUT', message: /la sélection est vide/ });
    await h.ok('restitutions.cut', { ...base, start: { passage: 2, offset: 0 }, end: { passage: 2, offset: 30 } });
    await h.refuse('restitutions.cut', { ...base, start: { passage: 2, offset: 0 }, end: { passage: 2, offset: 30 } }, { code: 'CONFLICT', message: /déjà une contribution de ce type/ });
    const other = await installPreset(h, 'concertation-2015', null);
    await h.refuse('restitutions.cut', { ...base, thematiqueId: other.thematique(1), start: { passage: 3, offset: 0 }, end: { passage: 3, offset: 5 } }, {
      code: 'CONFLICT', message: /thématique n’appartient pas à la consultation/,
    });
    await h.refuse('restitutions.cut', { ...base, restitutionId: 999, start: { passage: 0, offset: 0 }, end: { passage: 0, offset: 1 } }, { code: 'NOT_FOUND', message: /Restitution/ });
  });
});

describe('restitutions.delete', () => {
  it('removes the restitution and its passages; its contributions keep their text and meeting, not the passage', async () => {
    const r = await h.ok('restitutions.add', { meetingId, path: DOCX });
    const c = await h.ok('restitutions.cut', { restitutionId: r.id, start: { passage: 2, offset: 0 }, end: { passage: 2, offset: 40 }, thematiqueId: world.thematique(1), kind: 'etat_des_lieux' });
    expect(await h.ok('restitutions.delete', { id: r.id })).toEqual({ deleted: true });
    const kept = await h.ok('contributions.get', { id: c.id });
    expect(kept).toEqual({ ...c, passage: null });
    expect(h.db.prepare('SELECT count(*) FROM restitution_passage').pluck().get()).toBe(0);
    expect(h.db.prepare('SELECT passage_range FROM contribution WHERE id = ?').pluck().get(c.id)).toBeNull();
    expect(await h.ok('restitutions.list', { meetingId })).toEqual([]);
    await h.refuse('restitutions.delete', { id: r.id }, { code: 'NOT_FOUND', message: /Restitution/ });
  });
});

describe('search.catalogue across restitutions', () => {
  it('finds a passage with or without accents, names its meeting and file, and marks the words found', async () => {
    const r = await h.ok('restitutions.add', { meetingId, path: DOCX });
    for (const search of ['référents numériques', 'referents numeriques', 'REFERENT']) {
      const found = await h.ok('search.catalogue', { campaignId: world.campaignId, search });
      expect(found.totals.restitution, search).toBe(1);
      const hit = found.hits.find((x) => x.kind === 'restitution')!;
      expect(hit).toMatchObject({ id: r.id, meetingId, passageIndex: 4, title: 'Concertation départementale de la Gironde — restitution-atelier-numerique.docx' });
      expect(hit.snippet).toMatch(/\[référents\]/);
    }
    expect((await h.ok('search.catalogue', { campaignId: world.campaignId, search: 'harcèlement' })).totals.restitution).toBe(0);
    // Another consultation's search does not see it.
    const other = await installPreset(h, 'concertation-2015', null);
    expect((await h.ok('search.catalogue', { campaignId: other.campaignId, search: 'referents' })).totals.restitution).toBe(0);
    await h.ok('restitutions.delete', { id: r.id });
    expect((await h.ok('search.catalogue', { campaignId: world.campaignId, search: 'referents' })).totals.restitution).toBe(0);
  });
});

describe('a meeting deleted then restored', () => {
  it('takes its restitutions away and brings them back whole, with the contributions cut from them tied again', async () => {
    const text = 'Constat : les familles manquent d’ordinateurs.\n\nProposition : prêter des ordinateurs aux familles.';
    const r = await h.ok('restitutions.add', { meetingId, text });
    const cut = await h.ok('restitutions.cut', {
      restitutionId: r.id, start: { passage: 1, offset: 14 }, end: { passage: 1, offset: 49 }, thematiqueId: world.thematique(1), kind: 'proposition',
    });
    const meeting = await h.ok('meetings.get', { id: meetingId });
    const { links } = await h.ok('meetings.delete', { id: meetingId });
    expect(links.restitutions).toHaveLength(1);
    expect(await h.ok('contributions.get', { id: cut.id })).toMatchObject({ passage: null, sourceMeetingIds: [] });

    const { id: _id, ...draft } = meeting;
    const restored = await h.ok('meetings.restore', { ...draft, id: meetingId, links });
    const [back] = await h.ok('restitutions.list', { meetingId: restored.id });
    expect(back).toMatchObject({ fileName: '', format: 'saisie', sha256: r.sha256, addedAt: r.addedAt, contributionCount: 1 });
    expect((await h.ok('restitutions.get', { id: back!.id })).passages).toEqual(r.passages);
    expect(await h.ok('contributions.get', { id: cut.id })).toMatchObject({
      sourceMeetingIds: [restored.id], passage: { restitutionId: back!.id, start: cut.passage!.start, end: cut.passage!.end, text: cut.passage!.text },
    });
  });
});

describe('a cut contribution deleted then restored (« Annuler »)', () => {
  it('comes back with its passage and its group; a group of another kind is refused in French', async () => {
    const r = await h.ok('restitutions.add', { meetingId, text: 'Proposition : prêter des ordinateurs aux familles.\n\nProposition : des ordinateurs prêtés aux familles sans équipement.' });
    const cut = (passage: number, end: number) => h.ok('restitutions.cut', {
      restitutionId: r.id, start: { passage, offset: 0 }, end: { passage, offset: end }, thematiqueId: world.thematique(1), kind: 'proposition',
    });
    const a = await cut(0, 50);
    const b = await cut(1, 66);
    const view = await h.ok('groups.propose', { campaignId: world.campaignId, thematiqueId: world.thematique(1), kind: 'proposition' });
    const groupId = view.groups[0]!.id;
    const before = await h.ok('contributions.get', { id: a.id });
    expect(before).toMatchObject({ groupId, passage: { restitutionId: r.id } });

    await h.ok('contributions.delete', { id: a.id });
    const { id: _id, ...copy } = before;
    const back = await h.ok('contributions.create', copy);
    expect(back).toMatchObject({ groupId, passage: before.passage, review: before.review, sourceMeetingIds: [meetingId] });
    expect((await h.ok('restitutions.get', { id: r.id })).cuts.map((c) => c.contributionId).sort()).toEqual([b.id, back.id].sort());

    await h.refuse('contributions.create', { ...copy, kind: 'defi' }, { code: 'CONFLICT', message: 'pas de la même thématique et du même type' });
  });
});
