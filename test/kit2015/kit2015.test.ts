import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemos } from '../../src-main/demo/demo-catalogue.ts';
import { defiFileName, etablissementLabels, kitPart, synthesisFileName, uniqueNames } from '../../src-main/kit2015/file-names.ts';
import { byEtablissement } from '../../src-main/kit2015/meeting-documents.ts';
import { emptyCatalogue, type TestCatalogue } from '../support/catalogue.ts';
import { pdfText } from '../support/office.ts';

describe('kit 2015 file names', () => {
  it('follow the kit and are safe on Windows, macOS and Linux', () => {
    expect(synthesisFileName('Poitiers', 'Lycée Marguerite de Valois')).toBe('Synthese_Poitiers_Lycee Marguerite de Valois.docx');
    expect(defiFileName(3, 'Orléans-Tours', 'Collège "Les <Tilleuls>": A/B?')).toBe('Defi_Theme 3_Orleans-Tours_College Les Tilleuls A B.docx');
    expect(kitPart("Lycée Jean-d'Alembert. ")).toBe('Lycee Jean-d Alembert');
    expect(kitPart('CON')).toBe('CON_');
    expect(kitPart('\u0007\u0000')).toBe('Sans nom');
    expect(kitPart('x'.repeat(200))).toHaveLength(60);
    expect(uniqueNames(['a.docx', 'b.docx', 'A.docx'])).toEqual(['a.docx', 'b.docx', 'A (2).docx']);
  });

  it('name the établissement as a sentence does: « le collège Jean Moulin », « l’école maternelle de Châlus »', () => {
    expect(byEtablissement('Collège Jean Picart Le Doux')).toBe('le collège Jean Picart Le Doux');
    expect(byEtablissement('École maternelle de Châlus')).toBe('l’école maternelle de Châlus');
    expect(byEtablissement('Cité scolaire Jean-Baptiste Darnet')).toBe('la cité scolaire Jean-Baptiste Darnet');
    expect(byEtablissement('Lycée professionnel Jean Rostand')).toBe('le lycée professionnel Jean Rostand');
    expect(byEtablissement('EREA Toulouse-Lautrec')).toBe('l’établissement EREA Toulouse-Lautrec');
  });

  it('tell homonymous établissements apart by their commune, then by their UAI', () => {
    const labels = etablissementLabels([
      { uai: '0160001A', nom: 'Collège Jean Moulin', commune: 'Angoulême' },
      { uai: '0170002B', nom: 'Collège Jean-Moulin', commune: 'Saintes' }, // the hyphen makes it another name
      { uai: '0790003C', nom: 'Collège Jean Moulin', commune: 'Niort' },
      { uai: '0790004D', nom: 'Collège Jean Moulin', commune: 'Niort' },
      { uai: '0860005E', nom: 'Lycée Camille Guérin', commune: 'Poitiers' },
    ]);
    expect(Object.fromEntries(labels)).toEqual({
      '0160001A': 'Collège Jean Moulin Angoulême',
      '0170002B': 'Collège Jean-Moulin',
      '0790003C': 'Collège Jean Moulin 0790003C',
      '0790004D': 'Collège Jean Moulin 0790004D',
      '0860005E': 'Lycée Camille Guérin',
    });
  });
});

describe('kit2015.generate on the 2015 demo', () => {
  let demo: TestCatalogue;
  let campaignId: number;
  let outputDir: string;
  let archives: Awaited<ReturnType<TestCatalogue['call']>> & any;
  let archivesFindings: unknown[];

  beforeAll(async () => {
    demo = emptyCatalogue();
    await loadDemos(demo.call);
    campaignId = (await demo.call('campaigns.list', {})).find((c) => c.slug === 'concertation-2015')!.id;
    outputDir = mkdtempSync(join(tmpdir(), 'synthese-kit-'));
    ({ archives, findings: archivesFindings } = await demo.call('kit2015.generate', { campaignId, outputDir }));
  });

  it('writes one .zip per académie, with a synthesis and a fiche défi per atelier for each établissement', async () => {
    expect(archives.map((a: any) => a.document.fileName)).toEqual(['Concertation2015_Limoges.zip', 'Concertation2015_Poitiers.zip']);
    const meetings = (await demo.call('meetings.list', { campaignId, level: 'etablissement', limit: 500 })).items;
    const expected = meetings.reduce((n, m) => n + 1 + m.ateliers.length, 0);
    expect(archives.reduce((n: number, a: any) => n + a.entries.length, 0)).toBe(expected);
    for (const archive of archives) {
      const zip = await JSZip.loadAsync(readFileSync(archive.document.path));
      const names = Object.keys(zip.files).sort();
      expect(names).toEqual([...archive.entries].sort());
      for (const name of names) expect(name).toMatch(/^(Synthese_[A-Za-z-]+_|Defi_Theme \d+_[A-Za-z-]+_)[A-Za-z0-9 ()-]+\.docx$/);
    }
  });

  it('says what is wrong with the meetings it writes up, as the synthesis pre-flight does', () => {
    const codes = (archivesFindings as { code: string; message: string }[]).map((f) => `${f.code}: ${f.message}`);
    expect(codes).toContainEqual(expect.stringMatching(/^elus-periode-reserve: Rencontre « .*Émile Zola.* » du 17.février 2015/));
    expect(codes).toContainEqual(expect.stringMatching(/^categories-superieures: .*totalisent 53 participants pour un total déclaré de 48/));
  });

  it('never lets one établissement’s file overwrite another’s, even when two share a name', async () => {
    const meetings = (await demo.call('meetings.list', { campaignId, level: 'etablissement', academieCode: 'POITIERS', limit: 500 })).items;
    const uais = [...new Set(meetings.map((m) => m.etablissementUai!))];
    expect(uais.length).toBeGreaterThanOrEqual(2);
    const first = await demo.call('etablissements.get', { uai: uais[0]! });
    const copy = emptyCatalogue();
    await loadDemos(copy.call);
    await copy.call('etablissements.update', { uai: uais[1]!, nom: first.nom });
    const copyCampaign = (await copy.call('campaigns.list', {})).find((c) => c.slug === 'concertation-2015')!.id;
    const { archives: again } = await copy.call('kit2015.generate', { campaignId: copyCampaign, outputDir: mkdtempSync(join(tmpdir(), 'synthese-kit-')) });
    const poitiers = again.find((a: any) => a.academieCode === 'POITIERS')!;
    const zip = await JSZip.loadAsync(readFileSync(poitiers.document.path));
    const expected = meetings.reduce((n, m) => n + 1 + m.ateliers.length, 0);
    expect(Object.keys(zip.files)).toHaveLength(expected);
    expect(Object.keys(zip.files).filter((n) => n.startsWith('Synthese_'))).toHaveLength(meetings.length);
    // Told apart by their communes, not by a "(2)" that says nothing of which is which.
    const second = await copy.call('etablissements.get', { uai: uais[1]! });
    for (const e of [first, second]) {
      expect(Object.keys(zip.files)).toContain(`Synthese_Poitiers_${kitPart(`${first.nom} ${e.commune}`)}.docx`);
    }
  });

  it('fills the établissement’s synthesis on the 2015 trame, and the fiche défi with its défi', async () => {
    const poitiers = archives.find((a: any) => a.academieCode === 'POITIERS');
    const zip = await JSZip.loadAsync(readFileSync(poitiers.document.path));
    const dir = mkdtempSync(join(tmpdir(), 'synthese-kit-read-'));
    const synthesisName = poitiers.entries.find((n: string) => n.startsWith('Synthese_'))!;
    const synthesisPath = join(dir, 'synthese.docx');
    writeFileSync(synthesisPath, await zip.file(synthesisName)!.async('nodebuffer'));
    const text = pdfText(synthesisPath).replace(/\s+/g, ' ');
    expect(text).toContain('Concertation nationale sur le numérique pour l\'éducation');
    expect(text).toContain("Synthèse de l'établissement");
    expect(text).toContain('Diversité des participants');
    expect(text).toMatch(/1\. État des lieux.*2\. Principales attentes.*3\. Description de 1 à 2 réalisations.*4\. Défis et propositions identifiés/);
    // The 2015 trame's word for its entries: « Réalisation 1 : », not 2020's « Retex 1 : ».
    expect(text).toMatch(/Réalisation 1 :/);
    expect(text).not.toMatch(/Retex \d :/);

    const defiName = poitiers.entries.find((n: string) => n.startsWith('Defi_'))!;
    const defiPath = join(dir, 'defi.docx');
    writeFileSync(defiPath, await zip.file(defiName)!.async('nodebuffer'));
    const defiText = pdfText(defiPath).replace(/\s+/g, ' ');
    const theme = Number(/Defi_Theme (\d+)_/.exec(defiName)![1]);
    expect(defiText).toContain(`Thème ${theme}`);
    expect(defiText).toContain('Le défi');
    expect(defiText).toContain('Propositions');
  });

  it('is reproducible: the same catalogue gives the same archive bytes', async () => {
    const again = mkdtempSync(join(tmpdir(), 'synthese-kit-again-'));
    const second = await demo.call('kit2015.generate', { campaignId, outputDir: again });
    expect(second.archives[0]!.document.sha256).toBe(archives[0].document.sha256);
  });
});
