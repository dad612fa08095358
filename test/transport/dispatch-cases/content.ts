/** Dispatcher cases: Retours d’expérience et contributions */
import { expect } from 'vitest';
import { installPreset } from '../../support/dispatch-harness.ts';
import { aContribution, aMeeting, anEtablissement, aRetex } from '../../support/valid-inputs.ts';
import { type CaseGroup } from './case.ts';

export const retexCases = {
  'retex.list': {
    valid: async (h) => {
      const world = await installPreset(h);
      const kept = await h.ok('retex.create', aRetex(world.campaignId, world.thematique(1), { selected: true }));
      const draft = await h.ok('retex.create', aRetex(world.campaignId, world.thematique(2), { title: 'Brouillon' }));
      expect((await h.ok('retex.list', { campaignId: world.campaignId, limit: 500 })).items).toEqual([kept, draft]);
      expect((await h.ok('retex.list', { campaignId: world.campaignId, selection: 'retenu', limit: 500 })).items).toEqual([kept]);
      expect((await h.ok('retex.list', { campaignId: world.campaignId, thematiqueId: world.thematique(2), limit: 500 })).items).toEqual([draft]);
    },
    invalid: async (h) => {
      await h.refuse('retex.list', { campaignId: 1, selection: 'oui' }, { code: 'INVALID_INPUT', path: 'selection', message: 'choisir parmi « retenu », « non_retenu »' });
      await h.refuse('retex.list', { campaignId: 1, limit: 501 }, { code: 'INVALID_INPUT', path: 'limit', message: 'au plus 500' });
      await h.refuse('retex.list', { campaignId: 1, sort: { by: 'id' } }, { code: 'INVALID_INPUT', path: 'sort.by', message: 'valeur inconnue' });
    },
  },
  'retex.get': {
    valid: async (h) => {
      const world = await installPreset(h);
      const created = await h.ok('retex.create', aRetex(world.campaignId, world.thematique(1)));
      expect(await h.ok('retex.get', { id: created.id })).toEqual(created);
    },
    invalid: async (h) => {
      await h.refuse('retex.get', { id: 404 }, { code: 'NOT_FOUND', message: 'Retour d’expérience introuvable' });
    },
  },
  'retex.create': {
    valid: async (h) => {
      const world = await installPreset(h);
      await h.ok('etablissements.create', anEtablissement());
      const retex = await h.ok('retex.create', aRetex(world.campaignId, world.thematique(2), { etablissementUai: '0330021u' }));
      expect(retex).toMatchObject({
        campaignId: world.campaignId,
        thematiqueId: world.thematique(2),
        title: 'Classe inversée en seconde',
        etablissementUai: '0330021U',
        links: [{ kind: 'video', url: 'https://example.org/capsule', label: '' }],
        selected: false,
        position: 0,
      });
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('retex.create', aRetex(world.campaignId, world.thematique(1), {
        links: [{ kind: 'video', url: 'javascript:alert(1)' }],
      }), { code: 'INVALID_INPUT', path: 'links.0.url', message: 'adresse web invalide' });
      await h.refuse('retex.create', aRetex(world.campaignId, world.thematique(1), { etablissementUai: '0999999Z' }), {
        code: 'CONFLICT', message: 'Établissement inconnu : 0999999Z',
      });
    },
  },
  'retex.update': {
    valid: async (h) => {
      const world = await installPreset(h);
      const created = await h.ok('retex.create', aRetex(world.campaignId, world.thematique(1)));
      const updated = await h.ok('retex.update', { id: created.id, selected: true, position: 2 });
      expect(updated).toEqual({ ...created, selected: true, position: 2 }); // links kept
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      const { id } = await h.ok('retex.create', aRetex(world.campaignId, world.thematique(1)));
      await h.refuse('retex.update', { id, position: -1 }, { code: 'INVALID_INPUT', path: 'position', message: 'doit valoir au moins 0' });
      await h.refuse('retex.update', { id: 404, title: 'x' }, { code: 'NOT_FOUND', message: 'Retour d’expérience introuvable' });
    },
  },
  'retex.delete': {
    valid: async (h) => {
      const world = await installPreset(h);
      const { id } = await h.ok('retex.create', aRetex(world.campaignId, world.thematique(1)));
      expect(await h.ok('retex.delete', { id })).toEqual({ deleted: true });
      await h.refuse('retex.get', { id }, { code: 'NOT_FOUND', message: 'Retour d’expérience introuvable' });
    },
    invalid: async (h) => {
      await h.refuse('retex.delete', { id: 404 }, { code: 'NOT_FOUND', message: 'Retour d’expérience introuvable' });
    },
  },
  'contributions.list': {
    valid: async (h) => {
      const world = await installPreset(h);
      const constat = await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1)));
      const attente = await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1), {
        kind: 'attente', text: 'Des formations au plus près des équipes.', selected: false,
      }));
      expect((await h.ok('contributions.list', { campaignId: world.campaignId, kind: 'attente', limit: 500 })).items).toEqual([attente]);
      expect((await h.ok('contributions.list', { campaignId: world.campaignId, selection: 'retenu', limit: 500 })).items).toEqual([constat]);
      expect((await h.ok('contributions.list', { campaignId: world.campaignId, thematiqueId: world.thematique(5), limit: 500 })).items).toEqual([]);
      expect(await h.ok('contributions.list', { campaignId: world.campaignId, search: 'formations équipe', limit: 1 })).toEqual({
        items: [attente], total: 1, offset: 0, limit: 1,
      });
      // The synthesis's order: « attente » before « etat_des_lieux ».
      expect(await h.ok('contributions.list', { campaignId: world.campaignId, limit: 1, offset: 1 })).toEqual({
        items: [constat], total: 2, offset: 1, limit: 1,
      });
    },
    invalid: async (h) => {
      await h.refuse('contributions.list', { campaignId: 1, thematiqueId: 1.5 }, {
        code: 'INVALID_INPUT', path: 'thematiqueId', message: 'identifiant attendu (un nombre entier)',
      });
    },
  },
  'contributions.get': {
    valid: async (h) => {
      const world = await installPreset(h);
      const created = await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1)));
      expect(await h.ok('contributions.get', { id: created.id })).toEqual(created);
    },
    invalid: async (h) => {
      await h.refuse('contributions.get', { id: 404 }, { code: 'NOT_FOUND', message: 'Contribution introuvable' });
    },
  },
  'contributions.create': {
    valid: async (h) => {
      const world = await installPreset(h);
      const meeting = await h.ok('meetings.create', aMeeting(world.campaignId));
      const defi = await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1), {
        kind: 'defi', text: 'Former tous les enseignants.',
      }));
      const proposition = await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1), {
        kind: 'proposition', text: 'Un plan de formation par bassin.', parentId: defi.id, scale: 'academique',
        sourceMeetingIds: [meeting.id, meeting.id],
      }));
      expect(proposition).toMatchObject({
        kind: 'proposition', parentId: defi.id, scale: 'academique', sourceMeetingIds: [meeting.id], selected: true, heading: null,
      });
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('contributions.create', aContribution(world.campaignId, world.thematique(1), { text: '   ' }), {
        code: 'INVALID_INPUT', path: 'text', message: 'ce champ ne peut pas être vide',
      });
      const defi = await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1), { kind: 'defi' }));
      await h.refuse('contributions.create', aContribution(world.campaignId, world.thematique(1), { kind: 'attente', parentId: defi.id }), {
        code: 'CONFLICT', message: 'Seule une proposition peut répondre à un défi',
      });
      await h.refuse('contributions.create', aContribution(world.campaignId, world.thematique(1), { sourceMeetingIds: [404] }), {
        code: 'CONFLICT', message: 'Une rencontre source n’existe pas dans cette consultation',
      });
    },
  },
  'contributions.update': {
    valid: async (h) => {
      const world = await installPreset(h);
      const created = await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1), { heading: 'Débits' }));
      const updated = await h.ok('contributions.update', { id: created.id, selected: false, position: 3 });
      expect(updated).toEqual({ ...created, selected: false, review: 'ecartee', position: 3 });
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      const { id } = await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1)));
      await h.refuse('contributions.update', { id, kind: 'opinion' }, { code: 'INVALID_INPUT', path: 'kind', message: 'valeur inconnue : choisir parmi' });
      await h.refuse('contributions.update', { id, parentId: id, kind: 'proposition' }, {
        code: 'CONFLICT', message: 'Une proposition ne peut répondre qu’à un défi de la même thématique',
      });
    },
  },
  'contributions.delete': {
    valid: async (h) => {
      const world = await installPreset(h);
      const { id } = await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1)));
      expect(await h.ok('contributions.delete', { id })).toEqual({ deleted: true });
      expect((await h.ok('contributions.list', { campaignId: world.campaignId, limit: 500 })).items).toEqual([]);
    },
    invalid: async (h) => {
      await h.refuse('contributions.delete', { id: 404 }, { code: 'NOT_FOUND', message: 'Contribution introuvable' });
    },
  },
} satisfies CaseGroup;
