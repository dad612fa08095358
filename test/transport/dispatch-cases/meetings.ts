/** Dispatcher cases: Rencontres */
import { expect } from 'vitest';
import { FIXED_NOW } from '../../support/catalogue.ts';
import { installPreset } from '../../support/dispatch-harness.ts';
import { aContribution, aMeeting, aRetex } from '../../support/valid-inputs.ts';
import { type CaseGroup } from './case.ts';

export const meetingCases = {
  'participantCategories.list': {
    valid: async (h) => {
      const categories = await h.ok('participantCategories.list', {});
      expect(categories).toHaveLength(11);
      expect(categories[0]).toEqual({ code: 'eleves', label: 'Élèves' });
      expect(categories.at(-1)).toEqual({ code: 'autres', label: 'Autres' });
    },
    invalid: async (h) => {
      await h.refuse('participantCategories.list', [], { code: 'INVALID_INPUT', path: '', message: /objet attendu/ });
    },
  },
  'meetings.list': {
    valid: async (h) => {
      const world = await installPreset(h);
      const gironde = await h.ok('meetings.create', aMeeting(world.campaignId, { thematiqueIds: [world.thematique(2)] }));
      const vienne = await h.ok('meetings.create', aMeeting(world.campaignId, {
        title: 'Concertation de la Vienne', departementCode: '86', date: '2020-10-02',
      }));
      expect(((await h.ok('meetings.list', { campaignId: world.campaignId, limit: 500 })).items).map((m) => m.id)).toEqual([vienne.id, gironde.id]);
      expect((await h.ok('meetings.list', { campaignId: world.campaignId, academieCode: 'BORDEAUX', limit: 500 })).items).toEqual([gironde]);
      expect((await h.ok('meetings.list', { campaignId: world.campaignId, thematiqueId: world.thematique(2), limit: 500 })).items).toEqual([gironde]);
      expect((await h.ok('meetings.list', { campaignId: world.campaignId, search: 'Vienne', limit: 500 })).items).toEqual([vienne]);
      expect((await h.ok('meetings.list', { campaignId: world.campaignId, dateTo: '2020-10-13', limit: 500 })).items).toEqual([vienne]);
      // By their ids (a page's sources labelled at once), with the place still applied; an unknown id is no error.
      expect((await h.ok('meetings.list', { campaignId: world.campaignId, ids: [gironde.id, 404] })).items).toEqual([gironde]);
      expect((await h.ok('meetings.list', { campaignId: world.campaignId, ids: [gironde.id, vienne.id], departementCode: '86' })).items).toEqual([vienne]);
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('meetings.list', { campaignId: world.campaignId, dateFrom: '2020-13-01' }, {
        code: 'INVALID_INPUT', path: 'dateFrom', message: "cette date n'existe pas",
      });
      await h.refuse('meetings.list', { campaignId: world.campaignId, ids: Array.from({ length: 501 }, (_, i) => i + 1) }, {
        code: 'INVALID_INPUT', path: 'ids', message: '500',
      });
    },
  },
  'meetings.get': {
    valid: async (h) => {
      const world = await installPreset(h);
      const created = await h.ok('meetings.create', aMeeting(world.campaignId, { attendance: { parents: 12 } }));
      expect(await h.ok('meetings.get', { id: created.id })).toEqual(created);
    },
    invalid: async (h) => {
      await h.refuse('meetings.get', { id: 404 }, { code: 'NOT_FOUND', message: 'Rencontre introuvable' });
    },
  },
  'meetings.create': {
    valid: async (h) => {
      const world = await installPreset(h);
      const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, {
        attendance: { eleves: 20, enseignants: 8 },
        thematiqueIds: [world.thematique(1), world.thematique(2)],
        ateliers: [{ thematiqueId: world.thematique(1), defi: 'Réduire la fracture', participants: 15 }],
      }));
      expect(meeting).toMatchObject({
        campaignId: world.campaignId,
        departementCode: '33',
        academieCode: 'BORDEAUX', // derived from the département
        format: 'presentiel', // default
        participants: 28,
        participantsSource: 'categories',
        updatedAt: FIXED_NOW.toISOString(),
      });
      expect(meeting.ateliers).toEqual([
        { id: expect.any(Number), thematiqueId: world.thematique(1), defi: 'Réduire la fracture', participants: 15 },
      ]);
      const declared = await h.ok('meetings.create', aMeeting(world.campaignId, { declaredTotal: 40, attendance: { eleves: 3 } }));
      expect(declared).toMatchObject({ participants: 40, participantsSource: 'declare' });
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('meetings.create', aMeeting(world.campaignId, { attendance: { eleves: -3 } }), {
        code: 'INVALID_INPUT', path: 'attendance.eleves', message: 'un effectif ne peut pas être négatif',
      });
      await h.refuse('meetings.create', aMeeting(world.campaignId, { date: '2020-02-30' }), {
        code: 'INVALID_INPUT', path: 'date', message: "cette date n'existe pas",
      });
      await h.refuse('meetings.create', aMeeting(world.campaignId, { departementCode: null }), {
        code: 'CONFLICT', message: 'doit indiquer un département',
      });
      await h.refuse('meetings.create', aMeeting(world.campaignId, { academieCode: 'POITIERS' }), {
        code: 'CONFLICT', message: 'Lieu incohérent',
      });
      await h.refuse('meetings.create', aMeeting(404), { code: 'NOT_FOUND', message: 'Consultation introuvable' });
    },
  },
  'meetings.update': {
    valid: async (h) => {
      const world = await installPreset(h);
      const created = await h.ok('meetings.create', aMeeting(world.campaignId, {
        attendance: { eleves: 20 },
        thematiqueIds: [world.thematique(1)],
        ateliers: [{ thematiqueId: world.thematique(1) }, { thematiqueId: world.thematique(2) }],
      }));
      const renamed = await h.ok('meetings.update', { id: created.id, title: 'Concertation girondine' });
      // Only the named field changes: place, attendance, ateliers (and their ids) are kept.
      expect(renamed).toEqual({ ...created, title: 'Concertation girondine' });
      const regrouped = await h.ok('meetings.update', { id: created.id, ateliers: [{ thematiqueId: world.thematique(3), defi: 'Défi' }] });
      expect(regrouped.ateliers).toEqual([{ id: created.ateliers[0]!.id, thematiqueId: world.thematique(3), defi: 'Défi', participants: null }]);
      const moved = await h.ok('meetings.update', { id: created.id, departementCode: '24' });
      expect(moved).toMatchObject({ departementCode: '24', academieCode: 'BORDEAUX' });
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      const { id } = await h.ok('meetings.create', aMeeting(world.campaignId));
      await h.refuse('meetings.update', { id, declaredTotal: 1.5 }, {
        code: 'INVALID_INPUT', path: 'declaredTotal', message: 'un nombre entier est attendu',
      });
      await h.refuse('meetings.update', { id: 404, title: 'x' }, { code: 'NOT_FOUND', message: 'Rencontre introuvable' });
    },
  },
  'meetings.delete': {
    valid: async (h) => {
      const world = await installPreset(h);
      const { id } = await h.ok('meetings.create', aMeeting(world.campaignId));
      expect(await h.ok('meetings.delete', { id })).toEqual({ deleted: true, links: { retexIds: [], contributionIds: [], uid: expect.stringMatching(/^[0-9a-f-]{36}$/), restitutions: [] } });
      await h.refuse('meetings.get', { id }, { code: 'NOT_FOUND', message: 'Rencontre introuvable' });
      expect((await h.ok('meetings.list', { campaignId: world.campaignId, limit: 500 })).items).toEqual([]);
    },
    invalid: async (h) => {
      await h.refuse('meetings.delete', { id: 404 }, { code: 'NOT_FOUND', message: 'Rencontre introuvable' });
      await h.refuse('meetings.delete', {}, { code: 'INVALID_INPUT', path: 'id', message: 'identifiant attendu' });
    },
  },
  'meetings.restore': {
    valid: async (h) => {
      const world = await installPreset(h);
      const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, { attendance: { eleves: 4 } }));
      const retex = await h.ok('retex.create', aRetex(world.campaignId, world.thematique(1), { sourceMeetingId: meeting.id }));
      const contribution = await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1), { sourceMeetingIds: [meeting.id] }));
      const { links } = await h.ok('meetings.delete', { id: meeting.id });
      expect(links).toEqual({ retexIds: [retex.id], contributionIds: [contribution.id], uid: expect.any(String), restitutions: [] });
      expect((await h.ok('retex.get', { id: retex.id })).sourceMeetingId).toBeNull();
      // A meeting created meanwhile never takes the deleted one's reference (sheets sent out name it).
      const meanwhile = await h.ok('meetings.create', aMeeting(world.campaignId, { title: 'Créée entre-temps' }));
      expect(meanwhile.id).toBeGreaterThan(meeting.id);
      const { id, participants: _p, participantsSource: _s, updatedAt: _u, ateliers, ...fields } = meeting;
      const restored = await h.ok('meetings.restore', { ...fields, ateliers: ateliers.map(({ id: _a, ...a }) => a), id, links });
      expect(restored).toMatchObject({ id: meeting.id, title: meeting.title, attendance: { eleves: 4 } });
      // The same meeting again for the other catalogues too: its identity comes back with it.
      expect(h.db.prepare('SELECT uid FROM meeting WHERE id = ?').pluck().get(meeting.id)).toBe(links.uid);
      expect((await h.ok('retex.get', { id: retex.id })).sourceMeetingId).toBe(meeting.id);
      expect((await h.ok('contributions.get', { id: contribution.id })).sourceMeetingIds).toEqual([meeting.id]);
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      // The old reference taken by a meeting created since: back under a new one, the other untouched.
      const other = await h.ok('meetings.create', aMeeting(world.campaignId, { title: 'Créée depuis' }));
      const back = await h.ok('meetings.restore', { ...aMeeting(world.campaignId), id: other.id, links: { retexIds: [], contributionIds: [] } });
      expect(back.id).not.toBe(other.id);
      expect((await h.ok('meetings.get', { id: other.id })).title).toBe('Créée depuis');
      await h.refuse('meetings.restore', { ...aMeeting(world.campaignId), id: 9, links: { retexIds: [], contributionIds: [] }, level: 'bassin' }, {
        code: 'CONFLICT', message: 'doit indiquer un bassin',
      });
      await h.refuse('meetings.restore', { ...aMeeting(world.campaignId), id: 9, links: { retexIds: ['x'], contributionIds: [] } }, {
        code: 'INVALID_INPUT', path: 'links.retexIds.0', message: 'identifiant attendu',
      });
    },
  },
} satisfies CaseGroup;
