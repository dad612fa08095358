/** Dispatcher cases: paramètres, bilan, synthèse et documents */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { FIXED_NOW } from '../../support/catalogue.ts';
import { installPreset } from '../../support/dispatch-harness.ts';
import { aBassin, aContribution, aMeeting } from '../../support/valid-inputs.ts';
import { type CaseGroup, sha256 } from './case.ts';

export const reportCases = {
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
  'stats.missing': {
    valid: async (h) => {
      const world = await installPreset(h);
      const zap = await h.ok('bassins.create', aBassin());
      await h.ok('bassins.create', aBassin({ nom: 'Libourne' }));
      await h.ok('meetings.create', aMeeting(world.campaignId, { level: 'bassin', departementCode: null, bassinId: zap.id, date: '2020-09-21' }));
      const gironde = await h.ok('meetings.create', aMeeting(world.campaignId, { thematiqueIds: [world.thematique(1)] }));
      await h.ok('meetings.create', aMeeting(world.campaignId, { date: '2020-10-25' })); // after FIXED_NOW: not late
      const missing = await h.ok('stats.missing', { campaignId: world.campaignId, scope: 'departement:33' });
      expect(missing.bassins.map((g) => [g.departement.code, g.bassins.map((b) => b.nom)])).toEqual([['33', ['Libourne']]]);
      expect([missing.bassinCount, missing.bassinTotal, missing.departements]).toEqual([1, 2, []]);
      expect(missing.thematiques[0]!.thematiqueIds).not.toContain(world.thematique(1));
      expect(missing.thematiques[0]!.thematiqueIds).toContain(world.thematique(2));
      expect(missing.late.map((m) => m.id)).toContain(gironde.id);
      expect(missing.lateTotal).toBe(2);
      expect(missing.territorialLevels).toBe(true);
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('stats.missing', { campaignId: world.campaignId, scope: 'departement:75' }, { code: 'CONFLICT', message: 'n’est pas dans la région académique' });
      await h.refuse('stats.missing', { campaignId: 404, regionCode: 'NAQ' }, { code: 'NOT_FOUND', message: 'Consultation introuvable' });
    },
  },
  'search.catalogue': {
    valid: async (h) => {
      const world = await installPreset(h);
      const meeting = await h.ok('meetings.create', aMeeting(world.campaignId, { title: 'Rencontre à l’École Jules-Ferry' }));
      const contribution = await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(2), { text: 'Une école numérique pour tous.' }));
      await h.ok('contributions.create', aContribution(world.campaignId, world.thematique(2)));
      const found = await h.ok('search.catalogue', { campaignId: world.campaignId, search: 'l’ecole' });
      expect(found.hits.map((x) => [x.kind, x.id])).toEqual([['meeting', meeting.id], ['contribution', contribution.id]]);
      expect(found.hits[1]!.snippet).toContain('[école]');
      expect(found.totals).toEqual({ meeting: 1, retex: 0, contribution: 1, texte: 0, restitution: 0 });
      expect(await h.ok('search.catalogue', { campaignId: world.campaignId, search: '" * -' })).toEqual({
        hits: [], totals: { meeting: 0, retex: 0, contribution: 0, texte: 0, restitution: 0 },
      });
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('search.catalogue', { campaignId: world.campaignId, search: 'école', limit: 0 }, { code: 'INVALID_INPUT', path: 'limit', message: 'au moins 1' });
      await h.refuse('search.catalogue', { campaignId: 404, search: 'école' }, { code: 'NOT_FOUND', message: 'Consultation introuvable' });
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
