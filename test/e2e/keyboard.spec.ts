/**
 * One whole task with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrows, typing; the mouse is never
 * used): open Rencontres from the main navigation, create a meeting with two attendance categories and a
 * declared total, save it, find it in the list. At every step the focus is on a visible element, never lost
 * on <body>.
 */
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './support/app.ts';
import { expectNoPageErrors, focused, settled } from './support/ui.ts';

const TITLE = 'Atelier clavier — concertation des Landes';

/** Tab (or Shift+Tab) until the focused element's description matches; checks the focus at each step. */
async function tabTo(page: Page, target: RegExp, { back = false, max = 80 } = {}): Promise<string> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    let now: string;
    try {
      now = await focused(page);
    } catch (e) {
      throw new Error(`en allant vers ${target}, après :\n${seen.slice(-5).join('\n')}\n${String(e)}`);
    }
    if (target.test(now)) return now;
    seen.push(now);
  }
  throw new Error(`${target} non atteint au clavier après ${max} tabulations :\n${seen.join('\n')}`);
}

/**
 * Types a date into the focused <input type="date">. Its fields follow the browser's own language (Debian's
 * Chromium without chromium-l10n is en-US: mm/dd/yyyy; with it, jj/mm/aaaa): try one order, else go back to
 * the first field (← ←) and type the other.
 */
async function typeDate(page: Page, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-') as [string, string, string];
  await page.keyboard.type(`${m}${d}${y}`);
  const value = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
  if (value === iso) return;
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(`${d}${m}${y}`);
}

test('créer une rencontre au clavier seul, de la navigation à la liste', async ({ page, app }) => {
  // Any mouse event reaching the page is recorded, and fails the test at the end.
  const mouse: string[] = [];
  page.on('console', (m) => m.text().startsWith('MOUSE ') && mouse.push(m.text()));
  await page.addInitScript(() => {
    for (const type of ['mousedown', 'click', 'pointerdown'] as const) {
      window.addEventListener(type, (e) => {
        // Keyboard activation of links and buttons also fires "click", but with detail 0 and no pointer.
        if ((e as MouseEvent).detail > 0 || type !== 'click') console.log(`MOUSE ${type}`);
      }, true);
    }
  });

  await openApp(page, app);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableau de bord');

  // The skip link comes first.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatch(/^a Contenu$/);

  // Main navigation → Rencontres.
  await tabTo(page, /^a Rencontres$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rencontres');
  await expect(page.getByRole('table', { name: /^Rencontres de la consultation/ })).toBeVisible(); // (loaded: waiting, not clicking)
  expect(await focused(page), 'le focus reste sur le lien de navigation').toMatch(/^a Rencontres$/);

  // → "Nouvelle rencontre".
  await tabTo(page, /^a Nouvelle rencontre$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouvelle rencontre');
  await expect(page.getByRole('form', { name: 'Nouvelle rencontre' })).toBeVisible();
  expect(await focused(page), 'le lien activé a disparu : le focus passe au contenu').toMatch(/^main /);

  // Intitulé, date, lieu.
  await tabTo(page, /^input\[text\] Intitulé/);
  await page.keyboard.type(TITLE);
  await tabTo(page, /^input\[date\] Date/);
  await typeDate(page, '2020-10-15');
  await expect(page.getByLabel(/^Date \(obligatoire\)/)).toHaveValue('2020-10-15');
  await tabTo(page, /^input\[text\] Lieu/);
  await page.keyboard.type('Lycée Borda, Dax');

  // Format: arrows inside the radio group (Présentiel → Distanciel → Hybride).
  await tabTo(page, /^input\[radio\] Présentiel/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await focused(page)).toMatch(/^input\[radio\] Hybride/);
  await expect(page.getByRole('radio', { name: 'Hybride' })).toBeChecked();

  // Niveau, then Département: type-ahead on the focused <select>.
  await tabTo(page, /^select Niveau/);
  await page.keyboard.type('Dép');
  await expect(page.getByRole('combobox', { name: /^Niveau/ }).locator('option:checked')).toHaveText('Départemental');
  await tabTo(page, /^select Département/);
  await page.keyboard.type('40');
  await expect(page.getByRole('combobox', { name: /^Département/ }).locator('option:checked')).toHaveText('40 — Landes');
  await expect(page.getByRole('combobox', { name: /^Académie/ }).locator('option:checked')).toHaveText('Bordeaux');

  // Thématiques: Space ticks the focused checkbox.
  await tabTo(page, /^input\[checkbox\] 2\. Enseigner et apprendre/);
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: /^2\. Enseigner et apprendre/ })).toBeChecked();

  // Two categories and a declared total.
  await tabTo(page, /^input\[text\] Élèves$/);
  await page.keyboard.type('14');
  await tabTo(page, /^input\[text\] Enseignants$/);
  await page.keyboard.type('21');
  // Shift+Tab back to Parents to say it was counted (nobody came), then forward again.
  await tabTo(page, /^input\[text\] Parents$/, { back: true });
  await page.keyboard.type('0');
  await tabTo(page, /^input\[text\] Total déclaré/);
  await page.keyboard.type('40');
  await expect(page.getByText(/Somme des catégories : 35 \(3 catégories renseignées sur 11\)/)).toBeVisible();
  await expect(page.getByText('Participants retenus par les bilans : 40 (le total déclaré).')).toBeVisible();

  // Save with Enter on "Enregistrer": the meeting's page opens, with the focus on the content.
  await tabTo(page, /^button\[submit\] Enregistrer$/);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Rencontre « ${TITLE} » enregistrée.`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.getByRole('main')).toBeFocused();

  // Back to the list, find it with the search field.
  await tabTo(page, /^a Retour à la liste$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rencontres');
  await expect(page.getByRole('table', { name: /^Rencontres de la consultation/ })).toBeVisible();
  await settled(page);
  expect(await focused(page)).toMatch(/^main /);
  await tabTo(page, /^input\[search\] Rechercher/);
  await page.keyboard.type('Atelier clavier');
  const table = page.getByRole('table', { name: /^Rencontres de la consultation/ });
  const row = table.getByRole('row').filter({ hasText: TITLE });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('15 octobre 2020');
  await expect(row).toContainText('Départemental');
  await expect(row).toContainText('40');
  await expect(table.getByRole('row')).toHaveCount(2); // header + the one match

  // And its link is reachable by keyboard too.
  await tabTo(page, new RegExp(`^a ${TITLE}$`));
  expect(mouse, 'aucun événement de souris').toEqual([]);
  expectNoPageErrors(page);
});

test('le lien d’évitement « Contenu » mène au contenu, avec son cadre de focus ; un changement d’écran n’en dessine pas', async ({ page, app }) => {
  await openApp(page, app);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const main = page.locator('#contenu');
  await expect(main).toBeFocused();
  expect(await main.evaluate((m) => getComputedStyle(m).outlineStyle)).toBe('solid');

  await page.goto(`${new URL(app.url).origin}/#/retex`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Retours d’expérience');
  await expect(main).toBeFocused();
  expect(await main.evaluate((m) => getComputedStyle(m).outlineStyle)).toBe('none');
});
