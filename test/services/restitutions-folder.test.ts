/**
 * A folder of restitutions: each file matched to its meeting by a reference or by words of its name
 * (never a guess between two), previewed without a write, then imported — every file read first, the
 * unreadable ones skipped and said, the rest written in one transaction.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors.ts';
import { importFolder } from '../../src-main/services/restitutions.service.ts';
import { datesInName, nameMatcher } from '../../src-main/services/restitution-folder.ts';
import type { MeetingToMatch } from '../../src-main/catalogue/repos/restitution.repo.ts';
import { catalogueChecksum } from '../support/catalogue.ts';
import { DispatchHarness, installPreset, type PresetWorld } from '../support/dispatch-harness.ts';
import { aMeeting } from '../support/valid-inputs.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/restitutions');
const DOCX = join(FIXTURES, 'restitution-atelier-numerique.docx');
const PDF = join(FIXTURES, 'compte-rendu-lycee-prevention.pdf');

describe('nameMatcher', () => {
  const meetings: MeetingToMatch[] = [
    { id: 12, uid: '0190a5b2-0000-7000-8000-000000000012', title: 'Rencontre au lycée Victor Hugo', date: '2020-10-14', lieu: '', etablissement: 'Lycée Victor Hugo', commune: 'Poitiers' },
    { id: 13, uid: '0190a5b2-0000-7000-8000-000000000013', title: 'Rencontre au lycée Camille Guérin', date: '2020-10-15', lieu: '', etablissement: 'Lycée Camille Guérin', commune: 'Poitiers' },
    { id: 14, uid: '0190a5b2-0000-7000-8000-000000000014', title: 'Rencontre au collège Victor Hugo', date: '2020-10-16', lieu: '', etablissement: 'Collège Victor Hugo', commune: 'Niort' },
  ];
  const match = nameMatcher(meetings);

  it('reads a reference or the meeting’s identity in the name first', () => {
    expect(match('Restitution réf. 13 - lycée Victor Hugo.docx')).toEqual({ meetingId: 13, reason: 'référence 13 dans le nom' });
    expect(match('R-14.pdf')).toMatchObject({ meetingId: 14 });
    expect(match('cr 0190a5b2-0000-7000-8000-000000000012.odt')).toMatchObject({ meetingId: 12, reason: 'identifiant de la rencontre dans le nom' });
    expect(match('ref 99 Guérin.docx')).toEqual({ meetingId: 13, reason: 'la référence 99 du nom n’est pas une rencontre de cette consultation ; reconnue par « guerin » dans le nom' });
  });

  it('then by the words of its title, établissement and commune, accents and case aside', () => {
    expect(match('CR_lycee_camille_GUERIN.pdf')).toMatchObject({ meetingId: 13 });
    expect(match('Restitution Victor Hugo Niort.docx')).toMatchObject({ meetingId: 14 });
    expect(match('Lycée Victor-Hugo Poitiers.docx')).toMatchObject({ meetingId: 12 });
  });

  it('says when two meetings fit as well, or none, and lets a date decide', () => {
    expect(match('Victor Hugo.docx')).toEqual({
      meetingId: null, reason: expect.stringMatching(/^plusieurs rencontres possibles \(« Rencontre au lycée Victor Hugo \(14\u00a0octobre 2020\) », « Rencontre au collège Victor Hugo \(16\u00a0octobre 2020\) »\) : choisissez-la$/),
    });
    expect(match('Victor Hugo 2020-10-16.docx')).toMatchObject({ meetingId: 14, reason: expect.stringContaining('la date') });
    expect(match('restitution.docx')).toEqual({ meetingId: null, reason: 'aucune rencontre reconnue dans le nom : choisissez-la' });
  });

  it('finds dates written the French way and the ISO way', () => {
    expect(datesInName('cr 14-10-2020 et 20201015 et 2020_10_16')).toEqual(['2020-10-15', '2020-10-16', '2020-10-14']);
  });
});

describe('restitutions.previewFolder and importFolder', () => {
  let h: DispatchHarness;
  let world: PresetWorld;
  let gironde: number;
  let dordogne: number;
  let landes: number;
  let folder: string;

  beforeEach(async () => {
    h = new DispatchHarness();
    world = await installPreset(h);
    gironde = (await h.ok('meetings.create', aMeeting(world.campaignId))).id;
    dordogne = (await h.ok('meetings.create', aMeeting(world.campaignId, { title: 'Concertation départementale de la Dordogne', departementCode: '24', lieu: 'Périgueux' }))).id;
    landes = (await h.ok('meetings.create', aMeeting(world.campaignId, { title: 'Concertation départementale des Landes', departementCode: '40', lieu: 'Mont-de-Marsan' }))).id;
    folder = h.tempDir();
    copyFileSync(DOCX, join(folder, 'Restitution Gironde.docx'));
    copyFileSync(PDF, join(folder, `CR réf ${landes}.pdf`));
    copyFileSync(DOCX, join(folder, 'Concertation départementale.docx')); // every meeting's words: none told apart
    copyFileSync(PDF, join(folder, 'Concertation Gironde Dordogne.pdf')); // two meetings' words
    writeFileSync(join(folder, 'Dordogne abîmé.docx'), 'pas un document Word');
    writeFileSync(join(folder, 'participants.xlsx'), 'tableau');
    writeFileSync(join(folder, '.DS_Store'), 'caché');
  });
  afterEach(() => h.close());

  it('previews each file with its meeting or why not, without writing anything', async () => {
    const before = catalogueChecksum(h.db);
    const preview = await h.ok('restitutions.previewFolder', { campaignId: world.campaignId, folder });
    expect(catalogueChecksum(h.db)).toBe(before);
    expect(preview.folder).toBe(folder);
    const byName = Object.fromEntries(preview.files.map((f) => [f.fileName, f]));
    expect(Object.keys(byName).sort()).toEqual(['Concertation départementale.docx', 'Concertation Gironde Dordogne.pdf', `CR réf ${landes}.pdf`, 'Dordogne abîmé.docx', 'participants.xlsx', 'Restitution Gironde.docx'].sort());
    expect(byName['Restitution Gironde.docx']).toMatchObject({ meetingId: gironde, meetingLabel: 'Concertation départementale de la Gironde (14\u00a0octobre 2020)', alreadyThere: false, problem: null });
    expect(byName[`CR réf ${landes}.pdf`]).toMatchObject({ meetingId: landes, reason: `référence ${landes} dans le nom` });
    expect(byName['Concertation départementale.docx']).toMatchObject({ meetingId: null, reason: 'aucune rencontre reconnue dans le nom : choisissez-la' });
    expect(byName['Concertation Gironde Dordogne.pdf']).toMatchObject({ meetingId: null, reason: expect.stringMatching(/^plusieurs rencontres possibles \(« Concertation départementale de la Gironde/) });
    // Not readable: said in the preview already, with why (its container is checked, its text is not read).
    expect(byName['Dordogne abîmé.docx']).toMatchObject({
      meetingId: null,
      problem: 'Le fichier « Dordogne abîmé.docx » porte le nom d’un document Word (.docx), mais c’est un fichier texte : ' +
        'ouvrez-le dans Word ou LibreOffice, enregistrez-le au format Word (.docx), puis ajoutez-le à nouveau.',
    });
    expect(byName['participants.xlsx']).toMatchObject({ meetingId: null, problem: expect.stringMatching(/^format non lu ici \(\.xlsx\)/) });
  });

  it('says in the preview which files cannot be read, and why, beside the readable ones', async () => {
    const random = Buffer.alloc(3000);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 256; // bytes that are no document
    writeFileSync(join(folder, 'Barbezieux restitution.docx'), random);
    writeFileSync(join(folder, 'Landes faux.pdf'), 'pas un PDF');
    writeFileSync(join(folder, 'Landes notes.txt'), Buffer.from([0x43, 0x52, 0x00, 0x01, 0xe9, 0x02]));
    writeFileSync(join(folder, 'Landes notes utf8.md'), '# Compte rendu\n\nLes élèves…');
    const preview = await h.ok('restitutions.previewFolder', { campaignId: world.campaignId, folder });
    const byName = Object.fromEntries(preview.files.map((f) => [f.fileName, f]));
    expect(byName['Barbezieux restitution.docx']!.problem).toBe(
      'Le fichier « Barbezieux restitution.docx » porte le nom d’un document Word (.docx), mais son contenu n’est pas lisible : ' +
        'ce n’est pas un document (fichier endommagé, ou d’un autre type renommé). Demandez-en une nouvelle copie.',
    );
    expect(byName['Landes faux.pdf']!.problem).toMatch(/^Le fichier « Landes faux\.pdf » porte le nom d’un PDF, mais ce n’est pas un fichier PDF/);
    expect(byName['Landes notes.txt']!.problem).toMatch(/n’est pas un texte lisible/);
    expect(byName['Landes notes utf8.md']).toMatchObject({ problem: null, meetingId: landes });
    expect(byName['Restitution Gironde.docx']).toMatchObject({ problem: null, meetingId: gironde });
    expect(byName[`CR réf ${landes}.pdf`]).toMatchObject({ problem: null, meetingId: landes });
  });

  it('says which files are already there, and recognises them by their bytes whatever their name', async () => {
    await h.ok('restitutions.add', { meetingId: dordogne, path: DOCX });
    const preview = await h.ok('restitutions.previewFolder', { campaignId: world.campaignId, folder });
    const byName = Object.fromEntries(preview.files.map((f) => [f.fileName, f]));
    expect(byName['Restitution Gironde.docx']).toMatchObject({ meetingId: dordogne, reason: 'déjà jointe à cette rencontre', alreadyThere: true });
  });

  it('imports the readable files and skips the others, saying why; then skips what is already there', async () => {
    const assignments = [
      { fileName: 'Restitution Gironde.docx', meetingId: gironde },
      { fileName: `CR réf ${landes}.pdf`, meetingId: landes },
      { fileName: 'Dordogne abîmé.docx', meetingId: dordogne },
      { fileName: '../ailleurs.docx', meetingId: gironde },
      { fileName: 'Concertation départementale.docx', meetingId: 9999 },
    ];
    const report = await h.ok('restitutions.importFolder', { campaignId: world.campaignId, folder, assignments });
    expect(report.added.map((a) => [a.fileName, a.meetingId])).toEqual([['Restitution Gironde.docx', gironde], [`CR réf ${landes}.pdf`, landes]]);
    expect(report.skipped).toEqual([
      { fileName: 'Dordogne abîmé.docx', reason: expect.stringMatching(/Dordogne abîmé\.docx/) },
      { fileName: '../ailleurs.docx', reason: expect.stringMatching(/nom de fichier invalide/) },
      { fileName: 'Concertation départementale.docx', reason: 'la rencontre 9999 n’existe pas dans cette consultation' },
    ]);
    expect((await h.ok('restitutions.list', { meetingId: landes }))[0]).toMatchObject({ fileName: `CR réf ${landes}.pdf`, format: 'pdf' });
    expect((await h.ok('meetings.get', { id: landes })).restitutionReceived).toBe(true);
    expect((await h.ok('meetings.get', { id: dordogne })).restitutionReceived).toBe(false);

    const again = await h.ok('restitutions.importFolder', { campaignId: world.campaignId, folder, assignments: assignments.slice(0, 1) });
    expect(again).toEqual({ added: [], skipped: [{ fileName: 'Restitution Gironde.docx', reason: 'déjà jointe à cette rencontre' }] });
  });

  it('writes in one transaction: cancelled while writing, nothing is kept', async () => {
    const before = catalogueChecksum(h.db);
    let writing = 0;
    const ctx = {
      ...h.ctx,
      onProgress: (p: { message: string }) => {
        if (/enregistrées/.test(p.message) && ++writing === 2) throw new AppError('CONFLICT', 'Opération annulée.');
      },
    };
    await expect(importFolder(ctx, {
      campaignId: world.campaignId, folder,
      assignments: [{ fileName: 'Restitution Gironde.docx', meetingId: gironde }, { fileName: `CR réf ${landes}.pdf`, meetingId: landes }],
    })).rejects.toThrow('Opération annulée.');
    expect(catalogueChecksum(h.db)).toBe(before);
  });

  it('stops reading when cancelled, and says so rather than skipping the file', async () => {
    const ctx = { ...h.ctx, onProgress: () => { throw new AppError('CONFLICT', 'Opération annulée.'); } };
    await expect(importFolder(ctx, { campaignId: world.campaignId, folder, assignments: [{ fileName: 'Restitution Gironde.docx', meetingId: gironde }] }))
      .rejects.toThrow('Opération annulée.');
  });

  it('refuses a folder that does not exist, in French', async () => {
    await h.refuse('restitutions.previewFolder', { campaignId: world.campaignId, folder: join(folder, 'absent') }, { code: 'FILE', message: /Dossier introuvable/ });
    await h.refuse('restitutions.previewFolder', { campaignId: world.campaignId, folder: join(folder, 'participants.xlsx') }, { code: 'FILE', message: /pas un dossier/ });
  });
});
