/**
 * « Ce qui manque » (the dashboard): who has not reported yet, which thématique nobody covered, which
 * restitution is late; computed where the meetings are, a page of late meetings and counts sent back.
 */
import type { Catalogue } from '../catalogue/database.ts';
import * as repo from '../catalogue/repos/missing.repo.ts';
import { LATE_LISTED, type Missing } from '../contract/schemas/missing.ts';
import type { ScopeRef } from '../contract/schemas/reports.ts';
import type { Handler } from './context.ts';
import { requireCampaign } from './ownership.ts';
import { resolveScope } from './scope.ts';

export const missingHandlers: { 'stats.missing': Handler<'stats.missing'> } = {
  'stats.missing': ({ campaignId, regionCode, scope }, { db, now }) => computeMissing(db, campaignId, scope, regionCode, localDay(now())),
};

/** The day as the user's calendar says (a restitution is late from the day after its meeting). */
function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function computeMissing(db: Catalogue, campaignId: number, ref: ScopeRef, regionCode: string | undefined, today: string): Missing {
  requireCampaign(db, campaignId);
  const scope = resolveScope(db, ref, regionCode);
  const place: repo.MissingPlace = {
    campaignId,
    // The national scope looks at every région: no région, no académie.
    regionCode: scope.kind === 'national' ? null : scope.regionCode,
    // An académie's or a département's meetings are compared with their académie's (its académie-wide ones count).
    academieCode: scope.kind === 'region' || scope.kind === 'national' ? null : scope.academieCode ?? scope.code,
    departementCode: scope.kind === 'departement' ? scope.code : null,
  };
  const departements = repo.scopeDepartements(db, place);
  const name = (d: repo.PlaceRow) => ({ code: d.code, name: d.nom });

  const { silent, total: bassinTotal } = repo.bassinsWithoutMeeting(db, place, departements.map((d) => d.code));
  const bassinGroups = departements
    .map((d) => ({ departement: name(d), bassins: silent.filter((b) => b.departementCode === d.code) }))
    .filter((g) => g.bassins.length > 0);

  const held = repo.secondLevelHeld(db, place);
  const academies = [...new Set(departements.map((d) => d.academieCode))];
  const academiqueLevel = academies.filter((code) => held.academies.has(code));
  const silentDepartements = departements
    .filter((d) => !held.academies.has(d.academieCode) && !held.departements.has(d.code))
    .map(name);

  const uncovered = new Map<string, number[]>();
  for (const u of repo.uncoveredThematiques(db, campaignId, departements)) {
    uncovered.set(u.departementCode, [...(uncovered.get(u.departementCode) ?? []), u.thematiqueId]);
  }
  const thematiques = departements
    .map((d) => ({ departement: name(d), thematiqueIds: uncovered.get(d.code) ?? [] }))
    .filter((g) => g.thematiqueIds.length > 0);

  const late = repo.lateMeetings(db, campaignId, scope.stats, today, LATE_LISTED);
  const levels = repo.levelsHeld(db, place);
  return {
    bassins: bassinGroups,
    bassinCount: silent.length,
    bassinTotal,
    departements: silentDepartements,
    thematiques,
    late: late.late,
    lateTotal: late.total,
    territorialLevels: !levels.etablissement || levels.territorial,
    academiqueLevel,
  };
}
