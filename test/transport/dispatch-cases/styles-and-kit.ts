/** Dispatcher cases: modèles de styles et kit 2015 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { installPreset } from '../../support/dispatch-harness.ts';
import { makeRectoratTemplate, randomBytesFile } from '../../support/word-templates.ts';
import { aContribution, aMeeting, anEtablissement } from '../../support/valid-inputs.ts';
import { type CaseGroup } from './case.ts';

export const styleAndKitCases = {
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
  'kit2015.followUp': {
    valid: async (h) => {
      const world = await installPreset(h, 'concertation-2015');
      await h.ok('etablissements.create', anEtablissement({ uai: '0860034V', nom: 'Lycée Camille Guérin', commune: 'Poitiers', departementCode: '86' }));
      const place = { level: 'etablissement' as const, departementCode: null, etablissementUai: '0860034V' };
      const late = await h.ok('meetings.create', aMeeting(world.campaignId, { ...place, date: '2015-02-04', title: 'Rencontre au lycée' }));
      await h.ok('meetings.create', aMeeting(world.campaignId, { ...place, date: '2015-02-11', title: 'Seconde rencontre', restitutionReceived: true }));
      const followUp = await h.ok('kit2015.followUp', { campaignId: world.campaignId, scope: 'academie:POITIERS' });
      expect(followUp).toMatchObject({ applies: true, lastDay: '2015-03-09', received: 1, due: 0, late: 1 });
      expect(followUp.awaited).toEqual([{ meetingId: late.id, title: 'Rencontre au lycée', date: '2015-02-04', academieCode: null, dueDate: '2015-02-19', status: 'late' }]);
    },
    invalid: async (h) => {
      await h.refuse('kit2015.followUp', { campaignId: 404 }, { code: 'NOT_FOUND', message: 'Consultation' });
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
