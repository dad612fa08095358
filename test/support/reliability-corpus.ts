/**
 * The bad-input corpus of the reliability suite: hostile files made in code, one entry a line, for the
 * four things a user gives the app — an attendance sheet (« Importer »), a rectorat's Word style, an
 * exchange bundle, a catalogue. Each case says what the refusal must name (a regex of French words and
 * the file's name); test/reliability/bad-inputs.test.ts submits it through what the UI or the CLI
 * calls and checks the refusal, its French, the time taken and that every table is unchanged.
 *
 * To add a case: append an entry to CORPUS (a `make` that writes the file and returns what to submit).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { withRecords } from './exchange.ts';
import { zipOf } from './hostile-sheets.ts';
import { newKeyPair, sha256, signDigest } from '../../src-main/exchange/signing.ts';
import {
  compoundFile, corruptedCopy, emptyFile, oleSignatureFile, randomBytesFile, truncatedCopy, wordPackage, zipWithoutDocument,
  zipWithoutStyles,
} from './word-templates.ts';

export type Target = 'tableur' | 'modele' | 'paquet' | 'catalogue';

export const TARGET_LABELS: Record<Target, string> = {
  tableur: 'Tableaux de rencontres (spreadsheets.importAttendance)',
  modele: 'Modèles de styles Word (styles.import)',
  paquet: 'Paquets d’échange (exchange.merge)',
  catalogue: 'Fichiers donnés comme catalogue (ouverture, restauration, CLI)',
};

/** What a case submits. */
export type Submission =
  | { kind: 'path'; path: string }
  | { kind: 'upload'; fileName: string; contentBase64: string }
  /** openCatalogue(path, { create }), as the desktop app (create) and the CLI's commands (no create) open one. */
  | { kind: 'open'; path: string; create: boolean }
  /** restoreBackup(backup → catalogue): a file given as the backup to put back. */
  | { kind: 'restore'; backup: string; catalogue: string; backupsDir: string }
  /** The CLI itself (`npm run synthese -- …`): refused with a non-zero exit and French on stderr. */
  | { kind: 'cli'; args: string[]; watched: string };

export interface CorpusWorld {
  /** A valid attendance sheet: the control, imported without a refusal. */
  goodSheet: string;
  /** A rectorat's template made by python-docx. */
  goodTemplate: string;
  /** A bundle of the Vienne's laptop (département 86), never merged here: the sender's key is not pinned yet. */
  goodBundle: Buffer;
  otherRegionBundle: string;
  ownBundle: string;
  /** A closed demo catalogue file, copied and damaged by the catalogue cases. */
  demoCatalogue: string;
}

export interface CorpusCase {
  id: string;
  target: Target;
  /** What the file is, in French (the test's name). */
  title: string;
  make: (dir: string, world: CorpusWorld) => Promise<Submission> | Submission;
  /** What the refusal must say: the what (French words) — the where is the file's name, or « ligne N ». */
  expect: RegExp;
  /** What the refusal must never show (the content of a file an XML entity pointed to…). */
  mustNot?: RegExp;
}

// ─── Sheets written by hand (jszip), so that every byte can be made wrong ──────────────────────

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A cell: text (shared), a number, or raw XML given its reference. */
export type Cell = string | number | null | { raw: (ref: string) => string };

export interface SheetSpec {
  name?: string;
  rows?: Cell[][];
  /** Rows given as XML (instead of `rows`), inside <sheetData>. */
  sheetData?: string;
  merges?: string[];
  /** Raw text inserted before <worksheet> (a DOCTYPE…). */
  prolog?: string;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** Replaces the shared strings part's XML (computed from the texts otherwise). */
  sharedStringsXml?: (computed: string) => string;
  /** Parts to add or replace (path → content), or to leave out (path → null). */
  parts?: Record<string, string | Buffer | null>;
}

export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The .xlsx bytes of `spec`: what Excel writes, at its simplest (shared strings, no styles). */
export async function workbook(spec: WorkbookSpec): Promise<Buffer> {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (s: string) => {
    if (!index.has(s)) {
      index.set(s, strings.length);
      strings.push(s);
    }
    return index.get(s)!;
  };
  const zip = new JSZip();
  const sheets = spec.sheets.map((sheet, i) => {
    const data = sheet.sheetData ?? (sheet.rows ?? [])
      .map((row, r) => `<row r="${r + 1}">${row.map((cell, c) => {
        const ref = `${columnName(c)}${r + 1}`;
        if (cell === null) return '';
        if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
        if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${shared(cell)}</v></c>`;
        return cell.raw(ref);
      }).join('')}</row>`)
      .join('');
    const merges = sheet.merges && sheet.merges.length > 0
      ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
      : '';
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, `${XML_HEAD}${sheet.prolog ?? ''}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${data}</sheetData>${merges}</worksheet>`);
    return { name: sheet.name ?? (i === 0 ? 'Rencontres' : `Feuille${i + 1}`), n: i + 1 };
  });
  const sst = `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${xmlText(s)}</t></si>`).join('')}</sst>`;
  zip.file('xl/sharedStrings.xml', spec.sharedStringsXml ? spec.sharedStringsXml(sst) : sst);
  zip.file('[Content_Types].xml', `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.map((s) => `<Override PartName="/xl/worksheets/sheet${s.n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>');
  zip.file('_rels/.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file('xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
    sheets.map((s) => `<sheet name="${xmlText(s.name)}" sheetId="${s.n}" r:id="rId${s.n}"/>`).join('') + '</sheets></workbook>');
  zip.file('xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    sheets.map((s) => `<Relationship Id="rId${s.n}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${s.n}.xml"/>`).join('') +
    `<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  for (const [path, content] of Object.entries(spec.parts ?? {})) {
    if (content === null) zip.remove(path);
    else zip.file(path, content);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The headers and one valid row (a new atelier in the ZAP Périgueux): each case breaks one thing. */
export const HEADERS = ['Date', 'Département', 'Niveau', 'Bassin / réseau', 'Intitulé', 'Élèves', 'Enseignants', 'Total déclaré'];
export function goodRow(overrides: Partial<Record<(typeof HEADERS)[number], Cell>> = {}, n = 1): Cell[] {
  const row: Record<string, Cell> = {
    Date: '28/09/2020', Département: '24', Niveau: 'Bassin', 'Bassin / réseau': 'ZAP Périgueux',
    Intitulé: `Atelier témoin n° ${n}`, Élèves: 4, Enseignants: 6, 'Total déclaré': 20, ...overrides,
  };
  return HEADERS.map((h) => row[h]!);
}
const sheetOf = (rows: Cell[][], extra: Partial<SheetSpec> = {}): WorkbookSpec => ({ sheets: [{ rows: [HEADERS, ...rows], ...extra }] });
const raw = (xml: (ref: string) => string): Cell => ({ raw: xml });

async function writeWorkbook(dir: string, fileName: string, spec: WorkbookSpec): Promise<Submission> {
  const path = join(dir, fileName);
  writeFileSync(path, await workbook(spec));
  return { kind: 'path', path };
}

function writeBytes(dir: string, fileName: string, bytes: Buffer | string): Submission {
  const path = join(dir, fileName);
  writeFileSync(path, bytes);
  return { kind: 'path', path };
}

// ─── Zips whose directory can lie ──────────────────────────────────────────────────────────────

interface RawEntry {
  name: string;
  /** Deflated bytes. */
  data: Buffer;
  method: 8;
  crc: number;
  /** Sizes written in the headers: the truth, or a lie. */
  declaredSize: number;
}

/** A zip whose headers declare whatever size the case needs (hostile-sheets.ts writes it byte by byte). */
export function rawZip(entries: RawEntry[]): Buffer {
  return zipOf(entries.map((e) => ({ name: e.name, content: { deflated: e.data, size: e.declaredSize, crc: e.crc }, announcedSize: e.declaredSize })));
}

/** `head`, then `fillBytes` bytes of `fill`, then `tail`, deflated as a stream (never in memory whole). */
async function deflatedFill(head: string, fill: string, fillBytes: number, tail: string): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on('data', (d: Buffer) => out.push(d));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const chunk = Buffer.from(fill.repeat(Math.ceil((1 << 20) / fill.length)).slice(0, 1 << 20));
  let crc = crc32(head);
  let size = Buffer.byteLength(head);
  deflate.write(head);
  for (let left = fillBytes; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    size += piece.length;
    if (!deflate.write(piece)) await new Promise((r) => deflate.once('drain', r));
  }
  crc = crc32(tail, crc);
  size += Buffer.byteLength(tail);
  deflate.end(tail);
  await done;
  return { data: Buffer.concat(out), crc, size };
}

/** Every part of a small valid workbook, deflated, to carry a bomb among them. */
async function workbookEntries(replace: Record<string, RawEntry>): Promise<RawEntry[]> {
  const zip = await JSZip.loadAsync(await workbook(sheetOf([goodRow()])));
  const entries: RawEntry[] = [];
  for (const name of Object.keys(zip.files)) {
    if (replace[name]) {
      entries.push(replace[name]!);
      continue;
    }
    const content = await zip.files[name]!.async('nodebuffer');
    entries.push({ name, data: deflateRawSync(content), method: 8, crc: crc32(content), declaredSize: content.length });
  }
  return entries;
}

async function sheetBomb(dir: string, fileName: string, lie: boolean): Promise<Submission> {
  // 300 Mo of blanks inside the sheet's XML: about 1 Mo once deflated.
  const bomb = await deflatedFill(`${XML_HEAD}<worksheet xmlns="${MAIN_NS}"><sheetData>`, ' ', 300 * 1024 * 1024, '</sheetData></worksheet>');
  const entry: RawEntry = { name: 'xl/worksheets/sheet1.xml', data: bomb.data, method: 8, crc: bomb.crc, declaredSize: lie ? 2_048 : bomb.size };
  return writeBytes(dir, fileName, rawZip(await workbookEntries({ 'xl/worksheets/sheet1.xml': entry })));
}

/** A minimal OpenDocument spreadsheet (what LibreOffice saves by default). */
async function odsFile(dir: string, fileName: string): Promise<Submission> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
  zip.file('META-INF/manifest.xml', `${XML_HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`);
  zip.file('content.xml', `${XML_HEAD}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Rencontres"><table:table-row>${HEADERS.map((h) => `<table:table-cell><text:p>${xmlText(h)}</text:p></table:table-cell>`).join('')}</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`);
  return writeBytes(dir, fileName, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** A Word document given where a sheet is expected. */
async function docxBytes(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
  zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Compte rendu</w:t></w:r></w:p></w:body></w:document>');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const BILLION_LAUGHS = '<!DOCTYPE lolz [<!ENTITY lol "lolololololololololololololololololololol">' +
  Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('') + ']>';

// ─── Bundles ───────────────────────────────────────────────────────────────────────────────────

/** Rewrites parts of the good bundle; `resign` signs the new manifest with a new key (a forger's). */
async function alteredBundle(world: CorpusWorld, change: (parts: Record<string, string>) => void, resign = false): Promise<Buffer> {
  const zip = await JSZip.loadAsync(world.goodBundle);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) parts[name] = await zip.files[name]!.async('string');
  change(parts);
  if (resign) {
    const keys = newKeyPair();
    const digest = sha256(parts['manifest.json']!);
    parts['signature.json'] = JSON.stringify({ algorithm: 'Ed25519', publicKey: keys.publicKey, manifestSha256: digest, signature: signDigest(Buffer.from(digest, 'hex'), keys.privateKey) });
  }
  const out = new JSZip();
  for (const [name, content] of Object.entries(parts)) out.file(name, content);
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}


const firstMeeting = (lines: Record<string, any>[]) => lines.find((l) => l.kind === 'meeting')!.fields as Record<string, unknown>;

// ─── Catalogues ────────────────────────────────────────────────────────────────────────────────

function sqliteFile(path: string, build: (db: Database.Database) => void): string {
  const db = new Database(path);
  build(db);
  db.close();
  return path;
}

/** A copy of the demo catalogue with `length` bytes of garbage (a whole page by default) written where `where` says. */
function damagedCopy(world: CorpusWorld, path: string, where: (size: number, pageSize: number) => number, length?: number): string {
  copyFileSync(world.demoCatalogue, path);
  const size = readFileSync(path).length;
  const pageSize = readFileSync(path).readUInt16BE(16) || 65536;
  const offset = where(size, pageSize);
  const fd = openSync(path, 'r+');
  writeSync(fd, randomBytes(length ?? pageSize), 0, length ?? pageSize, offset);
  closeSync(fd);
  return path;
}

/** The root page of `table` in the demo catalogue (1-based), to damage a page that holds its rows. */
function rootPage(path: string, table: string): number {
  const db = new Database(path, { readonly: true });
  const page = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(table) as number;
  db.close();
  return page;
}

// ─── The corpus ────────────────────────────────────────────────────────────────────────────────

const FILE = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The file's name, between French quotes, as the messages name it. */
const named = (fileName: string, what: string) => {
  const name = `« (?:[^«»]*[/\\\\])?${FILE(fileName)} »`;
  return new RegExp(`${name}[\\s\\S]*(?:${what})|(?:${what})[\\s\\S]*${name}`, 'i');
};
/** A row-level refusal: « ligne 2 », its column, and what is wrong. */
const atRow = (row: number, what: string) => new RegExp(`ligne ${row}\\b[^\\n]*(?:${what})`, 'i');

const UNREADABLE = 'incomplet|endommagé|illisible|n’est pas|n\'est pas';

export const CORPUS: CorpusCase[] = [
  // ── Spreadsheets: the file ────────────────────────────────────────────────────────────────
  { id: 'tableur/vide', target: 'tableur', title: 'un fichier de 0 octet', make: (d) => writeBytes(d, 'vide.xlsx', ''), expect: named('vide.xlsx', 'vide') },
  {
    id: 'tableur/tronque-moitie', target: 'tableur', title: 'un classeur tronqué à la moitié',
    make: (d, w) => writeBytes(d, 'tronque.xlsx', readFileSync(w.goodSheet).subarray(0, Math.floor(readFileSync(w.goodSheet).length / 2))),
    expect: named('tronque.xlsx', 'incomplet|endommagé|tronqué'),
  },
  {
    id: 'tableur/tronque-fin', target: 'tableur', title: 'un classeur dont manquent les 40 derniers octets',
    make: (d, w) => writeBytes(d, 'coupe.xlsx', readFileSync(w.goodSheet).subarray(0, readFileSync(w.goodSheet).length - 40)),
    expect: named('coupe.xlsx', 'incomplet|endommagé|tronqué'),
  },
  {
    id: 'tableur/csv-renomme', target: 'tableur', title: 'un CSV renommé en .xlsx',
    make: (d) => writeBytes(d, 'export.xlsx', `${HEADERS.join(';')}\n28/09/2020;24;Bassin;ZAP Périgueux;Atelier;4;6;20\n`),
    expect: named('export.xlsx', 'texte|CSV'),
  },
  {
    id: 'tableur/xls-ole', target: 'tableur', title: 'l’en-tête OLE d’un ancien .xls',
    make: (d) => ({ kind: 'path', path: oleSignatureFile(d, 'ancien.xls') }),
    expect: named('ancien.xls', 'Excel 97|\\.xls\\b|ancien|binaire'),
  },
  {
    id: 'tableur/xls-ole-renomme', target: 'tableur', title: 'un ancien .xls (conteneur OLE) renommé en .xlsx',
    make: (d) => ({ kind: 'path', path: oleSignatureFile(d, 'ancien-renomme.xlsx') }),
    expect: named('ancien-renomme.xlsx', 'Excel 97|\\.xls\\b|ancien|binaire'),
  },
  {
    id: 'tableur/protege', target: 'tableur', title: 'un classeur protégé par un mot de passe (OLE chiffré)',
    make: (d) => ({ kind: 'path', path: compoundFile(d, 'encrypted', 'protege.xlsx') }),
    expect: named('protege.xlsx', 'mot de passe|protégé|chiffré'),
  },
  { id: 'tableur/ods', target: 'tableur', title: 'un classeur OpenDocument (.ods)', make: (d) => odsFile(d, 'calc.ods'), expect: named('calc.ods', 'OpenDocument|\\.ods|LibreOffice') },
  {
    id: 'tableur/ods-renomme', target: 'tableur', title: 'un .ods renommé en .xlsx',
    make: (d) => odsFile(d, 'calc-renomme.xlsx'), expect: named('calc-renomme.xlsx', 'OpenDocument|\\.ods|LibreOffice'),
  },
  { id: 'tableur/docx', target: 'tableur', title: 'un document Word renommé en .xlsx', make: async (d) => writeBytes(d, 'compte-rendu.xlsx', await docxBytes()), expect: named('compte-rendu.xlsx', 'Word|document|classeur') },
  { id: 'tableur/pdf', target: 'tableur', title: 'un PDF renommé en .xlsx', make: (d) => writeBytes(d, 'bilan.xlsx', '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), expect: named('bilan.xlsx', 'PDF') },
  {
    id: 'tableur/html', target: 'tableur', title: 'une page HTML enregistrée en .xls (export « Excel » d’un site)',
    make: (d) => writeBytes(d, 'export-web.xls', `<html><body><table><tr>${HEADERS.map((h) => `<td>${h}</td>`).join('')}</tr></table></body></html>`),
    expect: named('export-web.xls', 'HTML|page web|web'),
  },
  { id: 'tableur/aleatoire', target: 'tableur', title: 'des octets au hasard', make: (d) => ({ kind: 'path', path: randomBytesFile(d, 'aleatoire.xlsx') }), expect: named('aleatoire.xlsx', UNREADABLE) },
  {
    id: 'tableur/zip-vide', target: 'tableur', title: 'une archive zip vide',
    make: async (d) => writeBytes(d, 'archive-vide.xlsx', await new JSZip().generateAsync({ type: 'nodebuffer' })), expect: named('archive-vide.xlsx', `${UNREADABLE}|vide|aucune feuille|pas un classeur`),
  },
  { id: 'tableur/dossier', target: 'tableur', title: 'un dossier', make: (d) => { mkdirSync(join(d, 'Rencontres.xlsx')); return { kind: 'path', path: join(d, 'Rencontres.xlsx') }; }, expect: named('Rencontres.xlsx', 'dossier') },
  { id: 'tableur/absent', target: 'tableur', title: 'un fichier qui n’existe pas', make: (d) => ({ kind: 'path', path: join(d, 'absent.xlsx') }), expect: named('absent.xlsx', 'introuvable') },
  {
    id: 'tableur/televersement-tronque', target: 'tableur', title: 'un classeur tronqué envoyé par le navigateur (contenu en base64)',
    make: (_d, w) => ({ kind: 'upload', fileName: 'envoi.xlsx', contentBase64: readFileSync(w.goodSheet).subarray(0, 900).toString('base64') }),
    expect: named('envoi.xlsx', 'incomplet|endommagé|tronqué'),
  },
  { id: 'tableur/bombe-honnete', target: 'tableur', title: 'une bombe zip (300 Mo déclarés par son répertoire)', make: (d) => sheetBomb(d, 'bombe.xlsx', false), expect: named('bombe.xlsx', 'décompress|dépasse|trop|Mo') },
  { id: 'tableur/bombe-menteuse', target: 'tableur', title: 'une bombe zip dont le répertoire ment (2 Ko déclarés, 300 Mo réels)', make: (d) => sheetBomb(d, 'bombe-menteuse.xlsx', true), expect: named('bombe-menteuse.xlsx', 'décompress|dépasse|trop|endommagé|incomplet') },
  {
    id: 'tableur/2000-feuilles', target: 'tableur', title: '2 000 feuilles',
    make: (d) => writeWorkbook(d, 'feuilles.xlsx', { sheets: Array.from({ length: 2000 }, (_, i) => (i === 0 ? { rows: [HEADERS, goodRow()] } : { rows: [['x']] })) }),
    expect: named('feuilles.xlsx', 'feuilles'),
  },
  ...[2_000, 20_000].map((n): CorpusCase => ({
    id: `tableur/fusions-${n}`, target: 'tableur', title: `${n.toLocaleString('fr-FR')} plages fusionnées le long d’une colonne, sans en-têtes`,
    make: (d) => writeWorkbook(d, `fusions-${n}.xlsx`, { sheets: [{ rows: [['Rencontres du bassin']], merges: Array.from({ length: n }, (_, i) => `A${2 * i + 2}:A${2 * i + 3}`) }] }),
    expect: named(`fusions-${n}.xlsx`, 'en-tête|colonnes|aucune rencontre|fusion'),
  })),
  {
    // More rows than Excel can hold (1 048 576): no sheet a person saved, only a file made to saturate.
    id: 'tableur/1200000-lignes-vides', target: 'tableur', title: '1 200 000 lignes vides (plus qu’Excel n’en tient)',
    make: (d) => writeWorkbook(d, 'lignes.xlsx', { sheets: [{ sheetData: `<row r="1">${HEADERS.map((h, i) => `<c r="${columnName(i)}1" t="inlineStr"><is><t>${xmlText(h)}</t></is></c>`).join('')}</row>${Array.from({ length: 1_200_000 }, (_, i) => `<row r="${i + 2}"/>`).join('')}` }] }),
    expect: named('lignes.xlsx', 'lignes'),
  },
  {
    id: 'tableur/mauvaises-colonnes', target: 'tableur', title: 'des colonnes qui ne sont pas celles des rencontres',
    make: (d) => writeWorkbook(d, 'contacts.xlsx', { sheets: [{ rows: [['Nom', 'Prénom', 'Téléphone', 'Courriel'], ['Martin', 'Léa', '0549000000', 'lea@example.org']] }] }),
    expect: named('contacts.xlsx', 'en-tête|colonne'),
  },
  {
    id: 'tableur/sans-feuille', target: 'tableur', title: 'un classeur dont le seul onglet pointe vers une feuille absente',
    make: (d) => writeWorkbook(d, 'sans-feuille.xlsx', { ...sheetOf([goodRow()]), parts: { 'xl/worksheets/sheet1.xml': null } }),
    expect: named('sans-feuille.xlsx', 'aucune feuille|incomplet|endommagé|feuille'),
  },
  {
    id: 'tableur/xml-casse', target: 'tableur', title: 'une feuille au XML interrompu au milieu d’une ligne',
    make: (d) => writeWorkbook(d, 'xml-casse.xlsx', { ...sheetOf([goodRow()]), parts: { 'xl/worksheets/sheet1.xml': `${XML_HEAD}<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t=` } }),
    expect: named('xml-casse.xlsx', 'incomplet|endommagé'),
  },
  {
    id: 'tableur/entites-en-cascade', target: 'tableur', title: 'des entités XML en cascade (« billion laughs ») dans les textes partagés',
    make: (d) => writeWorkbook(d, 'entites.xlsx', {
      ...sheetOf([goodRow({ Intitulé: 'ENTITE' })]),
      sharedStringsXml: (sst) => sst.replace(XML_HEAD, `${XML_HEAD}${BILLION_LAUGHS}`).replace('>ENTITE<', '>&lol9;<'),
    }),
    expect: named('entites.xlsx', 'endommagé|incomplet|illisible|interdit|entité|DOCTYPE|n’est pas'),
  },
  {
    id: 'tableur/entite-externe', target: 'tableur', title: 'une entité XML externe qui lit /etc/passwd',
    make: (d) => writeWorkbook(d, 'externe.xlsx', {
      ...sheetOf([goodRow({ Intitulé: 'ENTITE' })]),
      sharedStringsXml: (sst) => sst.replace(XML_HEAD, `${XML_HEAD}<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`).replace('>ENTITE<', '>&xxe;<'),
    }),
    expect: named('externe.xlsx', 'endommagé|incomplet|illisible|interdit|entité|DOCTYPE|n’est pas'),
    mustNot: /root:|\/bin\/(?:ba)?sh/,
  },

  // ── Spreadsheets: the cells ───────────────────────────────────────────────────────────────
  {
    id: 'tableur/texte-partage-hors-table', target: 'tableur', title: 'une cellule qui renvoie au texte partagé n° 99 999 (hors de la table)',
    make: (d) => writeWorkbook(d, 'index-texte.xlsx', sheetOf([goodRow({ Département: raw((r) => `<c r="${r}" t="s"><v>99999</v></c>`) })])),
    expect: /ligne 2\b[^\n]*|« index-texte\.xlsx »[\s\S]*(endommagé|incomplet)/,
  },
  {
    id: 'tableur/effectif-1e999', target: 'tableur', title: 'un effectif de 1e999 (l’infini une fois lu)',
    make: (d) => writeWorkbook(d, 'infini.xlsx', sheetOf([goodRow({ Élèves: raw((r) => `<c r="${r}"><v>1e999</v></c>`) })])),
    expect: atRow(2, 'effectif|nombre|grand|entier'),
  },
  {
    id: 'tableur/effectif-1e20', target: 'tableur', title: 'un effectif de 1e20 (au-delà des entiers exacts)',
    make: (d) => writeWorkbook(d, 'enorme.xlsx', sheetOf([goodRow({ Enseignants: 1e20 })])), expect: atRow(2, 'effectif|nombre|grand|entier'),
  },
  { id: 'tableur/effectif-negatif', target: 'tableur', title: 'un effectif négatif', make: (d) => writeWorkbook(d, 'negatif.xlsx', sheetOf([goodRow({ Élèves: -3 })])), expect: atRow(2, 'négatif') },
  { id: 'tableur/effectif-decimal', target: 'tableur', title: 'un effectif décimal (12,5 élèves)', make: (d) => writeWorkbook(d, 'decimal.xlsx', sheetOf([goodRow({ Élèves: 12.5 })])), expect: atRow(2, 'entier|décimal|nombre') },
  { id: 'tableur/effectif-texte', target: 'tableur', title: 'un effectif en toutes lettres', make: (d) => writeWorkbook(d, 'lettres.xlsx', sheetOf([goodRow({ 'Total déclaré': 'une vingtaine' })])), expect: atRow(2, 'vingtaine|nombre') },
  {
    id: 'tableur/erreur-de-formule', target: 'tableur', title: 'un total calculé par une formule en erreur (#DIV/0!)',
    make: (d) => writeWorkbook(d, 'formule.xlsx', sheetOf([goodRow({ 'Total déclaré': raw((r) => `<c r="${r}" t="e"><f>1/0</f><v>#DIV/0!</v></c>`) })])),
    expect: atRow(2, 'erreur|formule|#DIV|nombre'),
  },
  { id: 'tableur/date-inexistante', target: 'tableur', title: 'le 31 février', make: (d) => writeWorkbook(d, 'fevrier.xlsx', sheetOf([goodRow({ Date: '31/02/2020' })])), expect: atRow(2, 'date|existe') },
  { id: 'tableur/date-serie-geante', target: 'tableur', title: 'une date en numéro de série au-delà de l’an 9999', make: (d) => writeWorkbook(d, 'an10000.xlsx', sheetOf([goodRow({ Date: 3_000_000 })])), expect: atRow(2, 'date') },
  ...([
    ['nul', 'NUL (U+0000)', '\u0000'],
    ['fffe', 'U+FFFE', '\uFFFE'],
    ['ffff', 'U+FFFF', '\uFFFF'],
  ] as const).map(([slug, label, ch]): CorpusCase => ({
    id: `tableur/caractere-brut-${slug}`, target: 'tableur', title: `un caractère ${label} brut dans une cellule`,
    make: (d) => writeWorkbook(d, `brut-${slug}.xlsx`, sheetOf([goodRow({ Intitulé: raw((r) => `<c r="${r}" t="inlineStr"><is><t>Atelier${ch}témoin</t></is></c>`) })])),
    expect: new RegExp(`ligne 2\\b[^\\n]*(?:caractère|interdit)|« brut-${slug}\\.xlsx »[\\s\\S]*(?:endommagé|incomplet|caractère)`, 'i'),
  })),
  {
    id: 'tableur/caractere-controle-echappe', target: 'tableur', title: 'un caractère de contrôle écrit comme Excel l’écrit (_x0007_) dans un intitulé',
    make: (d) => writeWorkbook(d, 'controle.xlsx', sheetOf([goodRow({ Intitulé: 'Atelier_x0007_témoin' })])),
    expect: atRow(2, 'caractère|invisible|interdit'),
  },
  {
    id: 'tableur/caractere-controle-lieu', target: 'tableur', title: 'un retour chariot vertical (U+000B) et un échappement (U+001B) dans le département',
    make: (d) => writeWorkbook(d, 'controle-dep.xlsx', sheetOf([goodRow({ Département: '2_x000B_4_x001B_' })])),
    expect: atRow(2, 'caractère|invisible|interdit|département'),
  },
  {
    id: 'tableur/intitule-immense', target: 'tableur', title: 'un intitulé de 40 000 caractères',
    make: (d) => writeWorkbook(d, 'long.xlsx', sheetOf([goodRow({ Intitulé: 'Atelier '.repeat(5_000) })])), expect: atRow(2, 'long|caractères'),
  },
  {
    id: 'tableur/departement-inconnu', target: 'tableur', title: 'un département qui n’existe pas',
    make: (d) => writeWorkbook(d, 'atlantide.xlsx', sheetOf([goodRow({ Département: 'Atlantide' })])), expect: atRow(2, 'département'),
  },
  {
    id: 'tableur/ligne-en-double', target: 'tableur', title: 'la même rencontre deux fois',
    make: (d) => writeWorkbook(d, 'double.xlsx', sheetOf([goodRow(), goodRow()])), expect: atRow(3, 'double'),
  },

  // ── Word style templates ──────────────────────────────────────────────────────────────────
  { id: 'modele/aleatoire', target: 'modele', title: 'des octets au hasard', make: (d) => ({ kind: 'path', path: randomBytesFile(d, 'aleatoire.docx') }), expect: named('aleatoire.docx', 'n’est pas un document Word') },
  { id: 'modele/vide', target: 'modele', title: 'un fichier de 0 octet', make: (d) => ({ kind: 'path', path: emptyFile(d, 'vide.dotx') }), expect: named('vide.dotx', 'vide') },
  { id: 'modele/tronque', target: 'modele', title: 'un modèle tronqué', make: (d, w) => ({ kind: 'path', path: truncatedCopy(w.goodTemplate, d, 0.5, 'tronque.docx') }), expect: named('tronque.docx', 'incomplet|endommagé') },
  { id: 'modele/styles-endommages', target: 'modele', title: 'des octets inversés au milieu de ses styles', make: (d, w) => ({ kind: 'path', path: corruptedCopy(w.goodTemplate, d, 'endommage.docx') }), expect: named('endommage.docx', 'endommagé') },
  {
    id: 'modele/bombe', target: 'modele', title: 'une bombe zip (une image de 70 Mo de zéros)',
    make: async (d) => {
      const zip = new JSZip();
      zip.file('word/document.xml', '<w:document/>');
      zip.file('word/media/image1.png', Buffer.alloc(70 * 1024 * 1024));
      return writeBytes(d, 'bombe.docx', await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    },
    expect: named('bombe.docx', 'décompress|Mo'),
  },
  { id: 'modele/doc-97', target: 'modele', title: 'un document Word 97-2003 (.doc)', make: (d) => ({ kind: 'path', path: compoundFile(d, 'doc') }), expect: named('ancien-format.doc', 'Word 97-2003') },
  { id: 'modele/protege', target: 'modele', title: 'un .docx protégé par un mot de passe', make: (d) => ({ kind: 'path', path: compoundFile(d, 'encrypted') }), expect: named('protege.docx', 'mot de passe') },
  { id: 'modele/sans-styles', target: 'modele', title: 'un paquet Word sans word/styles.xml', make: async (d) => ({ kind: 'path', path: await zipWithoutStyles(d) }), expect: named('sans-styles.docx', 'styles') },
  { id: 'modele/sans-document', target: 'modele', title: 'une archive zip renommée en .docx', make: async (d) => ({ kind: 'path', path: await zipWithoutDocument(d) }), expect: named('archive.docx', 'document\\.xml') },
  { id: 'modele/pdf', target: 'modele', title: 'un PDF renommé en .dotx', make: (d) => writeBytes(d, 'charte.dotx', '%PDF-1.7\n%âãÏÓ\n'), expect: named('charte.dotx', 'PDF') },
  {
    id: 'modele/classeur', target: 'modele', title: 'un classeur Excel renommé en .docx',
    make: async (d, w) => writeBytes(d, 'tableau.docx', readFileSync(w.goodSheet)), expect: named('tableau.docx', 'Excel|classeur'),
  },
  {
    id: 'modele/styles-xml-casse', target: 'modele', title: 'des styles au XML mal formé',
    make: async (d) => ({ kind: 'path', path: await wordPackage(d, 'styles-casses.docx', { styles: '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/>' }) }),
    expect: named('styles-casses.docx', 'endommagé|illisible|styles|n’est pas'),
  },
  {
    id: 'modele/styles-entites', target: 'modele', title: 'des entités XML en cascade dans les styles',
    make: async (d) => ({ kind: 'path', path: await wordPackage(d, 'styles-entites.docx', { styles: `${XML_HEAD}${BILLION_LAUGHS}<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="&lol9;"/></w:style></w:styles>` }) }),
    expect: named('styles-entites.docx', 'endommagé|illisible|styles|entité|DOCTYPE|interdit|n’est pas'),
  },
  { id: 'modele/dossier', target: 'modele', title: 'un dossier', make: (d) => { mkdirSync(join(d, 'Modèle.docx')); return { kind: 'path', path: join(d, 'Modèle.docx') }; }, expect: named('Modèle.docx', 'dossier') },
  { id: 'modele/absent', target: 'modele', title: 'un fichier qui n’existe pas', make: (d) => ({ kind: 'path', path: join(d, 'absent.dotx') }), expect: named('absent.dotx', 'introuvable|Impossible de lire|n’existe pas') },
  {
    id: 'modele/televersement-aleatoire', target: 'modele', title: 'des octets au hasard envoyés par le navigateur',
    make: () => ({ kind: 'upload', fileName: 'modele-rectorat.dotx', contentBase64: Buffer.concat([Buffer.from([0]), randomBytes(2000)]).toString('base64') }),
    expect: named('modele-rectorat.dotx', 'n’est pas un document Word'),
  },

  // ── Exchange bundles ──────────────────────────────────────────────────────────────────────
  { id: 'paquet/texte', target: 'paquet', title: 'un fichier texte', make: (d) => writeBytes(d, 'texte.synthese', 'ceci n’est pas un paquet'), expect: named('texte.synthese', 'refusé[\\s\\S]*paquet') },
  { id: 'paquet/vide', target: 'paquet', title: 'un fichier de 0 octet', make: (d) => writeBytes(d, 'vide.synthese', ''), expect: named('vide.synthese', 'refusé') },
  {
    id: 'paquet/tronque', target: 'paquet', title: 'un paquet tronqué à 60 %',
    make: (d, w) => writeBytes(d, 'tronque.synthese', w.goodBundle.subarray(0, Math.floor(w.goodBundle.length * 0.6))), expect: named('tronque.synthese', 'tronqué|endommagé'),
  },
  {
    id: 'paquet/zip-quelconque', target: 'paquet', title: 'une archive zip qui n’est pas un paquet',
    make: async (d) => {
      const zip = new JSZip();
      zip.file('notes.txt', 'bonjour');
      return writeBytes(d, 'archive.synthese', await zip.generateAsync({ type: 'nodebuffer' }));
    },
    expect: named('archive.synthese', 'manifest\\.json'),
  },
  {
    id: 'paquet/manifeste-gonfle', target: 'paquet', title: 'un manifeste de 2 Mo une fois décompressé',
    make: async (d, w) => writeBytes(d, 'gonfle.synthese', await alteredBundle(w, (p) => { p['manifest.json'] = `${p['manifest.json']!}${' '.repeat(2 * 1024 * 1024)}`; })),
    expect: named('gonfle.synthese', 'trop gros|décompress'),
  },
  {
    id: 'paquet/bombe-menteuse', target: 'paquet', title: 'des enregistrements de 500 Mo dont le répertoire déclare 1 Ko',
    make: async (d, w) => {
      const zip = await JSZip.loadAsync(w.goodBundle);
      const entries: RawEntry[] = [];
      for (const name of ['manifest.json', 'signature.json']) {
        const content = await zip.files[name]!.async('nodebuffer');
        entries.push({ name, data: deflateRawSync(content), method: 8, crc: crc32(content), declaredSize: content.length });
      }
      const bomb = await deflatedFill('', '\n', 500 * 1024 * 1024, '');
      entries.push({ name: 'records.jsonl', data: bomb.data, method: 8, crc: bomb.crc, declaredSize: 1024 });
      return writeBytes(d, 'bombe.synthese', rawZip(entries));
    },
    expect: named('bombe.synthese', 'trop gros|décompress|endommagé|signature|contenu'),
  },
  {
    id: 'paquet/enregistrements-modifies', target: 'paquet', title: 'des enregistrements modifiés après la signature',
    make: async (d, w) => writeBytes(d, 'modifie.synthese', await alteredBundle(w, (p) => { p['records.jsonl'] = p['records.jsonl']!.replace('Vienne', 'Vienna'); })),
    expect: named('modifie.synthese', 'signature'),
  },
  {
    id: 'paquet/manifeste-modifie', target: 'paquet', title: 'un manifeste modifié après la signature',
    make: async (d, w) => writeBytes(d, 'manifeste.synthese', await alteredBundle(w, (p) => { p['manifest.json'] = p['manifest.json']!.replace('DSDEN de la Vienne', 'DSDEN de la Creuse'); })),
    expect: named('manifeste.synthese', 'signature'),
  },
  {
    id: 'paquet/signature-illisible', target: 'paquet', title: 'une signature qui n’est pas du JSON',
    make: async (d, w) => writeBytes(d, 'signature.synthese', await alteredBundle(w, (p) => { p['signature.json'] = '{"algorithm": "Ed25519", '; })),
    expect: named('signature.synthese', 'signature'),
  },
  {
    id: 'paquet/version-future', target: 'paquet', title: 'un paquet d’une version plus récente (schéma 99), signé',
    make: async (d, w) => writeBytes(d, 'futur.synthese', await alteredBundle(w, (p) => { p['manifest.json'] = p['manifest.json']!.replace(/"schemaVersion":\s*\d+/, '"schemaVersion": 99'); }, true)),
    expect: named('futur.synthese', 'version plus récente'),
  },
  { id: 'paquet/autre-region', target: 'paquet', title: 'le paquet d’une autre région académique', make: (_d, w) => ({ kind: 'path', path: w.otherRegionBundle }), expect: /refusé[\s\S]*Bretagne/ },
  { id: 'paquet/le-sien', target: 'paquet', title: 'un paquet écrit par ce catalogue-ci', make: (_d, w) => ({ kind: 'path', path: w.ownBundle }), expect: /refusé[\s\S]*ce catalogue-ci/ },
  {
    id: 'paquet/effectif-negatif', target: 'paquet', title: 'un effectif négatif dans une rencontre, signé de neuf',
    make: async (d, w) => writeBytes(d, 'negatif.synthese', await alteredBundle(w, (p) => withRecords(p, (l) => { firstMeeting(l)['attendance.eleves'] = -3; }), true)),
    expect: /ligne \d+ de « records\.jsonl »[\s\S]*attendance\.eleves[\s\S]*négatif/,
  },
  {
    id: 'paquet/caractere-controle', target: 'paquet', title: 'un caractère de contrôle dans un intitulé, signé de neuf',
    make: async (d, w) => writeBytes(d, 'controle.synthese', await alteredBundle(w, (p) => withRecords(p, (l) => { firstMeeting(l).title = 'Concertation\u0007'; }), true)),
    expect: /champ « title »[\s\S]*caractère/,
  },
  {
    id: 'paquet/champ-inconnu', target: 'paquet', title: 'un champ inconnu (« __proto__ ») dans une rencontre, signé de neuf',
    make: async (d, w) => writeBytes(d, 'proto.synthese', await alteredBundle(w, (p) => withRecords(p, (l) => { Object.defineProperty(firstMeeting(l), '__proto__', { value: { admin: true }, enumerable: true }); }), true)),
    expect: /champ « __proto__ »[\s\S]*inconnu/,
  },
  { id: 'paquet/dossier', target: 'paquet', title: 'un dossier', make: (d) => { mkdirSync(join(d, 'paquets.synthese')); return { kind: 'path', path: join(d, 'paquets.synthese') }; }, expect: named('paquets.synthese', 'dossier') },
  { id: 'paquet/absent', target: 'paquet', title: 'un fichier qui n’existe pas', make: (d) => ({ kind: 'path', path: join(d, 'absent.synthese') }), expect: named('absent.synthese', 'introuvable|n’existe pas') },

  // ── Files given as a catalogue ────────────────────────────────────────────────────────────
  { id: 'catalogue/texte', target: 'catalogue', title: 'un fichier texte', make: (d) => ({ kind: 'open', create: true, path: (writeBytes(d, 'notes.sqlite', 'Compte rendu de la réunion du 14 octobre') as { path: string }).path }), expect: named('notes.sqlite', 'pas une base SQLite|pas un catalogue') },
  { id: 'catalogue/vide', target: 'catalogue', title: 'un fichier de 0 octet ouvert par une commande', make: (d) => ({ kind: 'open', create: false, path: (writeBytes(d, 'vide.sqlite', '') as { path: string }).path }), expect: named('vide.sqlite', 'vide') },
  { id: 'catalogue/dossier', target: 'catalogue', title: 'un dossier', make: (d) => { mkdirSync(join(d, 'catalogue.sqlite')); return { kind: 'open', create: true, path: join(d, 'catalogue.sqlite') }; }, expect: named('catalogue.sqlite', 'dossier') },
  {
    id: 'catalogue/autre-application', target: 'catalogue', title: 'la base SQLite d’une autre application',
    make: (d) => ({ kind: 'open', create: true, path: sqliteFile(join(d, 'contacts.sqlite'), (db) => db.exec("CREATE TABLE contacts (nom TEXT, courriel TEXT); INSERT INTO contacts VALUES ('Léa', 'lea@example.org')")) }),
    expect: named('contacts.sqlite', 'pas un catalogue'),
  },
  {
    id: 'catalogue/autre-application-versionnee', target: 'catalogue', title: 'la base SQLite d’une autre application qui tient son propre user_version (3)',
    make: (d) => ({ kind: 'open', create: true, path: sqliteFile(join(d, 'agenda.sqlite'), (db) => { db.exec("CREATE TABLE evenement (titre TEXT); INSERT INTO evenement VALUES ('Réunion')"); db.pragma('user_version = 3'); }) }),
    expect: named('agenda.sqlite', 'pas un catalogue|endommagé|version'),
  },
  {
    id: 'catalogue/version-future', target: 'catalogue', title: 'un catalogue d’une version plus récente (schéma 99)',
    make: (d, w) => {
      const path = join(d, 'futur.sqlite');
      copyFileSync(w.demoCatalogue, path);
      sqliteFile(path, (db) => db.pragma('user_version = 99'));
      return { kind: 'open', create: true, path };
    },
    expect: /version plus récente[\s\S]*schéma 99/,
  },
  {
    id: 'catalogue/page-abimee', target: 'catalogue', title: 'un catalogue dont une page des rencontres est abîmée',
    make: (d, w) => ({ kind: 'open', create: true, path: damagedCopy(w, join(d, 'abime.sqlite'), (_size, page) => (rootPage(w.demoCatalogue, 'meeting') - 1) * page) }),
    expect: named('abime.sqlite', 'endommagé|abîmé|corrompu'),
  },
  {
    id: 'catalogue/schema-abime', target: 'catalogue', title: 'un catalogue dont la table des tables (page 1) est abîmée',
    make: (d, w) => ({ kind: 'open', create: true, path: damagedCopy(w, join(d, 'schema-abime.sqlite'), () => 100, 3000) }),
    expect: named('schema-abime.sqlite', 'endommagé|abîmé|corrompu|pas une base SQLite'),
  },
  {
    id: 'catalogue/tronque', target: 'catalogue', title: 'un catalogue tronqué à la moitié (copie interrompue)',
    make: (d, w) => {
      const bytes = readFileSync(w.demoCatalogue);
      return { kind: 'open', create: true, path: (writeBytes(d, 'tronque.sqlite', bytes.subarray(0, Math.floor(bytes.length / 2))) as { path: string }).path };
    },
    expect: named('tronque.sqlite', 'endommagé|incomplet|tronqué|abîmé'),
  },
  {
    id: 'catalogue/zip', target: 'catalogue', title: 'une archive zip renommée en .sqlite',
    make: async (d, w) => ({ kind: 'open', create: true, path: (writeBytes(d, 'archive.sqlite', readFileSync(w.goodSheet)) as { path: string }).path }),
    expect: named('archive.sqlite', 'pas une base SQLite|pas un catalogue'),
  },
  {
    id: 'catalogue/en-tete-seul', target: 'catalogue', title: 'l’en-tête SQLite suivi d’octets au hasard',
    make: (d) => ({ kind: 'open', create: true, path: (writeBytes(d, 'bruit.sqlite', Buffer.concat([Buffer.from('SQLite format 3\0'), randomBytes(8192)])) as { path: string }).path }),
    expect: named('bruit.sqlite', 'pas une base SQLite|endommagé|pas un catalogue'),
  },
  {
    id: 'catalogue/restaurer-texte', target: 'catalogue', title: 'un fichier texte donné comme sauvegarde à restaurer',
    make: (d, w) => restoreCase(d, w, 'catalogue-20201002-080000.sqlite', (p) => writeFileSync(p, 'pas une sauvegarde')),
    expect: named('catalogue-20201002-080000.sqlite', 'n’est pas une sauvegarde'),
  },
  {
    id: 'catalogue/restaurer-autre-application', target: 'catalogue', title: 'la base d’une autre application donnée comme sauvegarde',
    make: (d, w) => restoreCase(d, w, 'catalogue-20201002-080001.sqlite', (p) => sqliteFile(p, (db) => db.exec('CREATE TABLE contacts (nom TEXT)'))),
    expect: named('catalogue-20201002-080001.sqlite', 'n’est pas une sauvegarde|pas un catalogue'),
  },
  {
    id: 'catalogue/restaurer-version-future', target: 'catalogue', title: 'une sauvegarde d’une version plus récente (schéma 99)',
    make: (d, w) => restoreCase(d, w, 'catalogue-20201002-080002.sqlite', (p) => { copyFileSync(w.demoCatalogue, p); sqliteFile(p, (db) => db.pragma('user_version = 99')); }),
    expect: named('catalogue-20201002-080002.sqlite', 'version plus récente'),
  },
  {
    id: 'catalogue/restaurer-page-abimee', target: 'catalogue', title: 'une sauvegarde dont une page des rencontres est abîmée',
    make: (d, w) => restoreCase(d, w, 'catalogue-20201002-080003.sqlite', (p) => damagedCopy(w, p, (_size, page) => (rootPage(w.demoCatalogue, 'meeting') - 1) * page)),
    expect: named('catalogue-20201002-080003.sqlite', 'endommagé|abîmé|corrompu|n’est pas une sauvegarde'),
  },
  {
    id: 'catalogue/restaurer-tronquee', target: 'catalogue', title: 'une sauvegarde tronquée à la moitié',
    make: (d, w) => restoreCase(d, w, 'catalogue-20201002-080004.sqlite', (p) => { const b = readFileSync(w.demoCatalogue); writeFileSync(p, b.subarray(0, Math.floor(b.length / 2))); }),
    expect: named('catalogue-20201002-080004.sqlite', 'endommagé|abîmé|incomplet|tronqué|n’est pas une sauvegarde'),
  },
  {
    id: 'catalogue/cli-texte', target: 'catalogue', title: '« stats --db » sur un fichier texte (la ligne de commande)',
    make: (d) => {
      const path = (writeBytes(d, 'notes-cli.sqlite', 'Ceci est un compte rendu, pas un catalogue') as { path: string }).path;
      return { kind: 'cli', args: ['stats', '--db', path], watched: path };
    },
    expect: /^Erreur : [\s\S]*« [^»]*notes-cli\.sqlite »[\s\S]*pas une base SQLite/,
  },
  {
    id: 'catalogue/cli-import-tronque', target: 'catalogue', title: '« import-attendance » d’un classeur tronqué (la ligne de commande)',
    make: (d, w) => {
      const db = join(d, 'demo-cli.sqlite');
      copyFileSync(w.demoCatalogue, db);
      const sheet = (writeBytes(d, 'tronque-cli.xlsx', readFileSync(w.goodSheet).subarray(0, 700)) as { path: string }).path;
      return { kind: 'cli', args: ['import-attendance', '--db', db, sheet, '--campagne', 'egn-2020'], watched: db };
    },
    expect: /^Erreur : [\s\S]*« tronque-cli\.xlsx »[\s\S]*(incomplet|endommagé)/,
  },
];

/** A restore case: the current catalogue (the demo) and, in its backups folder, the bad backup. */
function restoreCase(dir: string, world: CorpusWorld, backupName: string, write: (path: string) => void): Submission {
  const catalogue = join(dir, 'catalogue.sqlite');
  copyFileSync(world.demoCatalogue, catalogue);
  const backupsDir = join(dir, 'sauvegardes');
  mkdirSync(backupsDir, { recursive: true });
  const backup = join(backupsDir, backupName);
  write(backup);
  return { kind: 'restore', backup, catalogue, backupsDir };
}
