/**
 * Time and memory of the Bilan workbook beside the bare library (bare-bilan.ts: exceljs's streaming writer,
 * the same sheets and rows, plain values), in the same run, alternating. Not a test:
 *   npx tsx scripts/measure-bilan-export.ts CATALOGUE [OUT_DIR] [RUNS=5] [SCOPE=region] [--only=app|bare]
 * Prints p50/p95 of each (wall clock, and the process's CPU time: steadier on a busy machine), their
 * ratio, each one's peak RSS (sampled every 20 ms) and the process's maxRSS.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openCatalogue } from '../src-main/catalogue/database.ts';
import { resolveRegion } from '../src-main/services/scope.ts';
import { currentSettings } from '../src-main/services/settings.service.ts';
import { localCaller } from '../src-main/transport/local.ts';
import { bareBilanWrite } from './bare-bilan.ts';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const [path, outDir = '/tmp/measure-bilan', runs = '5', scope = 'region'] = args;
mkdirSync(outDir, { recursive: true });
const db = openCatalogue(path!, {});
const call = localCaller({ db, now: () => new Date() });
const campaignId = currentSettings(db).activeCampaignId!;
const regionCode = resolveRegion(db).code;

const MB = 1024 * 1024;
/** The resident set's peak while `work` runs, sampled every 20 ms (maxRSS is the whole process's). */
async function timed(work: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const cpu = process.cpuUsage();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = performance.now();
  try {
    await work();
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, peakMb: Math.max(peak, process.memoryUsage.rss()) / MB };
  } finally {
    clearInterval(sampler);
  }
}

const rssBefore = process.memoryUsage.rss() / MB;
type Result = { ms: number; cpuMs: number; peakMb: number };
const results = { app: [] as Result[], bare: [] as Result[] };
let bytes = 0;
for (let run = 0; run < Number(runs); run++) {
  // Alternated, so that neither always runs on a warmer cache.
  const order: ('app' | 'bare')[] = run % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
  for (const kind of order) {
    if (only && only !== kind) continue;
    results[kind].push(
      await timed(async () => {
        if (kind === 'bare') return bareBilanWrite(db, campaignId, regionCode, join(outDir, 'bare.xlsx'));
        bytes = (await call('spreadsheets.exportBilan', { campaignId, outputPath: join(outDir, 'app.xlsx'), scope })).document.bytes;
      }),
    );
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const line = (kind: 'app' | 'bare') => {
  const ms = results[kind].map((r) => r.ms);
  const cpu = results[kind].map((r) => r.cpuMs);
  return `${kind.padEnd(4)} p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms (${ms.map((m) => m.toFixed(0)).join(' ')}); CPU p50 ${percentile(cpu, 50).toFixed(0)} ms (every thread: the deflate's too); peak RSS ${Math.max(...results[kind].map((r) => r.peakMb)).toFixed(0)} MB`;
};
console.log(`${scope} (${regionCode}), ${runs} runs, workbook ${bytes} bytes`);
if (results.app.length) console.log(line('app'));
if (results.bare.length) console.log(line('bare'));
if (results.app.length && results.bare.length) {
  const ratio = (p: number) => (percentile(results.app.map((r) => r.ms), p) / percentile(results.bare.map((r) => r.ms), p)).toFixed(2);
  const cpuRatio = (percentile(results.app.map((r) => r.cpuMs), 50) / percentile(results.bare.map((r) => r.cpuMs), 50)).toFixed(2);
  console.log(`app / bare: p50 ${ratio(50)}×, p95 ${ratio(95)}×, CPU p50 ${cpuRatio}×`);
}
console.log(`process maxRSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (RSS ${rssBefore.toFixed(0)} MB once the catalogue was open, before the first workbook)`);
db.close();
