/**
 * Lists searched, filtered, sorted and paged where the data live: on Rencontres a search narrows the list and its
 * count, a département filters it, a column header sorts it (aria-sort), the pager moves through it; in a retex,
 * the source meeting is found by typing part of its title and chosen with the keyboard (the combobox pattern);
 * a contribution no longer retained is found again among the others by its words.
 */
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './support/app.ts';
import { apiCall, expectNoPageErrors, expectNoSeriousViolations, openScreen, settled } from './support/ui.ts';

interface MeetingPage { items: { id: number; title: string }[]; total: number }

function meetingsTable(page: Page) {
  return page.getByRole('table', { name: /^Rencontres de la consultation/ });
}

/** The list's count line (role=status, aria-live). */
function count(page: Page) {
  return page.getByRole('status').filter({ hasText: /rencontres?\b/ }).first();
}

/** The titles of the rows shown, in order. */
async function titles(page: Page): Promise<string[]> {
  return meetingsTable(page).locator('tbody th[scope="row"]').allInnerTexts();
}

test('Rencontres : recherche, filtre par département, tri par colonne et pages, au serveur', async ({ page, app }) => {
  await openApp(page, app);
  await openScreen(page, 'Rencontres');
  await expect(count(page)).toHaveText('Page 1 sur 2 · 77 rencontres.');
  await expect(meetingsTable(page).locator('tbody tr')).toHaveCount(50);

  // Paging: 50, then the 27 others; the keyboard lands on the table, whose caption says the page.
  await page.getByRole('button', { name: 'Page suivante' }).click();
  await expect(count(page)).toHaveText('Page 2 sur 2 · 77 rencontres.');
  await expect(meetingsTable(page).locator('tbody tr')).toHaveCount(27);
  await expect(meetingsTable(page)).toBeFocused();
  await expect(page.getByRole('table', { name: /, page 2 sur 2$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Page suivante' })).toBeDisabled();
  await page.getByRole('button', { name: 'Page précédente' }).click();
  await expect(count(page)).toHaveText('Page 1 sur 2 · 77 rencontres.');

  // Sorting by a column: the first row changes, aria-sort says how.
  const dateHeader = meetingsTable(page).getByRole('columnheader', { name: /^Date/ });
  const titleHeader = meetingsTable(page).getByRole('columnheader', { name: /^Intitulé/ });
  await expect(dateHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(titleHeader).not.toHaveAttribute('aria-sort');
  const byDate = (await titles(page))[0];
  await titleHeader.getByRole('button').click();
  await expect(titleHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(dateHeader).not.toHaveAttribute('aria-sort');
  await expect(meetingsTable(page).locator('tbody th[scope="row"]').first()).toHaveText('Concertation académique de Limoges — EGNT');
  expect(byDate).not.toBe('Concertation académique de Limoges — EGNT');
  await titleHeader.getByRole('button').click();
  await expect(titleHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(meetingsTable(page).locator('tbody th[scope="row"]').first()).toHaveText('Concertation départementale du Lot-et-Garonne — EGNT');
  const shown = await titles(page);
  expect(shown, 'la page est triée par intitulé décroissant').toEqual([...shown].sort((a, b) => b.localeCompare(a, 'fr')));

  // A search narrows the list and its count; accents and case do not matter.
  const search = page.getByRole('main').getByRole('searchbox', { name: /^Rechercher/ });
  await search.fill('rochelle');
  await expect(count(page)).toHaveText('2 rencontres correspondant aux filtres.');
  // (Still sorted by title, descending.)
  expect(await titles(page)).toEqual([
    'Concertation de bassin — Réseau ECLORE La Rochelle Nord',
    'Concertation de bassin — Réseau ECLORE La Rochelle Centre',
  ]);
  await search.fill('EGLETONS');
  await expect(count(page)).toHaveText('1 rencontre correspondant aux filtres.');
  await expect(meetingsTable(page).locator('tbody tr')).toHaveCount(1);
  await expect(meetingsTable(page).locator('tbody th[scope="row"]')).toHaveText('Concertation de bassin — ZAP Égletons');
  await search.fill('');

  // A département: only its meetings, as many as the catalogue says.
  const campaignId = (await apiCall<{ activeCampaignId: number }>(page, 'settings.get', {})).activeCampaignId;
  const charenteMaritime = await apiCall<MeetingPage>(page, 'meetings.list', { campaignId, departementCode: '17', limit: 500 });
  expect(charenteMaritime.total).toBeGreaterThan(1);
  expect(charenteMaritime.total).toBeLessThan(77);
  await page.getByRole('combobox', { name: 'Département' }).selectOption({ label: '17 — Charente-Maritime' });
  await expect(count(page)).toHaveText(`${charenteMaritime.total} rencontres correspondant aux filtres.`);
  const rows = meetingsTable(page).locator('tbody tr');
  await expect(rows).toHaveCount(charenteMaritime.total);
  for (const cell of await meetingsTable(page).locator('tbody td.meetings-table__where').allInnerTexts()) expect(cell).toContain('17 Charente-Maritime');
  expect((await titles(page)).sort()).toEqual(charenteMaritime.items.map((m) => m.title).sort());
  await expectNoSeriousViolations(page, 'Rencontres (filtrées et triées)');
  expectNoPageErrors(page);
});

test('la rencontre d’un retex se trouve en tapant une partie de son intitulé, et se choisit au clavier', async ({ page, app }) => {
  await openApp(page, app);
  const campaignId = (await apiCall<{ activeCampaignId: number }>(page, 'settings.get', {})).activeCampaignId;
  const [egletons] = (await apiCall<MeetingPage>(page, 'meetings.list', { campaignId, search: 'Égletons', limit: 5 })).items;
  expect(egletons?.title).toBe('Concertation de bassin — ZAP Égletons');

  await openScreen(page, 'Retex', 'Retours d’expérience');
  const title = 'Travailler à distance comme en classe';
  await page.getByRole('link', { name: `Modifier « ${title} »` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Modifier le retex');
  await settled(page);

  const combobox = page.getByRole('combobox', { name: /^Rencontre où il a été présenté/ });
  await expect(combobox).toHaveAttribute('aria-expanded', 'false');
  await expect(combobox).not.toHaveValue('');
  await combobox.focus();
  await page.keyboard.type('egleto');
  await expect(combobox).toHaveAttribute('aria-expanded', 'true');
  const listbox = page.getByRole('listbox', { name: /^Rencontre où il a été présenté/ });
  await expect(listbox.getByRole('option')).toHaveCount(1);
  await expect(listbox.getByRole('option').first()).toContainText('ZAP Égletons');
  await page.keyboard.press('ArrowDown');
  const active = await combobox.getAttribute('aria-activedescendant');
  expect(active, 'l’option parcourue est annoncée').toBeTruthy();
  await expect(page.locator(`#${active}`)).toContainText('ZAP Égletons');
  await expectNoSeriousViolations(page, 'Retex (liste des rencontres ouverte)');
  await page.keyboard.press('Enter');
  await expect(combobox).toHaveAttribute('aria-expanded', 'false');
  await expect(combobox).toHaveValue('29 septembre 2020 — Concertation de bassin — ZAP Égletons');
  await expect(combobox).toBeFocused();
  await expect.poll(async () => (await apiCall<{ sourceMeetingId: number | null }>(page, 'retex.get', { id: await retexId(page, title, campaignId) })).sourceMeetingId)
    .toBe(egletons!.id);

  // Escape closes the list and keeps the choice.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('vienne');
  await expect(combobox).toHaveAttribute('aria-expanded', 'true');
  await expect(listbox.getByRole('option').filter({ hasText: 'Concertation départementale de la Vienne' })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(combobox).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Escape');
  await expect(combobox).toHaveValue('29 septembre 2020 — Concertation de bassin — ZAP Égletons');
  expectNoPageErrors(page);
});

async function retexId(page: Page, title: string, campaignId: number): Promise<number> {
  const found = await apiCall<{ items: { id: number; title: string }[] }>(page, 'retex.list', { campaignId, search: title, limit: 10 });
  return found.items.find((r) => r.title === title)!.id;
}

test('une contribution qui n’est plus retenue se retrouve parmi les autres, par ses mots', async ({ page, app }) => {
  await openApp(page, app);
  await openScreen(page, 'Contributions');
  const others = page.getByRole('region', { name: 'Contributions non retenues' });
  const othersCount = others.getByRole('status').filter({ hasText: /non retenue/ });
  await expect(othersCount).toHaveText('0 contribution non retenue.');

  const first = page.getByRole('list', { name: 'État des lieux retenues, dans l’ordre du document' }).getByRole('listitem').first();
  // By its id: once no longer retained, it leaves this list (« the first » would then be another one).
  const name = (await first.getByRole('checkbox', { name: /^Retenue pour la synthèse/ }).getAttribute('id'))!;
  await page.locator(`#${name}`).uncheck();
  await expect(othersCount).toHaveText('1 contribution non retenue.');
  await expect(page.locator(`#${name}`)).not.toBeChecked();
  await expect(page.locator(`#${name}`), 'l’interrupteur garde le focus').toBeFocused();

  const search = others.getByRole('searchbox', { name: /^Rechercher/ });
  await search.fill('gestes numeriques');
  await expect(othersCount).toHaveText('1 contribution non retenue correspondant aux filtres.');
  await expect(others.getByRole('listitem')).toContainText('gestes numériques de base');
  await search.fill('tablettes piscine');
  await expect(othersCount).toHaveText('0 contribution non retenue correspondant aux filtres.');
  await others.getByRole('button', { name: /^Effacer les filtres/ }).click();
  await expect(othersCount).toHaveText('1 contribution non retenue.');

  // Retained again: back at the end of its kind's list.
  await page.locator(`#${name}`).check();
  await expect(othersCount).toHaveText('0 contribution non retenue.');
  await expect(page.getByRole('list', { name: 'État des lieux retenues, dans l’ordre du document' }).getByRole('listitem').last()).toContainText('gestes numériques de base');
  await expectNoSeriousViolations(page, 'Contributions (non retenues)');
  expectNoPageErrors(page);
});

test('la recherche de l’en-tête trouve dans tout le catalogue, chaque résultat menant à son enregistrement', async ({ page, app }) => {
  await openApp(page, app);
  const header = page.getByRole('searchbox', { name: 'Rechercher dans tout le catalogue' });
  await header.fill('egletons');
  await header.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rechercher');
  await expect(page.getByRole('main').getByRole('searchbox', { name: /^Rechercher/ })).toHaveValue('egletons');
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: /résultats? pour « egletons »/ })).toBeVisible();
  const meetings = page.getByRole('region', { name: /^Rencontres/ });
  await expect(meetings.getByRole('link', { name: 'Concertation de bassin — ZAP Égletons' })).toBeVisible();
  await expect(meetings.locator('mark').first()).toHaveText(/^[ée]gletons$/iu);
  await expectNoSeriousViolations(page, 'Rechercher');
  await meetings.getByRole('link', { name: 'Concertation de bassin — ZAP Égletons' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Concertation de bassin — ZAP Égletons');
  expectNoPageErrors(page);
});
