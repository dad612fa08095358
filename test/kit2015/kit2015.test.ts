import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemos } from '../../src-main/demo/demo-catalogue.ts';
import { defiFileName, kitPart, synthesisFileName, uniqueNames } from '../../src-main/kit2015/file-names.ts';
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
});

describe('kit2015.generate on the 2015 demo', () => {
  let demo: TestCatalogue;
  let campaignId: number;
  let outputDir: string;
  let archives: Awaited<ReturnType<TestCatalogue['call']>> & any;

  beforeAll(async () => {
    demo = emptyCatalogue();
    await loadDemos(demo.call);
    campaignId = (await demo.call('campaigns.list', {})).find((c) => c.slug === 'concertation-2015')!.id;
    outputDir = mkdtempSync(join(tmpdir(), 'synthese-kit-'));
    ({ archives } = await demo.call('kit2015.generate', { campaignId, outputDir }));
  });

  it('writes one .zip per académie, with a synthesis and a fiche défi per atelier for each établissement', async () => {
    expect(archives.map((a: any) => a.document.fileName)).toEqual(['Concertation2015_Limoges.zip', 'Concertation2015_Poitiers.zip']);
    const meetings = await demo.call('meetings.list', { campaignId, level: 'etablissement' });
    const expected = meetings.reduce((n, m) => n + 1 + m.ateliers.length, 0);
    expect(archives.reduce((n: number, a: any) => n + a.entries.length, 0)).toBe(expected);
    for (const archive of archives) {
      const zip = await JSZip.loadAsync(readFileSync(archive.document.path));
      const names = Object.keys(zip.files).sort();
      expect(names).toEqual([...archive.entries].sort());
      for (const name of names) expect(name).toMatch(/^(Synthese_[A-Za-z-]+_|Defi_Theme \d+_[A-Za-z-]+_)[A-Za-z0-9 ()-]+\.docx$/);
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
