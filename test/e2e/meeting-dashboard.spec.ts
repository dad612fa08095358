/**
 * The dashboard follows the catalogue: a second-level (departmental) meeting adds its declared total to the
 * participants, a bassin meeting adds one to the bassin meetings — both created through the Rencontres form.
 */
import type { Page } from '@playwright/test';
import { expect, openApp, screenshot, test } from './support/app.ts';
import { expectNoPageErrors, expectNoSeriousViolations, frenchInt, openScreen } from './support/ui.ts';

/** A key figure of the dashboard ("800 Participants aux concertations…"), as a number. */
async function keyFigure(page: Page, label: RegExp): Promise<number> {
  const item = page.getByRole('list', { name: /^Chiffres clés — Nouvelle-Aquitaine/ }).getByRole('listitem').filter({ hasText: label });
  await expect(item).toHaveCount(1);
  const text = (await item.innerText()).trim();
  const figure = /^[\d\s\u00a0\u202f]+/.exec(text)?.[0];
  expect(figure, `chiffre en tête de « ${text} »`).toBeTruthy();
  return frenchInt(figure!);
}

/** The Bilan table's row for an académie: its cells, in order. */
function bilanRow(page: Page, academie: string) {
  return page.getByRole('table', { name: /^Bilan des rencontres — Nouvelle-Aquitaine/ }).getByRole('row', { name: new RegExp(`^${academie} `) });
}

async function startNewMeeting(page: Page, title: string, date: string) {
  await openScreen(page, 'Rencontres');
  await page.getByRole('link', { name: 'Nouvelle rencontre' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouvelle rencontre');
  await page.getByRole('textbox', { name: /^Intitulé/ }).fill(title);
  await page.getByLabel(/^Date \(obligatoire\)/).fill(date);
}

async function saveMeeting(page: Page, title: string) {
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(`Rencontre « ${title} » enregistrée.`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

test('une concertation départementale et une rencontre de bassin changent les chiffres du tableau de bord', async ({ page, app }) => {
  await openApp(page, app);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableau de bord');
  expect(await keyFigure(page, /Participants/)).toBe(800);
  expect(await keyFigure(page, /Rencontres de bassin/)).toBe(67);
  expect(await keyFigure(page, /Concertations de second niveau/)).toBe(10);
  await expect(bilanRow(page, 'Bordeaux').getByRole('cell')).toHaveText(['24 (ZAP)', '5', 'Départementale (5 départements)', '425']);

  // 1. A second departmental concertation in Gironde, the next day, with a grid and a declared total.
  const departemental = 'Concertation départementale complémentaire — Gironde';
  await startNewMeeting(page, departemental, '2020-10-15');
  await page.getByRole('textbox', { name: /^Lieu/ }).fill('Lycée Montesquieu, Bordeaux');
  await page.getByRole('combobox', { name: /^Niveau \(obligatoire\)/ }).selectOption({ label: 'Départemental' });
  await page.getByRole('combobox', { name: /^Département/ }).selectOption({ label: '33 — Gironde' });
  await expect(page.getByRole('combobox', { name: /^Académie/ }), 'l’académie suit le département').toHaveValue(/.+/);
  await expect(page.getByRole('combobox', { name: /^Académie/ }).locator('option:checked')).toHaveText('Bordeaux');
  await page.getByRole('textbox', { name: 'Élèves', exact: true }).fill('12');
  await page.getByRole('textbox', { name: 'Enseignants', exact: true }).fill('18');
  await page.getByRole('textbox', { name: /^Total déclaré/ }).fill('35');
  await expect(page.getByText(/Somme des catégories : 30 \(2 catégories renseignées sur 11\)/)).toBeVisible();
  await expect(page.getByText('Participants retenus par les bilans : 35 (le total déclaré).')).toBeVisible();
  await screenshot(page, 'meeting-new-departemental');
  await expectNoSeriousViolations(page, 'Nouvelle rencontre (remplie)');
  await saveMeeting(page, departemental);

  await openScreen(page, 'Tableau de bord');
  expect(await keyFigure(page, /Participants/)).toBe(835);
  expect(await keyFigure(page, /Concertations de second niveau/)).toBe(11);
  // Two concertations in Gironde: still nine départements, not "dont 9 départementales" out of ten.
  await expect(page.getByRole('list', { name: /^Chiffres clés/ }).getByRole('listitem').filter({ hasText: /Concertations de second niveau/ }))
    .toContainText('départementales dans 9 départements');
  expect(await keyFigure(page, /Rencontres de bassin/)).toBe(67);
  await expect(bilanRow(page, 'Bordeaux').getByRole('cell')).toHaveText(['24 (ZAP)', '6', 'Départementale (5 départements)', '460']);
  await expect(bilanRow(page, 'Total').getByRole('cell').last()).toHaveText('835');

  // 2. One more bassin meeting (ZAP Arcachon), counted by the sum of its categories.
  const bassin = 'Seconde rencontre de la ZAP Arcachon';
  await startNewMeeting(page, bassin, '2020-10-09');
  await page.getByRole('combobox', { name: /^Niveau \(obligatoire\)/ }).selectOption({ label: 'Bassin' });
  await page.getByRole('combobox', { name: /^Département/ }).selectOption({ label: '33 — Gironde' });
  await page.getByRole('combobox', { name: /^Bassin \(obligatoire\)/ }).selectOption({ label: 'ZAP Arcachon (ZAP)' });
  await page.getByRole('textbox', { name: 'Élèves', exact: true }).fill('20');
  await page.getByRole('textbox', { name: 'Parents', exact: true }).fill('5');
  await expect(page.getByText('Participants retenus par les bilans : 25 (la somme des catégories).')).toBeVisible();
  await saveMeeting(page, bassin);

  await openScreen(page, 'Tableau de bord');
  expect(await keyFigure(page, /Rencontres de bassin/)).toBe(68);
  expect(await keyFigure(page, /Participants/), 'une rencontre de bassin ne compte pas parmi le second niveau').toBe(835);
  await expect(bilanRow(page, 'Bordeaux').getByRole('cell').first()).toHaveText('25 (ZAP)');
  await screenshot(page, 'dashboard-after-meetings');
  expectNoPageErrors(page);
});
