import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { openCatalogue, type Catalogue } from '../catalogue/database.ts';
import { AppError } from '../contract/errors.ts';
import type { Bilan } from '../contract/schemas/reports.ts';
import { loadDemo } from '../demo/demo-catalogue.ts';
import { type Caller, localCaller } from '../transport/local.ts';
import { formatBilan } from './format-bilan.ts';

function withCatalogue<T>(path: string, work: (call: Caller, db: Catalogue) => Promise<T>): Promise<T> {
  const db = openCatalogue(path);
  const call = localCaller({ db, now: () => new Date() });
  return work(call, db).finally(() => db.close());
}

/** The campaign to report on: named by slug, else the active one, else the only one. */
async function campaignId(call: Caller, slug?: string): Promise<number> {
  const campaigns = await call('campaigns.list', {});
  if (slug) {
    const found = campaigns.find((c) => c.slug === slug);
    if (!found) throw new AppError('NOT_FOUND', `Consultation « ${slug} » absente du catalogue.`);
    return found.id;
  }
  const { activeCampaignId } = await call('settings.get', {});
  if (activeCampaignId !== null) return activeCampaignId;
  if (campaigns.length === 1) return campaigns[0]!.id;
  throw new AppError('INVALID_INPUT', 'Plusieurs consultations dans le catalogue : précisez --campagne SLUG.');
}

export async function demoCommand(dbPath: string, outDir: string): Promise<number> {
  // Built aside then moved into place: a failed demo never leaves a half-filled catalogue.
  const building = `${dbPath}.construction`;
  mkdirSync(dirname(building), { recursive: true });
  for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
  await withCatalogue(building, (call) => loadDemo(call));
  for (const suffix of ['-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  renameSync(building, dbPath);
  process.stdout.write(`Catalogue de démonstration créé : ${dbPath}\n`);
  return generateCommand(dbPath, outDir, {});
}

export async function generateCommand(
  dbPath: string,
  outDir: string,
  options: { thematique?: number; region?: string; campagne?: string },
): Promise<number> {
  requireFile(dbPath);
  return withCatalogue(dbPath, async (call) => {
    const id = await campaignId(call, options.campagne);
    const { documents } = await call('synthesis.generate', {
      campaignId: id,
      outputDir: outDir,
      ...(options.thematique !== undefined ? { thematique: options.thematique } : {}),
      ...(options.region ? { regionCode: options.region } : {}),
    });
    for (const d of documents) process.stdout.write(`Écrit : ${d.path} (${d.bytes} octets, sha256 ${d.sha256.slice(0, 12)}…)\n`);
    return 0;
  });
}

export async function statsCommand(
  dbPath: string,
  options: { json: boolean; region?: string; campagne?: string },
): Promise<number> {
  requireFile(dbPath);
  return withCatalogue(dbPath, async (call) => {
    const bilan: Bilan = await call('stats.bilan', {
      campaignId: await campaignId(call, options.campagne),
      ...(options.region ? { regionCode: options.region } : {}),
    });
    process.stdout.write(options.json ? `${JSON.stringify(toStatsJson(bilan), null, 2)}\n` : formatBilan(bilan));
    return 0;
  });
}

/** The stats JSON: per académie, then totals, with the source of the participants figure. */
export function toStatsJson(bilan: Bilan) {
  const figures = (f: Bilan['totals']) => ({
    bassinMeetings: f.bassinMeetings,
    secondLevelMeetings: f.secondLevelMeetings,
    departements: f.departements,
    participants: f.participants,
    participantsSource: {
      declaredTotal: f.meetingsWithDeclaredTotal,
      sumOfCategories: f.meetingsCountedByCategories,
      none: f.meetingsWithoutFigure,
    },
  });
  return {
    region: { code: bilan.regionCode, name: bilan.regionName },
    secondLevelDates: bilan.secondLevelDates,
    scope: bilan.scope,
    [bilan.rowKind === 'academie' ? 'academies' : 'departements']: bilan.rows.map((r) => ({
      code: r.code, name: r.name, bassinKinds: r.bassinKinds, ...figures(r),
    })),
    totals: figures(bilan.totals),
  };
}

function requireFile(path: string): void {
  if (!existsSync(path)) throw new AppError('FILE', `Catalogue introuvable : « ${path} ».`);
}
