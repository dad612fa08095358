/**
 * Nothing the user typed or had is lost: a meeting form not yet saved survives a reload, and "Annuler"
 * after deleting a meeting puts it back under its reference with the retex and contributions that cited it.
 */
import { expect, openApp, test } from './support/app.ts';
import { allPages, apiCall, expectNoPageErrors, openScreen } from './support/ui.ts';

interface Retex { id: number; title: string; sourceMeetingId: number | null }
interface Contribution { id: number; sourceMeetingIds: number[] }

test('une nouvelle rencontre commencée survit au rechargement de la page', async ({ page, app }) => {
  await openApp(page, app);
  await openScreen(page, 'Rencontres');
  await page.getByRole('link', { name: 'Nouvelle rencontre' }).click();
  await page.getByRole('textbox', { name: /^Intitulé/ }).fill('Atelier parents — brouillon');
  await page.getByRole('textbox', { name: /^Lieu/ }).fill('Collège de Montendre');
  // Still in the field: the browser asks before leaving, and the test accepts.
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(asked).toEqual(['beforeunload']);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouvelle rencontre');
  await expect(page.getByText(/Brouillon repris/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Intitulé/ })).toHaveValue('Atelier parents — brouillon');
  await expect(page.getByRole('textbox', { name: /^Lieu/ })).toHaveValue('Collège de Montendre');

  await page.getByRole('button', { name: 'Effacer le brouillon' }).click();
  await expect(page.getByRole('textbox', { name: /^Intitulé/ })).toHaveValue('');
  await expect(page.getByText(/Brouillon repris/)).toHaveCount(0);
  expectNoPageErrors(page);
});

test('annuler la suppression d’une rencontre la rétablit, avec ses retex et ses contributions', async ({ page, app }) => {
  await openApp(page, app);
  const { activeCampaignId: campaignId } = await apiCall<{ activeCampaignId: number }>(page, 'settings.get', {});
  const cited = (await allPages<Retex>(page, 'retex.list', { campaignId })).find((r) => r.sourceMeetingId !== null)!;
  const meetingId = cited.sourceMeetingId!;
  const contributionsBefore = (await allPages<Contribution>(page, 'contributions.list', { campaignId }))
    .filter((c) => c.sourceMeetingIds.includes(meetingId)).map((c) => c.id);
  const { title } = await apiCall<{ title: string }>(page, 'meetings.get', { id: meetingId });

  await page.goto(`${new URL(app.url).origin}/#/rencontres/${meetingId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await page.getByRole('button', { name: 'Supprimer', exact: true }).click();
  await expect(page.getByText(/les retex et\s+contributions qui la citent restent/)).toBeVisible();
  await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
  await expect(page.getByText(new RegExp(`Rencontre « ${title} » supprimée`))).toBeVisible();
  expect((await apiCall<Retex>(page, 'retex.get', { id: cited.id })).sourceMeetingId).toBeNull();

  await page.getByRole('button', { name: 'Annuler', exact: true }).click();
  await expect(page.getByText(`Rencontre « ${title} » rétablie.`)).toBeVisible();
  expect((await apiCall<{ id: number }>(page, 'meetings.get', { id: meetingId })).id).toBe(meetingId);
  expect((await apiCall<Retex>(page, 'retex.get', { id: cited.id })).sourceMeetingId).toBe(meetingId);
  const contributionsAfter = (await allPages<Contribution>(page, 'contributions.list', { campaignId }))
    .filter((c) => c.sourceMeetingIds.includes(meetingId)).map((c) => c.id);
  expect(contributionsAfter).toEqual(contributionsBefore);
  expectNoPageErrors(page);
});

test('corriger l’adresse d’un lien ne supprime pas le lien enregistré', async ({ page, app }) => {
  await openApp(page, app);
  const { activeCampaignId: campaignId } = await apiCall<{ activeCampaignId: number }>(page, 'settings.get', {});
  const retex = (await allPages<Retex & { links: { url: string }[] }>(page, 'retex.list', { campaignId })).find((r) => r.links.length === 1)!;
  await page.goto(`${new URL(app.url).origin}/#/retex/${retex.id}`);
  const address = page.getByRole('textbox', { name: /^Adresse web/ }).first();
  await expect(address).toHaveValue(retex.links[0]!.url);
  await address.fill('tube-numerique.example/video');
  await address.press('Tab');
  await expect(page.getByText(/Ce lien n’est pas enregistré tant que l’adresse est refusée/)).toBeVisible();
  // The catalogue keeps the link it had while the address is being corrected.
  await page.waitForTimeout(500);
  expect((await apiCall<{ links: { url: string }[] }>(page, 'retex.get', { id: retex.id })).links.map((l) => l.url)).toEqual([retex.links[0]!.url]);
  expectNoPageErrors(page);
});
