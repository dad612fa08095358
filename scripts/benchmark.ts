/**
 * National-scale benchmark (docs/PERFORMANCE.md):
 *   npm run bench -- [--echelle N] [--db FICHIER] [--json RESULTATS.json] [--runs 20]
 * Builds the national catalogue (src-main/demo/national-catalogue.ts: at scale 1, 3 000 meetings, 5 000 retex,
 * 30 000 contributions) — or works on a copy of --db, built beforehand by `demo-national` — then times every
 * call each screen makes when it opens and when the user searches, filters or saves: p50 and p95 over at
 * least 20 runs after a warm-up, the answer's size for lists; the syntheses, the Bilan workbook, a
 * 10 000-row import beside exceljs reading the same file, the 30 académie bundles merged beside jszip +
 * better-sqlite3 doing the same work, a call made while an import runs, the peak memory.
 * Exits with 1 when a budget is not held. Timings are noisy: read the ratios, run it twice.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { openCatalogue } from '../src-main/catalogue/database.ts';
import { lastChange } from '../src-main/catalogue/repos/document.repo.ts';
import { parseEchelle } from '../src-main/cli/national-commands.ts';
import { buildNationalCatalogue, PER_SCALE } from '../src-main/demo/national-catalogue.ts';
import { ACADEMIE_WEIGHTS } from '../src-main/demo/national-words.ts';
import { buildSynthesis } from '../src-main/synthesis/build.ts';
import { renderReproducibleDocx } from '../src-main/synthesis/render-docx.ts';
import { loadSource } from '../src-main/synthesis/source.ts';
import { localCaller } from '../src-main/transport/local.ts';
import { writeBenchSheet } from './bench-sheet.ts';
import { bareBilanWrite } from './bare-bilan.ts';
import { startWorkerHost } from '../src-main/transport/service-worker.ts';
import { benchBundle, serviceWorkerBundle } from './service-worker-bundle.ts';

const { values: args } = parseArgs({
  options: { echelle: { type: 'string' }, db: { type: 'string' }, json: { type: 'string' }, runs: { type: 'string' } },
  strict: true,
});
const RUNS = Math.max(20, Number(args.runs ?? 20) || 20);
const WARMUP = 2;
const FIXED_NOW = () => new Date('2020-10-20T00:00:00Z');
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const loadAtStart = load();

// --- The catalogue: built here, or a copy of --db (the bench writes: meetings saved, a sheet imported). ---
const dir = mkdtempSync(join(tmpdir(), 'synthese-bench-'));
const path = join(dir, 'national.sqlite');
let buildMs: number | null = null;
if (args.db && existsSync(args.db)) {
  copyFileSync(args.db, path);
  if (existsSync(`${args.db}-wal`)) copyFileSync(`${args.db}-wal`, `${path}-wal`);
}
const db = openCatalogue(path, { create: true });
const call = localCaller({ db, now: FIXED_NOW, cataloguePath: path, documentsDir: dir });
let echelle: number;
if ((await call('catalogue.info', {})).meetings === 0) {
  echelle = parseEchelle(args.echelle);
  const terminal = process.stderr.isTTY === true;
  const summary = await buildNationalCatalogue(db, call, {
    echelle,
    onProgress: (done, total, message) => {
      if (echelle >= 2 && (done % 50_000 === 0 || done === total)) {
        const line = `Construction : ${message.toLowerCase()}, ${Math.round((100 * done) / total)} %`;
        process.stderr.write(terminal ? `\r\x1b[K${line}${done === total ? '\n' : ''}` : `${line}\n`);
      }
    },
  });
  buildMs = summary.ms;
  console.log(`Catalogue national construit en ${(buildMs / 1000).toFixed(1)} s (échelle ${echelle}) : ${summary.counts.meetings} rencontres, ` +
    `${summary.counts.contributions} contributions, ${summary.counts.retex} retex, ${summary.counts.etablissements} établissements.`);
  if (args.db) copyFileSync(path, args.db);
} else {
  const meetings = (await call('catalogue.info', {})).meetings;
  echelle = args.echelle ? parseEchelle(args.echelle) : Math.round((100 * meetings) / PER_SCALE.meetings) / 100;
  console.log(`Catalogue ${args.db} (copie) : ${meetings} rencontres, échelle ${echelle}.`);
}

// --- Budgets: given at scale 10; at scale 1, 40 % of them (fixed costs dominate there), linear in between. ---
const f = Math.min(1, 0.4 + (0.6 * Math.max(0, echelle - 1)) / 9);
const SCREEN_MS = Math.round(150 * f);
const REGION_MS = Math.round(500 * f);
const NATIONAL_MS = Math.round(3_000 * f);
const LIST_KB = 200; // a page is a page, whatever the catalogue's size
const DURING_IMPORT_MS = 150; // the same 10 000-row sheet at every scale
const RSS_MB = 400;
/**
 * The 30 bundles' merge against the bare libraries storing the same records in the same run (unzip, parse, two
 * inserts a record): the merge also checks signatures and every line, compares each record field by field with
 * its clocks, and writes it into the normalised tables (a meeting's attendance, thématiques and ateliers; a
 * contribution's sources; ~25 indexes). Until the fourth pass the budget was 3 s × scale, set before the bare work was
 * timed beside it; it stood at ×1.25 the bare, which no such merge reaches.
 */
const MERGE_VS_BARE = 3;

interface Row {
  screen: string;
  name: string;
  runs: number;
  p50_ms: number | null;
  p95_ms: number | null;
  budget_ms: number | null;
  kb?: number;
  kb_budget?: number;
  bare_ms?: number;
  bare?: string;
  missing?: boolean;
  note?: string;
}
const rows: Row[] = [];
/**
 * maxRSS only grows: read after each phase, it says which phase raised it; the RSS then, what the process
 * still holds (the V8 heaps as they grew, every connection's page cache, each thread's code).
 */
const phases: { phase: string; max_rss_mb: number; rss_mb: number }[] = [];
function phase(name: string): void {
  phases.push({ phase: name, max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), rss_mb: Math.round(process.memoryUsage().rss / 1048576) });
}
const failures: string[] = [];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
const fmt = (ms: number | null | undefined) => (ms === null || ms === undefined ? '—' : ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

function record(row: Row): void {
  rows.push(row);
  const slow = row.budget_ms !== null && (row.missing || (row.p95_ms ?? 0) > row.budget_ms);
  const big = row.kb_budget !== undefined && (row.kb ?? 0) > row.kb_budget;
  const state = row.missing ? 'ABSENTE' : [slow && 'TROP LENT', big && 'TROP GROS'].filter(Boolean).join(', ') || (row.budget_ms === null ? '' : 'ok');
  if (slow || big) failures.push(`${row.screen} › ${row.name}${row.missing ? ' (aucune opération)' : ''}`);
  const ratio = row.budget_ms && row.p95_ms !== null ? (row.p95_ms / row.budget_ms).toFixed(2) : '—';
  const kb = row.kb === undefined ? '' : `${row.kb.toFixed(row.kb < 10 ? 1 : 0)} Ko${row.kb_budget ? ` (×${(row.kb / row.kb_budget).toFixed(2)})` : ''}`;
  const bare = row.bare_ms === undefined ? '' : `  nu ${fmt(row.bare_ms)} ms (×${((row.p50_ms ?? 0) / row.bare_ms).toFixed(1)})`;
  console.log(
    `${row.screen.padEnd(14)} ${row.name.padEnd(58)} ${fmt(row.p50_ms).padStart(7)} ${fmt(row.p95_ms).padStart(7)} ` +
      `${(row.budget_ms === null ? '—' : String(row.budget_ms)).padStart(6)} ${ratio.padStart(6)}  ${kb.padEnd(20)} ${state}${bare}${row.note ? `  ${row.note}` : ''}`,
  );
}

interface MeasureOptions {
  runs?: number;
  /** A list: its answer's size is held to LIST_KB. */
  list?: boolean;
  /** Size shown without a budget (a preview's HTML). */
  size?: boolean;
}
async function measure(screen: string, name: string, budget: number | null, work: () => Promise<unknown>, o: MeasureOptions = {}): Promise<void> {
  const runs = o.runs ?? RUNS;
  let value: unknown;
  for (let i = 0; i < WARMUP; i++) value = await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = await work();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  record({
    screen, name, runs, p50_ms: pct(times, 0.5), p95_ms: pct(times, 0.95), budget_ms: budget,
    ...(o.list || o.size ? { kb: JSON.stringify(value).length / 1024 } : {}),
    ...(o.list ? { kb_budget: LIST_KB } : {}),
  });
}

phase(buildMs === null ? 'ouverture' : 'construction');

// --- What the screens work on: the settings' région, its largest académie, a département, records. ---
const settings = await call('settings.get', {});
const c = settings.activeCampaignId!;
const regionCode = settings.regionCode!;
const campaign = await call('campaigns.get', { id: c });
const thematiques = campaign.thematiques.map((t) => t.id);
const tree = await call('territory.tree', {});
const region = tree.find((r) => r.code === regionCode)!;
const academie = [...region.academies].sort((a, b) => (ACADEMIE_WEIGHTS[b.code] ?? 0) - (ACADEMIE_WEIGHTS[a.code] ?? 0))[0]!;
const departement = academie.departements[0]!.code;
const someMeetings = (await call('meetings.list', { campaignId: c, departementCode: departement, limit: 500 })).items;
const meetingId = someMeetings[Math.floor(someMeetings.length / 2)]!.id;
const etabMeeting = someMeetings.find((m) => m.etablissementUai !== null)!;
const [firstRetex] = (await call('retex.list', { campaignId: c, thematiqueId: thematiques[0]! })).items;
const [firstContribution] = (await call('contributions.list', { campaignId: c, thematiqueId: thematiques[0]!, kind: 'etat_des_lieux' })).items;
const [presetTrame] = await call('trames.list', { campaignId: c });
const trame = await call('trames.duplicate', { id: presetTrame!.id, name: 'Trame du banc d’essai' });
const out = join(dir, 'out');
mkdirSync(out, { recursive: true });

console.log(`\nMachine : ${cpus().length} cœurs, charge ${loadAtStart} au départ. ${RUNS} mesures par appel après ${WARMUP} d’échauffement ; ` +
  `p95 comparé au budget (échelle ${echelle} : écrans ${SCREEN_MS} ms, synthèse d’une région ${REGION_MS} ms, nationale ${NATIONAL_MS} ms, listes ${LIST_KB} Ko).`);
console.log(`Région ${region.nom} (${regionCode}), académie ${academie.nom}, département ${departement}.\n`);
console.log(`${'Écran'.padEnd(14)} ${'Appel'.padEnd(58)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'budget'.padStart(6)} ${'ratio'.padStart(6)}  ${'réponse'.padEnd(20)} état`);

// Every screen: the shell's context (AppContext).
await measure('Tous', 'campaigns.list', SCREEN_MS, () => call('campaigns.list', {}), { list: true });
await measure('Tous', 'settings.get', SCREEN_MS, () => call('settings.get', {}));
await measure('Tous', 'identity.get', SCREEN_MS, () => call('identity.get', {}));

// Tableau de bord: opens on the région, filters by académie or département.
await measure('Tableau de bord', 'territory.tree', SCREEN_MS, () => call('territory.tree', {}), { list: true });
await measure('Tableau de bord', 'stats.bilan (la région)', SCREEN_MS, () => call('stats.bilan', { campaignId: c, regionCode, scope: 'region' }));
await measure('Tableau de bord', 'stats.missing (la région)', SCREEN_MS, () => call('stats.missing', { campaignId: c, regionCode, scope: 'region' }), { list: true });
await measure('Tableau de bord', `stats.bilan (académie ${academie.code})`, SCREEN_MS, () => call('stats.bilan', { campaignId: c, regionCode, scope: `academie:${academie.code}` }));
await measure('Tableau de bord', `stats.missing (académie ${academie.code})`, SCREEN_MS, () => call('stats.missing', { campaignId: c, regionCode, scope: `academie:${academie.code}` }), { list: true });
await measure('Tableau de bord', 'restitutions.progress (reste à lire, la région)', SCREEN_MS, () => call('restitutions.progress', { campaignId: c, regionCode, scope: 'region' }), { list: true });
await measure('Tableau de bord', `stats.bilan (département ${departement})`, SCREEN_MS, () => call('stats.bilan', { campaignId: c, regionCode, scope: `departement:${departement}` }));

// Rencontres: the list (all of them, as it opens), its filters, one meeting opened and saved.
await measure('Rencontres', 'meetings.list (ouverture : page 1 de tout le pays)', SCREEN_MS, () => call('meetings.list', { campaignId: c }), { list: true });
await measure('Rencontres', 'meetings.list (page 40)', SCREEN_MS, () => call('meetings.list', { campaignId: c, offset: 1_950 }), { list: true });
await measure('Rencontres', 'meetings.list (tri par intitulé, décroissant)', SCREEN_MS, () => call('meetings.list', { campaignId: c, sort: { by: 'title', direction: 'desc' } }), { list: true });
await measure('Rencontres', 'meetings.list (tri par participants)', SCREEN_MS, () => call('meetings.list', { campaignId: c, sort: { by: 'participants', direction: 'desc' } }), { list: true });
await measure('Rencontres', 'meetings.list (état : restitution attendue)', SCREEN_MS, () => call('meetings.list', { campaignId: c, etat: 'restitution_attendue' }), { list: true });
await measure('Rencontres', 'meetings.list (académie + thématique)', SCREEN_MS, () => call('meetings.list', { campaignId: c, academieCode: academie.code, thematiqueId: thematiques[0]! }), { list: true });
await measure('Rencontres', 'meetings.list (département + niveau bassin)', SCREEN_MS, () => call('meetings.list', { campaignId: c, departementCode: departement, level: 'bassin' }), { list: true });
await measure('Rencontres', 'meetings.list (recherche « hugo »)', SCREEN_MS, () => call('meetings.list', { campaignId: c, search: 'hugo' }), { list: true });
await measure('Rencontres', 'meetings.list (dates 1–15 oct.)', SCREEN_MS, () => call('meetings.list', { campaignId: c, dateFrom: '2020-10-01', dateTo: '2020-10-15' }), { list: true });
await measure('Rencontres', 'meetings.get', SCREEN_MS, () => call('meetings.get', { id: meetingId }));
await measure('Rencontres', 'bassins.list (un département)', SCREEN_MS, () => call('bassins.list', { departementCode: departement }), { list: true });
await measure('Rencontres', 'etablissements.list (un département)', SCREEN_MS, () => call('etablissements.list', { departementCode: departement }), { list: true });
await measure('Rencontres', 'etablissements.list (département, « coll »)', SCREEN_MS, () => call('etablissements.list', { departementCode: departement, search: 'coll' }), { list: true });
await measure('Rencontres', 'etablissements.get', SCREEN_MS, () => call('etablissements.get', { uai: etabMeeting.etablissementUai! }));
let total = 100;
await measure('Rencontres', 'meetings.update (participation)', SCREEN_MS, () => call('meetings.update', { id: meetingId, declaredTotal: total++, attendance: { eleves: total % 40, enseignants: 12 } }));
await measure('Rencontres', 'meetings.create', SCREEN_MS, () => call('meetings.create', {
  campaignId: c, level: 'departemental', title: 'Concertation ajoutée', date: '2020-10-14', departementCode: departement,
  thematiqueIds: thematiques.slice(0, 2), attendance: { eleves: 10, parents: 5 },
}));

// Retex: a thématique's list, the meetings to cite, one retex opened, saved, selected; an établissement sought.
await measure('Retex', 'trames.list', SCREEN_MS, () => call('trames.list', { campaignId: c }), { list: true });
await measure('Retex', 'retex.list (une thématique, non retenus)', SCREEN_MS, () => call('retex.list', { campaignId: c, thematiqueId: thematiques[0]!, selection: 'non_retenu' }), { list: true });
await measure('Retex', 'retex.list (recherche « numérique », une académie)', SCREEN_MS, () => call('retex.list', { campaignId: c, thematiqueId: thematiques[0]!, academieCode: academie.code, search: 'numérique' }), { list: true });
await measure('Retex', 'retex.list (tri par titre)', SCREEN_MS, () => call('retex.list', { campaignId: c, thematiqueId: thematiques[0]!, sort: { by: 'title', direction: 'asc' } }), { list: true });
await measure('Retex', 'retex.list (retenus d’une thématique)', SCREEN_MS, () => call('retex.list', { campaignId: c, thematiqueId: thematiques[0]!, selection: 'retenu' }), { list: true });
await measure('Retex', 'meetings.list (liste de choix : « lycée » tapé)', SCREEN_MS, () => call('meetings.list', { campaignId: c, search: 'lycée', limit: 20 }), { list: true });
await measure('Retex', 'retex.get', SCREEN_MS, () => call('retex.get', { id: firstRetex!.id }));
await measure('Retex', 'etablissements.list (recherche « jules », tout le pays)', SCREEN_MS, () => call('etablissements.list', { search: 'jules' }), { list: true });
let n = 0;
await measure('Retex', 'retex.update (texte)', SCREEN_MS, () => call('retex.update', { id: firstRetex!.id, text: `${firstRetex!.text} ${n++}` }));
await measure('Retex', 'retex.update (retenu, ordre)', SCREEN_MS, () => call('retex.update', { id: firstRetex!.id, selected: n++ % 2 === 0, position: 0 }));
await measure('Retex', 'retex.create', SCREEN_MS, () => call('retex.create', { campaignId: c, thematiqueId: thematiques[0]!, title: 'Retex ajouté', sourceMeetingId: meetingId }));

// Contributions: a thématique's board, the meetings to cite, one saved, one added.
await measure('Contributions', 'contributions.list (retenues d’une thématique)', SCREEN_MS, () => call('contributions.list', { campaignId: c, thematiqueId: thematiques[2]!, selection: 'retenu', limit: 100 }), { list: true });
await measure('Contributions', 'contributions.list (les autres, page 1)', SCREEN_MS, () => call('contributions.list', { campaignId: c, thematiqueId: thematiques[2]!, selection: 'non_retenu' }), { list: true });
await measure('Contributions', 'contributions.list (recherche « ecole », un département)', SCREEN_MS, () => call('contributions.list', { campaignId: c, thematiqueId: thematiques[2]!, departementCode: departement, search: 'ecole' }), { list: true });
await measure('Contributions', 'contributions.list (type défi, tri par texte)', SCREEN_MS, () => call('contributions.list', { campaignId: c, thematiqueId: thematiques[2]!, kind: 'defi', sort: { by: 'text', direction: 'asc' } }), { list: true });
await measure('Contributions', 'meetings.list (liste de choix : « bassin » tapé)', SCREEN_MS, () => call('meetings.list', { campaignId: c, search: 'bassin', limit: 20 }), { list: true });
await measure('Contributions', 'contributions.list (à traiter)', SCREEN_MS, () => call('contributions.list', { campaignId: c, thematiqueId: thematiques[2]!, review: 'a_traiter' }), { list: true });
await measure('Regroupements', 'groups.list (une thématique, propositions)', SCREEN_MS, () => call('groups.list', { campaignId: c, thematiqueId: thematiques[2]!, kind: 'proposition' }), { list: true });
await measure('Recherche', 'search.catalogue (« numérique école »)', SCREEN_MS, () => call('search.catalogue', { campaignId: c, search: 'numérique école' }), { list: true });
await measure('Contributions', 'contributions.update (texte)', SCREEN_MS, () => call('contributions.update', { id: firstContribution!.id, text: `${firstContribution!.text} ${n++}` }));
await measure('Contributions', 'contributions.update (retenue, ordre)', SCREEN_MS, () => call('contributions.update', { id: firstContribution!.id, selected: n++ % 2 === 0, position: 1 }));
await measure('Contributions', 'contributions.create', SCREEN_MS, () => call('contributions.create', {
  campaignId: c, thematiqueId: thematiques[2]!, kind: 'proposition', text: 'Une proposition ajoutée.', sourceMeetingIds: [meetingId],
}));

// Trames: the trames and the texts written; a trame and a text saved.
await measure('Trames', 'trames.list', SCREEN_MS, () => call('trames.list', { campaignId: c }), { list: true });
await measure('Trames', 'sectionTexts.list', SCREEN_MS, () => call('sectionTexts.list', { campaignId: c }), { list: true });
await measure('Trames', 'trames.update (sections)', SCREEN_MS, () => call('trames.update', { id: trame.id, name: `Trame du banc d’essai ${n++}`, sections: trame.sections }));
await measure('Trames', 'sectionTexts.set', SCREEN_MS, () => call('sectionTexts.set', {
  campaignId: c, sectionKey: presetTrame!.sections.find((s) => s.source === 'text')!.key, thematiqueId: null, text: `Descriptif ${n++} : {{concertations}} concertations.`,
}));

// Synthèse: as it opens (région), then an académie, a thématique; the documents written.
const target = { campaignId: c, trameId: presetTrame!.id, regionCode };
await measure('Synthèse', 'styles.list', SCREEN_MS, () => call('styles.list', {}), { list: true });
await measure('Synthèse', 'documents.list', SCREEN_MS, () => call('documents.list', { campaignId: c }), { list: true });
await measure('Synthèse', 'meetings.list (rencontres d’établissement : le total)', SCREEN_MS, () => call('meetings.list', { campaignId: c, level: 'etablissement', limit: 1 }), { list: true });
await measure('Synthèse', 'synthesis.preflight (la région)', REGION_MS, () => call('synthesis.preflight', { ...target, scope: 'region' }), { size: true });
await measure('Synthèse', 'synthesis.preview (la région)', REGION_MS, () => call('synthesis.preview', { ...target, scope: 'region' }), { size: true });
await measure('Synthèse', 'synthesis.preview (la région, une thématique)', REGION_MS, () => call('synthesis.preview', { ...target, scope: 'region', thematique: 1 }), { size: true });
await measure('Synthèse', `synthesis.preflight (académie ${academie.code})`, REGION_MS, () => call('synthesis.preflight', { ...target, scope: `academie:${academie.code}` }), { size: true });
await measure('Synthèse', `synthesis.preview (académie ${academie.code})`, REGION_MS, () => call('synthesis.preview', { ...target, scope: `academie:${academie.code}` }), { size: true });
await measure('Synthèse', 'synthèse de la région (catalogue → .docx reproductible)', REGION_MS, async () => {
  const source = loadSource(db, { campaignId: c, regionCode });
  return renderReproducibleDocx(buildSynthesis(source), null, lastChange(db));
});
await measure('Synthèse', 'synthesis.generate (la région : entière + 5 thématiques)', REGION_MS, () => call('synthesis.generate', { ...target, outputDir: out }));
await measure('Synthèse', `synthesis.generate (académie ${academie.code} : entière + 5 thématiques)`, REGION_MS, () => call('synthesis.generate', { ...target, scope: `academie:${academie.code}`, outputDir: out }));
// The national synthesis: the contract's scopes are a région académique, an académie or a département.
await measure('Synthèse', 'synthesis.generate (nationale : entière + 5 thématiques)', NATIONAL_MS, () => call('synthesis.generate', { ...target, scope: 'national', outputDir: out }));

phase('écrans et synthèses');

// Paramètres and Échanges as they open, and a setting saved.
await measure('Paramètres', 'catalogue.info', SCREEN_MS, () => call('catalogue.info', {}));
await measure('Paramètres', 'settings.update (contact)', SCREEN_MS, () => call('settings.update', { contact: `dane${n++}@example.org` }));
await measure('Échanges', 'exchange.overview', SCREEN_MS, () => call('exchange.overview', {}));
await measure('Échanges', 'exchange.conflicts', SCREEN_MS, () => call('exchange.conflicts', {}), { list: true });

// Imports et exports: the sheet to fill, the Bilan workbook.
await measure('Imports', `spreadsheets.attendanceTemplate (département ${departement})`, REGION_MS, () => call('spreadsheets.attendanceTemplate', { campaignId: c, departementCode: departement, outputPath: join(out, 'modele.xlsx') }));
// The Bilan workbook beside exceljs's streaming writer writing the same sheets, rows and columns with plain
// values read straight from SQLite (scripts/bare-bilan.ts), run for run in turn (the machine's load moves).
// A workbook of the région's every record is long work (progress, « Annuler »), not a screen's call: its
// budget is the bare library's time and a half.
{
  const app: number[] = [];
  const bare: number[] = [];
  for (let i = -1; i < RUNS; i++) {
    let t = performance.now();
    await call('spreadsheets.exportBilan', { campaignId: c, outputPath: join(out, 'bilan.xlsx') });
    const appMs = performance.now() - t;
    t = performance.now();
    await bareBilanWrite(db, c, regionCode, join(out, 'bilan-nu.xlsx'));
    const bareMs = performance.now() - t;
    if (i >= 0) {
      app.push(appMs);
      bare.push(bareMs);
    }
  }
  app.sort((a, b) => a - b);
  bare.sort((a, b) => a - b);
  record({
    screen: 'Imports', name: 'spreadsheets.exportBilan (classeur du Bilan, la région)', runs: app.length,
    p50_ms: pct(app, 0.5), p95_ms: pct(app, 0.95), budget_ms: Math.round(1.5 * pct(bare, 0.95)),
    bare_ms: pct(bare, 0.5), bare: 'exceljs WorkbookWriter, mêmes feuilles (p50)',
    note: `budget : 1,5 × l’écriture nue p95 (${fmt(pct(bare, 0.95))} ms)`,
  });
}

phase('paramètres, échanges, classeurs');

// --- Exchange (issue 9): the 30 académie bundles of the national catalogue, merged into a new catalogue. ---
{
  const academies = tree.flatMap((r) => r.academies.map((a) => a.code));
  let t = performance.now();
  const bundles: string[] = [];
  for (const code of academies) bundles.push((await call('exchange.export', { outPath: join(dir, 'paquets', `${code}.synthese`), scope: `academie:${code}` })).path);
  const exportMs = performance.now() - t;
  const receiver = openCatalogue(join(dir, 'region.sqlite'));
  const receive = localCaller({ db: receiver, now: () => new Date('2020-10-21T00:00:00Z') });
  await receive('identity.setup', { regionCode, name: 'Région académique' });
  t = performance.now();
  let added = 0;
  for (const bundle of bundles) added += (await receive('exchange.merge', { path: bundle })).added;
  const mergeMs = performance.now() - t;
  receiver.close();
  // The bare libraries doing the same work: unzip and parse every bundle, insert as many rows in one transaction.
  t = performance.now();
  const bare = new Database(join(dir, 'bare.sqlite'));
  bare.exec('CREATE TABLE record (uid TEXT PRIMARY KEY, kind TEXT, fields TEXT, clocks TEXT); CREATE TABLE row (uid TEXT PRIMARY KEY, data TEXT)');
  const insertRecord = bare.prepare('INSERT OR REPLACE INTO record VALUES (?, ?, ?, ?)');
  const insertRow = bare.prepare('INSERT OR REPLACE INTO row VALUES (?, ?)');
  for (const bundle of bundles) {
    const zip = await JSZip.loadAsync(readFileSync(bundle));
    const lines = (await zip.file('records.jsonl')!.async('string')).trim().split('\n').map((l) => JSON.parse(l) as { uid: string; kind: string; fields: unknown; clocks: unknown });
    bare.transaction(() => {
      for (const r of lines) {
        insertRecord.run(r.uid, r.kind, JSON.stringify(r.fields), JSON.stringify(r.clocks));
        insertRow.run(r.uid, JSON.stringify(r.fields));
      }
    })();
  }
  bare.close();
  const bareMs = performance.now() - t;
  record({ screen: 'Échanges', name: 'exchange.export × 30 (un paquet par académie)', runs: 1, p50_ms: exportMs, p95_ms: exportMs, budget_ms: null });
  record({
    screen: 'Échanges', name: `exchange.merge × 30 (${added} enregistrements)`, runs: 1, p50_ms: mergeMs, p95_ms: mergeMs, budget_ms: Math.round(MERGE_VS_BARE * bareMs),
    bare_ms: bareMs, bare: 'jszip + better-sqlite3', note: `budget : ${MERGE_VS_BARE} × le travail nu du même run`,
  });
}

phase('échanges');

// --- A 10 000-row sheet, as a large académie's export could be: exceljs's bare streaming read of it (every
// row's values), then the app's preview and the import that follows, as the Imports screen makes them; again on
// the same sheet as LibreOffice saves it (the issue's own check). Measured by scripts/measure-import.ts, bundled
// as the app is, in a process of its own on a copy of the catalogue: by now this one holds what the exchanges
// above left in its heap, which the app's long-work worker never does, and which slowed the import more than
// the bare read. Each run imports a copy of the sheet under a name of its own (the preview reads it: nothing
// kept from the run before) into a consultation of its own, RUNS times after a warm-up. ---
const sheetPath = join(dir, 'grand-tableau.xlsx');
{
  const bassins = await call('bassins.list', {});
  await writeBenchSheet(sheetPath, bassins, campaign);
}
let progressEvents = 0;
const bareBySheet = await measureImports(false);
const bareReads = [...bareBySheet.values()][0] ?? [];
// Again in a worker whose heap is set as the app's services workers' are (8 MB of young generation, the heap
// grown by 30 %: the 400 MB budget's settings), the bare read in the same worker: what those settings cost.
await measureImports(true, bareBySheet);

/**
 * The Imports rows, from scripts/measure-import.ts's times; exceljs's bare reads of each sheet, sorted, by
 * sheet. `plainBare`: those of a run without --app-heap, which the app's import is also compared with.
 */
async function measureImports(appHeap: boolean, plainBare?: Map<string, number[]>): Promise<Map<string, number[]>> {
  const script = fileURLToPath(await benchBundle(new URL('./measure-import.ts', import.meta.url), 'measure-import.mjs'));
  const out = join(dir, 'import.json');
  const options = ['--db', path, '--runs', String(RUNS), '--libreoffice', '--json', out, ...(appHeap ? ['--app-heap'] : [])];
  const run = spawnSync(process.execPath, [script, ...options], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`mesure de l’import : code ${run.status}`);
  const result = JSON.parse(readFileSync(out, 'utf8')) as {
    sheets: { label: string; outcome: string; bare: number[]; preview: number[]; import: number[] }[]; libreoffice_missing: boolean;
  };
  const bareBySheet = new Map<string, number[]>();
  for (const sheet of result.sheets) {
    const label = `tableau ${sheet.label}${appHeap ? ', tas réglé comme les workers de l’app' : ''}`;
    const sort = (v: number[]) => [...v].sort((x, y) => x - y);
    const both = sheet.preview.map((p, k) => p + sheet.import[k]!);
    const ratio = both.map((b, k) => b / sheet.bare[k]!);
    const [bare, preview, imported, whole, ratios] = [sheet.bare, sheet.preview, sheet.import, both, ratio].map(sort) as [number[], number[], number[], number[], number[]];
    const row = (name: string, times: number[], note: string, budget: number | null = null) =>
      record({
        screen: 'Imports', name: `${name}, ${label}`, runs: times.length, p50_ms: pct(times, 0.5), p95_ms: pct(times, 0.95), budget_ms: budget,
        bare_ms: pct(bare, 0.5), bare: 'exceljs, lecture en flux seule (p50)', note,
      });
    row('exceljs : lecture en flux seule (10 000 lignes)', bare, `p95 ${fmt(pct(bare, 0.95))} ms`);
    row('spreadsheets.previewImport (10 000 lignes)', preview, sheet.outcome);
    row('spreadsheets.importAttendance après l’aperçu', imported, 'les lignes lues et vérifiées par l’aperçu');
    // Issue 11: the whole (read, checked, written) within twice exceljs's bare streaming read of the same file.
    const plain = plainBare?.get(sheet.label);
    const beside = plain ? ` ; p50 ×${(pct(whole, 0.5) / pct(plain, 0.5)).toFixed(2)} la lecture nue hors de ce réglage (${fmt(pct(plain, 0.5))} ms)` : '';
    row('aperçu + import (10 000 lignes)', whole, `rapport à la lecture nue, run par run : p50 ×${pct(ratios, 0.5).toFixed(2)}, p95 ×${pct(ratios, 0.95).toFixed(2)} (budget : 2 × la lecture nue p95)${beside}`,
      Math.round(2 * pct(bare, 0.95)));
    bareBySheet.set(sheet.label, bare);
  }
  if (result.libreoffice_missing && !appHeap) console.log('LibreOffice absent ou en échec : l’import du tableau réenregistré par LibreOffice n’est pas mesuré.');
  return bareBySheet;
}
// A call made while the import runs, as the app runs them (`npm run web`, the desktop app): the services in
// worker threads, the import in the long-work one. A user's click every 50 ms, each timed from the moment it
// was made (the timer's due time) to its answer. The workers run the services bundled, as the app ships
// them (scripts/service-worker-bundle.ts). The bench's own connection (the calls above, in this thread) is
// closed first: the app has none.
db.close();
{
  const host = await startWorkerHost({
    entry: await serviceWorkerBundle(), dbPath: path, documentsDir: dir,
    fixedNow: FIXED_NOW().toISOString(), errorLog: null,
  });
  phase('services en threads démarrés');
  const viaHost = async (name: string, input: unknown) => {
    const envelope = await host.call(name, input, () => progressEvents++);
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value as { added: number; updated: number; refused: number };
  };
  const latencies: number[] = [];
  const clicks: Promise<void>[] = [];
  const timers: NodeJS.Timeout[] = [];
  const t = performance.now();
  for (let k = 1; k <= 2_400; k++) {
    const due = t + 50 * k;
    timers.push(setTimeout(() => {
      clicks.push(host.call('settings.get', {}).then(() => void latencies.push(performance.now() - due)));
    }, 50 * k));
  }
  const report = await viaHost('spreadsheets.importAttendance', { campaignId: c, path: sheetPath });
  const ms = performance.now() - t;
  const bareReadMs = pct(bareReads, 0.5);
  // Clicks made before the import ended are answered, however late; the later ones are never made.
  const made = Math.min(timers.length, Math.floor(ms / 50));
  for (const timer of timers.slice(made)) clearTimeout(timer);
  while (clicks.length < made) await new Promise((resolve) => setTimeout(resolve, 10));
  await Promise.all(clicks);
  record({
    screen: 'Imports', name: 'spreadsheets.importAttendance (10 000 lignes, sans aperçu, dans la consultation nationale)', runs: 1, p50_ms: ms, p95_ms: ms, budget_ms: null,
    bare_ms: bareReadMs, bare: 'exceljs, lecture en flux seule',
    note: `ajouts ${report.added}, mises à jour ${report.updated}, refus ${report.refused}, ${progressEvents} évènements de progression`,
  });
  latencies.sort((a, b) => a - b);
  record({
    screen: 'Imports', name: 'settings.get pendant l’import (un clic toutes les 50 ms)', runs: latencies.length,
    p50_ms: latencies.length ? pct(latencies, 0.5) : null, p95_ms: latencies.length ? pct(latencies, 0.95) : null, budget_ms: DURING_IMPORT_MS,
    note: `max ${fmt(latencies.at(-1))} ms sur ${latencies.length} clics (services en threads de travail, comme l’application)`,
  });
  await host.close();
}
phase('import');

// --- Peak memory: the app's, as it runs. This process times calls in its own thread beside the bare
// libraries (30 exports and 30 merges, exceljs and jszip on whole files): its memory is the bench's, not the
// app's. The app is measured alone in a process of its own (scripts/measure-memory.ts, bundled as the app is,
// services in their worker threads): screens, preview, a 10 000-row import, the région's synthesis, an
// académie's bundle written then received by a new catalogue. ---
const benchPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const app = await appMemory(path, sheetPath);
// The copies, bundles and documents are the bench's own: at scale 10 they weigh 1.7 GB.
rmSync(dir, { recursive: true, force: true });
const peakRssMb = app.peak_rss_mb;
const rssOver = peakRssMb > RSS_MB;
if (rssOver) failures.push('mémoire maximale');
console.log(`\nMémoire maximale de l’application (maxRSS, seule dans son processus) : ${peakRssMb} Mo, budget ${RSS_MB} Mo, ratio ${(peakRssMb / RSS_MB).toFixed(2)} ${rssOver ? 'TROP' : 'ok'}.`);
console.log(`  par étape : ${app.phases.map((p) => `${p.phase} ${p.max_rss_mb} Mo (${p.rss_mb} Mo${p.ms === null ? '' : `, ${p.ms} ms`})`).join(' ; ')}.`);
console.log(`Processus du banc d’essai (appels dans son propre thread, bibliothèques nues) : maxRSS ${benchPeakRssMb} Mo` +
  `${buildMs !== null ? ' (construction du catalogue comprise)' : ''} ; après chaque étape : ${phases.map((p) => `${p.phase} ${p.max_rss_mb} Mo (${p.rss_mb} Mo)`).join(', ')}.`);
console.log(`Charge de la machine : ${loadAtStart} au départ, ${load()} à la fin (${cpus().length} cœurs).`);

if (args.json) {
  writeFileSync(args.json, `${JSON.stringify({
    echelle, runs: RUNS, warmup: WARMUP, build_ms: buildMs, machine: { cpus: cpus().length, loadavg_start: loadAtStart, loadavg_end: load() },
    operations: rows, peak_rss_mb: peakRssMb, peak_rss_by_phase: app.phases, peak_rss_budget_mb: RSS_MB,
    bench_process: { peak_rss_mb: benchPeakRssMb, by_phase: phases }, over_budget: failures,
  }, null, 2)}\n`);
  console.log(`Résultats écrits : ${args.json}`);
}
console.log(failures.length === 0 ? '\nToutes les opérations tiennent leur budget.' : `\nAu-delà du budget (${failures.length}) : ${failures.join(' ; ')}.`);
process.exitCode = failures.length === 0 ? 0 : 1;

/** scripts/measure-memory.ts bundled and run by plain Node on a copy of the catalogue: its phases and peak. */
async function appMemory(catalogue: string, sheet: string): Promise<{ peak_rss_mb: number; phases: { phase: string; rss_mb: number; max_rss_mb: number; ms: number | null }[] }> {
  const script = fileURLToPath(await benchBundle(new URL('./measure-memory.ts', import.meta.url), 'measure-memory.mjs'));
  const out = join(dir, 'memoire.json');
  const run = spawnSync(process.execPath, [script, '--db', catalogue, '--tableau', sheet, '--json', out, '--service', fileURLToPath(await serviceWorkerBundle())], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`mesure de la mémoire de l’application : code ${run.status}`);
  return JSON.parse(readFileSync(out, 'utf8')) as Awaited<ReturnType<typeof appMemory>>;
}
