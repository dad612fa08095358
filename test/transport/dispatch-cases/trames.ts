/** Dispatcher cases: Trames et textes rédigés */
import { expect } from 'vitest';
import { installPreset } from '../../support/dispatch-harness.ts';
import { aTrame } from '../../support/valid-inputs.ts';
import { type CaseGroup } from './case.ts';

export const trameCases = {
  'sectionTexts.list': {
    valid: async (h) => {
      const world = await installPreset(h);
      expect(await h.ok('sectionTexts.list', { campaignId: world.campaignId })).toEqual([]);
      await h.ok('sectionTexts.set', { campaignId: world.campaignId, sectionKey: 'descriptif', text: 'Le 14 octobre.' });
      await h.ok('sectionTexts.set', { campaignId: world.campaignId, sectionKey: 'retex', thematiqueId: world.thematique(2), text: 'Deux.' });
      expect(await h.ok('sectionTexts.list', { campaignId: world.campaignId })).toEqual([
        { campaignId: world.campaignId, scope: 'region', sectionKey: 'descriptif', thematiqueId: null, text: 'Le 14 octobre.' },
        { campaignId: world.campaignId, scope: 'region', sectionKey: 'retex', thematiqueId: world.thematique(2), text: 'Deux.' },
      ]);
      // Each scope writes its own texts: an académie's does not replace the région's.
      await h.ok('sectionTexts.set', { campaignId: world.campaignId, scope: 'academie:BORDEAUX', sectionKey: 'descriptif', text: 'Bordeaux.' });
      const listed = await h.ok('sectionTexts.list', { campaignId: world.campaignId });
      expect(listed.map((t) => [t.scope, t.text])).toEqual([['academie:BORDEAUX', 'Bordeaux.'], ['region', 'Le 14 octobre.'], ['region', 'Deux.']]);
    },
    invalid: async (h) => {
      await h.refuse('sectionTexts.list', {}, { code: 'INVALID_INPUT', path: 'campaignId', message: 'identifiant attendu' });
    },
  },
  'sectionTexts.set': {
    valid: async (h) => {
      const world = await installPreset(h);
      const key = { campaignId: world.campaignId, sectionKey: 'descriptif' };
      expect(await h.ok('sectionTexts.set', { ...key, text: 'Première version.' }))
        .toEqual({ ...key, scope: 'region', thematiqueId: null, text: 'Première version.' });
      await h.ok('sectionTexts.set', { ...key, text: 'Seconde version.' });
      expect((await h.ok('sectionTexts.get', key)).text).toBe('Seconde version.');
      // An empty text removes the section text.
      expect((await h.ok('sectionTexts.set', { ...key, text: '  ' })).text).toBe('');
      expect(await h.ok('sectionTexts.list', { campaignId: world.campaignId })).toEqual([]);
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('sectionTexts.set', { campaignId: world.campaignId, sectionKey: 'Bilan Régional', text: 'x' }, {
        code: 'INVALID_INPUT', path: 'sectionKey', message: 'doit correspondre au modèle',
      });
      const other = await installPreset(h, 'concertation-2015', null);
      await h.refuse('sectionTexts.set', {
        campaignId: world.campaignId, sectionKey: 'retex', thematiqueId: other.thematique(1), text: 'x',
      }, { code: 'CONFLICT', message: 'Cette thématique n’appartient pas à la consultation' });
    },
  },
  'sectionTexts.get': {
    valid: async (h) => {
      const world = await installPreset(h);
      const key = { campaignId: world.campaignId, sectionKey: 'retex', thematiqueId: world.thematique(1) };
      expect(await h.ok('sectionTexts.get', key)).toEqual({ ...key, scope: 'region', text: '' });
      await h.ok('sectionTexts.set', { ...key, text: 'Des retex variés.' });
      expect(await h.ok('sectionTexts.get', key)).toEqual({ ...key, scope: 'region', text: 'Des retex variés.' });
      // The document-wide text of the same key is another text.
      expect((await h.ok('sectionTexts.get', { campaignId: world.campaignId, sectionKey: 'retex' })).text).toBe('');
    },
    invalid: async (h) => {
      await h.refuse('sectionTexts.get', { campaignId: 404, sectionKey: 'descriptif' }, {
        code: 'NOT_FOUND', message: 'Consultation introuvable',
      });
    },
  },
  'trames.list': {
    valid: async (h) => {
      const world = await installPreset(h);
      const other = await installPreset(h, 'concertation-2015', null);
      const shared = await h.ok('trames.create', aTrame());
      const listed = await h.ok('trames.list', { campaignId: world.campaignId });
      expect(listed.map((t) => [t.campaignId, t.presetSlug])).toEqual([[world.campaignId, 'egn-2020'], [null, null]]);
      expect(listed[1]).toEqual(shared);
      expect((await h.ok('trames.list', {})).map((t) => t.campaignId)).toEqual([world.campaignId, other.campaignId, null]);
    },
    invalid: async (h) => {
      await h.refuse('trames.list', { campaignId: 'egn-2020' }, { code: 'INVALID_INPUT', path: 'campaignId', message: 'identifiant attendu' });
    },
  },
  'trames.get': {
    valid: async (h) => {
      await installPreset(h);
      const [preset] = await h.ok('trames.list', {});
      const trame = await h.ok('trames.get', { id: preset!.id });
      expect(trame.sections.map((s) => s.key)).toEqual([
        'descriptif', 'bilan', 'etat_des_lieux', 'actions', 'retex', 'defis_propositions',
      ]);
      expect(trame.sections[1]).toMatchObject({ source: 'bilan', scope: 'document' });
    },
    invalid: async (h) => {
      await h.refuse('trames.get', { id: 404 }, { code: 'NOT_FOUND', message: 'Trame introuvable' });
    },
  },
  'trames.create': {
    valid: async (h) => {
      const world = await installPreset(h);
      const trame = await h.ok('trames.create', aTrame({ campaignId: world.campaignId }));
      expect(trame).toMatchObject({ campaignId: world.campaignId, presetSlug: null, subtitle: '', closingNote: '' });
      expect(trame.sections[0]).toEqual({
        key: 'introduction', scope: 'document', title: 'Introduction', guidance: '', source: 'text',
        contributionKinds: [], retexMin: 0, retexMax: 0, entryLabel: 'Retex', numbered: true, titleByThematique: {}, meetingCounts: false,
      });
    },
    invalid: async (h) => {
      await h.refuse('trames.create', aTrame({
        sections: [{ key: 'constats', scope: 'thematique', title: 'Constats', source: 'contributions' }],
      }), { code: 'INVALID_INPUT', path: 'sections.0.contributionKinds', message: 'une section de contributions doit dire de quel type' });
      await h.refuse('trames.create', aTrame({
        sections: [{ key: 'bilan', scope: 'thematique', title: 'Bilan', source: 'bilan' }],
      }), { code: 'INVALID_INPUT', path: 'sections.0.scope', message: 'le bilan des rencontres se place une fois' });
      await h.refuse('trames.create', aTrame({ campaignId: 404 }), { code: 'NOT_FOUND', message: 'Consultation introuvable' });
    },
  },
  'trames.update': {
    valid: async (h) => {
      const world = await installPreset(h);
      const created = await h.ok('trames.create', aTrame({ campaignId: world.campaignId, closingNote: 'Merci.' }));
      const updated = await h.ok('trames.update', { id: created.id, name: 'Trame révisée' });
      expect(updated).toEqual({ ...created, name: 'Trame révisée' }); // still attached to its campaign
      // A section's own wording for a thématique (seed 004's « Actions et acteurs mobilisés » in T4) is kept as written.
      const sections = created.sections.map((x) => ({ ...x, scope: 'thematique' as const, titleByThematique: { 4: '  Actions et acteurs mobilisés ', 12: 'Ailleurs {{en_perimetre}}' } }));
      const worded = await h.ok('trames.update', { id: created.id, sections });
      expect(worded.sections[0]!.titleByThematique).toEqual({ 4: 'Actions et acteurs mobilisés', 12: 'Ailleurs {{en_perimetre}}' });
      expect((await h.ok('trames.get', { id: created.id })).sections).toEqual(worded.sections);
      // Left out of a later update, the wordings go (the editor sends the whole section).
      const plain = await h.ok('trames.update', { id: created.id, sections: worded.sections.map(({ titleByThematique: _t, ...x }) => x) });
      expect(plain.sections[0]!.titleByThematique).toEqual({});
    },
    invalid: async (h) => {
      const created = await h.ok('trames.create', aTrame());
      const section = { scope: 'document', title: 'Texte', source: 'text' } as const;
      await h.refuse('trames.update', { id: created.id, sections: [{ ...section, key: 'a' }, { ...section, key: 'a' }] }, {
        code: 'INVALID_INPUT', path: 'sections', message: 'deux sections ont la même clé',
      });
      await h.refuse('trames.update', { id: created.id, campaignId: 404 }, { code: 'NOT_FOUND', message: 'Consultation introuvable' });
      const thematique = { scope: 'thematique', title: 'Actions', source: 'text', key: 'actions' } as const;
      await h.refuse('trames.update', { id: created.id, sections: [{ ...thematique, titleByThematique: { 31: 'Trop loin' } }] }, {
        code: 'INVALID_INPUT', path: 'sections.0.titleByThematique.31', message: 'numéro de thématique attendu (1 à 30), pas « 31 »',
      });
      await h.refuse('trames.update', { id: created.id, sections: [{ ...thematique, titleByThematique: { 2: '   ' } }] }, {
        code: 'INVALID_INPUT', path: 'sections.0.titleByThematique.2', message: 'ne peut pas être vide',
      });
      expect((await h.ok('trames.get', { id: created.id })).sections.map((x) => x.key)).toEqual(created.sections.map((x) => x.key));
    },
  },
  'trames.duplicate': {
    valid: async (h) => {
      const world = await installPreset(h);
      const [preset] = await h.ok('trames.list', { campaignId: world.campaignId });
      const copy = await h.ok('trames.duplicate', { id: preset!.id, name: 'Trame de la DANE de Poitiers' });
      expect(copy).toMatchObject({ name: 'Trame de la DANE de Poitiers', presetSlug: null, campaignId: world.campaignId });
      expect(copy.id).not.toBe(preset!.id);
      expect(copy.sections).toEqual(preset!.sections);
      // Reordering the copy leaves the preset as it was.
      await h.ok('trames.update', { id: copy.id, sections: [...copy.sections].reverse() });
      expect((await h.ok('trames.get', { id: preset!.id })).sections).toEqual(preset!.sections);
      expect((await h.ok('trames.duplicate', { id: preset!.id })).name).toBe(`${preset!.name} (copie)`);
    },
    invalid: async (h) => {
      await h.refuse('trames.duplicate', { id: 404 }, { code: 'NOT_FOUND', message: 'Trame introuvable' });
      const { id } = await h.ok('trames.create', aTrame());
      await h.refuse('trames.duplicate', { id, name: '   ' }, { code: 'INVALID_INPUT', path: 'name', message: 'ne peut pas être vide' });
    },
  },
  'trames.placeholders': {
    valid: async (h) => {
      const world = await installPreset(h);
      const value = async (scope: string) => Object.fromEntries((await h.ok('trames.placeholders', { campaignId: world.campaignId, scope })).map((p) => [p.name, p.value]));
      const region = await value('region');
      expect(region).toMatchObject({
        concertations: '0', date_second_niveau: '(date à venir)', le_date_second_niveau: '(date à venir)',
        le_perimetre: 'la région académique', du_perimetre: 'de la région académique',
      });
      // The old name is still listed, as the date alone; every entry says what it gives.
      const listed = await h.ok('trames.placeholders', { campaignId: world.campaignId });
      expect(listed.map((p) => p.name)).toEqual(expect.arrayContaining(['date_second_niveau', 'le_date_second_niveau', 'du_date_second_niveau', 'au_perimetre']));
      expect(listed.every((p) => p.description.length > 10)).toBe(true);
      expect((await value('academie:poitiers')).du_perimetre).toBe('de l’académie de Poitiers');
      expect(await value('departement:86')).toMatchObject({ le_perimetre: 'le département de la Vienne', du_perimetre: 'du département de la Vienne', au_perimetre: 'au département de la Vienne' });
      expect((await value('departement:40')).du_perimetre).toBe('du département des Landes');
      // Where the ateliers took place (seed 004's T4 and T5 say « en région académique »).
      expect([region.en_perimetre, (await value('academie:poitiers')).en_perimetre, (await value('departement:86')).en_perimetre])
        .toEqual(['en région académique', 'dans l’académie de Poitiers', 'dans le département de la Vienne']);
      expect(listed.map((p) => p.name)).toContain('en_perimetre');
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('trames.placeholders', { campaignId: world.campaignId, scope: 'vienne' }, { code: 'INVALID_INPUT', path: 'scope', message: 'périmètre invalide' });
      await h.refuse('trames.placeholders', { campaignId: 404 }, { code: 'NOT_FOUND', message: 'Consultation introuvable' });
    },
  },
  'trames.delete': {
    valid: async (h) => {
      const { id } = await h.ok('trames.create', aTrame());
      expect(await h.ok('trames.delete', { id })).toEqual({ deleted: true });
      await h.refuse('trames.get', { id }, { code: 'NOT_FOUND', message: 'Trame introuvable' });
    },
    invalid: async (h) => {
      await h.refuse('trames.delete', { id: 404 }, { code: 'NOT_FOUND', message: 'Trame introuvable' });
    },
  },
} satisfies CaseGroup;
