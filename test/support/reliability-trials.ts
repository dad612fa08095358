/**
 * kill -9 trials: the CLI is run on a copy of a catalogue and killed with SIGKILL at a random moment;
 * the catalogue must then be sound (PRAGMA integrity_check) and hold either everything the command
 * writes or nothing of it. Shared by test/reliability/kill-trials.test.ts (a few dozen trials) and
 * scripts/reliability-nightly.ts (hundreds).
 *
 * Two ways of choosing the moment: a delay drawn over the command's whole run (start-up included,
 * measured beforehand), for the import and the merge, whose work lasts seconds; and, for the backup
 * and the restore, whose work lasts milliseconds, a kill triggered when their first file appears in
 * the backups folder, after a small drawn delay.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openCatalogue } from '../../src-main/catalogue/database.ts';
import { knownMigrations } from '../../src-main/catalogue/migrate.ts';
import { loadDemos } from '../../src-main/demo/demo-catalogue.ts';
import { localCaller } from '../../src-main/transport/local.ts';
import {
  type CliResult, countIn, fileCatalogueChecksum, inParallel, integrityCheck, runCli, spawnCli, writeBigAttendanceSheet,
} from './reliability.ts';

export const OPERATIONS = ['import', 'merge', 'backup', 'restore'] as const;
export type Operation = (typeof OPERATIONS)[number];

export const OPERATION_LABELS: Record<Operation, string> = {
  import: 'import-attendance',
  merge: 'bundle-merge',
  backup: 'sauvegarder',
  restore: 'restaurer',
};

/** A backup's final name (what `restaurer` lists and offers). */
export const FINAL_BACKUP_NAME = /^catalogue-\d{8}-\d{6}(?:-\d+)?\.sqlite$/;
/** The old backup a restore puts back. */
const OLD_BACKUP = 'catalogue-20201001-120000.sqlite';

export interface Fixtures {
  dir: string;
  /** The demo with IMPORT_ROWS more meetings: the catalogue backed up, and restored over. */
  full: string;
  /** The plain demo: the catalogue an import goes into, and the old state a restore puts back. */
  demo: string;
  sheet: string;
  sheetRows: number;
  /** An empty académie catalogue, and the région's whole bundle it merges. */
  receiver: string;
  bundle: string;
  counts: {
    demoMeetings: number;
    fullMeetings: number;
    receiverMeetings: number;
  };
  checksums: { full: string; demo: string };
}

/** Rows of the import (and of the sender's extra meetings): seconds of work for the CLI, not minutes. */
export const IMPORT_ROWS = 400;
const SENDER_EXTRA_ROWS = 600;

/** Builds every catalogue and file the trials copy (in this process, through the contract). */
export async function prepareFixtures(): Promise<Fixtures> {
  const dir = mkdtempSync(join(tmpdir(), 'synthese-kill-'));
  const demo = join(dir, 'demo.sqlite');
  const full = join(dir, 'complet.sqlite');
  const receiver = join(dir, 'poitiers.sqlite');
  const bundle = join(dir, 'region.synthese');
  const sheet = join(dir, 'rencontres.xlsx');
  const extra = join(dir, 'autres-rencontres.xlsx');
  await writeBigAttendanceSheet(sheet, IMPORT_ROWS, { bassin: 'ZAP Périgueux', departement: '24', date: '28/09/2020', tag: 'essai' });
  await writeBigAttendanceSheet(extra, SENDER_EXTRA_ROWS, { bassin: 'ZAP Bergerac', departement: '24', date: '29/09/2020', tag: 'région' });

  // The région's catalogue: the demos, and more meetings (a merge of seconds, a backup of megabytes).
  {
    const db = openCatalogue(full);
    const call = localCaller({ db, now: () => new Date(), cataloguePath: full });
    await call('identity.setup', { regionCode: 'NAQ', name: 'Région académique Nouvelle-Aquitaine' });
    await loadDemos(call);
    const campaignId = (await call('settings.get', {})).activeCampaignId!;
    const report = await call('spreadsheets.importAttendance', { campaignId, path: extra });
    if (!report.applied || report.added !== SENDER_EXTRA_ROWS) throw new Error(`préparation : import refusé ${JSON.stringify(report.problems.slice(0, 3))}`);
    await call('exchange.export', { outPath: bundle });
    db.close();
  }
  {
    const db = openCatalogue(demo);
    await loadDemos(localCaller({ db, now: () => new Date(), cataloguePath: demo }));
    db.close();
  }
  {
    const db = openCatalogue(receiver);
    await localCaller({ db, now: () => new Date(), cataloguePath: receiver })('identity.setup', {
      regionCode: 'NAQ', academieCode: 'POITIERS', name: 'DANE de Poitiers',
    });
    db.close();
  }
  const meetings = (path: string) => countIn(path, 'SELECT count(*) FROM meeting');
  return {
    dir, full, demo, sheet, sheetRows: IMPORT_ROWS, receiver, bundle,
    counts: { demoMeetings: meetings(demo), fullMeetings: meetings(full), receiverMeetings: meetings(receiver) },
    checksums: { full: fileCatalogueChecksum(full)!, demo: fileCatalogueChecksum(demo)! },
  };
}

/** A trial's own folder: the catalogue it works on, and for a restore the backups folder with the old state. */
function trialSetup(fx: Fixtures, op: Operation, trialDir: string): { db: string; args: string[]; backups: string } {
  mkdirSync(trialDir, { recursive: true });
  const db = join(trialDir, 'catalogue.sqlite');
  const backups = join(trialDir, 'sauvegardes');
  switch (op) {
    case 'import':
      copyFileSync(fx.demo, db);
      return { db, backups, args: ['import-attendance', '--db', db, fx.sheet, '--campagne', 'egn-2020'] };
    case 'merge':
      copyFileSync(fx.receiver, db);
      return { db, backups, args: ['bundle-merge', '--db', db, fx.bundle] };
    case 'backup':
      copyFileSync(fx.full, db);
      return { db, backups, args: ['sauvegarder', '--db', db] };
    case 'restore':
      copyFileSync(fx.full, db);
      mkdirSync(backups);
      copyFileSync(fx.demo, join(backups, OLD_BACKUP));
      return { db, backups, args: ['restaurer', '--db', db, '--sauvegarde', OLD_BACKUP] };
  }
}

/** The state a command leaves when it is not killed. */
export const AFTER: Record<Operation, string> = { import: 'après', merge: 'après', backup: 'sauvegarde complète', restore: 'après' };

export interface Calibration {
  /** How long the CLI takes to start (its `help`), and each command unkilled, in ms. */
  startMs: number;
  runMs: Record<Operation, number>;
}

/**
 * Runs every command once, unkilled: it must succeed and leave the "after" state (so that the trials'
 * all-or-nothing check can tell both ends apart), and its duration sets the range of kill delays.
 */
export async function calibrate(fx: Fixtures): Promise<Calibration> {
  const started = Date.now();
  const help = await runCli(['help']);
  const startMs = Date.now() - started;
  if (help.code !== 0) throw new Error(`la commande help a échoué : ${help.stderr}`);
  const runMs = {} as Record<Operation, number>;
  // Two at a time, as the trials run: start-up and work take longer on a shared processor.
  await inParallel([...OPERATIONS], 2, async (op) => {
    const dir = join(fx.dir, `etalonnage-${op}`);
    const { db, args, backups } = trialSetup(fx, op, dir);
    const result = await runCli(args);
    if (result.code !== 0) throw new Error(`${OPERATION_LABELS[op]} sans interruption a échoué (${result.code}) : ${result.stderr}`);
    const outcome = judge(fx, op, db, backups, result);
    if (!outcome.ok || outcome.state !== AFTER[op]) {
      throw new Error(`${OPERATION_LABELS[op]} sans interruption : état « ${outcome.state} » (${outcome.detail})`);
    }
    runMs[op] = result.ms;
    rmSync(dir, { recursive: true, force: true });
  });
  return { startMs, runMs };
}

export interface TrialOutcome {
  op: Operation;
  trial: number;
  /** The moment of the kill: "après 2345 ms", or "12 ms après le premier fichier de sauvegarde". */
  kill: string;
  /** Whether SIGKILL reached the process before it ended by itself. */
  killed: boolean;
  /** « avant », « après », or what went wrong (« entre les deux », « endommagé »…). */
  state: string;
  ok: boolean;
  detail: string;
}

/**
 * One trial: copy, run, kill, judge. `rand` is the seeded generator (its draws make the trial).
 * Odd trials of the import and the merge are killed after a delay drawn over the whole run; even ones
 * a few milliseconds after the first write to the catalogue's journal (-wal: the commit, or the
 * checkpoint at close). Backups are killed 0 to 150 ms after their first file appears; restores
 * likewise (odd trials), or 0 to 150 ms after the first file beside the catalogue (even trials).
 */
export async function runTrial(fx: Fixtures, cal: Calibration, op: Operation, trial: number, rand: () => number): Promise<TrialOutcome> {
  const dir = join(fx.dir, `essai-${op}-${trial}`);
  const { db, args, backups } = trialSetup(fx, op, dir);
  const draw = rand();
  let result: CliResult;
  let kill: string;
  if ((op === 'import' || op === 'merge') && trial % 2 === 1) {
    // From a little before the work can start to a little after it ends.
    const from = cal.startMs * 0.7;
    const to = cal.runMs[op] * 1.15;
    const delay = Math.round(from + draw * (to - from));
    kill = `après ${delay} ms`;
    result = await runCli(args, { killAfterMs: delay });
  } else if (op === 'import' || op === 'merge') {
    const delay = Math.round(draw * 8);
    kill = `${delay} ms après la première écriture du journal`;
    result = await runKilledOnFile(args, dir, (name) => name === 'catalogue.sqlite-wal' && sizeOf(join(dir, name)) > 0, delay);
  } else if (op === 'restore' && trial % 2 === 0) {
    // The restore stages the backup beside the catalogue (…sqlite.restauration), checks it, keeps the
    // current state aside, then renames the copy over the catalogue: killed anywhere along that way.
    const delay = Math.round(draw * 150);
    kill = `${delay} ms après la copie de la sauvegarde à côté du catalogue`;
    result = await runKilledOnFile(args, dir, (name) => name.startsWith('catalogue.sqlite.') || name === 'catalogue.sqlite', delay);
  } else {
    const delay = Math.round(draw * 150);
    const known = new Set(existsSync(backups) ? readdirSync(backups) : []);
    kill = `${delay} ms après le premier fichier de sauvegarde`;
    mkdirSync(backups, { recursive: true });
    result = await runKilledOnFile(args, backups, (name) => !known.has(name), delay);
  }
  const outcome = judge(fx, op, db, backups, result);
  rmSync(dir, { recursive: true, force: true });
  return { op, trial, kill, killed: result.signal === 'SIGKILL', ...outcome };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Runs the CLI and kills it `delay` ms after the first event in `folder` on a file `fires` accepts. */
function runKilledOnFile(args: string[], folder: string, fires: (name: string) => boolean, delay: number): Promise<CliResult> {
  const started = Date.now();
  const child = spawnCli(args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  let fired = false;
  const watcher = watch(folder, (_event, name) => {
    if (fired || name === null || !fires(name.toString())) return;
    fired = true;
    if (delay === 0) child.kill('SIGKILL');
    else setTimeout(() => child.kill('SIGKILL'), delay);
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      watcher.close();
      clearTimeout(timeout);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** The state a trial left, and whether it is acceptable. */
function judge(fx: Fixtures, op: Operation, db: string, backups: string, result: CliResult): Omit<TrialOutcome, 'op' | 'trial' | 'kill' | 'killed'> {
  const finishedBadly = result.signal === null && result.code !== 0;
  const integrity = integrityCheck(db);
  if (integrity !== 'ok') return { state: 'catalogue endommagé', ok: false, detail: `integrity_check : ${integrity.slice(0, 300)}` };
  const exitNote = finishedBadly ? ` ; la commande a échoué seule (${result.code}) : ${result.stderr.slice(0, 200)}` : '';

  if (op === 'import' || op === 'merge') {
    const [before, after] = op === 'import'
      ? [fx.counts.demoMeetings, fx.counts.demoMeetings + fx.sheetRows]
      : [fx.counts.receiverMeetings, fx.counts.fullMeetings];
    const meetings = countIn(db, 'SELECT count(*) FROM meeting');
    // Each meeting of the import has its attendance rows; of the merge, its thématiques: they go with it.
    const linked = countIn(db, op === 'import' ? 'SELECT count(DISTINCT meeting_id) FROM attendance' : 'SELECT count(DISTINCT meeting_id) FROM meeting_thematique');
    const state = meetings === before ? 'avant' : meetings === after ? 'après' : 'entre les deux';
    const linkedBefore = countIn(fx[op === 'import' ? 'demo' : 'receiver'], op === 'import' ? 'SELECT count(DISTINCT meeting_id) FROM attendance' : 'SELECT count(DISTINCT meeting_id) FROM meeting_thematique');
    const linkedOk = state === 'avant' ? linked === linkedBefore : state === 'après' ? linked > linkedBefore : false;
    const ok = state !== 'entre les deux' && linkedOk && !finishedBadly;
    return { state, ok, detail: `${meetings} rencontres (avant ${before}, après ${after}), ${linked} reliées${exitNote}` };
  }

  const problems: string[] = [];
  const finals = existsSync(backups) ? readdirSync(backups).filter((f) => FINAL_BACKUP_NAME.test(f) && f !== OLD_BACKUP) : [];
  const others = existsSync(backups) ? readdirSync(backups).filter((f) => !FINAL_BACKUP_NAME.test(f)) : [];
  for (const f of finals) {
    const path = join(backups, f);
    const check = integrityCheck(path);
    if (check !== 'ok') {
      problems.push(`« ${f} » échoue à integrity_check : ${check.slice(0, 200)}`);
      continue;
    }
    // Under its final name a backup is a whole catalogue: what restaurer offers must restore.
    const complete = backupHolds(path, fx.counts.fullMeetings);
    if (complete !== null) problems.push(`« ${f} » ${complete}`);
  }
  if (op === 'backup') {
    const unchanged = fileCatalogueChecksum(db) === fx.checksums.full;
    if (!unchanged) problems.push('le catalogue sauvegardé a changé');
    const state = finals.length === 0 ? 'pas de sauvegarde' : 'sauvegarde complète';
    return {
      state: problems.length > 0 ? 'sauvegarde partielle sous un nom final' : state,
      ok: problems.length === 0 && !finishedBadly,
      detail: [...problems, finals.length > 0 ? `sauvegardes : ${finals.join(', ')}` : '', others.length > 0 ? `autres fichiers : ${others.join(', ')}` : ''].filter(Boolean).join(' ; ') + exitNote,
    };
  }
  const checksum = fileCatalogueChecksum(db);
  const state = checksum === fx.checksums.full ? 'avant' : checksum === fx.checksums.demo ? 'après' : 'ni l’ancien ni le restauré';
  return {
    state: problems.length > 0 && state !== 'ni l’ancien ni le restauré' ? `${state}, sauvegarde de l’état courant partielle` : state,
    ok: problems.length === 0 && state !== 'ni l’ancien ni le restauré' && !finishedBadly,
    detail: [...problems, others.length > 0 ? `autres fichiers : ${others.join(', ')}` : ''].filter(Boolean).join(' ; ') + exitNote,
  };
}

/** Null when the backup at `path` is a whole catalogue of the latest schema with `meetings` meetings. */
function backupHolds(path: string, meetings: number): string | null {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version !== knownMigrations().length) return `n’est pas un catalogue complet (schéma ${version})`;
      const n = db.prepare('SELECT count(*) FROM meeting').pluck().get() as number;
      return n === meetings ? null : `ne contient que ${n} rencontres sur ${meetings}`;
    } finally {
      db.close();
    }
  } catch (error) {
    return `illisible : ${(error as Error).message}`;
  }
}

/** The trials' outcomes as a table: per command, how many ended in each state, and the failures. */
export function outcomeTable(outcomes: TrialOutcome[]): string {
  const lines = ['commande            essais  tués  états (nombre)                                         échecs'];
  for (const op of OPERATIONS) {
    const mine = outcomes.filter((o) => o.op === op);
    if (mine.length === 0) continue;
    const states = new Map<string, number>();
    for (const o of mine) states.set(o.state, (states.get(o.state) ?? 0) + 1);
    const summary = [...states].map(([s, n]) => `${s} : ${n}`).join(', ');
    lines.push(
      `${OPERATION_LABELS[op].padEnd(20)}${String(mine.length).padStart(6)}${String(mine.filter((o) => o.killed).length).padStart(6)}  ${summary.padEnd(55)}${String(mine.filter((o) => !o.ok).length).padStart(6)}`,
    );
  }
  for (const o of outcomes.filter((x) => !x.ok)) lines.push(`  ÉCHEC ${OPERATION_LABELS[o.op]} n° ${o.trial} (tué ${o.kill}) : ${o.state} — ${o.detail}`);
  return lines.join('\n');
}
