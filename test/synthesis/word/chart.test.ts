/** Issue 12, item 2: the Bilan's chart as Word's own chart, its data in an embedded workbook, the picture as its fallback. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCatalogue, type TestCatalogue } from '../../support/catalogue.ts';
import { pdfText } from '../../support/office.ts';

let demo: TestCatalogue & { campaignId: number };
let zip: JSZip;
let path: string;
const part = (name: string) => zip.file(name)!.async('string');

beforeAll(async () => {
  demo = await demoCatalogue();
  const { documents } = await demo.call('synthesis.generate', { campaignId: demo.campaignId, outputDir: mkdtempSync(join(tmpdir(), 'synthese-graphique-')) });
  path = documents[0]!.path;
  zip = await JSZip.loadAsync(readFileSync(path));
});

describe('the Bilan’s chart in Word', () => {
  it('is a chart part with the Bilan’s figures, académie by académie, on two scales', async () => {
    const bilan = await demo.call('stats.bilan', { campaignId: demo.campaignId });
    const chart = await part('word/charts/chart1.xml');
    expect(chart.match(/<c:barChart>/g)).toHaveLength(2);
    const names = [...chart.matchAll(/<c:cat><c:strRef>.*?<\/c:cat>/g)][0]![0].match(/<c:v>([^<]*)<\/c:v>/g)!.map((v) => v.slice(5, -6));
    expect(names).toEqual(bilan.rows.map((r) => r.name));
    const values = (series: number) => [...chart.matchAll(/<c:ser>(.*?)<\/c:ser>/g)].filter((m) => m[1]!.includes('<c:numRef>'))[series]![1]!.match(/<c:pt idx="\d+"><c:v>(\d+)<\/c:v>/g)!.map((v) => Number(/>(\d+)</.exec(v)![1]));
    expect(values(0)).toEqual(bilan.rows.map((r) => r.participants));
    expect(values(1)).toEqual(bilan.rows.map((r) => r.bassinMeetings));
    expect(values(2)).toEqual(bilan.rows.map((r) => r.secondLevelMeetings));
    expect(chart).toContain('<c:lang val="fr-FR"/>');
    // Legible: no text under 8 pt; in the document's body font.
    const sizes = [...chart.matchAll(/ sz="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(800);
    expect(chart).toContain('<a:latin typeface="Arial"/>');
  });

  it('carries its data as a workbook Word opens with « Modifier les données »', async () => {
    const rels = await part('word/charts/_rels/chart1.xml.rels');
    expect(rels).toContain('Target="../embeddings/donnees-graphique1.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await zip.file('word/embeddings/donnees-graphique1.xlsx')!.async('nodebuffer') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Feuil1')!;
    const bilan = await demo.call('stats.bilan', { campaignId: demo.campaignId });
    expect(sheet.getRow(1).values).toEqual([undefined, 'Académie', 'Participants aux concertations de second niveau', expect.stringMatching(/^Rencontres de bassin/), 'Concertations de second niveau']);
    bilan.rows.forEach((row, i) => expect(sheet.getRow(i + 2).values).toEqual([undefined, row.name, row.participants, row.bassinMeetings, row.secondLevelMeetings]));
    const types = await part('[Content_Types].xml');
    expect(types).toContain('PartName="/word/charts/chart1.xml"');
    expect(types).toContain('Extension="xlsx"');
  });

  it('falls back to its picture (PNG, and SVG where shown), both with a text alternative that gives the figures', async () => {
    const document = await part('word/document.xml');
    expect(document).toMatch(/<mc:AlternateContent><mc:Choice [^>]*Requires="c14"><w:drawing>.*<c:chart [^>]*r:id="[^"]+"\/>.*<\/mc:Choice><mc:Fallback><w:drawing>.*<a:blip r:embed="[^"]+">.*<asvg:svgBlip [^>]*r:embed="[^"]+"\/>.*<\/mc:Fallback><\/mc:AlternateContent>/);
    const descriptions = [...document.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]!);
    expect(descriptions).toHaveLength(2);
    for (const d of descriptions) expect(d).toMatch(/Bordeaux : [\d  ]+ participants?, \d+ rencontres? de bassin, \d+ concertations? de second niveau/);
    // LibreOffice reads the document and shows the picture's caption.
    expect(pdfText(path).replace(/\s+/g, ' ')).toContain('Participants et rencontres par académie');
  });

  it('gives the same bytes from one generation to the next', async () => {
    const again = await demo.call('synthesis.generate', { campaignId: demo.campaignId, outputDir: mkdtempSync(join(tmpdir(), 'synthese-graphique-')) });
    expect(readFileSync(again.documents[0]!.path).equals(readFileSync(path))).toBe(true);
  });
});
