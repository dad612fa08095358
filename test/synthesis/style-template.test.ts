import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import { Document, Header, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors.ts';
import { definedStyleIds, MAX_TEMPLATE_BYTES, readStyleTemplate, type StyleTemplate } from '../../src-main/synthesis/style-template.ts';
import { convertWithLibreOffice, docxPart } from '../support/office.ts';
import {
  compoundFile, corruptedCopy, emptyFile, makeRectoratTemplate, oleSignatureFile, randomBytesFile, resaveWithLibreOffice, templateDir,
  truncatedCopy, wordPackage, zipWithoutDocument, zipWithoutStyles,
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
    // The built-in styles end up with the same ids; only the linked character styles keep Word's own ("Titre1Car").
    const builtIn = ['Normal', 'Heading1', 'Heading2', 'Title', 'Subtitle', 'ListParagraph', 'Header', 'Footer', 'Hyperlink'];
    const kept = (xml: string) => definedStyleIds(xml).filter((id) => builtIn.includes(id)).sort();
    expect(kept(english.stylesXml)).toEqual(kept(template.stylesXml));
    expect(kept(template.stylesXml).length).toBeGreaterThanOrEqual(8);
  });

  it('reads the template alike once LibreOffice has saved it again', async () => {
    const resaved = resaveWithLibreOffice(path);
    const again = await read(resaved);
    expect(again.bodyFont).toBe('Liberation Serif');
    expect(again.headingFont).toBe('Liberation Sans');
    expect(again.logo?.type).toBe('png');
    expect(again.logo!.widthEmu).toBeGreaterThan(1_000_000);
  });

  it('styles a docx document: LibreOffice lays it out in the template\'s fonts, logo in the header', async () => {
    const out = await generateWith(template, join(dir, 'genere-avec-modele.docx'));

    // The template's styles are the generated document's.
    const styles = await docxPart(out, 'word/styles.xml');
    expect(styles).toContain('w:styleId="Heading1"');
    expect(styles).toContain('Liberation Serif');
    expect(await docxPart(out, 'word/document.xml')).toContain('<w:pStyle w:val="Heading1"/>');

    // Without the fonts installed, LibreOffice would substitute others (and the check below would say only that).
    const installed = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
    expect(installed, 'polices Liberation absentes : apt-get install fonts-liberation2').toMatch(/Liberation Serif/);
    expect(installed, 'polices Liberation absentes : apt-get install fonts-liberation2').toMatch(/Liberation Sans/);
    const { fonts, images } = laidOut(out);
    expect(fonts).toContain('LiberationSerif');
    expect(fonts).toContain('LiberationSans-Bold'); // Heading 1 is bold
    expect(images).toBe(1);
  });

  it('styles a docx document in fonts LibreOffice would never pick itself, the body one coming from the theme', async () => {
    // LibreOffice's own defaults are the Liberation fonts: fonts it has no reason to choose prove the
    // template is applied. Normal is left on the theme, which docx does not carry: resolved here.
    const themed = await read(
      makeRectoratTemplate(dir, { fileName: 'modele-theme.docx', bodyFont: 'theme', themeMinorFont: 'DejaVu Serif', headingFont: 'DejaVu Sans' }),
    );
    expect(themed.bodyFont).toBe('DejaVu Serif');
    expect(themed.headingFont).toBe('DejaVu Sans');
    expect(themed.fonts).toEqual(expect.arrayContaining(['DejaVu Serif', 'DejaVu Sans']));
    const { fonts } = laidOut(await generateWith(themed, join(dir, 'genere-avec-theme.docx')));
    expect(fonts).toEqual(['DejaVuSans-Bold', 'DejaVuSerif']);
  });
});

/** A two-paragraph document (Heading 1, then Normal) styled by the template, its logo in the header. */
async function generateWith(template: StyleTemplate, out: string): Promise<string> {
  const logo = template.logo;
  const document = new Document({
    externalStyles: template.stylesXml,
    sections: [
      {
        headers: {
          default: new Header({
            children: logo
              ? [
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
                ]
              : [],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Bilan des rencontres')] }),
          new Paragraph({ children: [new TextRun('Au total, 800 personnes ont participé aux rencontres.')] }),
        ],
      },
    ],
  });
  writeFileSync(out, await Packer.toBuffer(document));
  return out;
}

/** The fonts (subset prefixes removed, sorted) and the number of images of the PDF LibreOffice makes. */
function laidOut(docx: string): { fonts: string[]; images: number } {
  const pdf = convertWithLibreOffice(docx, 'pdf');
  const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''))
    .filter(Boolean);
  const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2).length;
  return { fonts: [...new Set(fonts)].sort(), images };
}

describe('readStyleTemplate: a fresh Word document as template', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const THEME =
    '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements><a:fontScheme name="Office">' +
    '<a:majorFont><a:latin typeface="DejaVu Sans"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>' +
    '<a:minorFont><a:latin typeface="DejaVu Serif"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>' +
    '</a:fontScheme></a:themeElements></a:theme>';
  const STYLES =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:styles ${W}>` +
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/>' +
    '<w:color w:val="1F3864" w:themeColor="accent1" w:themeShade="80"/></w:rPr></w:rPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="Policepardfaut"><w:name w:val="Default Paragraph Font"/></w:style>' +
    '</w:styles>';

  it('takes the body font from the theme through the document defaults; no Heading 1, no logo', async () => {
    const dir = templateDir();
    const template = await read(await wordPackage(dir, 'document-vierge.docx', { styles: STYLES, theme: THEME }));
    expect(template.bodyFont).toBe('DejaVu Serif');
    expect(template.headingFont).toBeNull();
    expect(template.fonts).toEqual(['DejaVu Serif']);
    expect(template.logo).toBeNull();
    expect(definedStyleIds(template.stylesXml)).toEqual(['Normal', 'DefaultParagraphFont']);
    expect(template.stylesXml).toContain('<w:rFonts w:eastAsiaTheme="minorEastAsia" w:cstheme="minorBidi" w:ascii="DejaVu Serif" w:hAnsi="DejaVu Serif"/>');
    expect(template.stylesXml).toContain('<w:color w:val="1F3864"/>');
  });

  it('without a theme part, leaves the theme references as they are and reports no font it cannot know', async () => {
    const template = await read(await wordPackage(templateDir(), 'sans-theme.docx', { styles: STYLES }));
    expect(template.bodyFont).toBeNull();
    expect(template.fonts).toEqual([]);
    expect(template.stylesXml).toContain('w:asciiTheme="minorHAnsi"');
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

  it('a copy damaged in the middle of its styles, compressed or stored as is (only the CRC tells then)', async () => {
    const error = await refusal(read(corruptedCopy(good, dir)));
    expect(error.message).toMatch(/^« endommage\.docx » n’est pas un document Word \(\.docx\) valide : le fichier est endommagé/);
    expectFrench(error.message);
    const stored = await storedCopy(good, join(dir, 'stocke.docx'));
    expect((await read(stored)).bodyFont).toBe('Liberation Serif');
    const storedError = await refusal(read(corruptedCopy(stored, dir, 'stocke-endommage.docx')));
    expect(storedError.message).toMatch(/^« stocke-endommage\.docx » n’est pas un document Word \(\.docx\) valide : le fichier est endommagé/);
  });

  it('a zip bomb: refused from what its directory declares, before inflating', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    zip.file('word/media/image1.png', Buffer.alloc(70 * 1024 * 1024));
    const out = join(dir, 'bombe.docx');
    writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const error = await refusal(read(out));
    expect(error.message).toMatch(/^« bombe\.docx » n’est pas un document Word \(\.docx\) valide : une fois décompressé, il ferait plus de 64 Mo/);
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
    const xlsx = await refusal(read(await excelWorkbook(dir)));
    expect(xlsx.message).toMatch(/c’est un classeur Excel/);
  });
});

/** The same package, every part stored uncompressed. */
async function storedCopy(source: string, out: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(source));
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }));
  return out;
}

async function excelWorkbook(dir: string): Promise<string> {
  const zip = new JSZip();
  zip.file('xl/workbook.xml', '<workbook/>');
  const out = join(dir, 'classeur.docx');
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer' }));
  return out;
}
