/**
 * Comparaison on the demo (2015 and 2020): the consultations proposed, the map of the thématiques
 * edited with the keyboard, saved and put back to the proposed one, one thématique's three lists, and
 * the Word annex written and downloadable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openApp, screenshot, test } from './support/app.ts';
import { apiCall, expectNoPageErrors, expectNoSeriousViolations, openScreen, settled } from './support/ui.ts';

const C2015 = 'Concertation nationale sur le numérique pour l’éducation (2015)';
const C2020 = 'Concertation sur les États généraux du numérique territorialisés (2020)';

test('comparer 2015 et 2020 : la correspondance des thématiques, les trois listes, l’annexe Word', async ({ page, app }) => {
  test.setTimeout(120_000);
  await openApp(page, app);
  // After Synthèse in the main navigation.
  const nav = page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link');
  const labels = await nav.allInnerTexts();
  expect(labels.indexOf('Comparaison')).toBe(labels.indexOf('Synthèse') + 1);
  await openScreen(page, 'Comparaison');

  // 2015 against the active consultation (2020).
  await expect(page.getByRole('combobox', { name: 'Consultation antérieure' }).locator('option:checked')).toHaveText(C2015);
  await expect(page.getByRole('combobox', { name: 'Consultation comparée' }).locator('option:checked')).toHaveText(C2020);

  // The proposed map: 2015's « réduction des inégalités » → 2020's « égal accès ».
  const mapSection = page.getByRole('region', { name: 'Correspondance des thématiques de 2015 vers 2020' });
  await expect(mapSection.getByText(/^Correspondance proposée/)).toBeVisible();
  const row = (n: number) => mapSection.getByRole('group', { name: new RegExp(`^2015 — Thématique ${n} :`) });
  await expect(row(4).getByRole('checkbox', { name: /^1\. Un égal accès/ })).toBeChecked();
  await expect(row(2).getByRole('checkbox', { name: /^3\. Travailler ensemble/ })).not.toBeChecked();

  // Keyboard: tick 2015's 2 → 2020's 3, save.
  const box = row(2).getByRole('checkbox', { name: /^3\. Travailler ensemble/ });
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await expect(mapSection.getByText(/^Modifiée, pas encore enregistrée/)).toBeVisible();
  await mapSection.getByRole('button', { name: 'Enregistrer la correspondance' }).click();
  await expect(page.getByText('Correspondance des thématiques enregistrée.')).toBeVisible();
  await expect(mapSection.getByText('Correspondance enregistrée.')).toBeVisible();
  const campaigns = await apiCall<{ id: number; slug: string }[]>(page, 'campaigns.list', {});
  const pair = { fromCampaignId: campaigns.find((c) => c.slug === 'concertation-2015')!.id, toCampaignId: campaigns.find((c) => c.slug === 'egn-2020')!.id };
  const saved = await apiCall<{ saved: boolean; links: unknown[] }>(page, 'comparison.map', pair);
  expect(saved.saved).toBe(true);
  expect(saved.links).toHaveLength(7);

  // Thématique 3 of 2020 now compared with 2015's 2.
  const result = page.getByRole('region', { name: 'Thématique comparée' });
  await result.getByRole('combobox', { name: 'Thématique de 2020' }).selectOption({ label: '3. Travailler ensemble autrement / Culture numérique professionnelle commune' });
  await expect(result.getByText(/^Comparée avec la thématique 2 de 2015/)).toBeVisible();
  // Named « Nature », as on Restitutions and Regroupements.
  await expect(result.getByRole('combobox', { name: 'Nature' })).toHaveValue('proposition');

  // Back to the proposed map, saved again.
  await mapSection.getByRole('button', { name: 'Revenir à la correspondance proposée' }).click();
  await expect(box).not.toBeChecked();
  await mapSection.getByRole('button', { name: 'Enregistrer la correspondance' }).click();
  await expect(mapSection.getByText('Correspondance enregistrée.')).toBeVisible();
  expect((await apiCall<{ links: unknown[] }>(page, 'comparison.map', pair)).links).toHaveLength(6);
  await expect(result.getByText(/^Aucune thématique de 2015 n’est rapprochée de celle-ci/)).toBeVisible();

  // Thématique 5: the three lists side by side.
  await result.getByRole('combobox', { name: 'Thématique de 2020' }).selectOption({ label: '5. Gouvernance et anticipation' });
  await expect(result.getByText(/^Comparée avec la thématique 5 de 2015/)).toBeVisible();
  const returning = result.getByRole('region', { name: /^Propositions qui reviennent/ });
  await expect(returning.getByRole('listitem')).toHaveCount(1);
  await expect(returning.getByRole('listitem')).toContainText('Créer, au niveau de chaque région, un comité des partenaires. (3 rencontres)');
  await expect(returning.getByRole('listitem')).toContainText('Créer sur le site du lycée un espace qui présente les projets en cours');
  await expect(result.getByRole('region', { name: /^Propositions nouvelles \(2\)/ }).getByRole('listitem')).toHaveCount(2);
  await expect(result.getByRole('region', { name: /^Propositions disparues \(6\)/ }).getByRole('listitem')).toHaveCount(6);
  await settled(page);
  await screenshot(page, 'comparaison');
  await expectNoSeriousViolations(page, 'Comparaison');

  // The Word annex.
  await result.getByRole('textbox', { name: /^Dossier de l’annexe/ }).fill(join(app.dir, 'annexes'));
  await result.getByRole('button', { name: 'Écrire l’annexe Word' }).click();
  await expect(page.getByText('Annexe écrite : Annexe_Thematique-5_2015-2020.docx.')).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    result.getByRole('button', { name: 'Télécharger Annexe_Thematique-5_2015-2020.docx' }).click(),
  ]);
  const file = join(app.dir, 'telechargement.docx');
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  expectNoPageErrors(page);
});
