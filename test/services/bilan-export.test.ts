/** The Bilan workbook's sheets hold what the synthesis of the same scope holds. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../src-main/contract/schemas/campaign.ts';
import { bilanSheets } from '../../src-main/services/bilan-export.ts';
import { demoCatalogue, type TestCatalogue } from '../support/catalogue.ts';

let demo: TestCatalogue & { campaignId: number };
let campaign: Campaign;
// The records' sheets are read as the workbook is written: read whole here.
const sheet = (ref: string, name: string) => {
  const found = bilanSheets(demo.db, campaign, ref).find((s) => s.name === name)!;
  return { ...found, rows: [...found.rows] };
};

beforeAll(async () => {
  demo = await demoCatalogue();
  campaign = await demo.call('campaigns.get', { id: demo.campaignId });
});

describe('Bilan workbook of a département whose second level was its académie’s concertation', () => {
  it('has that concertation in its Bilan, its meetings and the retex and contributions its synthesis prints', async () => {
    const [limoges] = (await demo.call('meetings.list', { campaignId: demo.campaignId, level: 'academique', academieCode: 'LIMOGES', limit: 500 })).items;
    expect(sheet('departement:87', 'Bilan par département').rows).toEqual([
      ['Limoges', '87', 'Haute-Vienne', 6, 0, 0, 0, 0],
      ['Limoges', '—', 'Concertation académique de Limoges (toute l’académie)', 0, 1, 50, 0, 0],
    ]);
    expect(sheet('departement:87', 'Rencontres').rows.map((r) => r[0])).toContain(limoges!.id);
    const preview = await demo.call('synthesis.preview', { campaignId: demo.campaignId, scope: 'departement:87' });
    const retex = sheet('departement:87', 'Retex').rows.map((r) => String(r[2]));
    expect(retex).toHaveLength(2);
    for (const title of retex) expect(preview.html).toContain(title);
    // No breakdown by category there: the sheet says so rather than stay empty.
    expect(sheet('departement:87', 'Bilan par catégorie').rows).toEqual([['Aucune rencontre de ce périmètre n’a donné de répartition de ses participants par catégorie.', null]]);
    expect(sheet('region', 'Bilan par catégorie').rows.length).toBeGreaterThan(3);
  });

  it('leaves the région’s sheets as they were: every académie, every département once', () => {
    const rows = sheet('region', 'Bilan par département').rows;
    expect(rows.filter((r) => r[1] !== '—')).toHaveLength(12); // 5 + 3 + 4
    expect(rows.reduce((sum, r) => sum + Number(r[5]), 0)).toBe(800);
  });
});
