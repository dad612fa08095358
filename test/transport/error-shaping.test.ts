/**
 * Every error the user reads is French, short, and never the original English text: what went wrong
 * unexpectedly is in the errors journal, found again by the reference the message gives.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openCatalogue, type Catalogue } from '../../src-main/catalogue/database.ts';
import { AppError, type AppErrorPayload, MAX_ISSUES, shorten, summarise } from '../../src-main/contract/errors.ts';
import type { Handlers, ServiceContext } from '../../src-main/services/context.ts';
import { handlers } from '../../src-main/services/handlers.ts';
import { dispatch } from '../../src-main/transport/dispatch.ts';
import { ERROR_LOG_MAX_BYTES, errorLogPathFor, logError } from '../../src-main/transport/error-log.ts';
import { describeThrown, safeText } from '../../src-main/transport/thrown.ts';
import { FIXED_NOW } from '../support/catalogue.ts';

let dir: string;
let db: Catalogue;
let ctx: ServiceContext;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'synthese-errors-'));
  db = openCatalogue(':memory:');
  // The journal follows the catalogue's path (the catalogue itself stays in memory here).
  ctx = { db, now: () => FIXED_NOW, cataloguePath: join(dir, 'catalogue.sqlite') };
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const journal = () => join(dir, 'journal', 'erreurs.log');
const lines = () => readFileSync(journal(), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

/** The error of `campaigns.list` when its handler throws `thrown`. */
async function failWith(thrown: unknown, context: ServiceContext = ctx): Promise<AppErrorPayload> {
  const throwing: Handlers = { ...handlers, 'campaigns.list': () => { throw thrown; } };
  const envelope = await dispatch(throwing, context, 'campaigns.list', {});
  if (envelope.ok) throw new Error('aurait dû échouer');
  return envelope.error;
}

function reference(message: string): string {
  const found = /référence ([0-9A-F]{8})/.exec(message);
  expect(found, message).not.toBeNull();
  return found![1]!;
}

describe('errors no service caught', () => {
  it('a file-system error (EACCES) reads as French, the original only in the journal', async () => {
    const thrown = Object.assign(new Error("EACCES: permission denied, open '/srv/partage/x.docx'"), {
      code: 'EACCES', errno: -13, syscall: 'open', path: '/srv/partage/x.docx',
    });
    const error = await failWith(thrown);
    expect(error).toEqual({
      code: 'FILE',
      message: 'Un fichier ou un dossier « /srv/partage/x.docx » n’a pas pu être lu ou écrit : droits insuffisants sur ce fichier ou ce dossier.',
    });
    expect(error.message).not.toMatch(/permission|denied|EACCES/);
    const [line] = lines();
    expect(line).toMatchObject({ operation: 'campaigns.list', code: 'EACCES', syscall: 'open', message: thrown.message });
    expect(line!.stack).toContain('error-shaping.test.ts');
  });

  it.each([
    ['ENOSPC', 'le disque est plein'],
    ['EROFS', 'lecture seule'],
    ['EBUSY', 'ouvert dans un autre programme'],
    ['EMFILE', 'trop de fichiers sont ouverts'],
    ['ENAMETOOLONG', 'trop long'],
    ['ENOENT', 'chemin introuvable'],
  ])('%s reads as French too', async (code, french) => {
    const error = await failWith(Object.assign(new Error(`${code}: something failed`), { code }));
    expect(error.code).toBe('FILE');
    expect(error.message).toContain(french);
    expect(error.message).not.toContain('something failed');
  });

  it('an object without prototype (String() of it throws): a French message with a reference, the object in the journal', async () => {
    const thrown = Object.assign(Object.create(null) as object, { detail: 'Cannot convert object to primitive value' });
    expect(() => String(thrown)).toThrow(); // what the old message did
    const error = await failWith(thrown);
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toMatch(/^Une erreur inattendue s’est produite \(référence [0-9A-F]{8}\)/);
    expect(error.message).toContain(journal());
    expect(error.message).not.toMatch(/Cannot|convert|primitive/);
    const [line] = lines();
    expect(line).toMatchObject({ reference: reference(error.message), operation: 'campaigns.list' });
    expect(line!.message).toContain('Cannot convert object to primitive value');
  });

  it('a plain Error in English: French on screen, message and stack in the journal', async () => {
    const error = await failWith(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(error.message).not.toMatch(/Cannot|undefined|TypeError|Erreur interne/);
    const line = lines().find((l) => l.reference === reference(error.message));
    expect(line).toMatchObject({ name: 'TypeError', message: "Cannot read properties of undefined (reading 'id')" });
    expect(String(line!.stack)).toMatch(/at /);
  });

  it('anything thrown, however odd, still gets a French answer (never a throw out of the dispatcher)', async () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const hostile = new Proxy({}, { get: () => { throw new Error('getter'); }, getPrototypeOf: () => { throw new Error('proto'); } });
    for (const thrown of [revoked.proxy, hostile, undefined, null, 42, 'texte', Symbol('s'), { toString: 1 }, 10n]) {
      const error = await failWith(thrown);
      expect(error.code).toBe('INTERNAL');
      expect(error.message).toMatch(/^Une erreur inattendue/);
    }
  });

  it('an operation name that is an object with a toString that is no function: UNKNOWN_OPERATION, in French', async () => {
    const envelope = await dispatch(handlers, ctx, { toString: 1 }, {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'Opération inconnue : « {"toString":1} ».' } });
    const nullProto = await dispatch(handlers, ctx, Object.create(null), {});
    expect(nullProto).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it('without a journal file (in-memory catalogue), the details go to stderr', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    const error = await failWith(new Error('boom in English'), { db, now: () => FIXED_NOW });
    expect(error.message).not.toContain('boom');
    expect(written.join('')).toContain('boom in English');
    expect(written.join('')).toContain(reference(error.message));
    expect(existsSync(journal())).toBe(false);
  });

  it('the journal can be given explicitly (a transport’s option), or turned off', async () => {
    const elsewhere = join(dir, 'ailleurs.log');
    const throwing: Handlers = { ...handlers, 'campaigns.list': () => { throw new Error('explicit'); } };
    await dispatch(throwing, ctx, 'campaigns.list', {}, { errorLog: elsewhere });
    expect(readFileSync(elsewhere, 'utf8')).toContain('explicit');
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await dispatch(throwing, ctx, 'campaigns.list', {}, { errorLog: null });
    expect(existsSync(journal())).toBe(false);
  });

  it('leaves French errors as they are (AppError, SQLite) and keeps unique-constraint conflicts out of the journal', async () => {
    expect(await failWith(new AppError('NOT_FOUND', 'Rencontre introuvable.'))).toEqual({ code: 'NOT_FOUND', message: 'Rencontre introuvable.' });
    const busy = await failWith(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
    expect(busy).toMatchObject({ code: 'FILE', message: expect.stringContaining('occupé') });
    const unique = await failWith(Object.assign(new Error('UNIQUE constraint failed: x.y'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }));
    expect(unique).toEqual({ code: 'CONFLICT', message: 'Cet élément existe déjà dans le catalogue.' });
    expect(lines().map((l) => l.code)).toEqual(['SQLITE_BUSY']);
  });
});

describe('the errors journal', () => {
  it('lives next to the catalogue, none for an in-memory one', () => {
    expect(errorLogPathFor('/home/a/catalogue.sqlite')).toBe(join('/home/a', 'journal', 'erreurs.log'));
    expect(errorLogPathFor(':memory:')).toBeNull();
    expect(errorLogPathFor(undefined)).toBeNull();
  });

  it('turns into .1 past 1 MB, so it never grows without end', () => {
    mkdirSync(join(dir, 'journal'));
    writeFileSync(journal(), 'x'.repeat(ERROR_LOG_MAX_BYTES - 10));
    logError(journal(), { reference: 'ABCD1234', error: new Error('after rotation') });
    expect(readFileSync(`${journal()}.1`, 'utf8')).toHaveLength(ERROR_LOG_MAX_BYTES - 10);
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toMatchObject({ reference: 'ABCD1234', message: 'after rotation' });
  });

  it('falls back to stderr when the journal cannot be written', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    writeFileSync(join(dir, 'journal'), 'a file where the folder should be');
    expect(() => logError(journal(), { reference: 'ABCD1234', error: new Error('kept anyway') })).not.toThrow();
    expect(written.join('')).toContain('kept anyway');
  });

  it('reads any thrown value without throwing', () => {
    expect(describeThrown(Object.create(null))).toMatchObject({ name: 'objet', message: '{}' });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(safeText(cyclic)).toBe('[object Object]');
    expect(safeText(Symbol('s'))).toBe('Symbol(s)');
    expect(describeThrown(Object.assign(new RangeError('r'), { code: 'ERR_X' }))).toMatchObject({ name: 'RangeError', message: 'r', code: 'ERR_X' });
  });
});

describe('long errors are summarised', () => {
  it('a 2 000-sheet error: under 4 KB, the first problems and « et N autres problèmes »', async () => {
    const sheets = Array.from({ length: 2_000 }, (_, i) => `Feuille ${i + 1}`);
    const issues = sheets.map((sheet) => ({ path: `sheets.${sheet}`, message: `la feuille « ${sheet} » n’a pas d’en-tête reconnu` }));
    const error = await failWith(new AppError('INVALID_INPUT', `Feuilles illisibles : ${sheets.join(', ')}.`, issues));
    expect(JSON.stringify(error).length).toBeLessThan(4_096);
    expect(error.issues).toHaveLength(MAX_ISSUES + 1);
    expect(error.issues!.slice(0, MAX_ISSUES)).toEqual(issues.slice(0, MAX_ISSUES));
    expect(error.issues!.at(-1)).toEqual({ path: '', message: 'et 1\u202F980 autres problèmes' });
    expect(error.message).toMatch(/^Feuilles illisibles : Feuille 1, Feuille 2, /);
    expect(error.message).toMatch(/ Feuille… \(et [\d\u202F]+ caractères de plus\)$/); // cut between two words
    expect(error.message.length).toBeLessThanOrEqual(1_000);
  });

  it('summarise: a list for a sentence', () => {
    expect(summarise([])).toBe('');
    expect(summarise(['a'])).toBe('a');
    expect(summarise(['a', 'b'])).toBe('a et b');
    expect(summarise(['a', 'b', 'c'], 3)).toBe('a, b et c');
    expect(summarise(['a', 'b', 'c', 'd'], 3)).toBe('a, b, c et d'); // rather than « et 1 autre »
    expect(summarise(['a', 'b', 'c', 'd', 'e'], 3)).toBe('a, b, c et 2 autres');
    expect(summarise(Array.from({ length: 15 }, (_, i) => String(i)), 3)).toBe('0, 1, 2 et 12 autres');
    expect(summarise(Array.from({ length: 2_000 }, (_, i) => `F${i}`), 2, ' ; ')).toBe('F0 ; F1 et 1\u202F998 autres');
  });

  it('shorten: cut at a word, never half an emoji', () => {
    expect(shorten('court', 10)).toBe('court');
    const long = `${'mot '.repeat(100)}fin`;
    const cut = shorten(long, 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut).toMatch(/^mot( mot)*… \(et \d+ caractères de plus\)$/);
    expect(shorten('😀'.repeat(100), 61)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
