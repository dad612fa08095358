/**
 * Issue 13 in the Synthèse screen: a retained group of propositions prints once, ordered by how many meetings
 * raised it and saying so (the trame's option, ticked in the Trames screen); clicking it, or Enter on it,
 * opens where it came from: its contributions, their meetings and the restitution's passage with its file.
 */
import { expect, openApp, screenshot, test } from './support/app.ts';
import { apiCall, catalogueMeetings, expectNoPageErrors, expectNoSeriousViolations, openScreen, settled } from './support/ui.ts';

const PASSAGE = 'Mutualiser les ressources numériques entre établissements voisins avec un référent commun.';
const WORDING = 'Mutualiser les ressources numériques entre établissements voisins';
const COPY = 'Trame ordonnée par rencontres';
const DEFIS_TRAME = 'Défis à relever et propositions identifiées par {{le_perimetre}} et les établissements.';

test('une proposition retenue de la synthèse, remontée jusqu’à ses rencontres et son passage', async ({ page, app }) => {
  test.setTimeout(120_000);
  expectNoPageErrors(page);
  await openApp(page, app);

  // Set up through the contract (not what is under test): a restitution of the Vienne's concertation, a
  // proposition cut from it, another from the Charente's, grouped as one and retained under a wording.
  const { activeCampaignId: campaignId } = await apiCall<{ activeCampaignId: number }>(page, 'settings.get', {});
  const campaign = await apiCall<{ thematiques: { id: number; number: number }[] }>(page, 'campaigns.get', { id: campaignId });
  const thematiqueId = campaign.thematiques.find((t) => t.number === 5)!.id;
  const meetings = await catalogueMeetings(page);
  const vienne = meetings.find((m) => m.level === 'departemental' && m.departementCode === '86')!;
  const charente = meetings.find((m) => m.level === 'departemental' && m.departementCode === '16')!;
  const restitution = await apiCall<{ id: number; passages: { text: string }[] }>(page, 'restitutions.add', {
    meetingId: vienne.id, fileName: 'restitution-vienne.txt', contentBase64: Buffer.from(`Compte rendu\n\n${PASSAGE}\n`).toString('base64'),
  });
  const index = restitution.passages.findIndex((p) => p.text === PASSAGE);
  const cut = await apiCall<{ id: number }>(page, 'restitutions.cut', {
    restitutionId: restitution.id, start: { passage: index, offset: 0 }, end: { passage: index, offset: PASSAGE.length }, thematiqueId, kind: 'proposition',
  });
  await apiCall(page, 'contributions.review', { ids: [cut.id], review: 'retenue' });
  const twin = await apiCall<{ id: number }>(page, 'contributions.create', {
    campaignId, thematiqueId, kind: 'proposition', text: 'Mutualiser les ressources numériques entre établissements voisins, avec un référent.',
    sourceMeetingIds: [charente.id], selected: true,
  });
  const proposed = await apiCall<{ groups: { id: number; members: { id: number }[] }[] }>(page, 'groups.propose', { campaignId, thematiqueId, kind: 'proposition' });
  const group = proposed.groups.find((g) => g.members.some((m) => m.id === cut.id))!;
  expect(group.members.map((m) => m.id)).toContain(twin.id);
  await apiCall(page, 'groups.review', { id: group.id, review: 'retenue' });
  await apiCall(page, 'groups.rename', { id: group.id, wording: WORDING });
  const [preset] = await apiCall<{ id: number }[]>(page, 'trames.list', { campaignId });
  await apiCall(page, 'trames.duplicate', { id: preset!.id, name: COPY });

  // The option, ticked in the copy's « Défis et propositions » section (saved as it is ticked).
  await openScreen(page, 'Trames');
  await page.getByRole('navigation', { name: 'Trames de la consultation' }).getByRole('link', { name: COPY }).click();
  await settled(page);
  const defis = page.getByRole('listitem', { name: new RegExp(`^Section 4 sur 4 : 4\\. ${DEFIS_TRAME.slice(0, 30)}`) });
  const option = defis.getByRole('checkbox', { name: /^Ordonner par nombre de rencontres et indiquer « évoquée dans N rencontres »/ });
  await expect(option).not.toBeChecked();
  await option.check({ force: true });
  await expect(page.getByRole('status').filter({ hasText: /^Enregistré$/ })).toBeVisible();
  await expect(option).toBeChecked();

  // The synthesis of thématique 5 with that trame: the group once, most raised first, its reach said.
  await openScreen(page, 'Synthèse');
  await page.getByRole('combobox', { name: /^Trame/ }).selectOption({ label: COPY });
  await page.getByRole('combobox', { name: /^Thématique/ }).selectOption({ value: '5' });
  const preview = page.getByRole('region', { name: 'Aperçu de la synthèse' });
  const item = preview.getByRole('listitem').filter({ hasText: WORDING });
  await expect(item).toHaveText(`${WORDING} — évoquée dans 2 rencontres (Charente, Vienne)`, { useInnerText: true });
  await expect(item).toHaveAttribute('data-group-id', String(group.id));
  await expect(preview.getByText(PASSAGE)).toHaveCount(0);

  // Clicked: where it came from.
  await item.click();
  const panel = page.getByRole('region', { name: 'D’où vient cet énoncé' });
  await expect(panel.getByRole('heading', { name: 'D’où vient cet énoncé' })).toBeFocused();
  await expect(panel.getByText('Évoquée dans 2 rencontres : Charente, Vienne.', { exact: false })).toBeVisible();
  await expect(panel.getByRole('link', { name: vienne.title })).toHaveAttribute('href', `#/rencontres/${vienne.id}`);
  await expect(panel.getByRole('link', { name: charente.title })).toHaveAttribute('href', `#/rencontres/${charente.id}`);
  // The passage it was cut from, with the file's name.
  await expect(panel.getByRole('figure', { name: /^restitution-vienne\.txt/ }).getByRole('blockquote')).toHaveText(PASSAGE);
  await expect(panel.getByRole('link', { name: 'lire la restitution' })).toHaveAttribute('href', `#/restitutions/${vienne.id}`);
  await screenshot(page, 'synthese-trace');
  await expectNoSeriousViolations(page, 'Synthèse, sources d’un énoncé');

  // Escape closes it and the keyboard goes back to the statement; Enter opens it again.
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('link', { name: vienne.title })).toBeVisible();

  // A proposition printed on its own traces to its own meetings.
  await panel.getByRole('button', { name: 'Fermer' }).click();
  const single = preview.locator('li[data-contribution-id]').first();
  await single.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('list', { name: 'Rencontres' }).first().getByRole('link').first()).toHaveAttribute('href', /^#\/rencontres\/\d+$/);
});
