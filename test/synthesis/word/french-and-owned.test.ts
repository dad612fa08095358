/** Issue 12, items 1 and 4: documents in French whatever the template, signed by their catalogue, and bytes that stay. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../src-main/catalogue/database.ts';
import { localCaller } from '../../../src-main/transport/local.ts';
import { demoCatalogue, FIXED_NOW, type TestCatalogue } from '../../support/catalogue.ts';
import { docxPart, pdfText } from '../../support/office.ts';
import { makeRectoratTemplate } from '../../support/word-templates.ts';

let demo: TestCatalogue & { campaignId: number };
const outDir = () => mkdtempSync(join(tmpdir(), 'synthese-francais-'));
const generate = async (options: { styleTemplateId?: number | null; thematique?: number } = {}) =>
  (await demo.call('synthesis.generate', { campaignId: demo.campaignId, outputDir: outDir(), thematique: 1, ...options })).documents[0]!.path;

beforeAll(async () => {
  demo = await demoCatalogue();
  await demo.call('settings.update', { contact: 'dane@ac-bordeaux.fr' });
});

describe('a document in French, signed by its catalogue', () => {
  it('says French in its properties, its settings and every style, even from an English template', async () => {
    const template = makeRectoratTemplate(outDir(), { language: 'en-US', fileName: 'Modèle anglais.docx' });
    expect(readFileSync(template).length).toBeGreaterThan(0);
    const style = await demo.call('styles.import', { path: template });
    const path = await generate({ styleTemplateId: style.id });
    const styles = await docxPart(path, 'word/styles.xml');
    expect(styles).not.toMatch(/w:val="en-US"/);
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>(?:(?!<\/w:rPr>).)*<w:lang [^>]*w:val="fr-FR"/);
    expect(await docxPart(path, 'word/settings.xml')).toContain('<w:themeFontLang w:val="fr-FR"/>');
    const core = await docxPart(path, 'docProps/core.xml');
    expect(core).toContain('<dc:language>fr-FR</dc:language>');
    // LibreOffice still reads it whole.
    expect(pdfText(path)).toContain('Thématique 1');
  });

  it('fills title, subject, author, description and keywords from the catalogue', async () => {
    const core = await docxPart(await generate({ styleTemplateId: null }), 'docProps/core.xml');
    const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(core)?.[1] ?? '';
    expect(field('dc:title')).toMatch(/^Concertation sur les États généraux du numérique territorialisés — .* — Thématique 1 : /);
    expect(field('dc:subject')).toMatch(/Région académique Nouvelle-Aquitaine/);
    expect(field('dc:creator')).toContain('dane@ac-bordeaux.fr');
    expect(field('cp:lastModifiedBy')).toBe(field('dc:creator'));
    expect(field('dc:description')).toMatch(/produit par Synthèse régionale/);
    expect(field('cp:keywords')).toMatch(/^synthèse, consultation, numérique éducatif, /);
  });
});

describe('bytes that stay', () => {
  it('does not change a plain document when a template is stored and chosen in between', async () => {
    const before = readFileSync(await generate({ styleTemplateId: null }));
    const style = await demo.call('styles.import', { path: makeRectoratTemplate(outDir(), { fileName: 'Autre modèle.docx' }) });
    await demo.call('settings.update', { styleTemplateId: style.id });
    // As if this happened a day later: the catalogue's last change moves on, the plain document must not.
    demo.db.prepare("UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 day')").run();
    await generate(); // with the chosen template
    await demo.call('settings.update', { styleTemplateId: null });
    const after = readFileSync(await generate({ styleTemplateId: null }));
    expect(after.equals(before)).toBe(true);
  });

  it('gives a copy of the catalogue where a template was stored and used the same plain document', async () => {
    const dir = outDir();
    const copyPath = join(dir, 'copie.sqlite');
    writeFileSync(copyPath, demo.db.serialize());
    const copy = openCatalogue(copyPath);
    const callCopy = localCaller({ db: copy, now: () => FIXED_NOW });
    const style = await callCopy('styles.import', { path: makeRectoratTemplate(outDir(), { fileName: 'Modèle de la copie.docx' }) });
    await callCopy('settings.update', { styleTemplateId: style.id });
    await callCopy('synthesis.generate', { campaignId: demo.campaignId, outputDir: outDir(), thematique: 3 });
    const plainCopy = (await callCopy('synthesis.generate', { campaignId: demo.campaignId, outputDir: outDir(), thematique: 3, styleTemplateId: null })).documents[0]!.path;
    copy.close();
    expect(readFileSync(plainCopy).equals(readFileSync(await generate({ styleTemplateId: null, thematique: 3 })))).toBe(true);
  });

  it('dates a document that says something new with the catalogue’s last change', async () => {
    // The whole document: its Bilan counts the new meeting (a thématique's file would not change).
    const before = await docxPart(await generate({ styleTemplateId: null, thematique: undefined }), 'docProps/core.xml');
    await demo.call('meetings.create', { campaignId: demo.campaignId, level: 'departemental', departementCode: '33', title: 'Session de plus', date: '2020-10-15', declaredTotal: 12 });
    const lastChange = (demo.db.prepare('SELECT last_change FROM catalogue_state').pluck().get() as string).replace(/\.\d{3}Z$/, 'Z');
    const after = await docxPart(await generate({ styleTemplateId: null, thematique: undefined }), 'docProps/core.xml');
    const modified = (xml: string) => /<dcterms:modified[^>]*>([^<]*)</.exec(xml)![1]!;
    expect(modified(after)).toBe(lastChange);
    expect(modified(after)).not.toBe(modified(before));
  });
});
