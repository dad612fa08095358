/**
 * « Rechercher »: a contribution found opens itself on the Contributions screen (its thématique chosen, its
 * heading focused), not the whole list; the pre-flight's « à traiter » line opens the thématique filtered.
 */
import { expect, openApp, test } from './support/app.ts';
import { apiCall, expectNoPageErrors } from './support/ui.ts';

test('une contribution trouvée par la recherche s’ouvre elle-même', async ({ page, app }) => {
  await openApp(page, app);
  const { activeCampaignId: campaignId } = await apiCall<{ activeCampaignId: number }>(page, 'settings.get', {});
  const campaign = await apiCall<{ thematiques: { id: number; number: number; title: string }[] }>(page, 'campaigns.get', { id: campaignId });
  const th4 = campaign.thematiques.find((t) => t.number === 4)!;
  const text = 'Installer des bornes de recharge zygomatiques dans chaque internat';
  const made = await apiCall<{ id: number }>(page, 'contributions.create', {
    campaignId, thematiqueId: th4.id, kind: 'attente', text, review: 'a_traiter', sourceMeetingIds: [],
  });

  await page.evaluate(() => (window.location.hash = '/recherche/zygomatiques'));
  const section = page.getByRole('region', { name: /^Contributions/ });
  const hit = section.getByRole('link').first();
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page).toHaveURL(new RegExp(`#/contributions/${made.id}$`));
  const opened = page.getByRole('region', { name: `Attente n° ${made.id}` });
  await expect(opened).toBeVisible();
  await expect(opened).toContainText(text);
  await expect(opened.locator('.fr-badge')).toHaveText('À traiter');
  await expect(page.locator('#opened-contribution-title')).toBeFocused();
  // On its thématique.
  await expect(page.getByRole('heading', { name: `Thématique ${th4.number} : ${th4.title}` })).toBeVisible();
  await opened.getByRole('button', { name: 'Fermer et voir toute la liste' }).click();
  await expect(opened).toHaveCount(0);

  // « #/contributions/a-traiter/<thématique> »: the others filtered on « À traiter ».
  await page.evaluate((hash) => (window.location.hash = hash), `/contributions/a-traiter/${th4.id}`);
  await expect(page.locator('#contrib-others-review')).toHaveValue('a_traiter');
  await expect(page.locator(`#contrib-item-${made.id}`)).toBeVisible();
  expectNoPageErrors(page);
});
