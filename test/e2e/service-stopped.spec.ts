/**
 * The local service stopped while the page is open (Ctrl+C in its terminal): the next call says so in
 * French, with what to do, instead of the browser's "Failed to fetch"; the preview says it is stale.
 */
import { expect, openApp, test } from './support/app.ts';
import { openScreen } from './support/ui.ts';

test('le service arrêté, la page le dit en français et l’aperçu se dit non mis à jour', async ({ page, app }) => {
  await openApp(page, app);
  await openScreen(page, 'Synthèse');
  await expect(page.getByText(/^Aperçu à jour : /)).toBeVisible();
  await app.stop();

  await page.getByRole('combobox', { name: /^Périmètre/ }).selectOption({ index: 1 });
  await expect(page.getByText(/Le service de l’application ne répond plus : a-t-il été arrêté \? Relancez « npm run web »/).first()).toBeVisible();
  await expect(page.getByText(/Failed to fetch/)).toHaveCount(0);
  await expect(page.getByText(/^Aperçu précédent, non mis à jour : /)).toBeVisible();
});
