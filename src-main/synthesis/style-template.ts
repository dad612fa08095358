/**
 * Reads a user's Word file (.docx) as a style template for the generated documents: its styles
 * (handed to docx's `new Document({ externalStyles })`), the fonts they use, and the logo of its
 * header (else footer).
 *
 * `externalStyles` REPLACES the whole styles part of the generated document, and `docx` writes no
 * theme part: so the styles are given back self-contained (theme fonts and colours written out
 * explicitly), with French Word's localised style ids ("Titre1", "Titre", "Paragraphedeliste"…)
 * renamed to the built-in ids `docx` writes ("Heading1", "Title", "ListParagraph"…).
 *
 * Anything that is not a readable .docx is refused with an AppError('FILE') whose French message
 * names the file and says what to do; the zip library's own (English) errors never reach users.
 */
import { crc32 } from 'node:zlib';
import JSZip from 'jszip';
import { AppError } from '../contract/errors.ts';
import { cleanForXml } from '../text/clean.ts';
import { findLogo } from './style-template-logo.ts';
import { hasEndOfCentralDirectory, notAZip, oleRefusal, startsWith } from './style-template-not-zip.ts';
import { decodeXml, entryData, otherKindOfPackage, parseRelationships, relsPathOf } from './style-template-parts.ts';
import { findStyle, parseStyles, parseTheme, resolveFont, selfContainedStyles, usedFonts } from './style-template-styles.ts';
import { parseAttributes, xmlFault } from './style-template-xml.ts';

export type StyleTemplateLogoType = 'png' | 'jpg' | 'gif' | 'bmp';

export interface StyleTemplateLogo {
  data: Buffer;
  type: StyleTemplateLogoType;
  /** Size as placed in the template (wp:extent), in EMU: 914 400 per inch, 360 000 per cm, 9 525 per pixel at 96 dpi. */
  widthEmu: number;
  heightEmu: number;
}

export interface StyleTemplate {
  /** The file's name as users know it (no folder). */
  fileName: string;
  /** word/styles.xml, self-contained, for `new Document({ externalStyles: stylesXml, ... })`. */
  stylesXml: string;
  /** Fonts (ascii/hAnsi) the styles use, theme references resolved; de-duplicated, sorted. */
  fonts: string[];
  /**
   * Heading 1's font, through basedOn, the document defaults and the theme; null when the template
   * has no Heading 1 style (Word writes only the styles in use or modified) or no font can be known.
   */
  headingFont: string | null;
  /** The default paragraph style's font (Normal), resolved the same way. */
  bodyFont: string | null;
  logo: StyleTemplateLogo | null;
}

/** The largest template accepted, in bytes. */
export const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024;
/** The largest part, and the most in all, a template may hold once decompressed (a 20 MB zip can hold gigabytes). */
const MAX_PART_BYTES = 64 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
/** A damaged file must fail, not hang. */
const READ_TIMEOUT_MS = 30_000;

const W_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const STRICT_W_NAMESPACE = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export async function readStyleTemplate(bytes: Buffer, fileName: string): Promise<StyleTemplate> {
  const name = displayName(fileName);
  const quoted = `« ${name} »`;
  const invalid = (reason: string) => new AppError('FILE', `${quoted} n’est pas un document Word (.docx) valide : ${reason}`);

  if (bytes.length === 0) {
    throw new AppError('FILE', `${quoted} est vide (0 octet) : ce n’est pas un document Word. Choisissez le fichier .docx du modèle de la région académique.`);
  }
  if (bytes.length > MAX_TEMPLATE_BYTES) {
    throw new AppError(
      'FILE',
      `${quoted} pèse ${megabytes(bytes.length)} : un modèle de style ne doit pas dépasser ${megabytes(MAX_TEMPLATE_BYTES)}. ` +
        'Gardez-en les styles, l’en-tête et le logo, retirez le reste du contenu (images surtout), enregistrez, puis choisissez-le de nouveau.',
    );
  }
  if (startsWith(bytes, OLE_SIGNATURE)) throw oleRefusal(bytes, quoted);
  if (!startsWith(bytes, Buffer.from('PK\x03\x04', 'latin1')) && !startsWith(bytes, Buffer.from('PK\x05\x06', 'latin1'))) {
    throw invalid(`${notAZip(bytes)} Choisissez un fichier enregistré par Word (ou LibreOffice) au format « Document Word (*.docx) ».`);
  }
  if (!hasEndOfCentralDirectory(bytes)) {
    throw invalid('le fichier est incomplet (tronqué) : la fin de l’archive manque. Il a sans doute été mal copié ou téléchargé ; reprenez-le à sa source, ou enregistrez-le de nouveau depuis Word.');
  }

  const damaged = invalid('le fichier est endommagé (archive illisible). Ouvrez-le dans Word et enregistrez-le de nouveau, ou reprenez-le à sa source.');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(invalid('sa lecture n’aboutit pas : le fichier est probablement endommagé. Ouvrez-le dans Word et enregistrez-le de nouveau.')),
      READ_TIMEOUT_MS,
    );
    timer.unref?.();
  });
  try {
    return await Promise.race([readPackage(bytes, name, quoted, invalid, damaged), timeout]);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged;
  } finally {
    clearTimeout(timer);
  }
}

/** The names of the styles defined in a styles part ("Normal", "Heading1"…), to check what a template lacks. */
export function definedStyleIds(stylesXml: string): string[] {
  return parseStyles(stylesXml).styles.map((style) => style.id);
}


// ---------------------------------------------------------------------------------------------
// The package

type Refusal = (reason: string) => AppError;

async function readPackage(bytes: Buffer, name: string, quoted: string, invalid: Refusal, damaged: AppError): Promise<StyleTemplate> {
  // Only the central directory is read here; a part is inflated when needed, and checked then.
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw damaged;
  }
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    const declared = entryData(entry)?.uncompressedSize ?? 0;
    total += declared;
    if (declared > MAX_PART_BYTES || total > MAX_UNPACKED_BYTES) {
      throw invalid(`une fois décompressé, il ferait plus de ${megabytes(declared > MAX_PART_BYTES ? MAX_PART_BYTES : MAX_UNPACKED_BYTES)}, bien plus qu’un modèle de style.`);
    }
  }
  const read = async (path: string): Promise<Buffer | null> => {
    const entry = zip.file(path);
    if (!entry) return null;
    let data: Buffer;
    try {
      data = await entry.async('nodebuffer');
    } catch {
      throw damaged;
    }
    const declared = entryData(entry);
    if (declared && (data.length !== declared.uncompressedSize || (declared.crc32 !== undefined && crc32(data) !== declared.crc32 >>> 0))) {
      throw damaged;
    }
    return data;
  };
  const readText = async (path: string) => {
    const data = await read(path);
    return data === null ? null : decodeXml(data);
  };

  const rootRels = parseRelationships((await readText('_rels/.rels')) ?? '', '');
  const mainPath = rootRels.find((r) => r.type.endsWith('/officeDocument') && !r.external)?.target ?? 'word/document.xml';
  let documentPath = mainPath;
  let documentXml = await readText(documentPath);
  if (documentXml === null && documentPath !== 'word/document.xml') {
    documentPath = 'word/document.xml';
    documentXml = await readText(documentPath);
  }
  // A workbook's main part is found the same way: only a Word document's is a <w:document>.
  if (documentXml === null || !/<(?:[\w.-]+:)?document\b/.test(documentXml.slice(0, 4_000))) {
    throw invalid(`${otherKindOfPackage(zip)} Enregistrez le modèle depuis Word au format « Document Word (*.docx) ».`);
  }
  const documentRels = parseRelationships((await readText(relsPathOf(documentPath))) ?? '', documentPath);

  const stylesPath = documentRels.find((r) => r.type.endsWith('/styles') && !r.external)?.target ?? 'word/styles.xml';
  const rawStyles = (await readText(stylesPath)) ?? (stylesPath !== 'word/styles.xml' ? await readText('word/styles.xml') : null);
  if (rawStyles === null) {
    throw invalid('il ne contient pas de styles (partie word/styles.xml absente), et c’est d’eux qu’un modèle est fait. Ouvrez-le dans Word et enregistrez-le de nouveau au format « Document Word (*.docx) ».');
  }
  const fault = xmlFault(rawStyles);
  if (fault) {
    throw invalid(
      fault.reason === 'dtd'
        ? 'sa partie word/styles.xml contient une déclaration DOCTYPE, que Word n’écrit jamais (fichier fabriqué ou modifié à la main).'
        : `sa partie word/styles.xml est endommagée (XML mal formé vers la ligne ${fault.line}). Ouvrez-le dans Word et enregistrez-le de nouveau au format « Document Word (*.docx) ».`,
    );
  }
  const root = /<([\w.-]+:)?styles\b([^>]*)>/.exec(rawStyles);
  if (!root) throw invalid('sa partie word/styles.xml ne contient pas de styles lisibles.');
  const rootAttributes = parseAttributes(root[2] ?? '');
  const namespace = rootAttributes.get(`xmlns:${(root[1] ?? '').slice(0, -1)}`) ?? rootAttributes.get('xmlns');
  if (namespace === STRICT_W_NAMESPACE) {
    throw new AppError(
      'FILE',
      `${quoted} est enregistré au format « Document Word Strict Open XML », que l’application ne lit pas. ` +
        'Ouvrez-le dans Word et enregistrez-le au format « Document Word (*.docx) », puis choisissez-le de nouveau.',
    );
  }
  if (root[1] !== 'w:' || namespace !== W_NAMESPACE) {
    throw invalid('ses styles ne sont pas écrits comme Word les écrit. Ouvrez-le dans Word (ou LibreOffice) et enregistrez-le de nouveau au format « Document Word (*.docx) ».');
  }

  const themePath = documentRels.find((r) => r.type.endsWith('/theme') && !r.external)?.target ?? 'word/theme/theme1.xml';
  const theme = parseTheme((await readText(themePath)) ?? '');
  const styles = parseStyles(rawStyles);

  return {
    fileName: name,
    stylesXml: selfContainedStyles(rawStyles, styles, theme),
    fonts: usedFonts(rawStyles, theme),
    headingFont: resolveFont(findStyle(styles, 'paragraph', 'heading 1', 'Heading1'), styles, theme),
    bodyFont: resolveFont(styles.styles.find((s) => s.type === 'paragraph' && s.isDefault) ?? findStyle(styles, 'paragraph', 'normal', 'Normal'), styles, theme),
    logo: await findLogo(documentXml, documentRels, read, readText),
  };
}

/**
 * What the zip's directory says of an entry (size once inflated, CRC-32), from jszip's untyped
 * internals (3.10: `_data` is a CompressedObject); null if not there.
 */

// ---------------------------------------------------------------------------------------------
// Messages

/** "C:\\Users\\x\\Modèle DANE.docx" → "Modèle DANE.docx", printable. */
function displayName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const printable = cleanForXml(base).replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return printable || 'le fichier choisi';
}

function megabytes(bytes: number): string {
  // Rounded up: a file just over the limit must not read "20 Mo".
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

