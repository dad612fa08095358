/** The Bilan des rencontres, computed from the catalogue (never typed by hand). */
import * as stats from '../catalogue/repos/stats.repo.ts';
import { regionName } from '../catalogue/repos/territory.repo.ts';
import { conflict } from '../contract/errors.ts';
import type { Catalogue } from '../catalogue/database.ts';
import type { Bilan } from '../contract/schemas/reports.ts';
import type { BassinKind } from '../contract/domain.ts';
import type { HandlerGroup } from './context.ts';
import { requireCampaign } from './ownership.ts';
import { currentSettings } from './settings.service.ts';

export const statsHandlers: HandlerGroup<'stats'> = {
  'stats.bilan': ({ campaignId, regionCode }, { db }) => computeBilan(db, campaignId, regionCode),
};

export function resolveRegion(db: Catalogue, regionCode?: string): { code: string; name: string } {
  const code = regionCode ?? currentSettings(db).regionCode;
  if (!code) {
    throw conflict('Aucune région académique choisie : indiquez-la dans les Paramètres (ou avec --region).');
  }
  const name = regionName(db, code);
  if (!name) throw conflict(`Région académique inconnue : « ${code} ».`);
  return { code, name };
}

export function computeBilan(db: Catalogue, campaignId: number, regionCode?: string): Bilan {
  requireCampaign(db, campaignId);
  const region = resolveRegion(db, regionCode);
  const figures = new Map(stats.academieFigures(db, campaignId, region.code).map((row) => [row.academie_code, row]));
  const kinds = stats.bassinKindsByAcademie(db, campaignId, region.code);
  const academies = stats.academiesOfRegion(db, region.code).map(({ code, nom }) => {
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
    };
  });
  const sum = (key: keyof (typeof academies)[number] & string) =>
    academies.reduce((total, a) => total + (a[key] as number), 0);
  return {
    campaignId,
    regionCode: region.code,
    regionName: region.name,
    academies,
    totals: {
      bassinMeetings: sum('bassinMeetings'),
      secondLevelMeetings: sum('secondLevelMeetings'),
      departements: sum('departements'),
      participants: sum('participants'),
      meetingsWithDeclaredTotal: sum('meetingsWithDeclaredTotal'),
      meetingsCountedByCategories: sum('meetingsCountedByCategories'),
      meetingsWithoutFigure: sum('meetingsWithoutFigure'),
    },
    secondLevelDates: stats.secondLevelDates(db, campaignId, region.code),
  };
}
