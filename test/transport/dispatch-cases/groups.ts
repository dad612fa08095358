/** Dispatcher cases: review states, their history, groups of contributions, what is left to read. */
import { expect } from 'vitest';
import { type DispatchHarness, installPreset } from '../../support/dispatch-harness.ts';
import { aContribution, aMeeting } from '../../support/valid-inputs.ts';
import { type CaseGroup } from './case.ts';

const TABLETTES = [
  'Équiper chaque élève de collège d’une tablette numérique',
  'Une tablette numérique pour chaque collégien',
  'Doter tous les collégiens d’une tablette numérique',
];
const FORMATION = ['Former les enseignants aux usages pédagogiques du numérique', 'Former davantage les enseignants aux usages du numérique'];

/** The 2020 preset, a meeting, and two proposed groups in thématique 1 (tablets, training). */
async function grouped(h: DispatchHarness) {
  const world = await installPreset(h);
  const meeting = await h.ok('meetings.create', aMeeting(world.campaignId));
  for (const text of [...TABLETTES, ...FORMATION]) {
    await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1), {
      kind: 'proposition', text, review: 'a_traiter', sourceMeetingIds: [meeting.id],
    }));
  }
  const key = { campaignId: world.campaignId, thematiqueId: world.thematique(1), kind: 'proposition' as const };
  const view = await h.ok('groups.propose', key);
  const tablettes = view.groups.find((g) => g.members.length === 3)!;
  const formation = view.groups.find((g) => g.members.length === 2)!;
  return { world, meeting, key, tablettes, formation };
}

export const groupCases = {
  'contributions.review': {
    valid: async (h) => {
      const world = await installPreset(h);
      const a = await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1), { review: 'a_traiter' }));
      const b = await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1), { selected: false }));
      expect([a.review, a.selected, b.review]).toEqual(['a_traiter', false, 'ecartee']);
      expect(await h.ok('contributions.review', { ids: [a.id, b.id, a.id], review: 'retenue' })).toEqual({ updated: 2 });
      expect(await h.ok('contributions.review', { ids: [a.id], review: 'retenue' })).toEqual({ updated: 0 });
      expect(await h.ok('contributions.get', { id: a.id })).toMatchObject({ review: 'retenue', selected: true });
      expect((await h.ok('contributions.list', { campaignId: world.campaignId, review: 'a_traiter', limit: 50 })).total).toBe(0);
    },
    invalid: async (h) => {
      await h.refuse('contributions.review', { ids: [1], review: 'lue' }, { code: 'INVALID_INPUT', path: 'review', message: 'valeur inconnue' });
      await h.refuse('contributions.review', { ids: [], review: 'retenue' }, { code: 'INVALID_INPUT', path: 'ids', message: 'au moins 1' });
      await h.refuse('contributions.review', { ids: [404], review: 'retenue' }, { code: 'NOT_FOUND', message: 'Contribution introuvable' });
    },
  },
  'contributions.history': {
    valid: async (h) => {
      const world = await installPreset(h);
      const c = await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1), { review: 'a_traiter' }));
      expect(await h.ok('contributions.history', { id: c.id })).toEqual([]);
      await h.ok('contributions.update', { id: c.id, review: 'ecartee' });
      await h.ok('contributions.update', { id: c.id, selected: true });
      const history = await h.ok('contributions.history', { id: c.id });
      // One clock reading for both (the harness's fixed clock): their order is not the point here.
      expect(history.map((e) => `${e.what} ${e.from} → ${e.to}`).sort()).toEqual(['etat a_traiter → ecartee', 'etat ecartee → retenue']);
      expect(history[0]!.who).not.toBe('');
      expect(Number.isNaN(Date.parse(history[0]!.at))).toBe(false);
    },
    invalid: async (h) => {
      await h.refuse('contributions.history', { id: 404 }, { code: 'NOT_FOUND', message: 'Contribution introuvable' });
      await h.refuse('contributions.history', { id: 'un' }, { code: 'INVALID_INPUT', path: 'id', message: 'identifiant attendu' });
    },
  },
  'contributions.trace': {
    valid: async (h) => {
      const { meeting, tablettes } = await grouped(h);
      const trace = await h.ok('contributions.trace', { groupId: tablettes.id });
      expect(trace.wording).toBe(tablettes.wording);
      expect(trace.reach).toEqual({ meetings: 1, departements: ['Gironde'], academies: ['Bordeaux'] });
      expect(trace.sources.map((s) => s.contributionId)).toEqual(tablettes.members.map((m) => m.id));
      expect(trace.sources[0]!.meetings.map((m) => m.id)).toEqual([meeting.id]);
      expect(trace.sources[0]!.passage).toBeNull();
      const one = await h.ok('contributions.trace', { contributionId: tablettes.members[1]!.id });
      expect(one.wording).toBe(tablettes.members[1]!.text);
    },
    invalid: async (h) => {
      await h.refuse('contributions.trace', {}, { code: 'INVALID_INPUT', path: '', message: 'un groupe ou une contribution' });
      await h.refuse('contributions.trace', { groupId: 404 }, { code: 'NOT_FOUND', message: 'Groupe introuvable' });
    },
  },
  'restitutions.progress': {
    valid: async (h) => {
      const { world, meeting } = await grouped(h);
      const progress = await h.ok('restitutions.progress', { campaignId: world.campaignId });
      expect(progress.meetings).toEqual([{ meetingId: meeting.id, title: meeting.title, restitutions: 0, contributions: 5, pending: 5 }]);
      expect([progress.meetingsWithPending, progress.withoutRestitution]).toEqual([1, 1]);
      expect(progress.thematiques.find((t) => t.thematiqueId === world.thematique(1))).toMatchObject({ contributions: 5, pending: 5, groupsToReview: 2 });
      expect(progress.thematiques.find((t) => t.thematiqueId === world.thematique(2))).toMatchObject({ contributions: 0, pending: 0, groupsToReview: 0 });
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('restitutions.progress', { campaignId: world.campaignId, scope: 'departement:75' }, { code: 'CONFLICT', message: 'n’est pas dans la région académique' });
      await h.refuse('restitutions.progress', { campaignId: 404 }, { code: 'NOT_FOUND', message: 'Consultation introuvable' });
    },
  },
  'groups.list': {
    valid: async (h) => {
      const { key, tablettes, formation } = await grouped(h);
      const view = await h.ok('groups.list', key);
      expect(view.groups.map((g) => g.id)).toEqual([tablettes.id, formation.id]);
      expect(view.ungrouped).toEqual([]);
      expect((await h.ok('groups.list', { ...key, kind: 'defi' })).groups).toEqual([]);
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('groups.list', { campaignId: world.campaignId, thematiqueId: world.thematique(1), kind: 'avis' }, {
        code: 'INVALID_INPUT', path: 'kind', message: 'valeur inconnue',
      });
      await h.refuse('groups.list', { campaignId: world.campaignId, thematiqueId: 404 }, { code: 'CONFLICT', message: 'hématique' });
    },
  },
  'groups.propose': {
    valid: async (h) => {
      const { tablettes, formation } = await grouped(h);
      expect(tablettes.members.map((m) => m.text)).toEqual(TABLETTES);
      expect(TABLETTES).toContain(tablettes.wording);
      expect(formation.review).toBe('a_traiter');
      expect(tablettes.reach.meetings).toBe(1);
    },
    invalid: async (h) => {
      await h.refuse('groups.propose', { campaignId: 1 }, { code: 'INVALID_INPUT', path: 'thematiqueId', message: 'identifiant attendu' });
      await h.refuse('groups.propose', { campaignId: 404, thematiqueId: 1 }, { code: 'NOT_FOUND', message: 'Consultation introuvable' });
    },
  },
  'groups.review': {
    valid: async (h) => {
      const { tablettes } = await grouped(h);
      const retained = await h.ok('groups.review', { id: tablettes.id, review: 'retenue' });
      expect(retained.review).toBe('retenue');
      expect(retained.members.map((m) => m.review)).toEqual(['retenue', 'retenue', 'retenue']);
    },
    invalid: async (h) => {
      await h.refuse('groups.review', { id: 1, review: 'acceptee' }, { code: 'INVALID_INPUT', path: 'review', message: 'valeur inconnue' });
      await h.refuse('groups.review', { id: 404, review: 'retenue' }, { code: 'NOT_FOUND', message: 'Groupe introuvable' });
    },
  },
  'groups.rename': {
    valid: async (h) => {
      const { tablettes } = await grouped(h);
      expect((await h.ok('groups.rename', { id: tablettes.id, wording: 'Une tablette par collégien' })).wording).toBe('Une tablette par collégien');
    },
    invalid: async (h) => {
      const { tablettes } = await grouped(h);
      await h.refuse('groups.rename', { id: tablettes.id, wording: '  ' }, { code: 'INVALID_INPUT', path: 'wording', message: 'ne peut pas être vide' });
    },
  },
  'groups.split': {
    valid: async (h) => {
      const { tablettes } = await grouped(h);
      const taken = tablettes.members[2]!;
      const view = await h.ok('groups.split', { id: tablettes.id, contributionIds: [taken.id] });
      expect(view.groups).toHaveLength(3);
      // The split member makes a group of its own, worded by its text.
      const own = view.groups.find((g) => g.members.some((m) => m.id === taken.id));
      expect(own?.members.map((m) => m.id)).toEqual([taken.id]);
      expect(own?.wording).toBe(taken.text);
    },
    invalid: async (h) => {
      const { tablettes, formation } = await grouped(h);
      await h.refuse('groups.split', { id: tablettes.id, contributionIds: [formation.members[0]!.id] }, {
        code: 'CONFLICT', message: 'ne fait pas partie du groupe',
      });
    },
  },
  'groups.merge': {
    valid: async (h) => {
      const { tablettes, formation } = await grouped(h);
      const merged = await h.ok('groups.merge', { ids: [tablettes.id, formation.id] });
      expect(merged.id).toBe(tablettes.id);
      expect(merged.members).toHaveLength(5);
    },
    invalid: async (h) => {
      const { world, meeting, tablettes } = await grouped(h);
      for (const text of TABLETTES.slice(0, 2)) {
        await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(2), { kind: 'proposition', text, sourceMeetingIds: [meeting.id] }));
      }
      const other = (await h.ok('groups.propose', { campaignId: world.campaignId, thematiqueId: world.thematique(2), kind: 'proposition' })).groups[0]!;
      await h.refuse('groups.merge', { ids: [tablettes.id, other.id] }, { code: 'CONFLICT', message: 'n’est pas de la même thématique et du même type' });
      await h.refuse('groups.merge', { ids: [tablettes.id] }, { code: 'INVALID_INPUT', path: 'ids', message: 'au moins 2' });
    },
  },
  'groups.create': {
    valid: async (h) => {
      const { formation, tablettes } = await grouped(h);
      const view = await h.ok('groups.create', { contributionIds: [tablettes.members[1]!.id, formation.members[0]!.id] });
      const made = view.groups.find((g) => g.id !== tablettes.id && g.id !== formation.id)!;
      expect(made.wording).toBe(tablettes.members[1]!.text);
      expect(made.members.map((m) => m.id).sort()).toEqual([tablettes.members[1]!.id, formation.members[0]!.id].sort());
    },
    invalid: async (h) => {
      await h.refuse('groups.create', { contributionIds: [] }, { code: 'INVALID_INPUT', path: 'contributionIds', message: 'au moins 1' });
      await h.refuse('groups.create', { contributionIds: [404] }, { code: 'CONFLICT', message: 'contribution introuvable' });
    },
  },
  'groups.move': {
    valid: async (h) => {
      const { tablettes, formation } = await grouped(h);
      const view = await h.ok('groups.move', { contributionIds: [formation.members[0]!.id], groupId: tablettes.id });
      expect(view.groups.find((g) => g.id === tablettes.id)?.members).toHaveLength(4);
      const out = await h.ok('groups.move', { contributionIds: [tablettes.members[0]!.id], groupId: null });
      expect(out.ungrouped.map((c) => c.id)).toEqual([tablettes.members[0]!.id]);
    },
    invalid: async (h) => {
      const { world, tablettes } = await grouped(h);
      const elsewhere = await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(2), { kind: 'proposition' }));
      await h.refuse('groups.move', { contributionIds: [elsewhere.id], groupId: tablettes.id }, {
        code: 'CONFLICT', message: 'n’est pas de la même thématique et du même type que le groupe',
      });
      await h.refuse('groups.move', { contributionIds: [1], groupId: 'aucun' }, { code: 'INVALID_INPUT', path: 'groupId', message: 'identifiant attendu' });
    },
  },
  'groups.get': {
    valid: async (h) => {
      const { tablettes } = await grouped(h);
      const group = await h.ok('groups.get', { id: tablettes.id });
      expect(group).toMatchObject({ id: tablettes.id, wording: tablettes.wording, memberTotal: 3, reach: { meetings: 1 } });
      expect(group.members.map((m) => m.text).sort()).toEqual([...TABLETTES].sort());
    },
    invalid: async (h) => {
      await h.refuse('groups.get', { id: 404 }, { code: 'NOT_FOUND', message: 'Groupe introuvable' });
      await h.refuse('groups.get', { id: 'x' }, { code: 'INVALID_INPUT', path: 'id', message: 'identifiant attendu' });
    },
  },
  'groups.history': {
    valid: async (h) => {
      const { tablettes } = await grouped(h);
      await h.ok('groups.rename', { id: tablettes.id, wording: 'Une tablette par collégien' });
      await h.ok('groups.review', { id: tablettes.id, review: 'ecartee' });
      expect((await h.ok('groups.history', { id: tablettes.id })).map((e) => [e.what, e.from, e.to]).sort()).toEqual([
        ['etat', 'a_traiter', 'ecartee'], ['libelle', tablettes.wording, 'Une tablette par collégien'],
      ]);
    },
    invalid: async (h) => {
      await h.refuse('groups.history', { id: 404 }, { code: 'NOT_FOUND', message: 'Groupe introuvable' });
    },
  },
} satisfies CaseGroup;
