import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Document, Header, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors.ts';
import { definedStyleIds, MAX_TEMPLATE_BYTES, readStyleTemplate, type StyleTemplate } from '../../src-main/synthesis/style-template.ts';
import { convertWithLibreOffice, docxPart } from '../support/office.ts';
import {
  compoundFile, corruptedCopy, emptyFile, makeRectoratTemplate, oleSignatureFile, randomBytesFile, templateDir,
  truncatedCopy, zipWithoutDocument, zipWithoutStyles,
} from '../support/word-templates.ts';

const read = (path: string) => readStyleTemplate(readFileSync(path), basename(path));

/** The AppError a bad file gives; fails if it is read, or refused otherwise. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => expect.fail('le fichier aurait dû être refusé'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe('FILE');
  return appError;
}

/** Nothing of the zip library's English wording reaches users. */
function expectFrench(message: string) {
  expect(message).not.toMatch(/corrupted|end of central|end of data|can't|bug|zip :|is this a zip|invalid|signature/i);
  expect(message).toMatch(/[éèàùâêîôûç’]/);
}

describe('readStyleTemplate: a rectorat template made in (French) Word', () => {
  let dir: string;
  let path: string;
  let template: StyleTemplate;

  beforeAll(async () => {
    dir = templateDir();
    path = makeRectoratTemplate(dir);
    template = await read(path);
  });

  it('gives the body and heading fonts, and every font the styles use', () => {
    expect(template.fileName).toBe('Modèle DANE région académique.docx');
    expect(template.bodyFont).toBe('Liberation Serif');
    expect(template.headingFont).toBe('Liberation Sans');
    expect(template.fonts).toEqual(expect.arrayContaining(['Liberation Serif', 'Liberation Sans']));
    // Styles left on the theme (Heading 2 on the major font, the defaults on the minor one) count too.
    expect(template.fonts).toEqual(expect.arrayContaining(['Calibri', 'Cambria']));
    expect(template.fonts).toEqual([...new Set(template.fonts)].sort(new Intl.Collator('fr').compare));
  });

  it('finds the header\'s PNG logo with its placed size', () => {
    expect(template.logo).not.toBeNull();
    const logo = template.logo!;
    expect(logo.type).toBe('png');
    expect(logo.data.subarray(1, 4).toString('latin1')).toBe('PNG');
    // python-docx placed it 3 cm wide, its ratio kept (120 × 40 px).
    expect(logo.widthEmu).toBe(1_080_000);
    expect(logo.heightEmu).toBe(360_000);
  });

  it('gives self-contained styles: built-in ids, no theme reference left for fonts or colours', () => {
    const ids = definedStyleIds(template.stylesXml);
    expect(ids).toEqual(expect.arrayContaining(['Normal', 'Heading1', 'Heading2', 'Title', 'ListParagraph', 'Header', 'Footer']));
    expect(ids).not.toContain('Titre1');
    expect(template.stylesXml).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<w:link w:val="Titre1Car"\/>/);
    expect(template.stylesXml).toMatch(/<w:link w:val="Heading1"\/>/); // the linked character style follows
    expect(template.stylesXml).not.toMatch(/w:(ascii|hAnsi)Theme=/);
    expect(template.stylesXml).not.toMatch(/w:themeColor=/);
    // Heading 2 stays on the theme's major font, now written out.
    expect(template.stylesXml).toMatch(/w:styleId="Heading2">[\s\S]*?<w:rFonts[^>]*w:ascii="Calibri"/);
  });

  it('reads the same template with English Word\'s ids alike', async () => {
    const english = await read(makeRectoratTemplate(dir, { fileName: 'modele-anglais.docx', frenchStyleIds: false }));
    expect(english.bodyFont).toBe('Liberation Serif');
    expect(english.headingFont).toBe('Liberation Sans');
    expect(english.logo?.type).toBe('png');
    expect(definedStyleIds(english.stylesXml)).toEqual(definedStyleIds(template.stylesXml));
  });

  it('styles a docx document: LibreOffice lays it out in the template\'s fonts, logo in the header', async () => {
    const logo = template.logo!;
    const document = new Document({
      externalStyles: template.stylesXml,
      sections: [
        {
          headers: {
            default: new Header({
              children: [
                new Paragraph({
                  children: [
                    new ImageRun({
                      type: logo.type,
                      data: logo.data,
                      // docx takes pixels (9 525 EMU each)
                      transformation: { width: logo.widthEmu / 9525, height: logo.heightEmu / 9525 },
                    }),
                  ],
                }),
              ],
            }),
          },
          children: [
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Bilan des rencontres')] }),
            new Paragraph({ children: [new TextRun('Au total, 800 personnes ont participé aux rencontres.')] }),
          ],
        },
      ],
    });
    const out = join(dir, 'genere-avec-modele.docx');
    writeFileSync(out, await Packer.toBuffer(document));

    // The template's styles are the generated document's.
    const styles = await docxPart(out, 'word/styles.xml');
    expect(styles).toContain('w:styleId="Heading1"');
    expect(styles).toContain('Liberation Serif');
    expect(await docxPart(out, 'word/document.xml')).toContain('<w:pStyle w:val="Heading1"/>');

    const pdf = convertWithLibreOffice(out, 'pdf');
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/LiberationSerif\b/);
    expect(fonts).toMatch(/LiberationSans-Bold\b|LiberationSans\b/);
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' });
    expect(images.trim().split('\n').length).toBeGreaterThan(2); // two header lines, then one line per image
  });
});

describe('readStyleTemplate: files that are not a usable .docx are refused in French, naming the file', () => {
  let dir: string;
  let good: string;

  beforeAll(() => {
    dir = templateDir();
    good = makeRectoratTemplate(dir, { fileName: 'modele.docx' });
  });

  it('random bytes', async () => {
    const error = await refusal(read(randomBytesFile(dir)));
    expect(error.message).toMatch(/^« aleatoire\.docx » n’est pas un document Word \(\.docx\) valide : /);
    expectFrench(error.message);
  });

  it('a truncated copy, wherever it was cut, fails at once', async () => {
    for (const fraction of [0.02, 0.5, 0.9, 0.9995]) {
      const started = Date.now();
      const error = await refusal(read(truncatedCopy(good, dir, fraction, `tronque-${fraction}.docx`)));
      expect(error.message).toMatch(new RegExp(`^« tronque-${fraction}\\.docx » n’est pas un document Word \\(\\.docx\\) valide : `));
      expect(error.message).toMatch(/incomplet|endommagé/);
      expectFrench(error.message);
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });

  it('a copy damaged in the middle', async () => {
    const error = await refusal(read(corruptedCopy(good, dir)));
    expect(error.message).toMatch(/^« endommage\.docx » n’est pas un document Word \(\.docx\) valide : le fichier est endommagé/);
    expectFrench(error.message);
  });

  it('an old binary Word file (.doc): save it as .docx', async () => {
    const error = await refusal(read(compoundFile(dir, 'doc')));
    expect(error.message).toMatch(/^« ancien-format\.doc » est au format Word 97-2003 \(\.doc\)/);
    expect(error.message).toMatch(/enregistrez-le sous « Document Word \(\*\.docx\) »/);
    const bare = await refusal(read(oleSignatureFile(dir)));
    expect(bare.message).toMatch(/^« ancien\.doc » est au format binaire ancien d’Office \(conteneur OLE/);
    expect(bare.message).toMatch(/\.docx/);
  });

  it('a password-protected .docx (an OLE container too)', async () => {
    const error = await refusal(read(compoundFile(dir, 'encrypted')));
    expect(error.message).toMatch(/^« protege\.docx » est protégé par un mot de passe/);
    expect(error.message).toMatch(/conteneur OLE/);
    expect(error.message).toMatch(/retirez le mot de passe/);
  });

  it('a zip without word/styles.xml', async () => {
    const error = await refusal(read(await zipWithoutStyles(dir)));
    expect(error.message).toMatch(/^« sans-styles\.docx » n’est pas un document Word \(\.docx\) valide : il ne contient pas de styles \(partie word\/styles\.xml absente\)/);
  });

  it('a zip without word/document.xml', async () => {
    const error = await refusal(read(await zipWithoutDocument(dir)));
    expect(error.message).toMatch(/^« archive\.docx » n’est pas un document Word \(\.docx\) valide : .*word\/document\.xml absente/);
  });

  it('an empty file', async () => {
    const error = await refusal(read(emptyFile(dir)));
    expect(error.message).toMatch(/^« vide\.docx » est vide \(0 octet\)/);
  });

  it('a file over 20 MB, refused before it is read', async () => {
    const error = await refusal(readStyleTemplate(Buffer.alloc(MAX_TEMPLATE_BYTES + 1), 'C:\\Users\\dane\\Documents\\gros modèle.docx'));
    expect(error.message).toMatch(/^« gros modèle\.docx » pèse 20,1 Mo : un modèle de style ne doit pas dépasser 20 Mo/);
  });

  it('other files with a .docx name: a PDF, an Excel workbook', async () => {
    const pdf = await refusal(readStyleTemplate(Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'modele.docx'));
    expect(pdf.message).toMatch(/^« modele\.docx » n’est pas un document Word \(\.docx\) valide : c’est un fichier PDF/);
    const xlsx = await refusal(
      read(convertWithLibreOffice(good, 'pdf') && (await excelWorkbook(dir))),
    );
    expect(xlsx.message).toMatch(/c’est un classeur Excel/);
  });
});

async function excelWorkbook(dir: string): Promise<string> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  zip.file('xl/workbook.xml', '<workbook/>');
  const out = join(dir, 'classeur.docx');
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer' }));
  return out;
}
