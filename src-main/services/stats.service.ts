/** The Bilan des rencontres, computed from the catalogue (never typed by hand), for any scope. */
import * as stats from '../catalogue/repos/stats.repo.ts';
import { regionalFiguresByRegion } from '../catalogue/repos/national.repo.ts';
import { academieNames, departementNames, territoryTree } from '../catalogue/repos/territory.repo.ts';
import type { Catalogue } from '../catalogue/database.ts';
import { type BassinKind, type MeetingFormat, ofAcademie, PARTICIPANT_CATEGORIES } from '../contract/domain.ts';
import type { Bilan, BilanRegion, ScopeRef } from '../contract/schemas/reports.ts';
import type { HandlerGroup } from './context.ts';
import { requireCampaign } from './ownership.ts';
import { type ResolvedScope, resolveScope } from './scope.ts';

/** 'stats.missing' is missing.service.ts's. */
export const statsHandlers: Omit<HandlerGroup<'stats'>, 'stats.missing'> = {
  'stats.bilan': ({ campaignId, regionCode, scope }, { db }) => computeBilan(db, campaignId, scope, regionCode),
};

/**
 * The row the meetings held for the whole académie form (code ''), in an académie's or a
 * département's Bilan.
 */
function academieWideRow(scope: ResolvedScope): { code: string; nom: string } {
  const of = scope.kind === 'departement' && scope.academieName ? ` ${ofAcademie(scope.academieName)}` : '';
  return { code: '', nom: `Concertation académique${of} (toute l’académie)` };
}

export function computeBilan(db: Catalogue, campaignId: number, ref: ScopeRef = 'region', regionCode?: string): Bilan {
  requireCampaign(db, campaignId);
  const scope = resolveScope(db, ref, regionCode);
  const figures = new Map(stats.figuresByRow(db, campaignId, scope.stats).map((row) => [row.row_key, row]));
  const kinds = stats.bassinKindsByRow(db, campaignId, scope.stats);
  const rows = rowPlaces(db, scope, figures.has('')).map(({ code, nom }) => {
    const row = figures.get(code);
    return {
      code,
      name: nom,
      bassinKinds: (kinds.get(code) ?? []) as BassinKind[],
      academiqueLevel: (row?.academique_meetings ?? 0) > 0,
      bassinMeetings: row?.bassin_meetings ?? 0,
      secondLevelMeetings: row?.second_level_meetings ?? 0,
      departements: row?.departements ?? 0,
      participants: row?.participants ?? 0,
      meetingsWithDeclaredTotal: row?.with_declared ?? 0,
      meetingsCountedByCategories: row?.by_categories ?? 0,
      meetingsWithoutFigure: row?.without_figure ?? 0,
      etablissementMeetings: row?.etablissement_meetings ?? 0,
      etablissementParticipants: row?.etablissement_participants ?? 0,
    };
  });
  const national = scope.kind === 'national' ? nationalRegions(db, campaignId, rows) : undefined;
  return {
    campaignId,
    regionCode: scope.kind === 'national' ? null : scope.regionCode,
    regionName: scope.regionName,
    scope: { kind: scope.kind, code: scope.code, name: scope.name },
    rowKind: scope.kind === 'region' || scope.kind === 'national' ? 'academie' : 'departement',
    rows,
    ...(national ? { regions: national } : {}),
    totals: totalsOf(rows),
    regional: national ? sumRegional(national) : stats.regionalFigures(db, campaignId, scope.stats),
    ...categoryFigures(db, campaignId, scope),
    secondLevelDates: stats.secondLevelDates(db, campaignId, scope.stats),
    secondLevelFormats: stats.secondLevelFormats(db, campaignId, scope.stats) as MeetingFormat[],
  };
}

type Row = Bilan['rows'][number];

function totalsOf(rows: Row[]): Bilan['totals'] {
  const sum = (key: keyof Bilan['totals']) => rows.reduce((total, r) => total + r[key], 0);
  return {
    bassinMeetings: sum('bassinMeetings'),
    secondLevelMeetings: sum('secondLevelMeetings'),
    departements: sum('departements'),
    participants: sum('participants'),
    meetingsWithDeclaredTotal: sum('meetingsWithDeclaredTotal'),
    meetingsCountedByCategories: sum('meetingsCountedByCategories'),
    meetingsWithoutFigure: sum('meetingsWithoutFigure'),
    etablissementMeetings: sum('etablissementMeetings'),
    etablissementParticipants: sum('etablissementParticipants'),
  };
}

/** The national Bilan's régions académiques: their académies' rows summed, and their région-wide meetings. */
function nationalRegions(db: Catalogue, campaignId: number, rows: Row[]): BilanRegion[] {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const regional = regionalFiguresByRegion(db, campaignId);
  return territoryTree(db).map((region) => {
    const own = region.academies.map((a) => byCode.get(a.code)).filter((r): r is Row => r !== undefined);
    return {
      code: region.code,
      name: region.nom,
      academies: own.map((r) => r.code),
      totals: totalsOf(own),
      regional: regional.get(region.code) ?? { meetings: 0, participants: 0 },
    };
  });
}

function sumRegional(regions: BilanRegion[]): Bilan['regional'] {
  return regions.reduce((t, r) => ({ meetings: t.meetings + r.regional.meetings, participants: t.participants + r.regional.participants }), { meetings: 0, participants: 0 });
}

function categoryFigures(db: Catalogue, campaignId: number, scope: ResolvedScope) {
  const totals = new Map(stats.categoryTotals(db, campaignId, scope.stats).map((c) => [c.code, c]));
  return {
    categories: PARTICIPANT_CATEGORIES.filter((c) => totals.has(c.code)).map((c) => ({
      code: c.code,
      label: c.label,
      participants: totals.get(c.code)!.total,
    })),
    meetingsWithCategories: stats.meetingsWithCategories(db, campaignId, scope.stats),
  };
}

/** Every place of the scope gets a row, with zeros where nothing was reported yet. */
function rowPlaces(db: Catalogue, scope: ResolvedScope, hasAcademieWide: boolean): { code: string; nom: string }[] {
  switch (scope.kind) {
    case 'region':
      return academieNames(db, scope.code);
    // Every académie, région by région (the order of the national Bilan's régions).
    case 'national':
      return territoryTree(db).flatMap((r) => r.academies.map((a) => ({ code: a.code, nom: a.nom })));
    case 'academie':
      return [...departementNames(db, { academieCode: scope.code }), ...(hasAcademieWide ? [academieWideRow(scope)] : [])];
    case 'departement':
      return [{ code: scope.code, nom: scope.name }, ...(hasAcademieWide ? [academieWideRow(scope)] : [])];
  }
}
