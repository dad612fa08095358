/**
 * Word files users could give as a style template, made at test time (no committed binaries):
 * a rectorat's template built with python-docx, and the bad cases (random bytes, a truncated copy,
 * old binary Word and password-protected files, zips that are not Word documents).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const SCRIPT = fileURLToPath(new URL('./make-word-template.py', import.meta.url));
/** python-docx is Debian's python3-docx, installed for the system interpreter (scripts/install.sh). */
const PYTHON = '/usr/bin/python3';

export function templateDir(): string {
  return mkdtempSync(join(tmpdir(), 'synthese-modele-'));
}

export interface TemplateOptions {
  fileName?: string;
  /** The style ids French Word writes ("Titre1", "Titre"…); default true. */
  frenchStyleIds?: boolean;
  /** Normal's font, default "Liberation Serif"; 'theme' leaves Normal on the theme's body (minor) font. */
  bodyFont?: string;
  /** Heading 1's and Title's font, default "Liberation Sans". */
  headingFont?: string;
  /** The theme's minor (body) Latin font, default the python-docx template's own. */
  themeMinorFont?: string;
  /** The language of the defaults (and of Heading 1 when not French), default fr-FR. */
  language?: string;
}

/**
 * A rectorat's template: Normal in "Liberation Serif" 11 pt, Heading 1 in "Liberation Sans" bold
 * 000091, Title in "Liberation Sans", a PNG logo in the header, a line of text in the footer.
 */
export function makeRectoratTemplate(dir: string, options: TemplateOptions = {}): string {
  const { fileName = 'Modèle DANE région académique.docx', frenchStyleIds = true, bodyFont, headingFont, themeMinorFont, language } = options;
  const out = join(dir, fileName);
  const args = [
    SCRIPT, out,
    ...(frenchStyleIds ? [] : ['--english-ids']),
    ...(bodyFont ? ['--body-font', bodyFont] : []),
    ...(headingFont ? ['--heading-font', headingFont] : []),
    ...(themeMinorFont ? ['--theme-minor-font', themeMinorFont] : []),
    ...(language ? ['--language', language] : []),
  ];
  try {
    execFileSync(PYTHON, args, { stdio: 'pipe', timeout: 60_000 });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`make-word-template.py a échoué (python3-docx est-il installé ? scripts/install.sh) : ${stderr || (error as Error).message}`);
  }
  return out;
}

export function randomBytesFile(dir: string, fileName = 'aleatoire.docx'): string {
  const bytes = randomBytes(4096);
  bytes[0] = 0x00; // never a zip, OLE or image signature by chance
  const out = join(dir, fileName);
  writeFileSync(out, bytes);
  return out;
}

export function emptyFile(dir: string, fileName = 'vide.docx'): string {
  const out = join(dir, fileName);
  writeFileSync(out, Buffer.alloc(0));
  return out;
}

/** The first `fraction` of a good file, as an interrupted download or copy leaves it. */
export function truncatedCopy(source: string, dir: string, fraction = 0.5, fileName = 'tronque.docx'): string {
  const bytes = readFileSync(source);
  const out = join(dir, fileName);
  writeFileSync(out, bytes.subarray(0, Math.max(1, Math.floor(bytes.length * fraction))));
  return out;
}

/** Just the OLE signature and noise: what any old binary Office file starts with. */
export function oleSignatureFile(dir: string, fileName = 'ancien.doc'): string {
  const out = join(dir, fileName);
  writeFileSync(out, Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), randomBytes(2040)]));
  return out;
}

/**
 * A real (minimal) OLE compound file (MS-CFB, version 3, 512-byte sectors) holding the streams of
 * a Word 97-2003 document, or those of a password-protected .docx as Word writes it
 * (EncryptionInfo, EncryptedPackage), with empty contents.
 */
export function compoundFile(dir: string, kind: 'doc' | 'encrypted', fileName = kind === 'doc' ? 'ancien-format.doc' : 'protege.docx'): string {
  const entries = kind === 'doc' ? ['WordDocument', '1Table', '\u0005SummaryInformation'] : ['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage'];
  const SECTOR = 512;
  const FREE = 0xffffffff;
  const END_OF_CHAIN = 0xfffffffe;
  const FAT_SECTOR = 0xfffffffd;
  const NO_STREAM = 0xffffffff;

  const header = Buffer.alloc(SECTOR);
  Buffer.from('D0CF11E0A1B11AE1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18); // minor version
  header.writeUInt16LE(0x0003, 0x1a); // major version 3
  header.writeUInt16LE(0xfffe, 0x1c); // byte order
  header.writeUInt16LE(9, 0x1e); // sector shift: 512
  header.writeUInt16LE(6, 0x20); // mini sector shift: 64
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // directory at sector 1
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(END_OF_CHAIN, 0x3c); // no mini FAT
  header.writeUInt32LE(END_OF_CHAIN, 0x44); // no DIFAT sector
  header.writeUInt32LE(0, 0x4c); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 0x4c + 4 * i);

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  fat.writeUInt32LE(END_OF_CHAIN, 4);

  const directory = Buffer.alloc(SECTOR);
  const entry = (index: number, name: string, type: number, child: number, right: number) => {
    const at = index * 128;
    directory.fill(0, at, at + 128);
    directory.write(name, at, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    directory[at + 0x42] = type; // 5 root, 1 storage, 2 stream
    directory[at + 0x43] = 1; // black
    directory.writeUInt32LE(NO_STREAM, at + 0x44); // left sibling
    directory.writeUInt32LE(right, at + 0x48);
    directory.writeUInt32LE(child, at + 0x4c);
    directory.writeUInt32LE(END_OF_CHAIN, at + 0x74); // start sector: empty
  };
  entry(0, 'Root Entry', 5, 1, NO_STREAM);
  entries.forEach((name, i) => entry(i + 1, name, name.startsWith('\u0006') ? 1 : 2, NO_STREAM, i + 1 < entries.length ? i + 2 : NO_STREAM));

  const out = join(dir, fileName);
  writeFileSync(out, Buffer.concat([header, fat, directory]));
  return out;
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';
const DOCUMENT =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Sans styles</w:t></w:r></w:p></w:body></w:document>';

/**
 * A bare Word package, as a fresh Word document is: the styles given (or none), an optional theme,
 * no header. `styles` and `theme` are the parts' XML.
 */
export async function wordPackage(dir: string, fileName: string, { styles, theme }: { styles?: string; theme?: string }): Promise<string> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', ROOT_RELS);
  zip.file('word/document.xml', DOCUMENT);
  if (styles !== undefined) zip.file('word/styles.xml', styles);
  if (theme !== undefined) zip.file('word/theme/theme1.xml', theme);
  const out = join(dir, fileName);
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

/** A Word-like zip whose word/styles.xml is missing (some converters write none). */
export function zipWithoutStyles(dir: string, fileName = 'sans-styles.docx'): Promise<string> {
  return wordPackage(dir, fileName, {});
}

/** A zip that is no Word document at all (an archive renamed .docx). */
export async function zipWithoutDocument(dir: string, fileName = 'archive.docx'): Promise<string> {
  const zip = new JSZip();
  zip.file('notes.txt', 'Compte rendu de la réunion.');
  zip.file('word/styles.xml', '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
  const out = join(dir, fileName);
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

/** A good template with bytes flipped in the middle of one part's compressed data (its styles by default). */
export function corruptedCopy(source: string, dir: string, fileName = 'endommage.docx', part = 'word/styles.xml'): string {
  const bytes = Buffer.from(readFileSync(source));
  // The part's local file header: "PK\x03\x04", sizes at 18, name length at 26, extra length at 28, name at 30.
  let header = -1;
  for (let at = bytes.indexOf('PK\x03\x04', 0, 'latin1'); at >= 0; at = bytes.indexOf('PK\x03\x04', at + 4, 'latin1')) {
    if (bytes.toString('utf8', at + 30, at + 30 + bytes.readUInt16LE(at + 26)) === part) {
      header = at;
      break;
    }
  }
  if (header < 0) throw new Error(`${part} absent de ${source}`);
  const dataStart = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  const at = dataStart + Math.floor(bytes.readUInt32LE(header + 18) / 2);
  for (let i = at; i < at + 16; i++) bytes[i] = bytes[i]! ^ 0xff;
  const out = join(dir, fileName);
  writeFileSync(out, bytes);
  return out;
}

/** The file as LibreOffice writes it back to .docx (a DANE may well make its template there). */
export function resaveWithLibreOffice(file: string): string {
  const outDir = mkdtempSync(join(tmpdir(), 'synthese-modele-lo-'));
  const profile = mkdtempSync(join(tmpdir(), 'synthese-lo-profile-'));
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, file],
    { stdio: 'pipe', timeout: 120_000 },
  );
  // soffice exits 0 even when it could not convert: the output is checked.
  const output = join(outDir, basename(file));
  if (!existsSync(output)) throw new Error(`LibreOffice n'a pas pu réenregistrer ${file}`);
  return output;
}
