/**
 * The bad-input corpus (issue 10, part 6; cases in test/support/reliability-corpus.ts): every hostile
 * sheet, Word style, bundle and catalogue is refused, through what the UI calls (the dispatcher) or what
 * the CLI runs, with a French message that says what is wrong and where (the file's name, « ligne N »)
 * and shows no English internals; every table of the catalogue is unchanged (checksum of each table,
 * sqlite_master included); a spreadsheet is refused within 10 s.
 * The témoins first: the same builders' good files are accepted, so a refusal is the hostility's doing.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../src-main/catalogue/restore.ts';
import { type Catalogue, openCatalogue } from '../../src-main/catalogue/database.ts';
import type { AppErrorPayload } from '../../src-main/contract/errors.ts';
import type { OperationInput } from '../../src-main/contract/operations.ts';
import type { ImportReport } from '../../src-main/contract/schemas/spreadsheets.ts';
import { loadDemo, loadDemos } from '../../src-main/demo/demo-catalogue.ts';
import type { ServiceContext } from '../../src-main/services/context.ts';
import { handlers } from '../../src-main/services/handlers.ts';
import { dispatch } from '../../src-main/transport/dispatch.ts';
import { localCaller } from '../../src-main/transport/local.ts';
import { FIXED_NOW } from '../support/catalogue.ts';
import {
  buildDemoCatalogueFile, changedTables, fileCatalogueChecksum, frenchProblems, runCli, sha256File, tableChecksums,
} from '../support/reliability.ts';
import {
  CORPUS, type CorpusCase, type CorpusWorld, goodRow, HEADERS, type Submission, TARGET_LABELS, type Target, workbook,
} from '../support/reliability-corpus.ts';
import { makeRectoratTemplate } from '../support/word-templates.ts';

const SPREADSHEET_SECONDS = 10;

let root: string;
let db: Catalogue;
let ctx: ServiceContext;
let campaignId: number;
let world: CorpusWorld;

async function laptop(setup: OperationInput<'identity.setup'>) {
  const laptopDb = openCatalogue(':memory:');
  const call = localCaller({ db: laptopDb, now: () => FIXED_NOW, documentsDir: root }, { validateOutput: true });
  await call('identity.setup', setup);
  return { db: laptopDb, call };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'synthese-corpus-'));
  // The catalogue every case is submitted to: the DANE de Poitiers, holding the demos.
  db = openCatalogue(':memory:');
  ctx = { db, now: () => FIXED_NOW, documentsDir: root };
  const call = localCaller(ctx, { validateOutput: true });
  await call('identity.setup', { regionCode: 'NAQ', academieCode: 'POITIERS', name: 'DANE de Poitiers' });
  await loadDemos(call);
  campaignId = (await call('campaigns.list', {})).find((c) => c.slug === 'egn-2020')!.id;

  const vienne = await laptop({ regionCode: 'NAQ', departementCode: '86', name: 'DSDEN de la Vienne' });
  await loadDemo(vienne.call);
  const bretagne = await laptop({ regionCode: 'BRE', name: 'Région académique Bretagne' });
  const goodSheet = join(root, 'rencontres.xlsx');
  writeFileSync(goodSheet, await workbook({ sheets: [{ rows: [HEADERS, goodRow()] }] }));
  const demoCatalogue = join(root, 'demo.sqlite');
  await buildDemoCatalogueFile(demoCatalogue);
  world = {
    goodSheet,
    goodTemplate: makeRectoratTemplate(root, { fileName: 'modele.docx' }),
    goodBundle: readFileSync((await vienne.call('exchange.export', { outPath: join(root, 'vienne.synthese'), scope: 'departement:86' })).path),
    otherRegionBundle: (await bretagne.call('exchange.export', { outPath: join(root, 'bretagne.synthese') })).path,
    ownBundle: (await call('exchange.export', { outPath: join(root, 'poitiers.synthese') })).path,
    demoCatalogue,
  };
  vienne.db.close();
  bretagne.db.close();
}, 120_000);

afterAll(() => {
  db?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Outcome {
  refused: boolean;
  message: string;
  ms: number;
  /** Tables (or files) the submission changed. */
  changed: string[];
}

const rowProblems = (report: ImportReport) =>
  report.problems.map((p) => `ligne ${p.row}${p.column ? `, colonne ${p.column}` : ''} : ${p.message}`).join('\n');
const payloadText = (error: AppErrorPayload) => [error.message, ...(error.issues ?? []).map((i) => `${i.path} : ${i.message}`)].join('\n');

/**
 * What a refusal must leave as it was: a catalogue's tables (every one, sqlite_master and user_version
 * included); a file SQLite cannot read, its bytes; a folder, its entries.
 */
function fingerprint(path: string): Record<string, string> {
  if (!existsSync(path)) return { absent: 'oui' };
  if (statSync(path).isDirectory()) return { dossier: readdirSync(path).join('/') };
  const tables = fileCatalogueChecksum(path);
  return tables ? { tables } : { octets: sha256File(path) };
}

async function submitToContract(target: Target, s: Submission): Promise<{ refused: boolean; message: string }> {
  const source = s.kind === 'path' ? { path: s.path } : s.kind === 'upload' ? { fileName: s.fileName, contentBase64: s.contentBase64 } : null;
  if (!source) throw new Error(`soumission ${s.kind} impossible pour ${target}`);
  const [name, payload] = target === 'tableur' ? ['spreadsheets.importAttendance', { campaignId, ...source }]
    : target === 'modele' ? ['styles.import', source]
      : ['exchange.merge', source];
  const envelope = await dispatch(handlers, ctx, name, payload, { validateOutput: true });
  if (!envelope.ok) return { refused: true, message: payloadText(envelope.error) };
  if (target !== 'tableur') return { refused: false, message: `accepté : ${JSON.stringify(envelope.value).slice(0, 300)}` };
  const report = envelope.value as ImportReport;
  if (!report.applied && report.refused > 0) return { refused: true, message: rowProblems(report) };
  return { refused: false, message: `import ${report.applied ? 'appliqué' : 'sans effet'} : ${report.rowsRead} lignes lues, ${report.added} ajoutées, ${report.refused} refusées` };
}

async function submit(c: CorpusCase, s: Submission): Promise<Outcome> {
  const started = Date.now();
  if (c.target !== 'catalogue') {
    const before = tableChecksums(db);
    const result = await submitToContract(c.target, s);
    return { ...result, ms: Date.now() - started, changed: changedTables(before, tableChecksums(db)) };
  }
  const watched = s.kind === 'open' ? [s.path] : s.kind === 'restore' ? [s.catalogue, s.backup] : s.kind === 'cli' ? [s.watched] : [];
  const before = watched.map(fingerprint);
  let refused = false;
  let message = '';
  if (s.kind === 'open') {
    try {
      openCatalogue(s.path, { create: s.create }).close();
      message = 'ouvert comme un catalogue';
    } catch (error) {
      refused = true;
      message = (error as Error).message;
    }
  } else if (s.kind === 'restore') {
    try {
      await restoreBackup(s.backup, s.catalogue, s.backupsDir, FIXED_NOW);
      message = 'restauré';
    } catch (error) {
      refused = true;
      message = (error as Error).message;
    }
  } else if (s.kind === 'cli') {
    const result = await runCli(s.args);
    refused = result.code !== 0;
    message = refused ? result.stderr.trim() : `code 0 : ${result.stdout.slice(0, 300)}`;
  }
  const changed = watched.flatMap((path, i) => changedTables(before[i]!, fingerprint(path)).map((what) => `${path.split('/').pop()} (${what})`));
  return { refused, message, ms: Date.now() - started, changed };
}

describe('témoins : les fichiers bien faits des mêmes fabriques sont acceptés', () => {
  it('a sheet of the corpus’s builder imports (one new meeting), by path and by upload', async () => {
    for (const source of [{ path: world.goodSheet }, { fileName: 'rencontres.xlsx', contentBase64: readFileSync(world.goodSheet).toString('base64') }]) {
      const envelope = await dispatch(handlers, ctx, 'spreadsheets.previewImport', { campaignId, ...source }, { validateOutput: true });
      expect(envelope.ok && (envelope.value as ImportReport)).toMatchObject({ rowsRead: 1, added: 1, refused: 0 });
    }
  });

  it('the rectorat’s template is imported, the Vienne’s bundle merged, the demo catalogue opened and restored', async () => {
    const fresh = await laptop({ regionCode: 'NAQ', academieCode: 'POITIERS', name: 'DANE de Poitiers (témoin)' });
    expect((await fresh.call('styles.import', { path: world.goodTemplate })).bodyFont).toBe('Liberation Serif');
    const merged = await fresh.call('exchange.merge', { path: join(root, 'vienne.synthese') });
    expect(merged.added).toBeGreaterThan(10);
    fresh.db.close();
    const dir = mkdtempSync(join(root, 'temoin-'));
    const copy = join(dir, 'catalogue.sqlite');
    copyFileSync(world.demoCatalogue, copy);
    const opened = openCatalogue(copy, { create: false });
    expect(opened.prepare('SELECT count(*) FROM meeting').pluck().get()).toBeGreaterThan(80);
    opened.close();
    const backup = join(dir, 'sauvegardes', 'catalogue-20201002-090000.sqlite');
    mkdirSync(join(dir, 'sauvegardes'));
    copyFileSync(world.demoCatalogue, backup);
    await restoreBackup(backup, copy, join(dir, 'sauvegardes'), FIXED_NOW);
    expect(fileCatalogueChecksum(copy)).toBe(fileCatalogueChecksum(backup));
  });
});

describe('le corpus', () => {
  it(`holds at least 60 cases, each id once (${CORPUS.length} today)`, () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CORPUS.map((c) => c.id)).size).toBe(CORPUS.length);
  });
});

for (const target of Object.keys(TARGET_LABELS) as Target[]) {
  describe(TARGET_LABELS[target], () => {
    for (const c of CORPUS.filter((x) => x.target === target)) {
      it(`${c.id} : ${c.title}`, async () => {
        const dir = mkdtempSync(join(root, 'cas-'));
        const outcome = await submit(c, await c.make(dir, world));
        const summary = `${c.id} — ${outcome.message.slice(0, 600)}`;
        expect(outcome.refused, `non refusé : ${summary}`).toBe(true);
        expect(frenchProblems(outcome.message, c.expect), summary).toEqual([]);
        if (c.mustNot) expect(outcome.message).not.toMatch(c.mustNot);
        expect(outcome.changed, `modifié par un refus : ${summary}`).toEqual([]);
        if (target === 'tableur') expect(outcome.ms, `refusé en ${outcome.ms} ms : ${summary}`).toBeLessThan(SPREADSHEET_SECONDS * 1000);
        rmSync(dir, { recursive: true, force: true });
      }, 60_000);
    }
  });
}
