/**
 * The app's memory as `npm run web` and the desktop app run it: this thread only starts the services in their
 * two worker threads (bundled as the app bundles them), then calls them as the screens would. Phase by phase:
 * the process's RSS then, and its peak (maxRSS) so far. Nothing else runs here (the sheet to import is
 * written by a first run), so the figures are the app's own.
 * Then the exchanges: an académie's bundle written, and received by a new catalogue (the services started again
 * on it, as the desktop app does when another catalogue is opened).
 *   npx tsx scripts/measure-memory.ts --db CATALOGUE [--tableau FEUILLE.xlsx] [--json FICHIER] [--service SERVICE.mjs]
 * The catalogue is copied first (the import writes into it). `--json`: the phases and the peak. The bench runs
 * this script bundled, as the app runs (no tsx in its main thread), with `--service`: the services' bundle.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startWorkerHost } from '../src-main/transport/service-worker.ts';
import { serviceWorkerBundle } from './service-worker-bundle.ts';

const { values: args } = parseArgs({ options: { db: { type: 'string' }, tableau: { type: 'string' }, json: { type: 'string' }, service: { type: 'string' } }, strict: true });
if (!args.db || !existsSync(args.db)) throw new Error('--db CATALOGUE : un catalogue existant (par exemple construit par demo-national).');
const sheet = args.tableau ?? join(tmpdir(), 'synthese-memoire-10000-lignes.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'synthese-memoire-'));
const path = join(dir, 'catalogue.sqlite');
copyFileSync(args.db, path);
if (existsSync(`${args.db}-wal`)) copyFileSync(`${args.db}-wal`, `${path}-wal`);

const mb = (bytes: number) => Math.round(bytes / 1048576);
/**
 * The process's peak RSS in MB. Linux's maxRSS (getrusage) keeps, across exec, the peak of the process that
 * spawned this one (the bench: 180 MB « at the start »); VmHWM is this program's own.
 */
function peakMb(): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Math.round(Number(kb) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
const phases: { phase: string; rss_mb: number; max_rss_mb: number; ms: number | null }[] = [];
function phase(name: string, ms?: number): void {
  phases.push({ phase: name, rss_mb: mb(process.memoryUsage().rss), max_rss_mb: peakMb(), ms: ms === undefined ? null : Math.round(ms) });
  console.log(`${name.padEnd(52)} RSS ${String(mb(process.memoryUsage().rss)).padStart(4)} Mo, maxRSS ${String(peakMb()).padStart(4)} Mo` +
    `${ms === undefined ? '' : `  (${Math.round(ms)} ms)`}`);
}

const entry = args.service ? pathToFileURL(args.service) : await serviceWorkerBundle();
phase('départ (ce thread, le service lié)');
let t = performance.now();
let host = await startWorkerHost({ entry, dbPath: path, documentsDir: dir, fixedNow: '2020-10-20T00:00:00Z', errorLog: null });
phase('services démarrés (deux threads, catalogue ouvert)', performance.now() - t);
// The answers are read as the screens read them (the contract's outputs), without their types here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a measuring script's loose reads
type Answer = any;
const call = async (name: string, input: unknown): Promise<Answer> => {
  const envelope = await host.call(name, input);
  if (!envelope.ok) throw new Error(`${name} : ${envelope.error.message}`);
  return envelope.value;
};
try {
  const settings = await call('settings.get', {});
  const c = settings.activeCampaignId;
  const regionCode = settings.regionCode;
  if (!existsSync(sheet)) {
    // Written here, the sheet's exceljs would weigh in this thread: written once, then measured on the next run.
    const { writeBenchSheet } = await import('./bench-sheet.ts');
    await writeBenchSheet(sheet, await call('bassins.list', {}), await call('campaigns.get', { id: c }));
    console.log(`Tableau de 10 000 lignes écrit : ${sheet}. Relancez pour mesurer.`);
  } else {
    const campaign = await call('campaigns.get', { id: c });
    const thematiques = campaign.thematiques.map((th: { id: string }) => th.id);
    t = performance.now();
    await call('stats.bilan', { campaignId: c, regionCode, scope: 'region' });
    await call('stats.missing', { campaignId: c, regionCode, scope: 'region' });
    await call('meetings.list', { campaignId: c, sort: { by: 'participants', direction: 'desc' } });
    await call('contributions.list', { campaignId: c, thematiqueId: thematiques[2], selection: 'non_retenu' });
    await call('search.catalogue', { campaignId: c, search: 'numérique école' });
    phase('écrans (tableau de bord, listes, recherche)', performance.now() - t);
    const [trame] = await call('trames.list', { campaignId: c });
    t = performance.now();
    await call('synthesis.preview', { campaignId: c, trameId: trame.id, regionCode, scope: 'region' });
    phase('aperçu de la synthèse de la région', performance.now() - t);
    t = performance.now();
    const report = await call('spreadsheets.importAttendance', { campaignId: c, path: sheet });
    phase(`import de 10 000 lignes (${report.added} ajouts)`, performance.now() - t);
    t = performance.now();
    await call('synthesis.generate', { campaignId: c, trameId: trame.id, regionCode, outputDir: join(dir, 'documents') });
    phase('synthèse de la région (.docx, entière + thématiques)', performance.now() - t);
    // The région's largest académie (the bench's: Versailles in Île-de-France).
    const [academie] = (await call('stats.bilan', { campaignId: c, regionCode, scope: 'region' })).rows
      .filter((r: { code: string }) => r.code !== '').sort((a: { bassinMeetings: number }, b: { bassinMeetings: number }) => b.bassinMeetings - a.bassinMeetings);
    t = performance.now();
    const bundle = (await call('exchange.export', { outPath: join(dir, 'academie.synthese'), scope: `academie:${academie.code}` })).path;
    phase(`paquet de l’académie (${academie.code}) écrit`, performance.now() - t);
    // Another catalogue opened: the services closed, then started on it.
    await host.close();
    host = await startWorkerHost({ entry, dbPath: join(dir, 'region.sqlite'), documentsDir: dir, fixedNow: '2020-10-20T00:00:00Z', errorLog: null });
    await call('identity.setup', { regionCode, name: 'Région académique' });
    t = performance.now();
    const merged = await call('exchange.merge', { path: bundle });
    phase(`paquet reçu par un nouveau catalogue (${merged.added} enregistrements)`, performance.now() - t);
  }
} finally {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
}
if (args.json) {
  writeFileSync(args.json, `${JSON.stringify({ peak_rss_mb: peakMb(), phases }, null, 2)}\n`);
}
