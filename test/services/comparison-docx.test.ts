/**
 * The comparison's Word annex on the demo (2015 and 2020), read back by LibreOffice: its title, the
 * map used, the three parts, the returning propositions' table; logged with the documents.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemos } from '../../src-main/demo/demo-catalogue.ts';
import type { Campaign } from '../../src-main/contract/schemas/campaign.ts';
import { emptyCatalogue, type TestCatalogue } from '../support/catalogue.ts';
import { docxPart, pdfText } from '../support/office.ts';

let t: TestCatalogue;
let c2015: Campaign;
let c2020: Campaign;

beforeAll(async () => {
  t = emptyCatalogue();
  await loadDemos(t.call);
  const campaigns = await t.call('campaigns.list', {});
  c2015 = campaigns.find((c) => c.slug === 'concertation-2015')!;
  c2020 = campaigns.find((c) => c.slug === 'egn-2020')!;
}, 60_000);

describe('the comparison annex', () => {
  it('is a Word file LibreOffice reads: the map, the three parts, the table 2015 | 2020', async () => {
    const th5 = c2020.thematiques.find((x) => x.number === 5)!;
    const request = { fromCampaignId: c2015.id, toCampaignId: c2020.id, toThematiqueId: th5.id, kind: 'proposition' as const };
    const comparison = await t.call('comparison.thematique', request);
    expect(comparison.returning.length).toBeGreaterThan(0);
    expect(comparison.gone.length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'synthese-annexe-'));
    const { document } = await t.call('comparison.generate', { ...request, outputDir: dir });
    expect(document).toMatchObject({ fileName: 'Annexe_Thematique-5_2015-2020.docx', campaignId: c2020.id, thematiqueNumber: 5, trameId: null });
    const bytes = readFileSync(document.path);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(document.sha256);
    expect((await t.call('documents.list', { campaignId: c2020.id })).map((d) => d.id)).toContain(document.id);

    const text = pdfText(document.path).replace(/\s+/g, ' ');
    expect(text).toContain('Annexe — Gouvernance et anticipation : 2015 et 2020');
    expect(text).toContain('Thématique 5 : Le numérique, un facteur d');
    for (const heading of ['Propositions qui reviennent', 'Propositions nouvelles', 'Propositions disparues']) expect(text).toContain(heading);
    // Headings in order, as Word's headings.
    const at = (s: string) => text.indexOf(s);
    expect(at('Thématiques rapprochées')).toBeLessThan(at('Propositions qui reviennent'));
    expect(at('Propositions qui reviennent')).toBeLessThan(at('Propositions nouvelles'));
    expect(at('Propositions nouvelles')).toBeLessThan(at('Propositions disparues'));
    const body = await docxPart(document.path, 'word/document.xml');
    expect(body.match(/<w:tbl>/g)?.length).toBe(2);
    expect(body).toMatch(/<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*Propositions disparues/);
    // The returning table: 2015 on the left, 2020 on the right, each with its meetings.
    const first = comparison.returning[0]!;
    expect(text).toContain(first.to.wording.slice(0, 30));
    expect(text).toContain(first.from.wording.slice(0, 30));
    expect(text).toMatch(/2015 2020/);
    for (const gone of comparison.gone) expect(text).toContain(gone.wording.slice(0, 25).replace(/\u2019/g, "'"));
  }, 180_000);

  it('writes the same bytes twice when nothing changed', async () => {
    const th1 = c2020.thematiques.find((x) => x.number === 1)!;
    const request = { fromCampaignId: c2015.id, toCampaignId: c2020.id, toThematiqueId: th1.id, kind: 'proposition' as const };
    const a = await t.call('comparison.generate', { ...request, outputDir: mkdtempSync(join(tmpdir(), 'synthese-annexe-')) });
    const b = await t.call('comparison.generate', { ...request, outputDir: mkdtempSync(join(tmpdir(), 'synthese-annexe-')) });
    expect(b.document.sha256).toBe(a.document.sha256);
  }, 60_000);
});
