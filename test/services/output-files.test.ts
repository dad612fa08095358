/**
 * Paths the user types for generated files: relative ones stay inside the documents folder (a typed
 * « ../../ » is refused in French and nothing is written outside), full ones (the native dialog's) go
 * where they say.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors.ts';
import { outputFile, outputFolder } from '../../src-main/services/output-files.ts';
import { DispatchHarness, installPreset } from '../support/dispatch-harness.ts';
import { aMeeting, anEtablissement } from '../support/valid-inputs.ts';

let h: DispatchHarness;
let root: string;
let documentsDir: string;
beforeEach(() => {
  h = new DispatchHarness();
  root = h.tempDir();
  documentsDir = join(root, 'home', 'Documents', 'Synthèse régionale');
  mkdirSync(documentsDir, { recursive: true });
  h.ctx.documentsDir = documentsDir;
});
afterEach(() => h.close());

/** Every file and folder under `dir`, relative to it. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('aurait dû être refusé');
}

describe('output paths', () => {
  it('puts a relative folder or file inside the documents folder, « .. » that stays inside included', () => {
    expect(outputFolder({ documentsDir }, 'Synthèses/2020')).toBe(join(documentsDir, 'Synthèses', '2020'));
    expect(outputFolder({ documentsDir }, 'a/../b')).toBe(join(documentsDir, 'b'));
    expect(outputFolder({ documentsDir }, '.')).toBe(documentsDir);
    expect(outputFile({ documentsDir }, 'modeles/gironde.xlsx', '.xlsx')).toBe(join(documentsDir, 'modeles', 'gironde.xlsx'));
  });

  it.each(['..', '../x', '../../x', 'a/../../x', '../Synthèse régionale-bis/x'])('refuses « %s », in French', (given) => {
    const error = refusal(() => outputFolder({ documentsDir }, given));
    expect(error.code).toBe('FILE');
    expect(error.message).toContain('sort du dossier des documents');
    expect(error.message).toContain(`« ${given} »`);
  });

  it('refuses a relative file that climbs out, whatever its extension', () => {
    expect(refusal(() => outputFile({ documentsDir }, '../../evil.xlsx', '.xlsx')).message).toMatch(/sort du dossier des documents/);
    expect(refusal(() => outputFile({ documentsDir }, '../paquet.synthese', '.synthese')).message).toMatch(/sort du dossier des documents/);
  });

  it('takes a full path as it is: the user chose it in the dialog', () => {
    const elsewhere = join(root, 'ailleurs');
    expect(outputFolder({ documentsDir }, elsewhere)).toBe(elsewhere);
    expect(outputFile({ documentsDir }, join(elsewhere, 'x.xlsx'), '.xlsx')).toBe(join(elsewhere, 'x.xlsx'));
  });

  it('leaves relative paths to the working folder when there is no documents folder (the CLI, as in a shell)', () => {
    expect(outputFolder({}, '../x')).toBe(join(process.cwd(), '..', 'x'));
  });
});

describe('operations given a path that climbs out of the documents folder', () => {
  it('synthesis.generate: refused in French, nothing written anywhere', async () => {
    const world = await installPreset(h);
    const before = tree(root);
    const error = await h.refuse('synthesis.generate', { campaignId: world.campaignId, outputDir: '../../x', thematique: 1 }, {
      code: 'FILE', message: 'sort du dossier des documents',
    });
    expect(error.message).toContain('« ../../x »');
    expect(tree(root)).toEqual(before);
    expect(existsSync(join(root, 'home', 'x'))).toBe(false);
  });

  it('spreadsheets.attendanceTemplate and kit2015.generate: refused too, nothing written', async () => {
    const world = await installPreset(h);
    const before = tree(root);
    await h.refuse('spreadsheets.attendanceTemplate', { campaignId: world.campaignId, outputPath: '../../../modele.xlsx' }, {
      code: 'FILE', message: 'sort du dossier des documents',
    });
    const kit = await installPreset(h, 'concertation-2015');
    await h.ok('etablissements.create', anEtablissement({ uai: '0860034V', nom: 'Lycée Camille Guérin', commune: 'Poitiers', departementCode: '86' }));
    await h.ok('meetings.create', aMeeting(kit.campaignId, {
      level: 'etablissement', departementCode: null, etablissementUai: '0860034V', date: '2015-02-04', thematiqueIds: [kit.thematique(1)],
    }));
    await h.refuse('kit2015.generate', { campaignId: kit.campaignId, outputDir: '../kit' }, {
      code: 'FILE', message: 'sort du dossier des documents',
    });
    expect(tree(root)).toEqual(before);
  });

  it('synthesis.generate still writes under the documents folder, and to a full path', async () => {
    const world = await installPreset(h);
    const inside = await h.ok('synthesis.generate', { campaignId: world.campaignId, outputDir: 'sorties/../2020', thematique: 1 });
    expect(inside.documents[0]!.path).toBe(join(documentsDir, '2020', inside.documents[0]!.fileName));
    const full = join(root, 'ailleurs');
    const outside = await h.ok('synthesis.generate', { campaignId: world.campaignId, outputDir: full, thematique: 1 });
    expect(existsSync(join(full, outside.documents[0]!.fileName))).toBe(true);
  });
});
