/**
 * A trame of one's own: duplicate the ready-to-use trame, rename a section and move another, then the Synthèse
 * preview follows the copy's outline while the preset stays as it was.
 */
import type { Page } from '@playwright/test';
import { expect, openApp, screenshot, test } from './support/app.ts';
import { expectNoPageErrors, expectNoSeriousViolations, openScreen, settled } from './support/ui.ts';

const PRESET = 'Synthèse de région académique — EGNT 2020';
const COPY = 'Synthèse Nouvelle-Aquitaine — version de la DANE';
// (The document sets typographic apostrophes.)
const RETEX = 'Description de 2 à 3 retours d’expérience présentés lors des ateliers de la région académique et dans les établissements.';
const DEFIS = 'Défis à relever et propositions identifiées par la région académique et les établissements.';
// As the trame writes it: the scope is a placeholder, « la région académique » in the région's document.
const DEFIS_TRAME = 'Défis à relever et propositions identifiées par {{le_perimetre}} et les établissements.';

/** The section headings of thématique 1 in the Synthèse preview (h5, numbered as printed). */
async function thematique1Sections(page: Page): Promise<string[]> {
  const preview = page.getByRole('region', { name: 'Aperçu de la synthèse' });
  const texts = await preview.getByRole('heading', { level: 5 }).allInnerTexts();
  return texts.slice(0, 4).map((t) => t.replace(/\s+/g, ' ').trim());
}

test('dupliquer la trame prête à l’emploi, l’adapter, et voir l’aperçu suivre', async ({ page, app }) => {
  await openApp(page, app);
  await openScreen(page, 'Trames');
  const trames = page.getByRole('navigation', { name: 'Trames de la consultation' });
  await expect(trames.getByRole('link')).toHaveText([PRESET]);
  await expect(page.getByText('Cette trame prête à l’emploi reproduit le modèle officiel')).toBeVisible();

  // Duplicate under a new name: the copy opens, editable.
  await page.getByRole('textbox', { name: 'Nom de la copie' }).fill(COPY);
  await page.getByRole('button', { name: 'Dupliquer' }).click();
  await expect(page.getByText(`Trame « ${COPY} » créée : vous pouvez l’adapter.`)).toBeVisible();
  await expect(trames.getByRole('link')).toHaveText([PRESET, COPY]);
  await expect(page.getByRole('article', { name: COPY })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Nom de la trame/ })).toHaveValue(COPY);
  // The focus goes to the copy's editor, not back to the top of the page.
  await expect(page.getByRole('heading', { name: 'Document', level: 2 })).toBeFocused();
  await settled(page);

  const perThematique = page.getByRole('region', { name: 'Sections de chaque thématique' });
  const sectionTitles = perThematique.getByRole('heading', { level: 4 });
  await expect(sectionTitles).toHaveText([
    /1\. État des lieux$/,
    /2\. Principales actions et acteurs mobilisés$/,
    /3\. Description de 2 à 3 retours d’expérience/,
    /4\. Défis à relever/,
  ]);

  // Rename "État des lieux" (saved when the field is left).
  const etat = perThematique.getByRole('listitem', { name: /^Section 1 sur 4 : 1\. État des lieux$/ });
  const etatTitle = etat.getByRole('textbox', { name: 'Titre', exact: true });
  await etatTitle.fill('Constats partagés');
  await expect(perThematique.getByRole('listitem', { name: /^Section 1 sur 4 : 1\. Constats partagés$/ })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('status').filter({ hasText: /^Enregistré$/ })).toBeVisible();

  // Move "Défis…" above the retex.
  await perThematique.getByRole('button', { name: `Monter la section « ${DEFIS_TRAME} »` }).click();
  await expect(sectionTitles).toHaveText([
    /1\. Constats partagés$/,
    /2\. Principales actions et acteurs mobilisés$/,
    /3\. Défis à relever/,
    /4\. Description de 2 à 3 retours d’expérience/,
  ]);
  await expect(page.getByRole('status').filter({ hasText: /^Enregistré$/ })).toBeVisible();

  // A heading of its own per thématique: the copy keeps seed 004's wordings (T2 to T4), and T1 gets one.
  const actions = perThematique.getByRole('listitem', { name: /^Section 2 sur 4 : 2\. Principales actions et acteurs mobilisés$/ });
  const disclosure = actions.getByRole('button', { name: 'Intitulé propre à une thématique (3 renseignés)' });
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await disclosure.click();
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  await expect(actions.getByRole('textbox', { name: /^Thématique 4 :/ })).toHaveValue('Actions et acteurs mobilisés');
  const ownT1 = actions.getByRole('textbox', { name: /^Thématique 1 :/ });
  await expect(ownT1).toHaveValue('');
  await expect(ownT1).toHaveAttribute('placeholder', 'Principales actions et acteurs mobilisés');
  await ownT1.fill('Actions et partenaires');
  await expect(actions.getByRole('button', { name: 'Intitulé propre à une thématique (4 renseignés)' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('status').filter({ hasText: /^Enregistré$/ })).toBeVisible();
  await screenshot(page, 'trame-copie-modifiee');
  // Each save must leave the page as it was: one "Dupliquer" form, not one more per save.
  await expect.soft(page.getByRole('textbox', { name: 'Nom de la copie' }), 'un seul formulaire « Dupliquer » après les enregistrements').toHaveCount(1);
  await expectNoSeriousViolations(page, 'Trames (copie en édition)');

  // The Synthèse preview follows the copy…
  await openScreen(page, 'Synthèse');
  const trameSelect = page.getByRole('combobox', { name: /^Trame/ });
  await trameSelect.selectOption({ label: COPY });
  await expect.poll(() => thematique1Sections(page)).toEqual([
    '1. Constats partagés',
    '2. Actions et partenaires',
    `3. ${DEFIS}`,
    `4. ${RETEX}`,
  ]);
  await screenshot(page, 'trame-apercu-copie');

  // …and the preset is untouched.
  await trameSelect.selectOption({ label: `${PRESET} (prête à l’emploi)` });
  await expect.poll(() => thematique1Sections(page)).toEqual([
    '1. État des lieux',
    '2. Principales actions et acteurs mobilisés',
    `3. ${RETEX}`,
    `4. ${DEFIS}`,
  ]);
  expectNoPageErrors(page);
});

test('les champs calculés : leur valeur pour le périmètre, et « Insérer » au curseur du texte rédigé', async ({ page, app }) => {
  await openApp(page, app);
  await openScreen(page, 'Trames');
  const fields = page.getByRole('region', { name: 'Champs calculés' });
  const row = (name: string) => fields.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `{{${name}}}`, exact: true }) });
  // The région's values: one day, said with its article; the scope as seed 004's headings say it.
  await expect(row('le_date_second_niveau')).toContainText('le 14 octobre 2020');
  await expect(row('date_second_niveau')).toContainText('14 octobre 2020');
  await expect(row('du_perimetre')).toContainText('de la région académique');
  await expect(row('concertations').getByRole('cell').nth(1)).toHaveText('10');

  // Another scope, other values.
  await page.getByRole('combobox', { name: /^Périmètre des textes/ }).selectOption({ label: 'Vienne (86)' });
  await expect(row('du_perimetre')).toContainText('du département de la Vienne');
  await page.getByRole('combobox', { name: /^Périmètre des textes/ }).selectOption({ value: 'region' });
  await expect(row('du_perimetre')).toContainText('de la région académique');

  // Without a text being edited, « Insérer » says where to click first.
  await fields.getByRole('button', { name: 'Insérer {{le_perimetre}}' }).click();
  await expect(fields.getByRole('status')).toHaveText(/Placez d’abord le curseur/);

  // « la région académique » selected in the descriptif: the placeholder takes its place, the rest of the text kept.
  const descriptif = page.getByRole('textbox', { name: /^Descriptif de la concertation/ });
  const before = await descriptif.inputValue();
  const words = 'la région académique';
  expect(before.startsWith(`Dans ${words} Nouvelle-Aquitaine`)).toBe(true);
  await descriptif.focus();
  await descriptif.evaluate((el: HTMLTextAreaElement, end) => el.setSelectionRange(5, end), 5 + words.length);
  await fields.getByRole('button', { name: 'Insérer {{le_perimetre}}' }).click();
  await expect(descriptif).toHaveValue(`Dans {{le_perimetre}}${before.slice(5 + words.length)}`);
  await expect(descriptif).toBeFocused();
  expect(await descriptif.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(5 + '{{le_perimetre}}'.length);
  await expect(fields.getByRole('status')).toHaveText(/\{\{le_perimetre\}\} inséré dans « Descriptif/);
  // Saved when the field is left, as any text.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('status').filter({ hasText: /^Enregistré$/ })).toBeVisible();
  await expectNoSeriousViolations(page, 'Trames (champs calculés)');
  expectNoPageErrors(page);
});
