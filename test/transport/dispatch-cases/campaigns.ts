/** Dispatcher cases: Consultations and thématiques */
import { expect } from 'vitest';
import { installPreset } from '../../support/dispatch-harness.ts';
import { aCampaign, aContribution, aMeeting, aRetex } from '../../support/valid-inputs.ts';
import { type CaseGroup } from './case.ts';

export const campaignCases = {
  'campaigns.list': {
    valid: async (h) => {
      expect(await h.ok('campaigns.list', {})).toEqual([]);
      await installPreset(h);
      await h.ok('campaigns.create', aCampaign());
      const list = await h.ok('campaigns.list', {});
      // Most recent first.
      expect(list.map((c) => c.slug)).toEqual(['essai-2021', 'egn-2020']);
      expect(list[1]!.thematiques.map((t) => t.number)).toEqual([1, 2, 3, 4, 5]);
    },
    invalid: async (h) => {
      await h.refuse('campaigns.list', 'toutes', { code: 'INVALID_INPUT', path: '', message: /objet attendu/ });
    },
  },
  'campaigns.get': {
    valid: async (h) => {
      const created = await h.ok('campaigns.create', aCampaign());
      const campaign = await h.ok('campaigns.get', { id: created.id });
      expect(campaign).toEqual(created);
      expect(campaign.thematiques.map((t) => t.title)).toEqual(['Accès au numérique', 'Enseigner avec le numérique']);
    },
    invalid: async (h) => {
      await h.refuse('campaigns.get', { id: 404 }, { code: 'NOT_FOUND', message: 'Consultation introuvable' });
      await h.refuse('campaigns.get', { id: 'un' }, { code: 'INVALID_INPUT', path: 'id', message: /identifiant attendu/ });
    },
  },
  'campaigns.create': {
    valid: async (h) => {
      const campaign = await h.ok('campaigns.create', aCampaign({ title: '  Consultation d’essai  ' }));
      expect(campaign).toMatchObject({
        slug: 'essai-2021',
        title: 'Consultation d’essai', // labels are trimmed
        reserveDate: null, // default
        startDate: '2021-01-04',
      });
      expect(campaign.thematiques).toEqual([
        expect.objectContaining({ number: 1, campaignId: campaign.id, sujets: ['Débits', 'Équipement'], description: '' }),
        expect.objectContaining({ number: 2, campaignId: campaign.id, sujets: [] }),
      ]);
    },
    invalid: async (h) => {
      await h.refuse('campaigns.create', aCampaign({ startDate: '2021-04-01', endDate: '2021-03-31' }), {
        code: 'INVALID_INPUT', path: 'endDate', message: 'la date de fin précède la date de début',
      });
      await h.refuse('campaigns.create', aCampaign({ slug: 'Essai 2021' }), {
        code: 'INVALID_INPUT', path: 'slug', message: 'identifiant court attendu',
      });
    },
  },
  'campaigns.update': {
    valid: async (h) => {
      const created = await h.ok('campaigns.create', aCampaign({ reserveDate: '2021-03-01' }));
      const updated = await h.ok('campaigns.update', { id: created.id, title: 'Titre revu' });
      expect(updated.title).toBe('Titre revu');
      // Fields the patch did not name are kept, defaults are not re-applied.
      expect(updated).toEqual({ ...created, title: 'Titre revu' });
      expect(await h.ok('campaigns.get', { id: created.id })).toEqual(updated);
    },
    invalid: async (h) => {
      const { id } = await h.ok('campaigns.create', aCampaign());
      await h.refuse('campaigns.update', { id, startDate: '2021-02-30' }, {
        code: 'INVALID_INPUT', path: 'startDate', message: "cette date n'existe pas",
      });
      // Well-formed, but contradicts the stored start date.
      await h.refuse('campaigns.update', { id, endDate: '2020-12-31' }, {
        code: 'CONFLICT', message: 'La date de fin précède la date de début',
      });
      await h.refuse('campaigns.update', { id: 404, title: 'x' }, { code: 'NOT_FOUND', message: 'Consultation introuvable' });
    },
  },
  'campaigns.delete': {
    valid: async (h) => {
      const world = await installPreset(h);
      const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, {
        thematiqueIds: [world.thematique(1)], ateliers: [{ thematiqueId: world.thematique(1) }],
      }));
      await h.ok('retex.create', aRetex(world.campaignId, world.thematique(1), { sourceMeetingId: meeting.id }));
      await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1), { sourceMeetingIds: [meeting.id] }));
      expect(await h.ok('campaigns.delete', { id: world.campaignId })).toEqual({ deleted: true });
      await h.refuse('campaigns.get', { id: world.campaignId }, { code: 'NOT_FOUND', message: 'Consultation introuvable' });
      await h.refuse('meetings.get', { id: meeting.id }, { code: 'NOT_FOUND', message: 'Rencontre introuvable' });
      expect(await h.ok('campaigns.list', {})).toEqual([]);
      expect(await h.ok('trames.list', {})).toEqual([]);
    },
    invalid: async (h) => {
      await h.refuse('campaigns.delete', { id: 0 }, { code: 'INVALID_INPUT', path: 'id', message: 'identifiant attendu (un nombre positif)' });
      await h.refuse('campaigns.delete', { id: 404 }, { code: 'NOT_FOUND', message: 'Consultation introuvable' });
    },
  },
  'campaigns.installPreset': {
    valid: async (h) => {
      const campaign = await h.ok('campaigns.installPreset', { slug: 'egn-2020' });
      expect(campaign).toMatchObject({ slug: 'egn-2020', shortTitle: 'EGNT 2020', startDate: '2020-09-07', endDate: '2020-10-16' });
      expect(campaign.thematiques.map((t) => t.number)).toEqual([1, 2, 3, 4, 5]);
      const trames = await h.ok('trames.list', { campaignId: campaign.id });
      expect(trames).toEqual([expect.objectContaining({ campaignId: campaign.id, presetSlug: 'egn-2020' })]);
      // Installing twice gives back the same consultation.
      expect(await h.ok('campaigns.installPreset', { slug: 'egn-2020' })).toEqual(campaign);
      expect(await h.ok('campaigns.list', {})).toHaveLength(1);
    },
    invalid: async (h) => {
      await h.refuse('campaigns.installPreset', { slug: 'egn-2030' }, {
        code: 'CONFLICT', message: 'Consultation prête à l’emploi inconnue : « egn-2030 »',
      });
      await h.refuse('campaigns.installPreset', { slug: 2020 }, { code: 'INVALID_INPUT', path: 'slug', message: 'texte attendu' });
    },
  },
  'thematiques.create': {
    valid: async (h) => {
      const world = await installPreset(h);
      const thematique = await h.ok('thematiques.create', {
        campaignId: world.campaignId, number: 6, title: 'Inclusion', sujets: ['Handicap'],
      });
      expect(thematique).toMatchObject({ campaignId: world.campaignId, number: 6, title: 'Inclusion', sujets: ['Handicap'] });
      const campaign = await h.ok('campaigns.get', { id: world.campaignId });
      expect(campaign.thematiques.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6]);
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('thematiques.create', { campaignId: world.campaignId, number: 0, title: 'Zéro' }, {
        code: 'INVALID_INPUT', path: 'number', message: 'doit valoir au moins 1',
      });
      await h.refuse('thematiques.create', { campaignId: world.campaignId, number: 1, title: 'Doublon' }, {
        code: 'CONFLICT', message: 'existe déjà',
      });
      await h.refuse('thematiques.create', { campaignId: 404, number: 7, title: 'Orpheline' }, {
        code: 'NOT_FOUND', message: 'Consultation introuvable',
      });
    },
  },
  'thematiques.update': {
    valid: async (h) => {
      const world = await installPreset(h);
      const before = (await h.ok('campaigns.get', { id: world.campaignId })).thematiques[0]!;
      const updated = await h.ok('thematiques.update', { id: before.id, title: 'Fracture numérique' });
      expect(updated).toEqual({ ...before, title: 'Fracture numérique' });
      expect(updated.sujets).toHaveLength(3); // not reset by the patch
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('thematiques.update', { id: world.thematique(1), sujets: ['Débits', '   '] }, {
        code: 'INVALID_INPUT', path: 'sujets.1', message: 'ce champ ne peut pas être vide',
      });
      await h.refuse('thematiques.update', { id: world.thematique(1), number: 2 }, { code: 'CONFLICT', message: 'existe déjà' });
      await h.refuse('thematiques.update', { id: 404, title: 'x' }, { code: 'NOT_FOUND', message: 'Thématique introuvable' });
    },
  },
  'thematiques.delete': {
    valid: async (h) => {
      const world = await installPreset(h);
      const added = await h.ok('thematiques.create', { campaignId: world.campaignId, number: 6, title: 'Inclusion' });
      expect(await h.ok('thematiques.delete', { id: added.id })).toEqual({ deleted: true });
      const campaign = await h.ok('campaigns.get', { id: world.campaignId });
      expect(campaign.thematiques.map((t) => t.id)).not.toContain(added.id);
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.ok('meetings.create', aMeeting(world.campaignId, { thematiqueIds: [world.thematique(2)] }));
      await h.refuse('thematiques.delete', { id: world.thematique(2) }, {
        code: 'CONFLICT', message: 'Cette thématique est encore utilisée',
      });
      await h.refuse('thematiques.delete', { id: -3 }, { code: 'INVALID_INPUT', path: 'id', message: 'identifiant attendu (un nombre positif)' });
      await h.refuse('thematiques.delete', { id: 404 }, { code: 'NOT_FOUND', message: 'Thématique introuvable' });
    },
  },
} satisfies CaseGroup;
