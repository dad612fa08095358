/**
 * Every screen of the main navigation, on the demo catalogue: it opens, shows its content, has no serious or
 * critical axe violation (WCAG 2.1 A/AA) and no page error (CSP, React); a full-page screenshot of each is kept
 * in test-results/screens/.
 */
import type { Page } from '@playwright/test';
import { expect, openApp, screenshot, seriousViolations, test } from './support/app.ts';
import { axeCounts, expectNoPageErrors, openScreen } from './support/ui.ts';

interface ScreenCase {
  entry: string;
  heading: string;
  file: string;
  /** What the screen shows once its data is there. */
  ready: (page: Page) => Promise<void>;
}

const SCREENS: ScreenCase[] = [
  {
    entry: 'Tableau de bord',
    heading: 'Tableau de bord',
    file: '1-tableau-de-bord',
    ready: async (page) => {
      await expect(page.getByRole('table', { name: /^Bilan des rencontres — Nouvelle-Aquitaine/ })).toBeVisible();
      await expect(page.getByRole('list', { name: /^Chiffres clés/ })).toContainText('800');
    },
  },
  {
    entry: 'Rencontres',
    heading: 'Rencontres',
    file: '2-rencontres',
    ready: async (page) => {
      await expect(page.getByRole('table', { name: /^Rencontres de la consultation/ })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: /77 rencontres/ })).toBeVisible();
    },
  },
  {
    entry: 'Retex',
    heading: 'Retours d’expérience',
    file: '3-retex',
    ready: async (page) => {
      await expect(page.getByRole('list', { name: 'Retex retenus de la thématique 1' }).getByRole('listitem').first()).toBeVisible();
    },
  },
  {
    entry: 'Contributions',
    heading: 'Contributions',
    file: '4-contributions',
    ready: async (page) => {
      await expect(page.getByRole('region', { name: /^État des lieux/ }).getByRole('listitem').first()).toBeVisible();
    },
  },
  {
    entry: 'Trames',
    heading: 'Trames',
    file: '5-trames',
    ready: async (page) => {
      await expect(page.getByRole('link', { name: 'Synthèse de région académique — EGNT 2020' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Plan', level: 2 })).toBeVisible();
    },
  },
  {
    entry: 'Synthèse',
    heading: 'Synthèse',
    file: '6-synthese',
    ready: async (page) => {
      await expect(page.getByRole('heading', { name: /^À vérifier/ })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Aperçu de la synthèse' }).getByRole('heading', { name: /^Thématique 1/ })).toBeVisible();
    },
  },
  {
    entry: 'Imports et exports',
    heading: 'Imports et exports',
    file: '7-imports-exports',
    ready: async (page) => {
      await expect(page.getByRole('button', { name: 'Écrire le tableau à remplir' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Écrire le classeur du bilan' })).toBeVisible();
    },
  },
  {
    entry: 'Échanges',
    heading: 'Échanges',
    file: '8-echanges',
    ready: async (page) => {
      await expect(page.getByRole('region', { name: 'Mon catalogue' })).toContainText('Démonstration — Nouvelle-Aquitaine 2020');
      await expect(page.getByRole('button', { name: 'Écrire le paquet' })).toBeVisible();
    },
  },
  {
    entry: 'Paramètres',
    heading: 'Paramètres',
    file: '9-parametres',
    ready: async (page) => {
      await expect(page.getByRole('table', { name: 'Consultations du catalogue' })).toBeVisible();
    },
  },
];

test('chaque écran de la navigation principale s’affiche, accessible et sans erreur', async ({ page, app }) => {
  await openApp(page, app);
  const summary: string[] = [];
  for (const screen of SCREENS) {
    await test.step(screen.entry, async () => {
      await openScreen(page, screen.entry, screen.heading);
      await screen.ready(page);
      await expect(page.getByRole('heading', { level: 1 }), 'un seul h1 par écran').toHaveCount(1);
      await screenshot(page, screen.file);
      const counts = await axeCounts(page);
      summary.push(
        `${screen.entry.padEnd(20)} critical ${counts.critical}, serious ${counts.serious}, moderate ${counts.moderate}, minor ${counts.minor} (règles passées : ${counts.passes})` +
          (counts.details.length ? `  [${counts.details.join(', ')}]` : ''),
      );
      const serious = await seriousViolations(page);
      expect.soft(serious, `axe (serious/critical) sur « ${screen.entry} » :\n${serious.join('\n')}`).toEqual([]);
    });
  }
  console.log(`Violations axe (nœuds, WCAG 2.1 A/AA) par écran :\n${summary.join('\n')}`);
  expectNoPageErrors(page);
});
