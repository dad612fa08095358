/**
 * Shared tools of the reliability suite (test/reliability/, scripts/reliability-nightly.ts):
 * a checksum of every table of a catalogue, the check that a refusal speaks French and leaks no
 * internals, a seeded random generator, the CLI as a child process, and the catalogues and sheets
 * the kill trials work on.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { openCatalogue } from '../../src-main/catalogue/database.ts';
import { loadDemos } from '../../src-main/demo/demo-catalogue.ts';
import { localCaller } from '../../src-main/transport/local.ts';
import { FIXED_NOW } from './catalogue.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = fileURLToPath(new URL('../../src-main/cli/index.ts', import.meta.url));

// ─── Checksums ──────────────────────────────────────────────────────────────────────────────────

type Db = Pick<Database.Database, 'prepare' | 'pragma'>;

function rowOrder(db: Db, table: string, sql: string | null): string {
  if (table === 'sqlite_master' || !/WITHOUT\s+ROWID/i.test(sql ?? '')) return 'rowid';
  const pk = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[])
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => `"${c.name}"`);
  return pk.length > 0 ? pk.join(', ') : '1';
}

function encode(value: unknown): unknown {
  return Buffer.isBuffer(value) ? `x'${value.toString('hex')}'` : value;
}

/**
 * One SHA-256 per table, every row in rowid order (primary key order for WITHOUT ROWID tables),
 * sqlite_master included, and the schema version as the pseudo-table "user_version".
 */
export function tableChecksums(db: Db): Record<string, string> {
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string | null }[];
  const sums: Record<string, string> = {
    sqlite_master: '',
    user_version: createHash('sha256').update(String(db.pragma('user_version', { simple: true }))).digest('hex'),
  };
  for (const { name, sql } of [{ name: 'sqlite_master', sql: null }, ...tables]) {
    const hash = createHash('sha256');
    const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY ${rowOrder(db, name, sql)}`).raw().iterate() as Iterable<unknown[]>;
    for (const row of rows) hash.update(JSON.stringify(row.map(encode))).update('\n');
    sums[name] = hash.digest('hex');
  }
  return sums;
}

/** A checksum of the whole catalogue: every table (sqlite_master and user_version included). */
export function catalogueChecksum(db: Db): string {
  const sums = tableChecksums(db);
  return createHash('sha256').update(Object.keys(sums).sort().map((t) => `${t}:${sums[t]}`).join('\n')).digest('hex');
}

/** Tables whose checksum differs (a table present on one side only counts too). */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]).sort();
}

/** The checksum of a catalogue file, read only (null when SQLite cannot read it as a database). */
export function fileCatalogueChecksum(path: string): string | null {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return catalogueChecksum(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

export function sha256File(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) hash.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** `PRAGMA integrity_check` of a catalogue file, as the app would see it ("ok" when sound), or why it cannot be read. */
export function integrityCheck(path: string): string {
  if (!existsSync(path)) return 'absent';
  try {
    const db = new Database(path, { fileMustExist: true });
    try {
      return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    } finally {
      db.close();
    }
  } catch (error) {
    return `illisible : ${(error as Error).message}`;
  }
}

/** Reads one number from a catalogue file (a count), opened as the app opens it (the journal replayed). */
export function countIn(path: string, sql: string): number {
  const db = new Database(path, { fileMustExist: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

// ─── French refusals ────────────────────────────────────────────────────────────────────────────

/** What an error shown to a user must never contain: English internals, stack frames, placeholders. */
export const ENGLISH_INTERNALS: { name: string; pattern: RegExp }[] = [
  { name: '« Error: »', pattern: /\b(?:[A-Z][a-z]+)?Error:/ },
  { name: 'un code système (ENOENT…)', pattern: /\bE(?:NOENT|ACCES|ISDIR|NOTDIR|PERM|BUSY|MFILE|NOSPC)\b/ },
  { name: 'un code SQLite', pattern: /\bSQLITE_[A-Z_]+\b/ },
  { name: '« Cannot »', pattern: /\bCannot\b|\bcan't\b|\bcannot\b/i },
  { name: '« undefined » / « null » / « NaN » / « [object »', pattern: /\bundefined\b|\bnull\b|\bNaN\b|\[object /i },
  { name: 'une pile d’appels (« at … »)', pattern: /(?<![\p{L}\p{N}_'’-])at\s/u },
  { name: 'un message de bibliothèque en anglais', pattern: /\b(?:Unexpected|invalid|expected|failed|is not|not a|Corrupted|end of|unsupported|malformed|Maximum call stack)\b/i },
];

/** Words a French sentence of the app is made of: at least two must be there. */
const FRENCH_WORDS = /(?<![\p{L}])(?:le|la|les|du|de|des|un|une|est|n’est|n'est|pas|ce|cette|fichier|classeur|feuilles?|ligne|colonne|catalogue|paquet|modèle|document|refusée?|introuvable|impossible|vide|dossier|sauvegarde|version|schéma|champ|caractère|effectif|nombre|rencontres?|dans|au|aux|il|elle|ne|sur|avec|sans|ou)(?![\p{L}])/giu;

/**
 * Checks that `message` is a French message meant for a person: it says what `expected` says (the
 * what and where of the case), has French words and none of ENGLISH_INTERNALS. Returns the problems
 * (empty when the message is right), so a table of cases can report every one at once.
 */
export function frenchProblems(message: string, expected: RegExp): string[] {
  const problems: string[] = [];
  if (!expected.test(message)) problems.push(`ne correspond pas à ${expected}`);
  const words = new Set((message.match(FRENCH_WORDS) ?? []).map((w) => w.toLowerCase()));
  if (words.size < 2) problems.push('pas une phrase en français');
  for (const { name, pattern } of ENGLISH_INTERNALS) if (pattern.test(message)) problems.push(`contient ${name} (${pattern})`);
  return problems;
}

// ─── A seeded random generator ──────────────────────────────────────────────────────────────────

/** mulberry32: the same seed, the same sequence (failures are replayed with RELIABILITY_SEED=…). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of this run: RELIABILITY_SEED if given, else a fresh one; printed either way. */
const DEFAULT_SEED = 20261206;

export function runSeed(label: string): number {
  // A fixed seed by default, so that `npm test` (and CI) draws the same cases every run; RELIABILITY_SEED=N
  // replays a seed, RELIABILITY_SEED=random draws new ones (the nightly script does).
  const given = process.env.RELIABILITY_SEED;
  const seed = given !== undefined && /^\d+$/.test(given) ? Number(given) : given === 'random' ? Math.floor(Math.random() * 2 ** 31) : DEFAULT_SEED;
  process.stdout.write(`[${label}] graine : ${seed} (rejouer : RELIABILITY_SEED=${seed})\n`);
  return seed;
}

// ─── The CLI as a child process ─────────────────────────────────────────────────────────────────

/** `npm run synthese -- …` without npm: node with tsx's loader (npm and the tsx binary add a process each). */
export function cliArgs(args: string[]): string[] {
  return ['--import', 'tsx', CLI, ...args];
}

export function spawnCli(args: string[]): ChildProcess {
  return spawn(process.execPath, cliArgs(args), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the CLI; with `killAfterMs`, sends it SIGKILL after that delay (if it has not ended). */
export function runCli(args: string[], options: { killAfterMs?: number; timeoutMs?: number } = {}): Promise<CliResult> {
  const started = Date.now();
  const child = spawnCli(args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const timers: NodeJS.Timeout[] = [];
  if (options.killAfterMs !== undefined) timers.push(setTimeout(() => child.kill('SIGKILL'), options.killAfterMs));
  timers.push(setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Runs `work` on every item, `width` at a time, results in the items' order. */
export async function inParallel<T, R>(items: T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return results;
}

// ─── Catalogues and sheets to work on ───────────────────────────────────────────────────────────

/** The demo catalogue (2020 and 2015) in a file, built in this process through the contract, closed. */
export async function buildDemoCatalogueFile(path: string): Promise<void> {
  const db = openCatalogue(path);
  try {
    await loadDemos(localCaller({ db, now: () => FIXED_NOW, cataloguePath: path }));
  } finally {
    db.close();
  }
}

/**
 * An attendance sheet of `rows` new bassin meetings (ateliers of one day, told apart by their titles),
 * each with its categories and total: an import that adds `rows` meetings in one transaction.
 */
export async function writeBigAttendanceSheet(path: string, rows: number, options: { bassin: string; departement: string; date: string; tag: string }): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Rencontres');
  sheet.addRow(['Département', 'Niveau', 'Bassin / réseau', 'Intitulé', 'Date', 'Élèves', 'Enseignants', 'Parents', 'Total déclaré']);
  for (let i = 1; i <= rows; i++) {
    sheet.addRow([options.departement, 'Bassin', options.bassin, `Atelier ${options.tag} n° ${i}`, options.date, 3 + (i % 7), 5 + (i % 11), i % 3, 40]);
  }
  await workbook.xlsx.writeFile(path);
}

// ─── LibreOffice, several files in one run ──────────────────────────────────────────────────────

/**
 * Converts `files` with one `soffice` run (its own profile): `format` as soffice takes it
 * ("txt:Text (encoded):UTF8", "html"…). soffice exits 0 even when it could not read a file: every
 * output is checked, and the path of each returned in the order of `files`.
 */
export function libreOfficeConvertAll(files: string[], format: string, extension: string): string[] {
  const outDir = mkdtempSync(join(tmpdir(), 'synthese-soffice-'));
  const profile = mkdtempSync(join(tmpdir(), 'synthese-lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', outDir, ...files], {
      stdio: 'pipe', timeout: 180_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((file) => {
    const output = join(outDir, basename(file).replace(/\.[^.]+$/, `.${extension}`));
    if (!existsSync(output)) throw new Error(`LibreOffice n'a pas pu ouvrir ${file}`);
    return output;
  });
}

/** The text of an HTML page LibreOffice wrote: tags dropped, entities decoded. */
export function htmlText(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    // LibreOffice's HTML export writes a tab inside a cell as U+0001.
    .replace(/\u0001/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
      if (entity[0] === '#') return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
      return named[entity.toLowerCase()] ?? whole;
    });
}
