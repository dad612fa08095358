/**
 * The dashboard of a catalogue of the whole country (`demo-national`): « France entière » comes first in the
 * Périmètre select, and the Bilan shows every région académique with its totals then its académies — the
 * figures `stats.bilan` gives for the national scope through the bridge.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openApp, type RunningApp, screenshot, startWeb, test as base } from './support/app.ts';
import { expectNoPageErrors, expectNoSeriousViolations, frenchInt, openScreen, settled } from './support/ui.ts';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

/** A small national catalogue (scale 0.05), then the web bridge on it, as `npm run web -- --db FILE` would. */
function startNational(): Promise<{ app: RunningApp; child: ChildProcess }> {
  const dir = mkdtempSync(join(tmpdir(), 'synthese-e2e-national-'));
  const dbPath = join(dir, 'catalogue.sqlite');
  execFileSync(TSX, ['src-main/cli/index.ts', 'demo-national', '--db', dbPath, '--echelle', '0.05'], { cwd: process.cwd(), stdio: 'pipe' });
  return startWeb(dir, dbPath);
}

const test = base.extend<{ app: RunningApp }>({
  app: async ({}, use, testInfo) => {
    const { app, child } = await startNational();
    await use(app);
    const exited = child.exitCode !== null ? Promise.resolve() : new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    if (testInfo.status === testInfo.expectedStatus) rmSync(app.dir, { recursive: true, force: true });
  },
});

/** A contract operation through the bridge, with the launch token. */
async function callApi(app: RunningApp, name: string, input: unknown): Promise<any> {
  const token = new URL(app.url).hash.replace('#token=', '');
  const response = await fetch(`${new URL(app.url).origin}/api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ name, input }),
  });
  const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  expect(envelope.ok, JSON.stringify(envelope.error)).toBe(true);
  return envelope.value;
}

/** The text of each cell of a row (its header first). */
async function rowTexts(page: Page, table: ReturnType<Page['getByRole']>, name: string | RegExp): Promise<string[]> {
  return (await table.getByRole('row', { name }).first().locator('th, td').allInnerTexts()).map((t) => t.trim());
}

test('le tableau de bord d’un catalogue national montre la France entière, région académique par région académique', async ({ page, app }) => {
  const settings = await callApi(app, 'settings.get', {});
  const bilan = await callApi(app, 'stats.bilan', { campaignId: settings.activeCampaignId, scope: 'national' });
  const missing = await callApi(app, 'stats.missing', { campaignId: settings.activeCampaignId, scope: 'national' });
  expect(bilan.regions).toHaveLength(18);

  await openApp(page, app);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableau de bord');
  const select = page.getByRole('combobox', { name: /^Périmètre/ });
  // « France entière » first, before the région of the settings.
  await expect(select.locator('option').first()).toHaveText('France entière (toutes les régions académiques)');
  await expect(select.locator('option').nth(1)).toHaveText(/^Toute la région académique /);
  await select.selectOption({ label: 'France entière (toutes les régions académiques)' });

  const table = page.getByRole('table', { name: /^Bilan des rencontres — France entière, par région académique/ });
  await expect(table).toBeVisible();
  // Every région académique heads its group, with its académies under it.
  const regionHeaders = table.locator('th[scope="rowgroup"]');
  await expect(regionHeaders).toHaveText(bilan.regions.map((r: { name: string }) => r.name));
  const academieHeaders = table.locator('tbody th[scope="row"]');
  await expect(academieHeaders).toHaveText([...bilan.rows.map((r: { name: string }) => r.name), 'Total France entière']);
  expect(bilan.rows.length).toBeGreaterThanOrEqual(26);

  // A région's row is its académies' sum, as the service computed it; the country's total is the Bilan's.
  const idf = bilan.regions.find((r: { code: string }) => r.code === 'IDF');
  const idfCells = await rowTexts(page, table, new RegExp(`^${idf.name} `));
  expect(frenchInt(idfCells[1]!)).toBe(idf.totals.bassinMeetings);
  expect(frenchInt(idfCells[4]!)).toBe(idf.totals.participants);
  const idfAcademies = bilan.rows.filter((r: { code: string }) => idf.academies.includes(r.code));
  expect(idf.totals.participants).toBe(idfAcademies.reduce((t: number, r: { participants: number }) => t + r.participants, 0));
  const total = await rowTexts(page, table, /^Total France entière/);
  expect(frenchInt(total[4]!)).toBe(bilan.totals.participants);
  expect(bilan.totals.participants).toBe(bilan.regions.reduce((t: number, r: { totals: { participants: number } }) => t + r.totals.participants, 0));
  expect(bilan.totals.participants).toBeGreaterThan(0);

  // The key figures and the chart (one line per région académique) for the whole country.
  const figures = page.getByRole('list', { name: 'Chiffres clés — France entière' });
  const participants = figures.getByRole('listitem').filter({ hasText: /Participants/ }).first();
  expect(frenchInt(/^[\d\s\u00a0\u202f]+/.exec((await participants.innerText()).trim())![0])).toBe(bilan.totals.participants);
  const chart = page.getByRole('figure', { name: /Participants et rencontres par région académique — France entière/ });
  await expect(chart.locator('.dash-chart__row')).toHaveCount(18);

  // « Ce qui manque » for the whole country.
  const late = page.getByRole('region', { name: 'Ce qui manque' });
  await expect(late).toBeVisible();
  await expect(late.getByText('Recherche de ce qui manque')).toHaveCount(0);
  if (missing.bassinCount > 0) {
    await expect(late.getByRole('table', { name: new RegExp(`^${missing.bassinCount} bassins? sans rencontre`) })).toBeVisible();
  }

  expect(missing.lateTotal).toBeGreaterThan(0);
  await expect(late.getByRole('table', { name: /^Restitutions attendues : / })).toHaveAccessibleName(
    new RegExp(`^Restitutions attendues : ${missing.lateTotal.toLocaleString('fr-FR').replace(/\s/g, '\\s')} rencontres? passées? dont la restitution n’est pas encore arrivée`),
  );
  await expect(late.getByRole('table', { name: /^Restitutions attendues : / }).getByRole('row')).toHaveCount(1 + missing.late.length);

  await screenshot(page, 'dashboard-national');
  await table.screenshot({ path: 'test-results/screens/dashboard-national-table.png' });
  await expectNoSeriousViolations(page, 'Tableau de bord (France entière)');

  // The choice is kept for the session: back on the dashboard, still the whole country.
  await page.reload();
  await expect(page.getByRole('table', { name: /^Bilan des rencontres — France entière/ })).toBeVisible();
  await expect(page.getByRole('combobox', { name: /^Périmètre/ })).toHaveValue('national');
  expectNoPageErrors(page);
});

test('les filtres des listes d’un catalogue national offrent toutes les académies, région académique par région académique', async ({ page, app }) => {
  const settings = await callApi(app, 'settings.get', {});
  const campaignId = settings.activeCampaignId;
  const lille = await callApi(app, 'meetings.list', { campaignId, academieCode: 'LILLE', limit: 1 });
  expect(settings.regionCode).not.toBe('HDF');
  expect(lille.total).toBeGreaterThan(0);

  await openApp(page, app);
  await openScreen(page, 'Rencontres');
  const academie = page.getByRole('combobox', { name: 'Académie' });
  // The list shows the whole country: its filter offers every académie, grouped by région académique.
  await expect(academie.locator('optgroup')).toHaveCount(18);
  await expect(academie.locator('optgroup[label="Hauts-de-France"] option')).toHaveText(['Amiens', 'Lille']);
  await academie.selectOption({ label: 'Lille' });
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: /rencontres?\b/ }).first()).toHaveText(new RegExp(`^(Page \\d+ sur \\d+ · )?${lille.total} rencontres? correspondant aux filtres\\.$`));
  expectNoPageErrors(page);
});
