/**
 * The import's speed beside exceljs's bare streaming read of the same file, in a process of its own:
 *   npx tsx scripts/measure-import.ts --db CATALOGUE [--runs 20] [--libreoffice | --only libreoffice] [--app-heap] [--json FILE]
 * Works on a copy of CATALOGUE (built by `demo-national`). Writes the bench's 10 000-row sheet, then, each run,
 * on a fresh copy of it under its own name and into a consultation of its own: exceljs's bare streaming read
 * (every row's values), `spreadsheets.previewImport`, then `spreadsheets.importAttendance`. Prints p50/p95 of
 * each and the ratio (preview + import) / bare read, run by run (the issue's goal: ×2 at most).
 * --app-heap: all of it in a worker whose heap is set as the app's services workers' are (young generation,
 * heap growth), the bare read as well.
 * --libreoffice: also the same sheet saved again by LibreOffice (soffice --convert-to xlsx, a profile of its own),
 * measured the same way; --only libreoffice: that one alone. --json: every time, per sheet, for the bench
 * (scripts/benchmark.ts runs this script, bundled, for its « Imports » rows: a process where nothing else
 * has filled the heap, as the app's long-work worker holds only its own work). When LibreOffice is missing,
 * --json notes it and measures the other sheet; without --json, it is an error. The machine's noise:
 * compare ratios, run it twice.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { leaveCheckpointsToThread, startCheckpointer } from '../src-main/catalogue/checkpointer.ts';
import { openCatalogue } from '../src-main/catalogue/database.ts';
import { localCaller } from '../src-main/transport/local.ts';
import { keepHeapsSmall, moduleWorker, WORKER_YOUNG_GENERATION_MB } from '../src-main/transport/service-worker.ts';
import { bareRead, libreOfficeCopy, previewThenImport, writeBenchSheet } from './bench-sheet.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string' }, runs: { type: 'string' }, libreoffice: { type: 'boolean' }, only: { type: 'string' }, json: { type: 'string' },
    'app-heap': { type: 'boolean' },
  },
  strict: true,
});
// --app-heap: the same measures in a worker whose heap is set as the app's services workers' are (their young
// generation, the process's heap growth: transport/service-worker.ts), the bare read included: what the
// memory budget costs each of them.
if (args['app-heap'] && isMainThread) {
  keepHeapsSmall();
  const worker = moduleWorker(new URL(import.meta.url), {
    argv: process.argv.slice(2), resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  worker.on('error', (error) => console.error(error));
  const [code] = (await once(worker, 'exit')) as [number];
  process.exit(code);
}
if (!args.db || !existsSync(args.db)) throw new Error('--db CATALOGUE : un catalogue fait par `demo-national`');
const RUNS = Math.max(1, Number(args.runs ?? 20) || 20);
const FIXED_NOW = () => new Date('2020-10-20T00:00:00Z');

const dir = mkdtempSync(join(tmpdir(), 'synthese-import-'));
const path = join(dir, 'national.sqlite');
copyFileSync(args.db, path);
if (existsSync(`${args.db}-wal`)) copyFileSync(`${args.db}-wal`, `${path}-wal`);
const db = openCatalogue(path, { create: true });
// As the app's workers run (transport/service-worker.ts): the journal copied into the file by a thread of
// its own after each commit, not by the commit that crosses SQLite's threshold.
leaveCheckpointsToThread(db);
const checkpointer = startCheckpointer(path);
const call = localCaller({ db, now: FIXED_NOW, cataloguePath: path, documentsDir: dir });
const settings = await call('settings.get', {});
const campaign = await call('campaigns.get', { id: settings.activeCampaignId! });

// The bench's sheet, written the bench's way.
const sheetPath = join(dir, 'grand-tableau.xlsx');
{
  const bassins = await call('bassins.list', {});
  await writeBenchSheet(sheetPath, bassins, campaign);
}
const sheets: { label: string; file: string }[] = [];
if (args.only !== 'libreoffice') sheets.push({ label: 'écrit par exceljs', file: sheetPath });
let libreOfficeMissing = false;
if (args.libreoffice || args.only === 'libreoffice') {
  const resaved = await libreOfficeCopy(sheetPath);
  if (resaved) sheets.push({ label: 'réenregistré par LibreOffice', file: resaved });
  else if (args.json) libreOfficeMissing = true;
  else throw new Error('LibreOffice (soffice) est nécessaire pour --libreoffice.');
}
/** Per sheet, every run's times (ms), for --json. */
const measured: { label: string; outcome: string; bare: number[]; preview: number[]; import: number[] }[] = [];


const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
const importer = localCaller({ db, now: FIXED_NOW, onProgress: () => {} });
let made = 0;
for (const { label, file } of sheets) {
  const times = { bare: [] as number[], preview: [] as number[], import: [] as number[], both: [] as number[], ratio: [] as number[] };
  // The process's CPU time (every thread), steadier than the clock on a shared machine.
  const cpu = { bare: [] as number[], both: [] as number[], ratio: [] as number[] };
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  let outcome = '';
  for (let run = -1; run < RUNS; run++) {
    const copy = join(dir, `tableau-${++made}.xlsx`);
    copyFileSync(file, copy);
    const into = await call('campaigns.create', {
      slug: `mesure-import-${made}`, title: `Mesure ${made}`, shortTitle: `Mesure ${made}`, startDate: campaign.startDate, endDate: campaign.endDate,
    });
    // The run before it copied into the file (the app's checkpointer): nothing of it runs beside this one.
    await checkpointer.settle();
    let c = process.cpuUsage();
    const bare = await bareRead(copy);
    const bareCpu = cpuMs(c);
    c = process.cpuUsage();
    const { preview, done, previewMs, importMs } = await previewThenImport(importer, into.id, copy);
    const bothCpu = cpuMs(c);
    if (done.added !== preview.added || !done.applied || done.added !== 10_000) {
      throw new Error(`import : ${JSON.stringify({ ...done, rows: [], problems: done.problems.slice(0, 3) })}`);
    }
    outcome = `ajouts ${done.added}, refus ${done.refused}`;
    if (run < 0) continue;
    times.bare.push(bare);
    times.preview.push(previewMs);
    times.import.push(importMs);
    times.both.push(previewMs + importMs);
    times.ratio.push((previewMs + importMs) / bare);
    cpu.bare.push(bareCpu);
    cpu.both.push(bothCpu);
    cpu.ratio.push(bothCpu / bareCpu);
  }
  measured.push({ label, outcome, bare: [...times.bare], preview: [...times.preview], import: [...times.import] });
  for (const v of Object.values(cpu)) v.sort((a, b) => a - b);
  for (const v of Object.values(times)) v.sort((a, b) => a - b);
  if (args.json) continue;
  const line = (name: string, v: number[], unit = ' ms') =>
    console.log(`  ${name.padEnd(34)} p50 ${pct(v, 0.5).toFixed(unit ? 0 : 2)}${unit}   p95 ${pct(v, 0.95).toFixed(unit ? 0 : 2)}${unit}`);
  console.log(`\nFeuille de 10 000 lignes ${label} (${RUNS} mesures après un tour d’essai ; ${outcome}) :`);
  line('exceljs, lecture en flux seule', times.bare);
  line('spreadsheets.previewImport', times.preview);
  line('spreadsheets.importAttendance', times.import);
  line('aperçu + import', times.both);
  line('(aperçu + import) / lecture nue', times.ratio, '');
  line('temps CPU : lecture nue', cpu.bare);
  line('temps CPU : aperçu + import', cpu.both);
  line('temps CPU : rapport', cpu.ratio, '');
  console.log(`  aperçu / lecture nue : ×${(pct(times.preview, 0.5) / pct(times.bare, 0.5)).toFixed(2)} (p50) ; objectif de l’ensemble : ×2`);
}
await checkpointer.stop();
db.close();
rmSync(dir, { recursive: true, force: true });
if (args.json) writeFileSync(args.json, `${JSON.stringify({ runs: RUNS, sheets: measured, libreoffice_missing: libreOfficeMissing })}\n`);
