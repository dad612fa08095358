import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { forgetChecked, othersWriting, rememberChecked, stillChecked } from '../catalogue/check-memo.ts';
import { openCatalogue, type Catalogue } from '../catalogue/database.ts';
import { AppError } from '../contract/errors.ts';
import type { Bilan } from '../contract/schemas/reports.ts';
import { loadDemos } from '../demo/demo-catalogue.ts';
import type { Progress } from '../services/context.ts';
import { type Caller, localCaller } from '../transport/local.ts';
import { formatBilan, formatFindings } from './format-bilan.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);

export async function withCatalogue<T>(path: string, work: (call: Caller, db: Catalogue) => Promise<T>, create = false): Promise<T> {
  // A catalogue the command line left checked, and untouched since, is not read whole again (check-memo.ts).
  let db: Catalogue;
  try {
    db = openCatalogue(path, { create, checked: stillChecked(path) });
  } catch (error) {
    forgetChecked(path);
    throw error;
  }
  const othersWrote = othersWriting(db);
  const progress = progressLine();
  const call = localCaller({ db, now: () => new Date(), cataloguePath: path, onProgress: progress.show });
  let done = false;
  try {
    const result = await work(call, db);
    // Only this command wrote since the check: what it leaves is as this program made it.
    done = !othersWrote();
    return result;
  } finally {
    progress.end();
    db.close();
    // Checked at open, written only through SQLite's transactions, closed. After a failure (a damaged page
    // met?) or another writer meanwhile, the next command checks again.
    if (done) rememberChecked(path);
    else forgetChecked(path);
  }
}

/**
 * Long work (a big import, a national synthesis) says where it is on stderr: one line rewritten in a
 * terminal, a line every few seconds in a log; stdout keeps only the result, for scripts.
 */
function progressLine(): { show: (p: Progress) => void; end: () => void } {
  const terminal = process.stderr.isTTY === true;
  let last = 0;
  let shown = false;
  return {
    show: (p) => {
      const now = Date.now();
      if (now - last < (terminal ? 100 : 3_000)) return;
      last = now;
      shown = true;
      const line = p.total > 0 ? `${p.message} (${Math.round((100 * p.done) / p.total)}\u00a0%)` : p.message;
      process.stderr.write(terminal ? `\r\x1b[K${line}` : `${line}\n`);
    },
    end: () => {
      if (terminal && shown) process.stderr.write('\r\x1b[K');
    },
  };
}

/** The campaign to work on: named by slug, else the active one, else the only one. */
export async function campaignId(call: Caller, slug?: string): Promise<number> {
  const campaigns = await call('campaigns.list', {});
  if (slug) {
    const found = campaigns.find((c) => c.slug === slug);
    if (!found) {
      throw new AppError('NOT_FOUND', `Consultation « ${slug} » absente du catalogue (présentes : ${campaigns.map((c) => c.slug).join(', ') || 'aucune'}).`);
    }
    return found.id;
  }
  const { activeCampaignId } = await call('settings.get', {});
  if (activeCampaignId !== null) return activeCampaignId;
  if (campaigns.length === 1) return campaigns[0]!.id;
  if (campaigns.length === 0) throw new AppError('NOT_FOUND', 'Ce catalogue ne contient encore aucune consultation.');
  throw new AppError('INVALID_INPUT', 'Plusieurs consultations dans le catalogue : précisez --campagne SLUG.');
}

export async function demoCommand(dbPath: string, outDir: string): Promise<number> {
  // Built aside then moved into place: a failed demo never leaves a half-filled catalogue.
  const building = `${dbPath}.construction`;
  mkdirSync(dirname(building), { recursive: true });
  for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
  await withCatalogue(building, (call) => loadDemos(call), true);
  for (const suffix of ['-wal', '-shm', '-controle']) rmSync(`${dbPath}${suffix}`, { force: true });
  forgetChecked(building);
  renameSync(building, dbPath);
  out(`Catalogue de démonstration créé : ${dbPath}`);
  return generateCommand(dbPath, outDir, {});
}

interface TargetOptions {
  region?: string;
  campagne?: string;
  scope?: string;
}

export async function generateCommand(
  dbPath: string,
  outDir: string,
  options: TargetOptions & { thematique?: number; trame?: number; style?: string },
): Promise<number> {
  requireFile(dbPath);
  return withCatalogue(dbPath, async (call) => {
    const target = {
      campaignId: await campaignId(call, options.campagne),
      ...(options.thematique !== undefined ? { thematique: options.thematique } : {}),
      ...(options.trame !== undefined ? { trameId: options.trame } : {}),
      ...(options.region ? { regionCode: options.region } : {}),
      ...(options.scope ? { scope: options.scope } : {}),
    };
    const styleTemplateId = options.style ? (await call('styles.import', { path: options.style })).id : undefined;
    const { findings, omitted } = await call('synthesis.preflight', target);
    if (findings.length > 0) out(formatFindings(findings, omitted));
    const { documents } = await call('synthesis.generate', {
      ...target,
      outputDir: outDir,
      ...(styleTemplateId !== undefined ? { styleTemplateId } : {}),
    });
    for (const d of documents) out(`Écrit : ${d.path} (${d.bytes} octets, sha256 ${d.sha256.slice(0, 12)}…)`);
    return 0;
  });
}

export async function statsCommand(dbPath: string, options: TargetOptions & { json: boolean }): Promise<number> {
  requireFile(dbPath);
  return withCatalogue(dbPath, async (call) => {
    const bilan: Bilan = await call('stats.bilan', {
      campaignId: await campaignId(call, options.campagne),
      ...(options.region ? { regionCode: options.region } : {}),
      ...(options.scope ? { scope: options.scope } : {}),
    });
    process.stdout.write(options.json ? `${JSON.stringify(toStatsJson(bilan), null, 2)}\n` : formatBilan(bilan));
    return 0;
  });
}

export async function tramesCommand(dbPath: string, options: { campagne?: string }): Promise<number> {
  requireFile(dbPath);
  return withCatalogue(dbPath, async (call) => {
    const id = await campaignId(call, options.campagne);
    for (const t of await call('trames.list', { campaignId: id })) {
      out(`${t.id}  ${t.name}${t.campaignId === null ? ' (commune)' : ''}`);
      for (const s of t.sections) out(`      ${s.scope === 'document' ? 'document  ' : 'thématique'}  ${s.title}`);
    }
    return 0;
  });
}

export async function kit2015Command(dbPath: string, outDir: string, options: { campagne?: string; academie?: string }): Promise<number> {
  requireFile(dbPath);
  return withCatalogue(dbPath, async (call) => {
    const { archives, findings } = await call('kit2015.generate', {
      campaignId: await campaignId(call, options.campagne ?? 'concertation-2015'),
      outputDir: outDir,
      ...(options.academie ? { academieCode: options.academie } : {}),
    });
    if (findings.length > 0) out(formatFindings(findings));
    for (const a of archives) {
      out(`Écrit : ${a.document.path} (${a.entries.length} documents)`);
      for (const entry of a.entries) out(`  ${entry}`);
    }
    return 0;
  });
}

/** The stats JSON: per académie (or département), then totals, with the source of the participants figure. */
export function toStatsJson(bilan: Bilan) {
  const figures = (f: Bilan['totals']) => ({
    bassinMeetings: f.bassinMeetings,
    secondLevelMeetings: f.secondLevelMeetings,
    departements: f.departements,
    participants: f.participants,
    etablissementMeetings: f.etablissementMeetings,
    etablissementParticipants: f.etablissementParticipants,
    participantsSource: {
      declaredTotal: f.meetingsWithDeclaredTotal,
      sumOfCategories: f.meetingsCountedByCategories,
      none: f.meetingsWithoutFigure,
    },
  });
  return {
    region: { code: bilan.regionCode, name: bilan.regionName },
    scope: bilan.scope,
    secondLevelDates: bilan.secondLevelDates,
    [bilan.rowKind === 'academie' ? 'academies' : 'departements']: bilan.rows.map((r) => ({
      code: r.code, name: r.name, bassinKinds: r.bassinKinds, ...figures(r),
    })),
    totals: figures(bilan.totals),
    regional: bilan.regional,
  };
}

export function requireFile(path: string): void {
  if (!existsSync(path)) throw new AppError('FILE', `Catalogue introuvable : « ${path} ».`);
}
