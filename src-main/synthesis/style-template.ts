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
function entryData(entry: JSZip.JSZipObject): { uncompressedSize: number; crc32?: number } | null {
  const data = (entry as unknown as { _data?: { uncompressedSize?: unknown; crc32?: unknown } })._data;
  if (typeof data?.uncompressedSize !== 'number') return null;
  return typeof data.crc32 === 'number' ? { uncompressedSize: data.uncompressedSize, crc32: data.crc32 } : { uncompressedSize: data.uncompressedSize };
}

/** XML bytes as text: UTF-8 (with or without BOM) or UTF-16 with its BOM. */
function decodeXml(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return data.subarray(2).toString('utf16le');
  if (data[0] === 0xfe && data[1] === 0xff) {
    const swapped = Buffer.from(data.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const text = data.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

interface Relationship {
  id: string;
  type: string;
  /** The target's path inside the package (resolved), or the raw target when external. */
  target: string;
  external: boolean;
}

function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  const base = sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1);
  return [...xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)].flatMap((match) => {
    const attributes = parseAttributes(match[1] ?? '');
    const id = attributes.get('Id');
    const target = attributes.get('Target');
    if (!id || !target) return [];
    const external = attributes.get('TargetMode') === 'External';
    return [{ id, type: attributes.get('Type') ?? '', target: external ? target : resolvePartPath(base, target), external }];
  });
}

/** "media/image1.png" from "word/" → "word/media/image1.png"; "/word/x" → "word/x"; "../x" climbs. */
function resolvePartPath(base: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : base + target;
  const segments: string[] = [];
  for (const segment of raw.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.map((s) => safeDecode(s)).join('/');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** What the zip is, when it is not a Word document. */
function otherKindOfPackage(zip: JSZip): string {
  if (zip.file('xl/workbook.xml')) return 'c’est un classeur Excel, pas un document Word.';
  if (zip.file('ppt/presentation.xml')) return 'c’est une présentation PowerPoint, pas un document Word.';
  if (zip.file('content.xml') && zip.file('mimetype')) return 'c’est un document OpenDocument (LibreOffice, .odt), pas un document Word (.docx).';
  return 'c’est une archive zip, mais elle ne contient pas de document Word (partie word/document.xml absente).';
}

// ---------------------------------------------------------------------------------------------
// Not a zip: say what it is

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}

function notAZip(bytes: Buffer): string {
  const head = bytes.subarray(0, 16).toString('latin1');
  if (head.startsWith('%PDF')) return 'c’est un fichier PDF.';
  if (head.startsWith('{\\rtf')) return 'c’est un fichier RTF (texte enrichi), pas un .docx.';
  if (/^\s*<(\?xml|!doctype html|html)/i.test(head)) return 'c’est un fichier texte (XML ou page web), pas un .docx.';
  return 'son contenu n’est pas celui d’un fichier .docx (ce n’est pas une archive Office Open XML).';
}

/** A zip ends with its central directory's end record ("PK\x05\x06"), within the last 64 KiB + 22 bytes. */
function hasEndOfCentralDirectory(bytes: Buffer): boolean {
  const from = Math.max(0, bytes.length - (0xffff + 22));
  return bytes.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1')) >= from && bytes.length >= 22;
}

function oleRefusal(bytes: Buffer, quoted: string): AppError {
  const names = compoundFileNames(bytes);
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) {
    return new AppError(
      'FILE',
      `${quoted} est protégé par un mot de passe : Word l’a chiffré dans un conteneur OLE, que l’application ne peut pas lire. ` +
        'Ouvrez-le dans Word, retirez le mot de passe (Fichier > Informations > Protéger le document > Chiffrer avec mot de passe, ' +
        'effacez-le), enregistrez, puis choisissez-le de nouveau.',
    );
  }
  const what = names.has('WordDocument') ? 'au format Word 97-2003 (.doc)' : 'au format binaire ancien d’Office (conteneur OLE, comme les .doc de Word 97-2003)';
  return new AppError(
    'FILE',
    `${quoted} est ${what}, que l’application ne lit pas : il lui faut un document Word (.docx). ` +
      'Ouvrez-le dans Word (ou LibreOffice), enregistrez-le sous « Document Word (*.docx) », puis choisissez ce nouveau fichier.',
  );
}

/**
 * The names of the storages and streams of an OLE compound file (MS-CFB): "WordDocument" for a
 * .doc, "EncryptionInfo" and "EncryptedPackage" for an encrypted .docx. Empty if unreadable.
 */
function compoundFileNames(bytes: Buffer): Set<string> {
  const names = new Set<string>();
  if (bytes.length < 512) return names;
  const shift = bytes.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return names;
  const size = 1 << shift;
  const sectorCount = Math.floor((bytes.length - 512) / size) + 1;
  const sector = (n: number) => (n + 1) * size;
  // The FAT, from the header's DIFAT (its first 109 sectors: enough for the directory's chain in practice).
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const n = bytes.readUInt32LE(0x4c + 4 * i);
    if (n < sectorCount) fatSectors.push(n);
  }
  const next = (n: number): number => {
    const perSector = size / 4;
    const fatSector = fatSectors[Math.floor(n / perSector)];
    if (fatSector === undefined || sector(fatSector) + size > bytes.length) return 0xfffffffe;
    return bytes.readUInt32LE(sector(fatSector) + 4 * (n % perSector));
  };
  let current = bytes.readUInt32LE(0x30);
  for (let guard = 0; current < sectorCount && guard < sectorCount; guard++) {
    const start = sector(current);
    if (start + size > bytes.length) break;
    for (let entry = start; entry + 128 <= start + size; entry += 128) {
      const nameLength = bytes.readUInt16LE(entry + 0x40);
      const type = bytes[entry + 0x42];
      if ((type === 1 || type === 2) && nameLength >= 2 && nameLength <= 64) {
        names.add(bytes.subarray(entry, entry + nameLength - 2).toString('utf16le'));
      }
    }
    current = next(current);
  }
  if (names.size === 0) {
    // Unreadable directory: look for the names themselves.
    for (const wanted of ['EncryptedPackage', 'EncryptionInfo', 'WordDocument']) {
      if (bytes.includes(Buffer.from(wanted, 'utf16le'))) names.add(wanted);
    }
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// XML, the little this module needs of it (Word's parts are machine-written)

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes.set(match[1]!, decodeEntities(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}

function decodeEntities(value: string): string {
  return value.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (whole, hex?: string, dec?: string, named?: string) => {
    if (hex) return safeCodePoint(parseInt(hex, 16), whole);
    if (dec) return safeCodePoint(parseInt(dec, 10), whole);
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named as 'amp'];
  });
}

function safeCodePoint(code: number, fallback: string): string {
  try {
    return String.fromCodePoint(code);
  } catch {
    return fallback;
  }
}

const escapeAttribute = (value: string) =>
  cleanForXml(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Rewrites one start tag's attributes, keeping its name, their order and its self-closing slash. */
function rewriteTag(tag: string, edit: (attributes: Map<string, string>) => void): string {
  const head = /^<([\w.:-]+)/.exec(tag)!;
  const selfClosing = /\/\s*>$/.test(tag);
  const attributes = parseAttributes(tag.slice(head[0].length, selfClosing ? tag.lastIndexOf('/') : -1));
  edit(attributes);
  const serialised = [...attributes].map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`).join('');
  return `<${head[1]}${serialised}${selfClosing ? '/>' : '>'}`;
}

// ---------------------------------------------------------------------------------------------
// Theme and styles

interface ThemeFonts {
  major: { latin: string; ea: string; cs: string };
  minor: { latin: string; ea: string; cs: string };
}

function parseTheme(xml: string): ThemeFonts | null {
  const group = (which: 'major' | 'minor') => {
    const block = new RegExp(`<(?:[\\w.-]+:)?${which}Font\\b[^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?${which}Font>`).exec(xml)?.[1];
    if (block === undefined) return null;
    const typeface = (element: string) => {
      const tag = new RegExp(`<(?:[\\w.-]+:)?${element}\\b([^>]*)>`).exec(block);
      return tag ? (parseAttributes(tag[1] ?? '').get('typeface') ?? '').trim() : '';
    };
    return { latin: typeface('latin'), ea: typeface('ea'), cs: typeface('cs') };
  };
  const major = group('major');
  const minor = group('minor');
  return major && minor ? { major, minor } : null;
}

/** "minorHAnsi" → the theme's minor Latin font; "majorEastAsia" → its major East Asian one… "" if unknown. */
function themeFont(theme: ThemeFonts | null, reference: string | undefined): string {
  if (!theme || !reference) return '';
  const match = /^(major|minor)(Ascii|HAnsi|EastAsia|Bidi)$/.exec(reference);
  if (!match) return '';
  const fonts = theme[match[1] as 'major' | 'minor'];
  return match[2] === 'EastAsia' ? fonts.ea : match[2] === 'Bidi' ? fonts.cs : fonts.latin;
}

interface RFonts {
  ascii?: string;
  hAnsi?: string;
  asciiTheme?: string;
  hAnsiTheme?: string;
}

interface StyleEntry {
  id: string;
  type: string;
  name: string;
  basedOn: string | null;
  isDefault: boolean;
  fonts: RFonts | null;
}

interface ParsedStyles {
  defaults: RFonts | null;
  styles: StyleEntry[];
}

const STYLE_BLOCK = /<w:style\b[^>]*?(?:\/>|>[\s\S]*?<\/w:style>)/g;
const RFONTS_TAG = /<w:rFonts\b[^>]*>/g;

function rFontsOf(tag: string): RFonts {
  const a = parseAttributes(tag.replace(/^<w:rFonts/, ''));
  const fonts: RFonts = {};
  const set = (key: keyof RFonts, attribute: string) => {
    const value = a.get(attribute)?.trim();
    if (value) fonts[key] = value;
  };
  set('ascii', 'w:ascii');
  set('hAnsi', 'w:hAnsi');
  set('asciiTheme', 'w:asciiTheme');
  set('hAnsiTheme', 'w:hAnsiTheme');
  return fonts;
}

/** The run properties that belong to the style itself, not to a table style's conditional parts. */
function ownRunFonts(block: string): RFonts | null {
  const own = block.replace(/<w:tblStylePr\b[\s\S]*?<\/w:tblStylePr>/g, '');
  const rPr = /<w:rPr\b[^>]*>([\s\S]*?)<\/w:rPr>/.exec(own)?.[1];
  const tag = rPr === undefined ? undefined : /<w:rFonts\b[^>]*>/.exec(rPr)?.[0];
  return tag ? rFontsOf(tag) : null;
}

function parseStyles(xml: string): ParsedStyles {
  const defaultsBlock = /<w:rPrDefault\b[^>]*>([\s\S]*?)<\/w:rPrDefault>/.exec(xml)?.[1];
  const defaultsTag = defaultsBlock === undefined ? undefined : /<w:rFonts\b[^>]*>/.exec(defaultsBlock)?.[0];
  const styles = [...xml.matchAll(STYLE_BLOCK)].map((match): StyleEntry => {
    const block = match[0];
    const head = parseAttributes(/^<w:style\b([^>]*?)\/?>/.exec(block)?.[1] ?? '');
    const valueOf = (element: string) => {
      const tag = new RegExp(`<w:${element}\\b([^>]*)>`).exec(block);
      return tag ? (parseAttributes(tag[1] ?? '').get('w:val') ?? null) : null;
    };
    const isDefault = head.get('w:default');
    return {
      id: head.get('w:styleId') ?? '',
      type: head.get('w:type') ?? 'paragraph',
      name: valueOf('name') ?? '',
      basedOn: valueOf('basedOn'),
      isDefault: isDefault === '1' || isDefault === 'true' || isDefault === 'on',
      fonts: ownRunFonts(block),
    };
  });
  return { defaults: defaultsTag ? rFontsOf(defaultsTag) : null, styles };
}

function findStyle(parsed: ParsedStyles, type: string, builtInName: string, id: string): StyleEntry | undefined {
  const ofType = parsed.styles.filter((s) => s.type === type);
  return ofType.find((s) => s.name.toLowerCase() === builtInName) ?? ofType.find((s) => s.id === id);
}

/**
 * The Latin (ascii) font a style shows: its own, else its basedOn chain's, else the document
 * defaults'. Null for a style the template does not define (Word writes only the styles in use
 * or modified: a fresh document has no Heading 1).
 */
function resolveFont(style: StyleEntry | undefined, parsed: ParsedStyles, theme: ThemeFonts | null): string | null {
  if (!style) return null;
  const fromRFonts = (fonts: RFonts | null) => (fonts ? themeFont(theme, fonts.asciiTheme) || fonts.ascii || null : null);
  const seen = new Set<string>();
  let current: StyleEntry | undefined = style;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    const font = fromRFonts(current.fonts);
    if (font) return font;
    const parent: string | null = current.basedOn;
    current = parent === null ? undefined : parsed.styles.find((s) => s.id === parent);
  }
  return fromRFonts(parsed.defaults);
}

function usedFonts(xml: string, theme: ThemeFonts | null): string[] {
  const fonts = new Set<string>();
  for (const [tag] of xml.matchAll(RFONTS_TAG)) {
    const f = rFontsOf(tag);
    const ascii = themeFont(theme, f.asciiTheme) || f.ascii;
    const hAnsi = themeFont(theme, f.hAnsiTheme) || f.hAnsi;
    if (ascii) fonts.add(ascii);
    if (hAnsi) fonts.add(hAnsi);
  }
  return [...fonts].sort(new Intl.Collator('fr').compare);
}

// ---------------------------------------------------------------------------------------------
// The styles part made self-contained for docx's externalStyles

/** Built-in styles by (lower-case) name → the id English Word and `docx` use. */
const BUILT_IN_IDS: Record<string, { type: string; id: string }> = {
  normal: { type: 'paragraph', id: 'Normal' },
  title: { type: 'paragraph', id: 'Title' },
  subtitle: { type: 'paragraph', id: 'Subtitle' },
  ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`heading ${n}`, { type: 'paragraph', id: `Heading${n}` }])),
  ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`toc ${n}`, { type: 'paragraph', id: `TOC${n}` }])),
  'list paragraph': { type: 'paragraph', id: 'ListParagraph' },
  'no spacing': { type: 'paragraph', id: 'NoSpacing' },
  quote: { type: 'paragraph', id: 'Quote' },
  'intense quote': { type: 'paragraph', id: 'IntenseQuote' },
  caption: { type: 'paragraph', id: 'Caption' },
  header: { type: 'paragraph', id: 'Header' },
  footer: { type: 'paragraph', id: 'Footer' },
  'footnote text': { type: 'paragraph', id: 'FootnoteText' },
  'footnote reference': { type: 'character', id: 'FootnoteReference' },
  hyperlink: { type: 'character', id: 'Hyperlink' },
  followedhyperlink: { type: 'character', id: 'FollowedHyperlink' },
  strong: { type: 'character', id: 'Strong' },
  emphasis: { type: 'character', id: 'Emphasis' },
  'default paragraph font': { type: 'character', id: 'DefaultParagraphFont' },
  'table grid': { type: 'table', id: 'TableGrid' },
  'normal table': { type: 'table', id: 'TableNormal' },
  'no list': { type: 'numbering', id: 'NoList' },
};

function selfContainedStyles(xml: string, parsed: ParsedStyles, theme: ThemeFonts | null): string {
  // 1. Localised ids ("Titre1" in French Word) → the built-in ids docx writes ("Heading1").
  const taken = new Set(parsed.styles.map((s) => s.id));
  const renames = new Map<string, string>();
  for (const style of parsed.styles) {
    const builtIn = BUILT_IN_IDS[style.name.toLowerCase()];
    if (!builtIn || builtIn.type !== style.type || style.id === builtIn.id || taken.has(builtIn.id)) continue;
    renames.set(style.id, builtIn.id);
    taken.add(builtIn.id);
  }
  let out = xml;
  if (renames.size > 0) {
    out = out.replace(/<w:(style|basedOn|next|link)\b[^>]*>/g, (tag, element: string) =>
      rewriteTag(tag, (a) => {
        const key = element === 'style' ? 'w:styleId' : 'w:val';
        const renamed = renames.get(a.get(key) ?? '');
        if (renamed) a.set(key, renamed);
      }),
    );
  }

  // 2. Theme fonts written out: docx writes no theme part, so a reference to one would be lost.
  out = out.replace(RFONTS_TAG, (tag) =>
    rewriteTag(tag, (a) => {
      for (const [themeKey, key] of [
        ['w:asciiTheme', 'w:ascii'],
        ['w:hAnsiTheme', 'w:hAnsi'],
        ['w:eastAsiaTheme', 'w:eastAsia'],
        ['w:cstheme', 'w:cs'],
        ['w:csTheme', 'w:cs'],
      ] as const) {
        const font = themeFont(theme, a.get(themeKey));
        if (!font) continue;
        a.set(key, font);
        a.delete(themeKey);
      }
    }),
  );

  // 3. Theme colours: Word writes the colour's value beside its theme reference; keep the value.
  out = out.replace(/<w:[\w]+\b[^>]*\bw:theme(?:Color|Fill|Tint|Shade|FillTint|FillShade)=[^>]*>/g, (tag) =>
    rewriteTag(tag, (a) => {
      const hasValue = (key: string) => /^[0-9A-Fa-f]{6}$/.test(a.get(key) ?? '');
      if (hasValue('w:val') || hasValue('w:color')) for (const key of ['w:themeColor', 'w:themeTint', 'w:themeShade']) a.delete(key);
      if (hasValue('w:fill')) for (const key of ['w:themeFill', 'w:themeFillTint', 'w:themeFillShade']) a.delete(key);
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------
// The logo

type ReadPart = (path: string) => Promise<Buffer | null>;
type ReadText = (path: string) => Promise<string | null>;

/** The first usable image of the headers (default, first page, even pages), else of the footers. */
async function findLogo(documentXml: string, rels: Relationship[], read: ReadPart, readText: ReadText): Promise<StyleTemplateLogo | null> {
  const references = [...documentXml.matchAll(/<w:(header|footer)Reference\b([^>]*)>/g)].map((m) => {
    const a = parseAttributes(m[2] ?? '');
    const id = [...a].find(([key]) => /^[\w.-]+:id$/.test(key) && key !== 'w:id')?.[1] ?? '';
    return { kind: m[1]!, type: a.get('w:type') ?? 'default', id };
  });
  const order = ['default', 'first', 'even'];
  const ranked = ['header', 'footer'].flatMap((kind) =>
    order.flatMap((type) => references.filter((r) => r.kind === kind && r.type === type)),
  );
  const seen = new Set<string>();
  for (const reference of ranked) {
    const part = rels.find((r) => r.id === reference.id && !r.external);
    if (!part || seen.has(part.target)) continue;
    seen.add(part.target);
    const xml = await readText(part.target);
    if (xml === null) continue;
    const partRels = parseRelationships((await readText(relsPathOf(part.target))) ?? '', part.target);
    const logo = await firstImage(xml, partRels, read);
    if (logo) return logo;
  }
  return null;
}

async function firstImage(xml: string, rels: Relationship[], read: ReadPart): Promise<StyleTemplateLogo | null> {
  // DrawingML pictures (<a:blip r:embed>) and VML ones (<v:imagedata r:id>, Word 2003-era headers), in order.
  for (const match of xml.matchAll(/<(?:[\w.-]+:)?(blip|imagedata)\b([^>]*)>/g)) {
    const a = parseAttributes(match[2] ?? '');
    const relId = [...a].find(([key]) => (match[1] === 'blip' ? /(^|:)embed$/ : /^[\w.-]+:id$/).test(key))?.[1];
    const rel = relId ? rels.find((r) => r.id === relId && !r.external) : undefined;
    if (!rel) continue;
    const data = await read(rel.target);
    if (!data) continue;
    const type = imageType(data);
    if (!type) continue; // EMF, WMF, TIFF…: docx cannot place them; try the next picture
    const before = xml.slice(0, match.index);
    const size = (match[1] === 'blip' ? drawingExtent(xml, before) : vmlSize(before)) ?? pixelSize(data, type);
    if (!size) continue;
    return { data, type, widthEmu: size.width, heightEmu: size.height };
  }
  return null;
}

/** The wp:extent of the drawing a blip belongs to. */
function drawingExtent(xml: string, before: string): { width: number; height: number } | null {
  const start = before.lastIndexOf(':drawing');
  if (start < 0) return null;
  const tag = /<(?:[\w.-]+:)?extent\b([^>]*)>/.exec(xml.slice(start));
  return tag ? positive(parseAttributes(tag[1] ?? '').get('cx'), parseAttributes(tag[1] ?? '').get('cy')) : null;
}

const EMU_PER: Record<string, number> = { pt: 12_700, in: 914_400, cm: 360_000, mm: 36_000, px: 9_525, pc: 152_400 };

/** The width and height of the VML shape an imagedata belongs to ("width:85pt;height:28pt"). */
function vmlSize(before: string): { width: number; height: number } | null {
  const shape = [...before.matchAll(/<(?:[\w.-]+:)?shape\b([^>]*)>/g)].pop();
  const style = shape ? parseAttributes(shape[1] ?? '').get('style') ?? '' : '';
  const length = (property: string) => {
    const m = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([\\d.]+)\\s*(pt|in|cm|mm|px|pc)?`, 'i').exec(style);
    return m ? Math.round(Number(m[1]) * EMU_PER[(m[2] ?? 'px').toLowerCase()]!) : undefined;
  };
  return positive(String(length('width') ?? ''), String(length('height') ?? ''));
}

function positive(width: string | undefined, height: string | undefined): { width: number; height: number } | null {
  const w = Math.round(Number(width));
  const h = Math.round(Number(height));
  return Number.isFinite(w) && Number.isFinite(h) && w > 0 && h > 0 ? { width: w, height: h } : null;
}

function imageType(data: Buffer): StyleTemplateLogoType | null {
  if (data.length >= 8 && data.readUInt32BE(0) === 0x89504e47 && data.readUInt32BE(4) === 0x0d0a1a0a) return 'png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg';
  if (data.length >= 6 && /^GIF8[79]a$/.test(data.subarray(0, 6).toString('latin1'))) return 'gif';
  if (data.length >= 26 && data[0] === 0x42 && data[1] === 0x4d) return 'bmp';
  return null;
}

/** The image's own size at 96 dpi, when the document does not say how it is placed. */
function pixelSize(data: Buffer, type: StyleTemplateLogoType): { width: number; height: number } | null {
  let px: { w: number; h: number } | null = null;
  if (type === 'png' && data.length >= 24) px = { w: data.readUInt32BE(16), h: data.readUInt32BE(20) };
  if (type === 'gif' && data.length >= 10) px = { w: data.readUInt16LE(6), h: data.readUInt16LE(8) };
  if (type === 'bmp') px = { w: Math.abs(data.readInt32LE(18)), h: Math.abs(data.readInt32LE(22)) };
  if (type === 'jpg') {
    for (let at = 2; at + 9 < data.length; ) {
      if (data[at] !== 0xff) break;
      const marker = data[at + 1]!;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        px = { w: data.readUInt16BE(at + 7), h: data.readUInt16BE(at + 5) };
        break;
      }
      at += 2 + data.readUInt16BE(at + 2);
    }
  }
  return px ? positive(String(px.w * 9_525), String(px.h * 9_525)) : null;
}

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
