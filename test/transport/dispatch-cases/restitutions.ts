/** Dispatcher cases: restitutions as sources (read, listed, cut into contributions, removed, a folder of them). */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type DispatchHarness, installPreset } from '../../support/dispatch-harness.ts';
import { aMeeting } from '../../support/valid-inputs.ts';
import { type CaseGroup, sha256 } from './case.ts';

const DOCX = join(import.meta.dirname, '../../fixtures/restitutions/restitution-atelier-numerique.docx');
const TEXT = 'Constat : les familles manquent d’équipement.\n\nProposition : prêter des ordinateurs.';

/** The 2020 preset, a meeting, and a restitution typed for it. */
async function withRestitution(h: DispatchHarness) {
  const world = await installPreset(h);
  const meeting = await h.ok('meetings.create', aMeeting(world.campaignId));
  const restitution = await h.ok('restitutions.add', { meetingId: meeting.id, text: TEXT });
  return { world, meeting, restitution };
}

export const restitutionCases = {
  'restitutions.list': {
    valid: async (h) => {
      const { meeting, restitution } = await withRestitution(h);
      expect(await h.ok('restitutions.list', { meetingId: meeting.id })).toEqual([
        expect.objectContaining({ id: restitution.id, format: 'saisie', fileName: '', passageCount: 2, contributionCount: 0 }),
      ]);
    },
    invalid: async (h) => {
      await h.refuse('restitutions.list', { meetingId: 404 }, { code: 'NOT_FOUND', message: 'Rencontre' });
      await h.refuse('restitutions.list', { meetingId: 'douze' }, { code: 'INVALID_INPUT', path: 'meetingId', message: /nombre/ });
    },
  },
  'restitutions.get': {
    valid: async (h) => {
      const { restitution } = await withRestitution(h);
      const read = await h.ok('restitutions.get', { id: restitution.id });
      expect(read.passages).toEqual([
        { index: 0, text: 'Constat : les familles manquent d’équipement.', heading: false },
        { index: 1, text: 'Proposition : prêter des ordinateurs.', heading: false },
      ]);
      expect(read.sha256).toBe(sha256(Buffer.from(TEXT, 'utf8')));
    },
    invalid: async (h) => {
      await h.refuse('restitutions.get', { id: 404 }, { code: 'NOT_FOUND', message: 'Restitution' });
    },
  },
  'restitutions.add': {
    valid: async (h) => {
      const world = await installPreset(h);
      const meeting = await h.ok('meetings.create', aMeeting(world.campaignId));
      const added = await h.ok('restitutions.add', { meetingId: meeting.id, path: DOCX });
      expect(added).toMatchObject({ fileName: 'restitution-atelier-numerique.docx', format: 'docx', sha256: sha256(readFileSync(DOCX)) });
      expect((await h.ok('meetings.get', { id: meeting.id })).restitutionReceived).toBe(true);
    },
    invalid: async (h) => {
      const { meeting } = await withRestitution(h);
      await h.refuse('restitutions.add', { meetingId: meeting.id }, { code: 'INVALID_INPUT', message: 'soit le chemin du fichier' });
      await h.refuse('restitutions.add', { meetingId: meeting.id, text: TEXT }, { code: 'CONFLICT', message: 'déjà jointe à la rencontre' });
    },
  },
  'restitutions.delete': {
    valid: async (h) => {
      const { world, restitution } = await withRestitution(h);
      const cut = await h.ok('restitutions.cut', {
        restitutionId: restitution.id, start: { passage: 1, offset: 0 }, end: { passage: 1, offset: 37 }, thematiqueId: world.thematique(1), kind: 'proposition',
      });
      expect(await h.ok('restitutions.delete', { id: restitution.id })).toEqual({ deleted: true });
      expect(await h.ok('contributions.get', { id: cut.id })).toMatchObject({ text: cut.text, sourceMeetingIds: cut.sourceMeetingIds, passage: null });
    },
    invalid: async (h) => {
      await h.refuse('restitutions.delete', { id: 404 }, { code: 'NOT_FOUND', message: 'Restitution' });
    },
  },
  'restitutions.cut': {
    valid: async (h) => {
      const { world, meeting, restitution } = await withRestitution(h);
      const cut = await h.ok('restitutions.cut', {
        restitutionId: restitution.id, start: { passage: 1, offset: 14 }, end: { passage: 1, offset: 37 }, thematiqueId: world.thematique(1), kind: 'proposition',
      });
      expect(cut).toMatchObject({
        text: 'prêter des ordinateurs.', review: 'a_traiter', sourceMeetingIds: [meeting.id],
        passage: { restitutionId: restitution.id, start: { passage: 1, offset: 14 }, end: { passage: 1, offset: 37 }, text: 'prêter des ordinateurs.' },
      });
    },
    invalid: async (h) => {
      const { world, restitution } = await withRestitution(h);
      await h.refuse('restitutions.cut', {
        restitutionId: restitution.id, start: { passage: 1, offset: 0 }, end: { passage: 1, offset: 500 }, thematiqueId: world.thematique(1), kind: 'defi',
      }, { code: 'INVALID_INPUT', message: 'Sélection impossible dans la restitution' });
      await h.refuse('restitutions.cut', {
        restitutionId: restitution.id, start: { passage: 0, offset: 0 }, end: { passage: 0, offset: 5 }, thematiqueId: world.thematique(1), kind: 'opinion',
      }, { code: 'INVALID_INPUT', path: 'kind', message: /.+/ });
    },
  },
  'restitutions.previewFolder': {
    valid: async (h) => {
      const world = await installPreset(h);
      const meeting = await h.ok('meetings.create', aMeeting(world.campaignId));
      const folder = h.tempDir();
      copyFileSync(DOCX, join(folder, `Restitution réf ${meeting.id}.docx`));
      const preview = await h.ok('restitutions.previewFolder', { campaignId: world.campaignId, folder });
      expect(preview.files).toEqual([expect.objectContaining({ meetingId: meeting.id, alreadyThere: false, problem: null })]);
    },
    invalid: async (h) => {
      const world = await installPreset(h);
      await h.refuse('restitutions.previewFolder', { campaignId: world.campaignId, folder: join(h.tempDir(), 'absent') }, { code: 'FILE', message: 'Dossier introuvable' });
      await h.refuse('restitutions.previewFolder', { campaignId: world.campaignId, folder: '' }, { code: 'INVALID_INPUT', path: 'folder', message: /.+/ });
    },
  },
  'restitutions.importFolder': {
    valid: async (h) => {
      const world = await installPreset(h);
      const meeting = await h.ok('meetings.create', aMeeting(world.campaignId));
      const folder = h.tempDir();
      copyFileSync(DOCX, join(folder, 'gironde.docx'));
      const report = await h.ok('restitutions.importFolder', { campaignId: world.campaignId, folder, assignments: [{ fileName: 'gironde.docx', meetingId: meeting.id }] });
      expect(report.added).toEqual([expect.objectContaining({ fileName: 'gironde.docx', meetingId: meeting.id })]);
      expect(report.skipped).toEqual([]);
    },
    invalid: async (h) => {
      await h.refuse('restitutions.importFolder', { campaignId: 404, folder: h.tempDir(), assignments: [] }, { code: 'NOT_FOUND', message: 'Consultation' });
      await h.refuse('restitutions.importFolder', { campaignId: 1, folder: h.tempDir(), assignments: [{ fileName: '', meetingId: 1 }] }, {
        code: 'INVALID_INPUT', path: 'assignments.0.fileName', message: /.+/,
      });
    },
  },
} satisfies CaseGroup;
