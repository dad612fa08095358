/** Issue 11, deliverable 6: the national scope — the Bilan by région académique then académie, and one run of the whole country's synthesis. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { territoryTree } from '../../src-main/catalogue/repos/territory.repo.ts';
import type { Bilan } from '../../src-main/contract/schemas/reports.ts';
import { buildNationalCatalogue } from '../../src-main/demo/national-catalogue.ts';
import { bilanSheets } from '../../src-main/services/bilan-export.ts';
import { computeBilan } from '../../src-main/services/stats.service.ts';
import { NATIONAL_PER_REGION } from '../../src-main/synthesis/national-selection.ts';
import { loadSource } from '../../src-main/synthesis/source.ts';
import { emptyCatalogue, type TestCatalogue } from '../support/catalogue.ts';

let national: TestCatalogue & { campaignId: number };
let bilan: Bilan;

beforeAll(async () => {
  const catalogue = emptyCatalogue();
  const summary = await buildNationalCatalogue(catalogue.db, catalogue.call, { echelle: 0.1 });
  national = { ...catalogue, campaignId: summary.campaignId };
  bilan = await national.call('stats.bilan', { campaignId: summary.campaignId, scope: 'national' });
}, 120_000);

const FIGURES = [
  'bassinMeetings', 'secondLevelMeetings', 'departements', 'participants', 'meetingsWithDeclaredTotal',
  'meetingsCountedByCategories', 'meetingsWithoutFigure', 'etablissementMeetings', 'etablissementParticipants',
] as const;

/** The tables of a .docx as python-docx (Debian's python3-docx) reads them: rows of cell texts. */
function docxTables(path: string): string[][][] {
  const script = 'import docx, json, sys\nd = docx.Document(sys.argv[1])\nprint(json.dumps([[[c.text for c in r.cells] for r in t.rows] for t in d.tables]))';
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' })) as string[][][];
}

const digits = (text: string) => Number(text.replace(/\D/g, ''));

describe('the national Bilan', () => {
  it('has every académie once, grouped under its région académique, and the country’s totals are the sum of the 18 régions’ Bilans', () => {
    const tree = territoryTree(national.db);
    expect(bilan.scope).toEqual({ kind: 'national', code: 'FR', name: 'France entière' });
    expect(bilan.regionCode).toBeNull();
    expect(bilan.regions).toHaveLength(18);
    expect(bilan.rows).toHaveLength(30);
    expect(bilan.regions!.flatMap((r) => r.academies)).toEqual(bilan.rows.map((r) => r.code));
    const regional = tree.map((r) => computeBilan(national.db, national.campaignId, 'region', r.code));
    for (const key of FIGURES) {
      expect(bilan.totals[key], key).toBe(regional.reduce((sum, b) => sum + b.totals[key], 0));
    }
    expect(bilan.totals.secondLevelMeetings).toBeGreaterThan(0);
    expect(bilan.regional.meetings).toBe(regional.reduce((sum, b) => sum + b.regional.meetings, 0));
    // Each région's own line is its Bilan's totals, and its académies are its Bilan's rows.
    for (const [i, region] of bilan.regions!.entries()) {
      expect(region.code).toBe(tree[i]!.code);
      expect(region.totals).toEqual(regional[i]!.totals);
      expect(region.academies).toEqual(regional[i]!.rows.map((r) => r.code).sort((a, b) => region.academies.indexOf(a) - region.academies.indexOf(b)));
    }
    // Categories too: the national figure per category is the régions' sum.
    for (const category of bilan.categories) {
      const sum = regional.reduce((total, b) => total + (b.categories.find((c) => c.code === category.code)?.participants ?? 0), 0);
      expect(category.participants, category.code).toBe(sum);
    }
  });

  it('is what the workbook’s « Bilan par région académique » sheet says, with every académie in « Bilan par académie »', async () => {
    const campaign = await national.call('campaigns.get', { id: national.campaignId });
    const sheets = bilanSheets(national.db, campaign, 'national');
    const byRegion = [...sheets.find((s) => s.name === 'Bilan par région académique')!.rows];
    expect(byRegion).toHaveLength(18);
    expect(byRegion.reduce((sum, r) => sum + Number(r[5]), 0)).toBe(bilan.totals.participants);
    const byAcademie = [...sheets.find((s) => s.name === 'Bilan par académie')!.rows];
    expect(byAcademie.map((r) => r[1])).toEqual(bilan.rows.map((r) => r.name));
    const departements = [...sheets.find((s) => s.name === 'Bilan par département')!.rows];
    expect(departements.filter((r) => r[1] !== '—')).toHaveLength(101);
    // Every contribution of the country, not only those of the settings' région.
    const contributions = [...sheets.find((s) => s.name === 'Contributions')!.rows];
    expect(contributions).toHaveLength((await national.call('contributions.list', { campaignId: national.campaignId, limit: 1 })).total);
  });

  it('refuses a scope it does not know, naming the ones it does', async () => {
    await expect(national.call('stats.bilan', { campaignId: national.campaignId, scope: 'nation' })).rejects.toThrow(/« national »/);
  });
});

describe('the national synthesis', () => {
  it('prints a few of each région’s selected contributions and counts the others', () => {
    const source = loadSource(national.db, { campaignId: national.campaignId, scope: 'national' });
    const { national: selection } = source;
    expect(selection).toBeDefined();
    const selected = [...selection!.selected.values()].reduce((a, b) => a + b, 0);
    expect(source.contributions.length).toBeLessThan(selected);
    const perGroup = new Map<string, number>();
    for (const c of source.contributions) {
      const key = `${c.thematiqueId}:${c.kind}:${selection!.contributionRegion.get(c.id)}`;
      perGroup.set(key, (perGroup.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perGroup.values())).toBe(NATIONAL_PER_REGION);
    expect(source.contributions.every((c) => c.selected)).toBe(true);
  });

  it('is written in one run, the whole document and one per thématique, with the Bilan by région académique', async () => {
    const out = mkdtempSync(join(tmpdir(), 'synthese-nationale-'));
    const { documents } = await national.call('synthesis.generate', { campaignId: national.campaignId, scope: 'national', outputDir: out });
    expect(documents.map((d) => d.fileName)).toEqual([
      'Synthese_Nationale.docx', ...[1, 2, 3, 4, 5].map((n) => `Synthese_Nationale_Thematique-${n}.docx`),
    ]);
    expect(documents.every((d) => d.scope === 'national')).toBe(true);
    expect(readdirSync(out).sort()).toEqual(documents.map((d) => d.fileName).sort());
    const tables = docxTables(join(out, 'Synthese_Nationale.docx'));
    const byRegion = tables.find((t) => t[0]![0] === 'Région académique' && t[0]![1] === 'Académies')!;
    // The document writes the typographic apostrophe (Provence-Alpes-Côte d’Azur).
    expect(byRegion.slice(1, -1).map((r) => r[0])).toEqual(bilan.regions!.map((r) => r.name.replace(/'/g, '’')));
    const total = byRegion.at(-1)!;
    expect(total[0]).toBe('France entière');
    expect(digits(total[1]!)).toBe(30);
    const participants = byRegion[0]!.indexOf('Participants (second niveau)');
    expect(digits(total[participants]!)).toBe(bilan.totals.participants);
    // Then every académie under its région, with the région's subtotal.
    const byAcademie = tables.find((t) => t[0]![0] === 'Région académique' && t[0]![1] === 'Académie')!;
    expect(byAcademie.filter((r) => r[0]!.startsWith('Total '))).toHaveLength(18);
    expect(byAcademie.filter((r) => !r[0]!.startsWith('Total ') && r[1] !== '' && r[1] !== 'Académie')).toHaveLength(30);
    // A thématique's file says what each région académique retained.
    const thematique = docxTables(join(out, 'Synthese_Nationale_Thematique-1.docx'));
    expect(thematique.some((t) => t[0]![0] === 'Région académique' && t.at(-1)![0] === 'France entière')).toBe(true);
  }, 120_000);

  it('is headed as national, not as the settings’ région', async () => {
    const preview = await national.call('synthesis.preview', { campaignId: national.campaignId, scope: 'national' });
    expect(preview.title).toContain('Synthèse nationale — France entière');
    expect(preview.html).toContain('Bilan des rencontres par région académique');
    // The footer names the country, not the settings' région.
    expect(preview.html).toMatch(/<footer class="synthese-pied"><p>Synthèse nationale — France entière<\/p>/);
  });
});
