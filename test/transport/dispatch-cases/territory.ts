/** Dispatcher cases: Territoire: référentiel, bassins, établissements */
import { expect } from 'vitest';
import { installPreset } from '../../support/dispatch-harness.ts';
import { aBassin, aMeeting, anEtablissement } from '../../support/valid-inputs.ts';
import { type CaseGroup } from './case.ts';

export const territoryCases = {
  'territory.tree': {
    valid: async (h) => {
      const tree = await h.ok('territory.tree', {});
      const naq = tree.find((r) => r.code === 'NAQ');
      expect(naq?.nom).toBe('Nouvelle-Aquitaine');
      expect(naq!.academies.map((a) => a.code)).toEqual(['BORDEAUX', 'LIMOGES', 'POITIERS']);
      const bordeaux = naq!.academies[0]!;
      expect(bordeaux.departements.map((d) => d.code)).toEqual(['24', '33', '40', '47', '64']);
      expect(bordeaux.departements[1]).toEqual({ code: '33', nom: expect.any(String), academieCode: 'BORDEAUX' });
    },
    invalid: async (h) => {
      await h.refuse('territory.tree', 42, { code: 'INVALID_INPUT', path: '', message: /objet attendu/ });
    },
  },
  'bassins.list': {
    valid: async (h) => {
      const sud = await h.ok('bassins.create', aBassin());
      const poitiers = await h.ok('bassins.create', aBassin({ departementCode: '86', kind: 'ECLORE', nom: 'Réseau de Poitiers' }));
      expect(await h.ok('bassins.list', {})).toEqual([sud, poitiers]);
      expect(await h.ok('bassins.list', { academieCode: 'BORDEAUX' })).toEqual([sud]);
      expect(await h.ok('bassins.list', { departementCode: '86' })).toEqual([poitiers]);
    },
    invalid: async (h) => {
      await h.refuse('bassins.list', { departementCode: '333' }, {
        code: 'INVALID_INPUT', path: 'departementCode', message: 'code de département invalide',
      });
    },
  },
  'bassins.create': {
    valid: async (h) => {
      const bassin = await h.ok('bassins.create', aBassin({ nom: '  Bordeaux Sud ' }));
      expect(bassin).toEqual({ id: expect.any(Number), departementCode: '33', kind: 'ZAP', nom: 'Bordeaux Sud', academieCode: 'BORDEAUX' });
    },
    invalid: async (h) => {
      await h.refuse('bassins.create', aBassin({ kind: 'ZIP' as never }), { code: 'INVALID_INPUT', path: 'kind', message: 'valeur inconnue : choisir parmi' });
      await h.refuse('bassins.create', aBassin({ departementCode: '99' }), { code: 'CONFLICT', message: 'Département inconnu : « 99 »' });
      await h.ok('bassins.create', aBassin());
      await h.refuse('bassins.create', aBassin(), { code: 'CONFLICT', message: 'existe déjà' });
    },
  },
  'bassins.update': {
    valid: async (h) => {
      const bassin = await h.ok('bassins.create', aBassin({ kind: 'ECLORE' }));
      const updated = await h.ok('bassins.update', { id: bassin.id, nom: 'Bordeaux Rive droite' });
      expect(updated).toEqual({ ...bassin, nom: 'Bordeaux Rive droite' });
    },
    invalid: async (h) => {
      const bassin = await h.ok('bassins.create', aBassin());
      await h.refuse('bassins.update', { id: bassin.id, nom: '   ' }, {
        code: 'INVALID_INPUT', path: 'nom', message: 'ce champ ne peut pas être vide',
      });
      await h.refuse('bassins.update', { id: 404, nom: 'x' }, { code: 'NOT_FOUND', message: 'Bassin introuvable' });
    },
  },
  'bassins.delete': {
    valid: async (h) => {
      const bassin = await h.ok('bassins.create', aBassin());
      expect(await h.ok('bassins.delete', { id: bassin.id })).toEqual({ deleted: true });
      expect(await h.ok('bassins.list', {})).toEqual([]);
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      const bassin = await h.ok('bassins.create', aBassin());
      await h.ok('meetings.create', aMeeting(world.campaignId, { level: 'bassin', departementCode: null, bassinId: bassin.id }));
      await h.refuse('bassins.delete', { id: bassin.id }, { code: 'CONFLICT', message: 'encore utilisé' });
      await h.refuse('bassins.delete', { id: 404 }, { code: 'NOT_FOUND', message: 'Bassin introuvable' });
    },
  },
  'etablissements.list': {
    valid: async (h) => {
      const montaigne = await h.ok('etablissements.create', anEtablissement());
      const other = await h.ok('etablissements.create', anEtablissement({
        uai: '0860003C', nom: 'Collège Jean Moulin', type: 'college', commune: 'Poitiers', departementCode: '86',
      }));
      expect(await h.ok('etablissements.list', {})).toEqual({ items: [montaigne, other], total: 2, offset: 0, limit: 50 });
      expect((await h.ok('etablissements.list', { search: 'Montaigne' })).items).toEqual([montaigne]);
      expect((await h.ok('etablissements.list', { academieCode: 'POITIERS' })).items).toEqual([other]);
      // Anywhere in the name, the commune or the UAI, accents and case folded; a page and the total.
      expect((await h.ok('etablissements.list', { search: 'JEAN mou' })).items).toEqual([other]);
      expect((await h.ok('etablissements.list', { search: '0860003' })).items).toEqual([other]);
      expect((await h.ok('etablissements.list', { search: 'poitiers' })).total).toBe(1);
      expect(await h.ok('etablissements.list', { limit: 1, offset: 1 })).toEqual({ items: [other], total: 2, offset: 1, limit: 1 });
      // A renamed établissement is found by its new name only; a deleted one no more.
      await h.ok('etablissements.update', { uai: other.uai, nom: 'Collège Élisabeth Badinter' });
      expect((await h.ok('etablissements.list', { search: 'elisabeth' })).items.map((e) => e.uai)).toEqual([other.uai]);
      // Accents typed or not, either way round.
      expect((await h.ok('etablissements.list', { search: 'ÉLISABETH badinter' })).items.map((e) => e.uai)).toEqual([other.uai]);
      expect((await h.ok('etablissements.list', { search: 'collège élis' })).items.map((e) => e.uai)).toEqual([other.uai]);
      expect((await h.ok('etablissements.list', { search: 'moulin' })).total).toBe(0);
      await h.ok('etablissements.delete', { uai: other.uai });
      expect((await h.ok('etablissements.list', { search: 'badinter' })).total).toBe(0);
      // % and _ are letters here, not LIKE's wildcards.
      expect((await h.ok('etablissements.list', { search: '%' })).total).toBe(0);
    },
    invalid: async (h) => {
      await h.refuse('etablissements.list', { search: 'x'.repeat(201) }, { code: 'INVALID_INPUT', path: 'search', message: 'trop long' });
    },
  },
  'etablissements.get': {
    valid: async (h) => {
      const created = await h.ok('etablissements.create', anEtablissement());
      // A UAI is found whatever its case and surrounding spaces.
      expect(await h.ok('etablissements.get', { uai: ' 0330021u ' })).toEqual(created);
    },
    invalid: async (h) => {
      await h.refuse('etablissements.get', { uai: '12345' }, { code: 'INVALID_INPUT', path: 'uai', message: 'code UAI invalide' });
      await h.refuse('etablissements.get', { uai: '0999999Z' }, { code: 'NOT_FOUND', message: 'Établissement 0999999Z introuvable' });
    },
  },
  'etablissements.create': {
    valid: async (h) => {
      const bassin = await h.ok('bassins.create', aBassin());
      const etablissement = await h.ok('etablissements.create', anEtablissement({ uai: '0330021u', bassinId: bassin.id }));
      expect(etablissement).toEqual({
        uai: '0330021U', nom: 'Lycée Montaigne', type: 'lycee', commune: 'Bordeaux',
        departementCode: '33', bassinId: bassin.id, academieCode: 'BORDEAUX',
      });
    },
    invalid: async (h) => {
      await h.refuse('etablissements.create', anEtablissement({ type: 'universite' as never }), {
        code: 'INVALID_INPUT', path: 'type', message: 'valeur inconnue : choisir parmi',
      });
      await h.ok('etablissements.create', anEtablissement());
      await h.refuse('etablissements.create', anEtablissement({ uai: '0330021u' }), {
        code: 'CONFLICT', message: 'L’établissement 0330021U existe déjà',
      });
    },
  },
  'etablissements.update': {
    valid: async (h) => {
      const bassin = await h.ok('bassins.create', aBassin());
      const created = await h.ok('etablissements.create', anEtablissement({ bassinId: bassin.id }));
      const updated = await h.ok('etablissements.update', { uai: created.uai, nom: 'Lycée Michel de Montaigne' });
      expect(updated).toEqual({ ...created, nom: 'Lycée Michel de Montaigne' }); // bassin kept
    },
    invalid: async (h) => {
      const elsewhere = await h.ok('bassins.create', aBassin({ departementCode: '86', nom: 'Poitiers' }));
      const created = await h.ok('etablissements.create', anEtablissement());
      await h.refuse('etablissements.update', { uai: created.uai, commune: '' }, {
        code: 'INVALID_INPUT', path: 'commune', message: 'ce champ ne peut pas être vide',
      });
      await h.refuse('etablissements.update', { uai: created.uai, bassinId: elsewhere.id }, {
        code: 'CONFLICT', message: 'n’est pas dans le département 33',
      });
      await h.refuse('etablissements.update', { uai: '0999999Z', nom: 'x' }, { code: 'NOT_FOUND', message: 'introuvable' });
    },
  },
  'etablissements.delete': {
    valid: async (h) => {
      const created = await h.ok('etablissements.create', anEtablissement());
      expect(await h.ok('etablissements.delete', { uai: created.uai })).toEqual({ deleted: true });
      await h.refuse('etablissements.get', { uai: created.uai }, { code: 'NOT_FOUND', message: 'introuvable' });
    },
    invalid: async (h) => {
      await h.refuse('etablissements.delete', { uai: 'ABCDEFGH' }, { code: 'INVALID_INPUT', path: 'uai', message: 'code UAI invalide' });
      await h.refuse('etablissements.delete', { uai: '0999999Z' }, { code: 'NOT_FOUND', message: 'Établissement 0999999Z introuvable' });
    },
  },
} satisfies CaseGroup;
