/** Issue 12, item 3: numbered items stay numbered, notes stay with what they comment, a footer at its size with a mailto. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keepNumbering, text } from '../../../src-main/synthesis/model.ts';
import { demoCatalogue, type TestCatalogue } from '../../support/catalogue.ts';
import { docxPart, pdfText } from '../../support/office.ts';

let demo: TestCatalogue & { campaignId: number };
let whole: string;

beforeAll(async () => {
  demo = await demoCatalogue();
  await demo.call('settings.update', { contact: 'dane@ac-poitiers.fr' });
  const { documents } = await demo.call('synthesis.generate', { campaignId: demo.campaignId, outputDir: mkdtempSync(join(tmpdir(), 'synthese-mise-en-page-')) });
  whole = documents[0]!.path;
});

describe('numbered items', () => {
  it('turns items typed « 1) », « 2. »… in increasing order (all, or those a scope kept) into a numbered list, and leaves the others alone', () => {
    const [numbered, kept, single, unordered, mixed] = keepNumbering([
      { kind: 'list', items: [[text('1) Éduquer')], [text('2. Construire'), text(' des outils', { bold: true })]] },
      { kind: 'list', items: [[text('1) Éduquer')], [text('4) Sensibiliser')]] },
      { kind: 'list', items: [[text('1) Seul')]] },
      { kind: 'list', items: [[text('3) Donner')], [text('1) Éduquer')]] },
      { kind: 'list', items: [[text('1) Éduquer')], [text('Sans numéro')]] },
    ]);
    expect(numbered).toEqual({ kind: 'list', numbered: true, items: [[text('Éduquer')], [text('Construire'), text(' des outils', { bold: true })]] });
    expect(kept).toEqual({ kind: 'list', numbered: true, items: [[text('Éduquer')], [text('Sensibiliser')]] });
    expect(single).toEqual({ kind: 'list', numbered: true, items: [[text('Seul')]] });
    expect(unordered).not.toHaveProperty('numbered');
    expect(mixed).not.toHaveProperty('numbered');
  });

  it('prints seed 004’s four propositions of thématique 4 as « 1) » to « 4) », by Word’s numbering', async () => {
    const document = await docxPart(whole, 'word/document.xml');
    const numbered = [...document.matchAll(/<w:numId w:val="(100\d)"\/>/g)].map((m) => m[1]);
    expect(numbered).toEqual(['1001', '1001', '1001', '1001']);
    expect(document).not.toMatch(/<w:t[^>]*>\d\) /); // the numbers are Word's, not typed
    const numbering = await docxPart(whole, 'word/numbering.xml');
    expect(numbering).toMatch(/<w:abstractNum w:abstractNumId="901">.*<w:numFmt w:val="decimal"\/><w:lvlText w:val="%1\)"\/>/);
    const pdf = pdfText(whole).replace(/\s+/g, ' ');
    expect(pdf).toMatch(/1\) Éduquer au bon usage du numérique.*2\) Concevoir et promouvoir.*3\) Donner aux établissements.*4\) Sensibiliser les parents/);
  });
});

describe('notes and footer', () => {
  it('keeps the Bilan’s last rows on the page of the note that follows the table', async () => {
    const document = await docxPart(whole, 'word/document.xml');
    const note = document.indexOf('Détail par catégorie');
    expect(note).toBeGreaterThan(0);
    const rows = document.slice(0, note).split('<w:tr>');
    expect(rows.at(-1)).toContain('<w:keepNext/>');
    expect(rows.at(-2)).toContain('<w:keepNext/>');
  });

  it('keeps a table with the sentence and the note after it, and every heading with what follows, whatever the template', async () => {
    const document = await docxPart(whole, 'word/document.xml');
    const sentence = document.indexOf('Au total, <');
    const paragraphStart = document.lastIndexOf('<w:p>', sentence);
    expect(document.slice(paragraphStart, sentence)).toContain('<w:keepNext/>');
    const rows = document.slice(0, paragraphStart).split('<w:tr>');
    expect(rows.at(-1)).toContain('<w:keepNext/>');
    const headings = [...document.matchAll(/<w:pPr><w:pStyle w:val="Heading[12]"\/>(.*?)<\/w:pPr>/g)];
    expect(headings.length).toBeGreaterThan(20);
    for (const h of headings) expect(h[1]).toBe('<w:keepNext/><w:keepLines/>');
  });

  it('writes the contact as a mailto link and every run of « Page n / N » at 8 pt', async () => {
    const footer = await docxPart(whole, 'word/footer1.xml');
    const rels = await docxPart(whole, 'word/_rels/footer1.xml.rels');
    expect(rels).toMatch(/Target="mailto:dane@ac-poitiers\.fr" TargetMode="External"/);
    expect(footer).toMatch(/<w:hyperlink [^>]*r:id="[^"]+">.*dane@ac-poitiers\.fr<\/w:t>/);
    const pageParagraph = footer.slice(footer.lastIndexOf('<w:p>'));
    const runs = [...pageParagraph.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => m[1]!);
    expect(runs.length).toBe(12); // « Page », five runs per field, « / »
    for (const run of runs) expect(run).toContain('<w:sz w:val="16"/>');
    expect(pageParagraph).toMatch(/<w:instrText xml:space="preserve"> PAGE <\/w:instrText>.*<w:t>1<\/w:t>.*NUMPAGES/);
  });
});
