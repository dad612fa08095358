/**
 * The service contract, proven through the one entry point every transport uses:
 * `dispatch(handlers, ctx, name, payload, { validateOutput: true })`, on a fresh in-memory catalogue.
 *
 * 1. Every operation of OPERATION_NAMES has a case (the table below is checked against the list):
 *    a valid call whose answer is checked for real, and a refused call (INVALID_INPUT pointing at the
 *    bad field, or NOT_FOUND / CONFLICT) with a French message. Every refused call made through
 *    `h.refuse` also proves that the catalogue is unchanged (catalogueChecksum before = after).
 * 2. Unknown operation names.
 * 3. Forbidden characters, and refusals that must leave the catalogue untouched.
 * 4. synthesis.generate writes real files, and documents.list lists them.
 * 5. Defects of the source found while writing this file (they fail until fixed).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, type OperationName } from '../../src-main/contract/operations.ts';
import { catalogueChecksum, FIXED_NOW } from '../support/catalogue.ts';
import { DispatchHarness, installPreset } from '../support/dispatch-harness.ts';
import { makeRectoratTemplate, randomBytesFile } from '../support/word-templates.ts';
import {
  aBassin, aCampaign, aContribution, aMeeting, anEtablissement, aRetex, aTrame,
} from '../support/valid-inputs.ts';

let h: DispatchHarness;
beforeEach(() => {
  h = new DispatchHarness();
});
afterEach(() => {
  h.close();
});

interface OperationCase {
  /** Succeeds, and the answer says what it should (the contract's output schema is checked by dispatch). */
  valid: (h: DispatchHarness) => Promise<void>;
  /** Is refused with the right code, a French message and, for INVALID_INPUT, the path of the bad field. */
  invalid: (h: DispatchHarness) => Promise<void>;
}
type CaseGroup = { [N in OperationName]?: OperationCase };

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// ─── Consultations and thématiques ──────────────────────────────────────────────────────────────

const campaignCases = {
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

// ─── Territoire: référentiel, bassins, établissements ───────────────────────────────────────────

const territoryCases = {
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
      expect(await h.ok('etablissements.list', {})).toEqual([montaigne, other]);
      expect(await h.ok('etablissements.list', { search: 'Montaigne' })).toEqual([montaigne]);
      expect(await h.ok('etablissements.list', { academieCode: 'POITIERS' })).toEqual([other]);
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

// ─── Rencontres ─────────────────────────────────────────────────────────────────────────────────

const meetingCases = {
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
      expect((await h.ok('meetings.list', { campaignId: world.campaignId })).map((m) => m.id)).toEqual([vienne.id, gironde.id]);
      expect(await h.ok('meetings.list', { campaignId: world.campaignId, academieCode: 'BORDEAUX' })).toEqual([gironde]);
      expect(await h.ok('meetings.list', { campaignId: world.campaignId, thematiqueId: world.thematique(2) })).toEqual([gironde]);
      expect(await h.ok('meetings.list', { campaignId: world.campaignId, search: 'Vienne' })).toEqual([vienne]);
      expect(await h.ok('meetings.list', { campaignId: world.campaignId, dateTo: '2020-10-13' })).toEqual([vienne]);
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('meetings.list', { campaignId: world.campaignId, dateFrom: '2020-13-01' }, {
        code: 'INVALID_INPUT', path: 'dateFrom', message: "cette date n'existe pas",
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
      expect(await h.ok('meetings.delete', { id })).toEqual({ deleted: true, links: { retexIds: [], contributionIds: [] } });
      await h.refuse('meetings.get', { id }, { code: 'NOT_FOUND', message: 'Rencontre introuvable' });
      expect(await h.ok('meetings.list', { campaignId: world.campaignId })).toEqual([]);
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
      expect(links).toEqual({ retexIds: [retex.id], contributionIds: [contribution.id] });
      expect((await h.ok('retex.get', { id: retex.id })).sourceMeetingId).toBeNull();
      const { id, participants: _p, participantsSource: _s, updatedAt: _u, ateliers, ...fields } = meeting;
      const restored = await h.ok('meetings.restore', { ...fields, ateliers: ateliers.map(({ id: _a, ...a }) => a), id, links });
      expect(restored).toMatchObject({ id: meeting.id, title: meeting.title, attendance: { eleves: 4 } });
      expect((await h.ok('retex.get', { id: retex.id })).sourceMeetingId).toBe(meeting.id);
      expect((await h.ok('contributions.get', { id: contribution.id })).sourceMeetingIds).toEqual([meeting.id]);
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      const meeting = await h.ok('meetings.create', aMeeting(world.campaignId));
      await h.refuse('meetings.restore', { ...aMeeting(world.campaignId), id: meeting.id, links: { retexIds: [], contributionIds: [] } }, {
        code: 'CONFLICT', message: 'Cette rencontre est déjà dans le catalogue',
      });
      await h.refuse('meetings.restore', { ...aMeeting(world.campaignId), id: 9, links: { retexIds: ['x'], contributionIds: [] } }, {
        code: 'INVALID_INPUT', path: 'links.retexIds.0', message: 'identifiant attendu',
      });
    },
  },
} satisfies CaseGroup;

// ─── Retours d’expérience et contributions ──────────────────────────────────────────────────────

const retexCases = {
  'retex.list': {
    valid: async (h) => {
      const world = await installPreset(h);
      const kept = await h.ok('retex.create', aRetex(world.campaignId, world.thematique(1), { selected: true }));
      const draft = await h.ok('retex.create', aRetex(world.campaignId, world.thematique(2), { title: 'Brouillon' }));
      expect(await h.ok('retex.list', { campaignId: world.campaignId })).toEqual([kept, draft]);
      expect(await h.ok('retex.list', { campaignId: world.campaignId, selectedOnly: true })).toEqual([kept]);
      expect(await h.ok('retex.list', { campaignId: world.campaignId, thematiqueId: world.thematique(2) })).toEqual([draft]);
    },
    invalid: async (h) => {
      await h.refuse('retex.list', { campaignId: 1, selectedOnly: 'oui' }, {
        code: 'INVALID_INPUT', path: 'selectedOnly', message: 'oui ou non',
      });
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
      expect(await h.ok('contributions.list', { campaignId: world.campaignId, kind: 'attente' })).toEqual([attente]);
      expect(await h.ok('contributions.list', { campaignId: world.campaignId, selectedOnly: true })).toEqual([constat]);
      expect(await h.ok('contributions.list', { campaignId: world.campaignId, thematiqueId: world.thematique(5) })).toEqual([]);
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
      expect(updated).toEqual({ ...created, selected: false, position: 3 });
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
      expect(await h.ok('contributions.list', { campaignId: world.campaignId })).toEqual([]);
    },
    invalid: async (h) => {
      await h.refuse('contributions.delete', { id: 404 }, { code: 'NOT_FOUND', message: 'Contribution introuvable' });
    },
  },
} satisfies CaseGroup;

// ─── Trames et textes rédigés ───────────────────────────────────────────────────────────────────

const trameCases = {
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
        contributionKinds: [], retexMin: 0, retexMax: 0, numbered: true,
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
    },
    invalid: async (h) => {
      const created = await h.ok('trames.create', aTrame());
      const section = { scope: 'document', title: 'Texte', source: 'text' } as const;
      await h.refuse('trames.update', { id: created.id, sections: [{ ...section, key: 'a' }, { ...section, key: 'a' }] }, {
        code: 'INVALID_INPUT', path: 'sections', message: 'deux sections ont la même clé',
      });
      await h.refuse('trames.update', { id: created.id, campaignId: 404 }, { code: 'NOT_FOUND', message: 'Consultation introuvable' });
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

// ─── Paramètres, bilan, synthèse et documents ───────────────────────────────────────────────────

const styleAndKitCases = {
  'styles.list': {
    valid: async (h) => {
      expect(await h.ok('styles.list', {})).toEqual([]);
      const path = makeRectoratTemplate(h.tempDir());
      const imported = await h.ok('styles.import', { path, name: 'Rectorat de Poitiers' });
      expect((await h.ok('styles.list', {})).map((s) => [s.id, s.name])).toEqual([[imported.id, 'Rectorat de Poitiers']]);
    },
    invalid: async (h) => {
      await h.refuse('styles.list', 'tous', { code: 'INVALID_INPUT', path: '', message: /objet attendu/ });
    },
  },
  'styles.import': {
    valid: async (h) => {
      const path = makeRectoratTemplate(h.tempDir());
      const imported = await h.ok('styles.import', { path });
      expect(imported).toMatchObject({ name: 'Modèle DANE région académique', fileName: 'Modèle DANE région académique.docx', bodyFont: 'Liberation Serif', headingFont: 'Liberation Sans', hasLogo: true });
      // The same file twice is the same template; its content sent by a browser too.
      expect((await h.ok('styles.import', { path })).id).toBe(imported.id);
      const contentBase64 = readFileSync(path).toString('base64');
      expect((await h.ok('styles.import', { fileName: 'modele.docx', contentBase64 })).id).toBe(imported.id);
    },
    invalid: async (h) => {
      const dir = h.tempDir();
      await h.refuse('styles.import', { path: randomBytesFile(dir) }, { code: 'FILE', message: 'aleatoire.docx' });
      await h.refuse('styles.import', { path: join(dir, 'absent.docx') }, { code: 'FILE', message: 'Impossible de lire' });
      await h.refuse('styles.import', {}, { code: 'INVALID_INPUT', message: 'indiquez soit le chemin du fichier' });
    },
  },
  'styles.delete': {
    valid: async (h) => {
      const { id } = await h.ok('styles.import', { path: makeRectoratTemplate(h.tempDir()) });
      await h.ok('settings.update', { styleTemplateId: id });
      expect(await h.ok('styles.delete', { id })).toEqual({ deleted: true });
      expect(await h.ok('styles.list', {})).toEqual([]);
      expect((await h.ok('settings.get', {})).styleTemplateId).toBeNull();
    },
    invalid: async (h) => {
      await h.refuse('styles.delete', { id: 404 }, { code: 'NOT_FOUND', message: 'Modèle de styles introuvable' });
    },
  },
  'kit2015.generate': {
    valid: async (h) => {
      const world = await installPreset(h, 'concertation-2015');
      await h.ok('etablissements.create', anEtablissement({ uai: '0860034V', nom: 'Lycée Camille Guérin', commune: 'Poitiers', departementCode: '86' }));
      const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, {
        level: 'etablissement', departementCode: null, etablissementUai: '0860034V', date: '2015-02-04', title: 'Rencontre au lycée',
        thematiqueIds: [world.thematique(1), world.thematique(4)], declaredTotal: 30,
        ateliers: [{ thematiqueId: world.thematique(1), defi: 'Comment ?' }, { thematiqueId: world.thematique(4), defi: 'Pourquoi ?' }],
      }));
      await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(4), { kind: 'proposition', sourceMeetingIds: [meeting.id] }));
      const outputDir = h.tempDir();
      const { archives } = await h.ok('kit2015.generate', { campaignId: world.campaignId, outputDir });
      expect(archives).toHaveLength(1);
      expect(archives[0]).toMatchObject({ academieCode: 'POITIERS', academieName: 'Poitiers' });
      expect(archives[0]!.document.fileName).toBe('Concertation2015_Poitiers.zip');
      expect(archives[0]!.entries).toEqual([
        'Synthese_Poitiers_Lycee Camille Guerin.docx',
        'Defi_Theme 1_Poitiers_Lycee Camille Guerin.docx',
        'Defi_Theme 4_Poitiers_Lycee Camille Guerin.docx',
      ]);
      expect(existsSync(join(outputDir, 'Concertation2015_Poitiers.zip'))).toBe(true);
    },
    invalid: async (h) => {
      const world = await installPreset(h, 'concertation-2015');
      await h.refuse('kit2015.generate', { campaignId: world.campaignId, outputDir: h.tempDir() }, {
        code: 'CONFLICT', message: 'Aucune rencontre d’établissement',
      });
      await h.refuse('kit2015.generate', { campaignId: world.campaignId, outputDir: h.tempDir(), academieCode: 'poitiers!' }, {
        code: 'INVALID_INPUT', path: 'academieCode', message: 'code d\'académie invalide',
      });
    },
  },
  'spreadsheets.attendanceTemplate': {
    valid: async (h) => {
      const world = await installPreset(h);
      await h.ok('meetings.create', aMeeting(world.campaignId, { declaredTotal: 40 }));
      const outputPath = join(h.tempDir(), 'gironde.xlsx');
      const result = await h.ok('spreadsheets.attendanceTemplate', { campaignId: world.campaignId, outputPath, departementCode: '33' });
      expect(result).toMatchObject({ path: outputPath, prefilledRows: 1, document: { fileName: 'gironde.xlsx', trameId: null, scope: 'departement:33' } });
      expect(readFileSync(outputPath).subarray(0, 2).toString('latin1')).toBe('PK');
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('spreadsheets.attendanceTemplate', { campaignId: world.campaignId, outputPath: join(h.tempDir(), 'x.xlsx'), departementCode: '99' }, {
        code: 'CONFLICT', message: 'Département inconnu',
      });
    },
  },
  'spreadsheets.previewImport': {
    valid: async (h) => {
      const world = await installPreset(h);
      const outputPath = join(h.tempDir(), 'modele.xlsx');
      await h.ok('meetings.create', aMeeting(world.campaignId, { declaredTotal: 40 }));
      await h.ok('spreadsheets.attendanceTemplate', { campaignId: world.campaignId, outputPath });
      const report = await h.ok('spreadsheets.previewImport', { campaignId: world.campaignId, path: outputPath });
      expect(report).toMatchObject({ rowsRead: 1, added: 0, updated: 0, unchanged: 1, refused: 0, applied: false });
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('spreadsheets.previewImport', { campaignId: world.campaignId, path: join(h.tempDir(), 'absent.xlsx') }, {
        code: 'FILE', message: 'absent.xlsx',
      });
    },
  },
  'spreadsheets.importAttendance': {
    valid: async (h) => {
      const world = await installPreset(h);
      const outputPath = join(h.tempDir(), 'modele.xlsx');
      const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, { declaredTotal: 40 }));
      await h.ok('spreadsheets.attendanceTemplate', { campaignId: world.campaignId, outputPath });
      const report = await h.ok('spreadsheets.importAttendance', { campaignId: world.campaignId, path: outputPath });
      expect(report).toMatchObject({ unchanged: 1, applied: true });
      expect(report.rows[0]).toMatchObject({ action: 'inchangee', meetingId: meeting.id });
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('spreadsheets.importAttendance', { campaignId: world.campaignId }, {
        code: 'INVALID_INPUT', message: 'indiquez soit le chemin du fichier',
      });
    },
  },
  'spreadsheets.exportBilan': {
    valid: async (h) => {
      const world = await installPreset(h);
      await h.ok('meetings.create', aMeeting(world.campaignId, { declaredTotal: 40 }));
      const outputPath = join(h.tempDir(), 'bilan.xlsx');
      const result = await h.ok('spreadsheets.exportBilan', { campaignId: world.campaignId, outputPath });
      expect(result.sheets.slice(0, 4)).toEqual(['Bilan par académie', 'Bilan par département', 'Bilan par niveau', 'Bilan par catégorie']);
      expect(existsSync(outputPath)).toBe(true);
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('spreadsheets.exportBilan', { campaignId: world.campaignId, outputPath: join(h.tempDir(), 'b.xlsx'), scope: 'academie:33' }, {
        code: 'INVALID_INPUT', path: 'scope', message: 'périmètre invalide',
      });
    },
  },
} satisfies CaseGroup;

const reportCases = {
  'catalogue.info': {
    valid: async (h) => {
      await installPreset(h);
      const info = await h.ok('catalogue.info', {});
      expect(info).toMatchObject({ path: null, bytes: null, campaigns: 1, meetings: 0 });
      expect(info.schemaVersion).toBeGreaterThanOrEqual(4);
      expect(Number.isNaN(Date.parse(info.lastChange))).toBe(false);
    },
    invalid: async (h) => {
      await h.refuse('catalogue.info', 'chemin', { code: 'INVALID_INPUT', path: '', message: /objet attendu/ });
    },
  },
  'settings.get': {
    valid: async (h) => {
      expect(await h.ok('settings.get', {})).toEqual({ regionCode: null, contact: '', activeCampaignId: null, styleTemplateId: null });
      const world = await installPreset(h);
      expect(await h.ok('settings.get', {})).toEqual({ regionCode: 'NAQ', contact: '', activeCampaignId: null, styleTemplateId: null });
      await h.ok('settings.update', { activeCampaignId: world.campaignId });
      expect((await h.ok('settings.get', {})).activeCampaignId).toBe(world.campaignId);
    },
    invalid: async (h) => {
      await h.refuse('settings.get', 'NAQ', { code: 'INVALID_INPUT', path: '', message: /objet attendu/ });
    },
  },
  'settings.update': {
    valid: async (h) => {
      const first = await h.ok('settings.update', { regionCode: 'NAQ', contact: 'drane@ac-bordeaux.fr' });
      expect(first).toEqual({ regionCode: 'NAQ', contact: 'drane@ac-bordeaux.fr', activeCampaignId: null, styleTemplateId: null });
      // A partial update keeps the rest.
      expect(await h.ok('settings.update', { contact: 'drane@region-academique.fr' }))
        .toEqual({ regionCode: 'NAQ', contact: 'drane@region-academique.fr', activeCampaignId: null, styleTemplateId: null });
    },
    invalid: async (h) => {
      await h.refuse('settings.update', { regionCode: 'naq' }, {
        code: 'INVALID_INPUT', path: 'regionCode', message: 'code de région académique invalide',
      });
      await h.refuse('settings.update', { regionCode: 'ZZZ' }, { code: 'CONFLICT', message: 'Région académique inconnue : « ZZZ »' });
      await h.refuse('settings.update', { activeCampaignId: 404 }, { code: 'CONFLICT', message: 'Consultation introuvable' });
    },
  },
  'stats.bilan': {
    valid: async (h) => {
      const world = await installPreset(h);
      const zap = await h.ok('bassins.create', aBassin());
      const eclore = await h.ok('bassins.create', aBassin({ departementCode: '86', kind: 'ECLORE', nom: 'Poitiers' }));
      const meeting = (overrides: Parameters<typeof aMeeting>[1]) => h.ok('meetings.create', aMeeting(world.campaignId, overrides));
      await meeting({ level: 'bassin', departementCode: null, bassinId: zap.id, date: '2020-09-21', declaredTotal: 500 });
      await meeting({ level: 'bassin', departementCode: null, bassinId: eclore.id, date: '2020-09-22' });
      await meeting({ departementCode: '33', declaredTotal: 40 });
      await meeting({ departementCode: '24', attendance: { eleves: 10, enseignants: 5 } });
      await meeting({ level: 'academique', departementCode: null, academieCode: 'LIMOGES', date: '2020-10-13' });
      await meeting({ departementCode: '75', declaredTotal: 999 }); // Paris: another région académique

      const bilan = await h.ok('stats.bilan', { campaignId: world.campaignId });
      expect(bilan).toMatchObject({ campaignId: world.campaignId, regionCode: 'NAQ', regionName: 'Nouvelle-Aquitaine' });
      expect(bilan.rows.map((a) => a.code)).toEqual(['BORDEAUX', 'LIMOGES', 'POITIERS']);
      expect(bilan.rows[0]).toEqual({
        code: 'BORDEAUX', name: 'Bordeaux', bassinKinds: ['ZAP'], academiqueLevel: false,
        bassinMeetings: 1, secondLevelMeetings: 2, departements: 2, participants: 55,
        meetingsWithDeclaredTotal: 1, meetingsCountedByCategories: 1, meetingsWithoutFigure: 0,
        etablissementMeetings: 0, etablissementParticipants: 0,
      });
      expect(bilan.rows[1]).toMatchObject({ academiqueLevel: true, secondLevelMeetings: 1, departements: 0, meetingsWithoutFigure: 1 });
      expect(bilan.rows[2]).toMatchObject({ bassinKinds: ['ECLORE'], bassinMeetings: 1, secondLevelMeetings: 0 });
      expect(bilan.totals).toEqual({
        bassinMeetings: 2, secondLevelMeetings: 3, departements: 2, participants: 55,
        meetingsWithDeclaredTotal: 1, meetingsCountedByCategories: 1, meetingsWithoutFigure: 1,
        etablissementMeetings: 0, etablissementParticipants: 0,
      });
      expect(bilan.secondLevelDates).toEqual(['2020-10-13', '2020-10-14']);
    },
    invalid: async (h) => {
      const world = await installPreset(h, 'egn-2020', null);
      await h.refuse('stats.bilan', { campaignId: world.campaignId, regionCode: 'Nouvelle-Aquitaine' }, {
        code: 'INVALID_INPUT', path: 'regionCode', message: 'code de région académique invalide',
      });
      await h.refuse('stats.bilan', { campaignId: world.campaignId }, { code: 'CONFLICT', message: 'Aucune région académique choisie' });
      await h.refuse('stats.bilan', { campaignId: 404, regionCode: 'NAQ' }, { code: 'NOT_FOUND', message: 'Consultation introuvable' });
    },
  },
  'synthesis.preflight': {
    valid: async (h) => {
      const world = await installPreset(h);
      const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, {
        declaredTotal: 10, attendance: { eleves: 8, enseignants: 6 }, restitutionReceived: false,
      }));
      const { findings } = await h.ok('synthesis.preflight', { campaignId: world.campaignId, thematique: 1 });
      const codes = findings.map((f) => f.code);
      expect(codes).toContain('retex-manquants');
      expect(codes).toContain('restitution-absente');
      expect(codes).toContain('categories-superieures');
      const over = findings.find((f) => f.code === 'categories-superieures')!;
      expect(over.message).toMatch(/les catégories totalisent 14 participants pour un total déclaré de 10/);
      expect(over.target).toMatchObject({ kind: 'meeting', id: meeting.id });
      expect(findings.find((f) => f.code === 'retex-manquants')!.message).toMatch(/Thématique 1.*0 retex sélectionné, la trame en demande au moins 2/);
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('synthesis.preflight', { campaignId: world.campaignId, scope: 'pays:FR' }, {
        code: 'INVALID_INPUT', path: 'scope', message: 'périmètre invalide',
      });
      await h.refuse('synthesis.preflight', { campaignId: world.campaignId, thematique: 9 }, { code: 'CONFLICT', message: 'Thématique 9 inconnue' });
    },
  },
  'synthesis.preview': {
    valid: async (h) => {
      const world = await installPreset(h);
      await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1), { text: 'Débits <insuffisants> & "zones blanches"' }));
      const preview = await h.ok('synthesis.preview', { campaignId: world.campaignId });
      expect(preview.title).toBe('Concertation sur les États généraux du numérique territorialisés — Synthèse de région académique');
      expect(preview.html).toContain('<h2>Thématique 1\u00A0: Un égal accès au numérique pour tous / Fracture numérique</h2>');
      expect(preview.html).toContain('Débits &lt;insuffisants&gt; &amp; &quot;zones blanches&quot;');
      expect(preview.html).not.toContain('<insuffisants>');
    },
    invalid: async (h) => {
      await h.refuse('synthesis.preview', { campaignId: 404 }, { code: 'NOT_FOUND', message: 'Consultation introuvable' });
      const world = await installPreset(h, 'egn-2020', null);
      await h.refuse('synthesis.preview', { campaignId: world.campaignId }, { code: 'CONFLICT', message: 'Aucune région académique choisie' });
    },
  },
  'synthesis.generate': {
    valid: async (h) => {
      const world = await installPreset(h);
      await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1)));
      const outputDir = h.tempDir();
      const { documents } = await h.ok('synthesis.generate', { campaignId: world.campaignId, outputDir });
      expect(documents.map((d) => [d.fileName, d.thematiqueNumber])).toEqual([
        ['Synthese_Nouvelle-Aquitaine.docx', null],
        ...[1, 2, 3, 4, 5].map((n) => [`Synthese_Nouvelle-Aquitaine_Thematique-${n}.docx`, n]),
      ]);
      for (const document of documents) {
        expect(document).toMatchObject({ campaignId: world.campaignId, scope: 'region:NAQ', generatedAt: FIXED_NOW.toISOString() });
        expect(document.path).toBe(join(outputDir, document.fileName));
        expect(existsSync(document.path)).toBe(true);
        const bytes = readFileSync(document.path);
        expect(document.bytes).toBe(bytes.length);
        expect(statSync(document.path).size).toBe(document.bytes);
        expect(document.sha256).toBe(sha256(bytes));
        expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a .docx is a zip
      }
      // Nothing else in the folder: no temporary file left behind.
      expect(readdirSync(outputDir).sort()).toEqual(documents.map((d) => d.fileName).sort());
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      const outputDir = h.tempDir();
      await h.refuse('synthesis.generate', { campaignId: world.campaignId, outputDir: '' }, {
        code: 'INVALID_INPUT', path: 'outputDir', message: 'trop court (au moins 1 caractère)',
      });
      await h.refuse('synthesis.generate', { campaignId: world.campaignId, outputDir, thematique: 9 }, {
        code: 'CONFLICT', message: 'Thématique 9 inconnue',
      });
      await h.refuse('synthesis.generate', { campaignId: 404, outputDir }, { code: 'NOT_FOUND', message: 'Consultation introuvable' });
      const file = join(outputDir, 'un-fichier');
      writeFileSync(file, 'pas un dossier');
      await h.refuse('synthesis.generate', { campaignId: world.campaignId, outputDir: join(file, 'sous-dossier') }, {
        code: 'FILE', message: 'Impossible de créer le dossier',
      });
      expect(readdirSync(outputDir)).toEqual(['un-fichier']);
    },
  },
  'documents.content': {
    valid: async (h) => {
      const world = await installPreset(h);
      const { documents } = await h.ok('synthesis.generate', { campaignId: world.campaignId, outputDir: h.tempDir(), thematique: 1 });
      const content = await h.ok('documents.content', { id: documents[0]!.id });
      expect(content.fileName).toBe('Synthese_Nouvelle-Aquitaine_Thematique-1.docx');
      expect(Buffer.from(content.contentBase64, 'base64').equals(readFileSync(documents[0]!.path))).toBe(true);
      expect(content.sha256).toBe(documents[0]!.sha256);
    },
    invalid: async (h) => {
      await h.refuse('documents.content', { id: 404 }, { code: 'NOT_FOUND', message: 'Document introuvable' });
      const world = await installPreset(h);
      const { documents } = await h.ok('synthesis.generate', { campaignId: world.campaignId, outputDir: h.tempDir(), thematique: 2 });
      writeFileSync(documents[0]!.path, 'modifié à la main');
      await h.refuse('documents.content', { id: documents[0]!.id }, { code: 'FILE', message: 'a été modifié depuis sa production' });
    },
  },
  'documents.list': {
    valid: async (h) => {
      const world = await installPreset(h);
      const other = await installPreset(h, 'concertation-2015');
      expect(await h.ok('documents.list', {})).toEqual([]);
      const outputDir = h.tempDir();
      const all = (await h.ok('synthesis.generate', { campaignId: world.campaignId, outputDir })).documents;
      const one = (await h.ok('synthesis.generate', { campaignId: world.campaignId, outputDir, thematique: 2 })).documents;
      expect(one).toHaveLength(1);
      // Every file written, most recent first (the second run is listed too, though it rewrote Thematique-2).
      const listed = await h.ok('documents.list', { campaignId: world.campaignId });
      expect(listed).toEqual([...one, ...all].sort((a, b) => b.id - a.id));
      expect(listed[0]).toEqual(one[0]);
      expect(await h.ok('documents.list', {})).toEqual(listed);
      expect(await h.ok('documents.list', { campaignId: other.campaignId })).toEqual([]);
    },
    invalid: async (h) => {
      await h.refuse('documents.list', { campaignId: -1 }, { code: 'INVALID_INPUT', path: 'campaignId', message: 'identifiant attendu (un nombre positif)' });
    },
  },
} satisfies CaseGroup;

const domains = {
  'Consultations et thématiques': campaignCases,
  Territoire: territoryCases,
  Rencontres: meetingCases,
  'Retours d’expérience et contributions': retexCases,
  'Trames et textes rédigés': trameCases,
  'Paramètres, bilan, synthèse et documents': reportCases,
  'Modèles de styles et kit 2015': styleAndKitCases,
};

/** Every operation, exactly once: TypeScript refuses a missing one, the first test below a stray one. */
const cases: Record<OperationName, OperationCase> = {
  ...campaignCases, ...territoryCases, ...meetingCases, ...retexCases, ...trameCases, ...reportCases,
  ...styleAndKitCases,
};

describe('1. Chaque opération du contrat', () => {
  it('a un cas de test, ni plus ni moins (table = OPERATION_NAMES)', () => {
    expect(Object.keys(cases).sort()).toEqual([...OPERATION_NAMES].sort());
    const perDomain = Object.values(domains).flatMap((group) => Object.keys(group));
    expect(perDomain).toHaveLength(OPERATION_NAMES.length); // no operation in two groups
  });

  for (const [domain, group] of Object.entries(domains)) {
    describe(domain, () => {
      for (const [name, testCase] of Object.entries(group) as [string, OperationCase][]) {
        describe(name, () => {
          it('réussit avec une entrée valide, et la réponse dit ce qu’elle doit', () => testCase.valid(h));
          it('refuse une entrée invalide, en français, sans toucher au catalogue', () => testCase.invalid(h));
        });
      }
    });
  }
});

// ─── 2. Noms d’opération inconnus ───────────────────────────────────────────────────────────────

describe('2. Opérations inconnues', () => {
  const names: unknown[] = [
    'meetings.drop', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 42, '', 'MEETINGS.LIST',
    ' meetings.list', null, undefined, ['meetings.list'], { name: 'meetings.list' },
  ];
  for (const name of names) {
    it(`refuse ${JSON.stringify(name) ?? String(name)} avec UNKNOWN_OPERATION`, async () => {
      await installPreset(h);
      const error = await h.refuse(name, { id: 1 }, { code: 'UNKNOWN_OPERATION', message: 'Opération inconnue' });
      expect(error.issues).toBeUndefined();
    });
  }

  it('ne laisse pas le nom d’une opération inconnue allonger le message sans fin', async () => {
    const error = await h.refuse('x'.repeat(10_000), {}, { code: 'UNKNOWN_OPERATION', message: 'Opération inconnue' });
    expect(error.message.length).toBeLessThan(200);
  });
});

// ─── 3. Caractères interdits, et refus qui ne laissent aucune trace ─────────────────────────────

describe('3. Textes et intégrité du catalogue', () => {
  it('refuse un caractère invisible dans un titre, en nommant sa position', async () => {
    const world = await installPreset(h);
    const error = await h.refuse('meetings.create', aMeeting(world.campaignId, { title: 'abc\u0007def' }), {
      code: 'INVALID_INPUT', path: 'title', message: 'caractère invisible interdit (U+0007) à la position 4',
    });
    expect(error.message).toBe(
      'Saisie refusée — champ « intitulé » : caractère invisible interdit (U+0007) à la position 4 : effacez-le (il vient souvent d’un copier-coller).',
    );
  });

  it.each([
    ['\uFFFE', 'U+FFFE', 1],
    ['Réunion\uFFFF', 'U+FFFF', 8],
    ['\u0000', 'U+0000', 1],
    ['ab\u007F', 'U+007F', 3],
    ['x\uD800', 'U+D800', 2], // lone surrogate
    ['\uDC00y', 'U+DC00', 1],
  ])('refuse %j dans un titre (%s, position %i)', async (title, code, position) => {
    const world = await installPreset(h);
    await h.refuse('meetings.create', aMeeting(world.campaignId, { title }), {
      code: 'INVALID_INPUT', path: 'title', message: `(${code}) à la position ${position}`,
    });
  });

  it('accepte tabulations, retours à la ligne et émojis ; un titre reste sur une ligne', async () => {
    const world = await installPreset(h);
    const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, { title: 'Atelier\t😀\r\nparents', notes: 'Ligne 1\r\n\tLigne 2' }));
    expect(meeting).toMatchObject({ title: 'Atelier 😀 parents', notes: 'Ligne 1\r\n\tLigne 2' });
  });

  it('refuse un caractère interdit dans un texte imbriqué (atelier, lien, sujet, section)', async () => {
    const world = await installPreset(h);
    const meeting = await h.ok('meetings.create', aMeeting(world.campaignId));
    const ateliers = [{ thematiqueId: world.thematique(1), defi: 'ok' }, { thematiqueId: world.thematique(1), defi: 'bip\u0007' }];
    await h.refuse('meetings.update', { id: meeting.id, ateliers }, {
      code: 'INVALID_INPUT', path: 'ateliers.1.defi', message: 'à la position 4',
    });
    await h.refuse('retex.create', aRetex(world.campaignId, world.thematique(1), {
      links: [{ kind: 'fiche', url: 'https://example.org', label: '\u001B[31m' }],
    }), { code: 'INVALID_INPUT', path: 'links.0.label', message: 'U+001B' });
    await h.refuse('thematiques.update', { id: world.thematique(1), sujets: ['\uFFFE'] }, {
      code: 'INVALID_INPUT', path: 'sujets.0', message: 'U+FFFE',
    });
    await h.refuse('sectionTexts.set', { campaignId: world.campaignId, sectionKey: 'descriptif', text: 'a\u0001' }, {
      code: 'INVALID_INPUT', path: 'text', message: 'à la position 2',
    });
  });

  it('refuse des ateliers sur une thématique d’une autre consultation, sans rien écrire', async () => {
    const egn = await installPreset(h, 'egn-2020');
    const old = await installPreset(h, 'concertation-2015', null);
    const before = catalogueChecksum(h.db);
    await h.refuse('meetings.create', aMeeting(egn.campaignId, {
      thematiqueIds: [egn.thematique(1)],
      attendance: { eleves: 12 },
      ateliers: [{ thematiqueId: egn.thematique(1) }, { thematiqueId: old.thematique(1) }],
    }), { code: 'CONFLICT', message: 'n’appartient pas à cette consultation' });
    const meeting = await h.ok('meetings.create', aMeeting(egn.campaignId, { ateliers: [{ thematiqueId: egn.thematique(2) }] }));
    const afterCreate = catalogueChecksum(h.db);
    await h.refuse('meetings.update', { id: meeting.id, thematiqueIds: [old.thematique(3)] }, {
      code: 'CONFLICT', message: 'n’appartient pas à cette consultation',
    });
    expect(catalogueChecksum(h.db)).toBe(afterCreate);
    // Created then deleted: back to the catalogue as it was before the first refusal, nothing left over.
    await h.ok('meetings.delete', { id: meeting.id });
    expect(catalogueChecksum(h.db)).toBe(before);
  });

  it('annule tout un enregistrement refusé à mi-chemin (transaction)', async () => {
    // The campaign row is written before the second thématique 1 breaks the unique constraint.
    await h.refuse('campaigns.create', aCampaign({
      thematiques: [{ number: 1, title: 'Une' }, { number: 1, title: 'Doublon' }],
    }), { code: 'CONFLICT', message: 'existe déjà' });
    expect(await h.ok('campaigns.list', {})).toEqual([]);
  });

  it('ne touche à rien quand une rencontre ou un contenu pointe ailleurs', async () => {
    const egn = await installPreset(h, 'egn-2020');
    const old = await installPreset(h, 'concertation-2015', null);
    const foreignMeeting = await h.ok('meetings.create', aMeeting(old.campaignId, { date: '2015-03-01' }));
    await h.refuse('contributions.create', aContribution(egn.campaignId, egn.thematique(1), { sourceMeetingIds: [foreignMeeting.id] }), {
      code: 'CONFLICT', message: 'Une rencontre source n’existe pas dans cette consultation',
    });
    await h.refuse('retex.create', aRetex(egn.campaignId, old.thematique(1)), {
      code: 'CONFLICT', message: 'Cette thématique n’appartient pas à la consultation',
    });
    await h.refuse('meetings.create', aMeeting(egn.campaignId, { etablissementUai: '0999999Z', level: 'etablissement' }), {
      code: 'CONFLICT', message: 'Établissement inconnu : 0999999Z',
    });
  });
});

// ─── 4. La synthèse écrit de vrais fichiers ─────────────────────────────────────────────────────

describe('4. synthesis.generate et documents.list', () => {
  it('écrit une seule thématique quand on la demande, dans un dossier créé au besoin', async () => {
    const world = await installPreset(h);
    const outputDir = join(h.tempDir(), 'sorties', '2020');
    const { documents } = await h.ok('synthesis.generate', { campaignId: world.campaignId, outputDir, thematique: 3 });
    expect(documents).toHaveLength(1);
    const [document] = documents;
    expect(document).toMatchObject({ fileName: 'Synthese_Nouvelle-Aquitaine_Thematique-3.docx', thematiqueNumber: 3 });
    const bytes = readFileSync(join(outputDir, document!.fileName));
    expect([bytes.length, sha256(bytes)]).toEqual([document!.bytes, document!.sha256]);
    expect(await h.ok('documents.list', { campaignId: world.campaignId })).toEqual(documents);
  });

  it('suit la région demandée plutôt que celle des paramètres', async () => {
    const world = await installPreset(h);
    const outputDir = h.tempDir();
    const { documents } = await h.ok('synthesis.generate', { campaignId: world.campaignId, outputDir, regionCode: 'BRE', thematique: 1 });
    expect(documents[0]).toMatchObject({ scope: 'region:BRE', fileName: 'Synthese_Bretagne_Thematique-1.docx' });
    expect(existsSync(join(outputDir, 'Synthese_Bretagne_Thematique-1.docx'))).toBe(true);
  });
});

// ─── 5. Défauts du code source (ces tests échouent tant qu’ils ne sont pas corrigés) ────────────

describe('5. Défauts trouvés dans le code source', () => {
  it('meetings.update déplace une rencontre départementale dans une autre académie (33 → 86)', async () => {
    const world = await installPreset(h);
    const meeting = await h.ok('meetings.create', aMeeting(world.campaignId));
    const moved = await h.ok('meetings.update', { id: meeting.id, departementCode: '86' });
    expect(moved).toMatchObject({ departementCode: '86', academieCode: 'POITIERS' });
  });

  it('meetings.update change l’établissement d’une rencontre et en redérive le lieu', async () => {
    const world = await installPreset(h);
    const bassin = await h.ok('bassins.create', aBassin());
    await h.ok('etablissements.create', anEtablissement({ bassinId: bassin.id }));
    await h.ok('etablissements.create', anEtablissement({ uai: '0860003C', nom: 'Collège Jean Moulin', type: 'college', commune: 'Poitiers', departementCode: '86' }));
    const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, { level: 'etablissement', departementCode: null, etablissementUai: '0330021U' }));
    expect(meeting).toMatchObject({ departementCode: '33', bassinId: bassin.id });
    const moved = await h.ok('meetings.update', { id: meeting.id, etablissementUai: '0860003C' });
    expect(moved).toMatchObject({ etablissementUai: '0860003C', bassinId: null, departementCode: '86', academieCode: 'POITIERS' });
  });

  it('meetings.update change le bassin d’une rencontre et en redérive le lieu', async () => {
    const world = await installPreset(h);
    const zap = await h.ok('bassins.create', aBassin());
    const eclore = await h.ok('bassins.create', aBassin({ departementCode: '86', kind: 'ECLORE', nom: 'Poitiers' }));
    const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, { level: 'bassin', departementCode: null, bassinId: zap.id }));
    const moved = await h.ok('meetings.update', { id: meeting.id, bassinId: eclore.id });
    expect(moved).toMatchObject({ bassinId: eclore.id, departementCode: '86', academieCode: 'POITIERS' });
  });

  it('bassins.update ne rend pas incohérentes (ni impossibles à modifier) les rencontres du bassin', async () => {
    const world = await installPreset(h);
    const bassin = await h.ok('bassins.create', aBassin());
    const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, { level: 'bassin', departementCode: null, bassinId: bassin.id }));
    await h.send('bassins.update', { id: bassin.id, departementCode: '86' }); // refused, or followed by its meetings
    const [after] = await h.ok('bassins.list', {});
    expect((await h.ok('meetings.get', { id: meeting.id })).departementCode).toBe(after!.departementCode);
    await h.ok('meetings.update', { id: meeting.id, title: 'Rencontre du bassin' });
  });

  it('etablissements.update ne rend pas incohérentes les rencontres de l’établissement', async () => {
    const world = await installPreset(h);
    await h.ok('etablissements.create', anEtablissement());
    const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, { level: 'etablissement', departementCode: null, etablissementUai: '0330021U' }));
    await h.send('etablissements.update', { uai: '0330021U', departementCode: '86' }); // refused, or followed
    const etablissement = await h.ok('etablissements.get', { uai: '0330021U' });
    expect((await h.ok('meetings.get', { id: meeting.id })).departementCode).toBe(etablissement.departementCode);
    await h.ok('meetings.update', { id: meeting.id, title: 'Rencontre au lycée' });
  });

  it('contributions.update d’un défi ne laisse pas une proposition répondre à autre chose qu’un défi de sa thématique', async () => {
    const world = await installPreset(h);
    const defi = await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1), { kind: 'defi' }));
    await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(1), { kind: 'proposition', parentId: defi.id }));
    await h.send('contributions.update', { id: defi.id, kind: 'attente' });
    await h.send('contributions.update', { id: defi.id, thematiqueId: world.thematique(2) });
    const all = await h.ok('contributions.list', { campaignId: world.campaignId });
    for (const c of all.filter((x) => x.parentId !== null)) {
      const parent = all.find((p) => p.id === c.parentId)!;
      expect([parent.kind, parent.thematiqueId]).toEqual(['defi', c.thematiqueId]);
    }
  });

  it('campaigns.delete de la consultation active remet activeCampaignId à null', async () => {
    const world = await installPreset(h);
    await h.ok('settings.update', { activeCampaignId: world.campaignId });
    await h.ok('campaigns.delete', { id: world.campaignId });
    expect((await h.ok('settings.get', {})).activeCampaignId).toBeNull();
  });

  it('le refus d’un atelier d’une autre consultation ne présente pas l’identifiant interne comme un numéro de thématique', async () => {
    const egn = await installPreset(h, 'egn-2020');
    const old = await installPreset(h, 'concertation-2015', null);
    const foreign = old.thematique(1); // id 6, number 1: there is no « thématique n°6 » anywhere
    const error = await h.refuse('meetings.create', aMeeting(egn.campaignId, { ateliers: [{ thematiqueId: foreign }] }), {
      code: 'CONFLICT', message: 'n’appartient pas à cette consultation',
    });
    expect(error.message).not.toContain(`n°${foreign}`);
  });

  it('meetings.list : « % » et « _ » cherchés tels quels, pas comme jokers', async () => {
    const world = await installPreset(h);
    const exact = await h.ok('meetings.create', aMeeting(world.campaignId, { title: 'Atelier 100% en ligne' }));
    await h.ok('meetings.create', aMeeting(world.campaignId, { title: 'Atelier 1000 élèves' }));
    expect((await h.ok('meetings.list', { campaignId: world.campaignId, search: '100%' })).map((m) => m.id)).toEqual([exact.id]);
    expect(await h.ok('meetings.list', { campaignId: world.campaignId, search: '_' })).toEqual([]);
  });

  it('meetings.list : la recherche ignore la casse des lettres accentuées (« école » trouve « École »)', async () => {
    const world = await installPreset(h);
    const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, { title: 'École Jules Ferry' }));
    expect(await h.ok('meetings.list', { campaignId: world.campaignId, search: 'école' })).toEqual([meeting]);
  });

  it('synthesis.generate en échec (fichier impossible à écrire) ne laisse ni historique partiel ni fichier temporaire', async () => {
    const world = await installPreset(h);
    const outputDir = h.tempDir();
    mkdirSync(join(outputDir, 'Synthese_Nouvelle-Aquitaine_Thematique-2.docx')); // a folder where a file must go
    await h.refuse('synthesis.generate', { campaignId: world.campaignId, outputDir }, {
      code: 'FILE', message: 'Impossible d’écrire',
    });
    expect(readdirSync(outputDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
