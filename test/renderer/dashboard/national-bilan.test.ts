import { describe, expect, it } from 'vitest';
import type { Bilan } from '../../../src-main/contract/schemas/reports.ts';
import { chartRows, regionGroups } from '../../../src-renderer/features/dashboard/national-bilan.ts';

const zero = {
  bassinMeetings: 0, secondLevelMeetings: 0, departements: 0, participants: 0, meetingsWithDeclaredTotal: 0,
  meetingsCountedByCategories: 0, meetingsWithoutFigure: 0, etablissementMeetings: 0, etablissementParticipants: 0,
};
const row = (code: string, name: string, participants: number, bassinMeetings: number) =>
  ({ ...zero, code, name, participants, bassinMeetings, bassinKinds: [], academiqueLevel: false });

function bilan(national: boolean): Bilan {
  const rows = [row('BORDEAUX', 'Bordeaux', 400, 20), row('LIMOGES', 'Limoges', 100, 5), row('PARIS', 'Paris', 300, 0)];
  return {
    campaignId: 1, regionCode: null, regionName: 'France entière', scope: { kind: 'national', code: 'FR', name: 'France entière' },
    rowKind: 'academie', rows, totals: { ...zero, participants: 800, bassinMeetings: 25 }, regional: { meetings: 0, participants: 0 },
    categories: [], meetingsWithCategories: 0, secondLevelDates: [], secondLevelFormats: [],
    ...(national
      ? {
          regions: [
            // The Bilan's order: the régions as the territory lists them, their académies in the rows' order.
            { code: 'IDF', name: 'Île-de-France', academies: ['PARIS'], totals: { ...zero, participants: 300 }, regional: { meetings: 0, participants: 0 } },
            { code: 'NAQ', name: 'Nouvelle-Aquitaine', academies: ['BORDEAUX', 'LIMOGES'], totals: { ...zero, participants: 500, bassinMeetings: 25 }, regional: { meetings: 0, participants: 0 } },
          ],
        }
      : {}),
  };
}

describe('regionGroups', () => {
  it('puts each académie under its région académique, in the national Bilan’s order', () => {
    const groups = regionGroups(bilan(true));
    expect(groups.map((g) => [g.name, g.totals.participants, g.academies.map((a) => a.name)])).toEqual([
      ['Île-de-France', 300, ['Paris']],
      ['Nouvelle-Aquitaine', 500, ['Bordeaux', 'Limoges']],
    ]);
  });

  it('gives no group for a Bilan of one région', () => {
    expect(regionGroups(bilan(false))).toEqual([]);
  });
});

describe('chartRows', () => {
  it('draws one line per région académique for the whole country, one per académie otherwise', () => {
    expect(chartRows(bilan(true))).toEqual([
      { key: 'IDF', name: 'Île-de-France', participants: 300, meetings: 0 },
      { key: 'NAQ', name: 'Nouvelle-Aquitaine', participants: 500, meetings: 25 },
    ]);
    expect(chartRows(bilan(false)).map((r) => [r.name, r.participants, r.meetings])).toEqual([['Bordeaux', 400, 20], ['Limoges', 100, 5], ['Paris', 300, 0]]);
  });
});
