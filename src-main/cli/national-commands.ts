/** `demo-national`: the national-scale catalogue of the benchmark, written into a new file. */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { openCatalogue } from '../catalogue/database.ts';
import { AppError } from '../contract/errors.ts';
import { buildNationalCatalogue, MAX_SCALE, type NationalSummary } from '../demo/national-catalogue.ts';
import { frenchNumber } from '../text/french.ts';
import { localCaller } from '../transport/local.ts';

export function parseEchelle(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value.replace(',', '.'));
  if (!Number.isFinite(n) || n <= 0 || n > MAX_SCALE) {
    throw new AppError('INVALID_INPUT', `--echelle attend un nombre au-dessus de 0, jusqu’à ${MAX_SCALE} (ex. 1, 10, 0.5), pas « ${value} ».`);
  }
  return n;
}

export async function nationalDemoCommand(dbPath: string, echelleText: string | undefined): Promise<number> {
  const echelle = parseEchelle(echelleText);
  if (existsSync(dbPath)) {
    throw new AppError('CONFLICT', `Le fichier ${dbPath} existe déjà : choisissez un autre nom ou supprimez-le d’abord.`);
  }
  // Built aside then moved into place: an interrupted build never leaves a half-filled catalogue.
  const building = `${dbPath}.construction`;
  mkdirSync(dirname(building), { recursive: true });
  for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
  const db = openCatalogue(building, { create: true });
  let summary: NationalSummary;
  try {
    const call = localCaller({ db, now: () => new Date() });
    summary = await buildNationalCatalogue(db, call, { echelle, onProgress: progressLine(echelle) });
  } finally {
    db.close();
  }
  renameSync(building, dbPath);
  const c = summary.counts;
  process.stdout.write(
    `Catalogue national créé : ${dbPath} (échelle ${echelle}, graine ${summary.seed}, ${Math.round(summary.ms / 100) / 10} s)\n` +
      `  ${frenchNumber(c.meetings)} rencontres (${Object.entries(summary.byLevel).filter(([, n]) => n > 0).map(([l, n]) => `${l} ${frenchNumber(n)}`).join(', ')}), ` +
      `${frenchNumber(c.ateliers)} ateliers\n` +
      `  ${frenchNumber(c.contributions)} contributions (${frenchNumber(c.selectedContributions)} retenues), ` +
      `${frenchNumber(c.retex)} retex (${frenchNumber(c.selectedRetex)} retenus)\n` +
      `  ${frenchNumber(c.etablissements)} établissements, ${frenchNumber(c.bassins)} bassins, ${frenchNumber(c.sectionTexts)} textes rédigés\n` +
      `  ${Object.keys(summary.regions).length} régions académiques, ${summary.academiesCovered} académies, ${summary.departementsCovered} départements\n` +
      `  empreinte ${summary.digest}\n`,
  );
  return 0;
}

/** On stderr, for the larger scales: a line rewritten in a terminal, one every few seconds in a log. */
function progressLine(echelle: number): ((done: number, total: number, message: string) => void) | undefined {
  if (echelle < 2) return undefined;
  const terminal = process.stderr.isTTY === true;
  let last = 0;
  return (done, total, message) => {
    const now = Date.now();
    if (done < total && now - last < (terminal ? 200 : 3_000)) return;
    last = now;
    const line = `Construction : ${message.toLowerCase()}, ${Math.round((100 * done) / total)} % (${frenchNumber(done)} / ${frenchNumber(total)} lignes)`;
    process.stderr.write(terminal ? `\r\x1b[K${line}${done === total ? '\n' : ''}` : `${line}\n`);
  };
}
