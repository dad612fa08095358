/**
 * « Regroupements », driven as a coordinator would: on the demo, a few propositions that say the same thing
 * (written through the page's bridge, for the setup only), groups proposed, one renamed with the keyboard and
 * retained (its members follow), another split; the screen shows the result and the catalogue agrees.
 */
import { expect, openApp, screenshot, test } from './support/app.ts';
import { apiCall, catalogueMeetings, expectNoPageErrors, expectNoSeriousViolations, focused, openScreen } from './support/ui.ts';

const TABLETTES = [
  'Équiper chaque élève de collège d’une tablette numérique individuelle',
  'Une tablette numérique individuelle pour chaque collégien',
  'Doter tous les collégiens d’une tablette numérique individuelle',
];
const PARENTS = [
  'Former les parents d’élèves aux outils numériques de l’ENT',
  'Proposer aux parents d’élèves des ateliers sur les outils numériques de l’ENT',
  'Des ateliers pour les parents d’élèves sur l’ENT et ses outils numériques',
];
const WORDING = 'Une tablette pour chaque collégien';

interface Group { id: number; wording: string; review: string; members: { id: number; text: string; review: string }[] }

test('proposer des regroupements, en renommer un au clavier, le retenir, en séparer un autre', async ({ page, app }) => {
  await openApp(page, app);
  const settings = await apiCall<{ activeCampaignId: number }>(page, 'settings.get', {});
  const campaignId = settings.activeCampaignId;
  const campaign = await apiCall<{ thematiques: { id: number; number: number }[] }>(page, 'campaigns.get', { id: campaignId });
  const thematiqueId = campaign.thematiques.find((t) => t.number === 1)!.id;
  const meetings = (await catalogueMeetings(page)).filter((m) => m.departementCode !== null);
  const byDepartement = [...new Map(meetings.map((m) => [m.departementCode, m])).values()];
  expect(byDepartement.length).toBeGreaterThanOrEqual(3);
  for (const [i, text] of [...TABLETTES, ...PARENTS].entries()) {
    await apiCall(page, 'contributions.create', {
      campaignId, thematiqueId, kind: 'proposition', text, review: 'a_traiter', sourceMeetingIds: [byDepartement[i % 3]!.id],
    });
  }

  await openScreen(page, 'Regroupements');
  await expect(page.getByRole('combobox', { name: 'Nature' })).toHaveValue('proposition');
  await page.getByRole('combobox', { name: 'Thématique' }).selectOption({ value: String(thematiqueId) });
  await page.getByRole('button', { name: 'Proposer des regroupements' }).click();
  await expect(page.getByRole('status').filter({ hasText: /regroupements? proposés?/ })).toBeVisible();

  const member = (text: string) => page.locator('.group-member__text').getByText(text, { exact: true });
  const card = (text: string) => page.locator('li.group-card').filter({ has: member(text) });
  const tablettes = card(TABLETTES[0]!);
  await expect(tablettes).toHaveCount(1);
  for (const text of TABLETTES) await expect(tablettes.locator('.group-member__text').getByText(text, { exact: true })).toBeVisible();
  // The demo's own propositions of thématique 1 may join the tablets (one says « fournir un ordinateur ou une
  // tablette »): the card counts every member's meetings, at least the three written here.
  const proposed = await apiCall<{ groups: (Group & { reach: { meetings: number } })[] }>(page, 'groups.list', { campaignId, thematiqueId, kind: 'proposition' });
  const reach = proposed.groups.find((g) => g.members.some((m) => m.text === TABLETTES[0]))!.reach.meetings;
  expect(reach).toBeGreaterThanOrEqual(3);
  await expect(tablettes.getByText(new RegExp(`^évoquée dans ${reach} rencontres \\(`))).toBeVisible();
  await expect(tablettes.locator('.group-card__tags .fr-badge')).toHaveText('À traiter');

  // Renamed with the keyboard alone: focus on the group, L, type, Entrée.
  // Tab reaches the first group, the arrows the others.
  await expect(page.locator('#groups-keys')).toContainText('R retenir le groupe');
  await page.getByRole('button', { name: 'Proposer des regroupements' }).focus();
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatch(/^li Groupe 1 sur \d+ : /);
  for (let i = 0; i < 10 && !(await tablettes.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await expect(tablettes).toBeFocused();
  await page.keyboard.press('l');
  const field = page.getByRole('textbox', { name: /^Libellé du groupe/ });
  await expect(field).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(WORDING);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Libellé enregistré : « ${WORDING} ».` })).toBeVisible();
  await expect(tablettes.locator('.group-card__wording')).toHaveText(WORDING);
  await expect(tablettes).toBeFocused();

  // Retained with R: the group and its members still à traiter, said so (« groupe » is masculine).
  const pendingMembers = (await apiCall<Group>(page, 'groups.get', { id: proposed.groups.find((g) => g.members.some((m) => m.text === TABLETTES[0]))!.id }))
    .members.filter((m) => m.review === 'a_traiter').length;
  expect(pendingMembers).toBeGreaterThanOrEqual(3);
  await page.keyboard.press('r');
  await expect(page.getByRole('status')
    .filter({ hasText: `Groupe « ${WORDING} » retenu, ainsi que ses ${pendingMembers} contributions à traiter.` })).toBeVisible();
  await expect(tablettes.locator('.group-card__tags .fr-badge')).toHaveText('Retenue');
  await screenshot(page, 'regroupements');
  await expectNoSeriousViolations(page, 'Regroupements');

  // Another split: its last member checked (mouse), then S pressed with the focus still on that checkbox.
  const parents = card(PARENTS[0]!);
  await expect(parents).toHaveCount(1);
  await parents.locator('.group-member__text').getByText(PARENTS[2]!, { exact: true }).click();
  const box = parents.getByRole('checkbox', { name: new RegExp(`^${PARENTS[2]!}`) });
  await expect(box).toBeChecked();
  await expect(parents.getByRole('button', { name: /^Séparer les 1 contributions cochées/ })).toBeEnabled();
  await box.focus();
  // Espace stays the checkbox's own: unticked then ticked again, no group chosen for a merge.
  await page.keyboard.press(' ');
  await expect(box).not.toBeChecked();
  await page.keyboard.press(' ');
  await expect(box).toBeChecked();
  await expect(page.getByRole('button', { name: /^Fusionner les 0 groupes/ })).toBeVisible();
  await page.keyboard.press('s');
  await expect(page.getByRole('status').filter({ hasText: '1 contribution séparée dans un nouveau groupe.' })).toBeVisible();
  const split = page.locator('li.group-card').filter({ has: page.locator('.group-card__wording', { hasText: PARENTS[2]! }) });
  await expect(split).toHaveCount(1);
  await expect(split.locator('.group-card__tags .fr-badge')).toHaveText('À traiter');
  await expect(card(PARENTS[0]!).locator('.group-member__text').getByText(PARENTS[2]!, { exact: true })).toHaveCount(0);

  // A contribution in no group put into the new one.
  const loose = page.getByRole('region', { name: /^Contributions sans groupe/ });
  const first = loose.locator('.group-member__text').first();
  const looseText = await first.innerText();
  await first.click();
  await loose.getByRole('combobox', { name: 'Groupe de destination' }).selectOption({ label: PARENTS[2]! });
  await loose.getByRole('button', { name: 'Mettre les contributions cochées dans ce groupe (1)' }).click();
  await expect(page.getByRole('status').filter({ hasText: `1 contribution mise dans le groupe « ${PARENTS[2]!} ».` })).toBeVisible();
  await expect(split.locator('.group-member__text').getByText(looseText, { exact: true })).toBeVisible();

  // The catalogue agrees, and the history says who did what.
  const view = await apiCall<{ groups: Group[] }>(page, 'groups.list', { campaignId, thematiqueId, kind: 'proposition' });
  const retained = view.groups.find((g) => g.wording === WORDING)!;
  expect(retained.review).toBe('retenue');
  expect(retained.members.filter((m) => TABLETTES.includes(m.text)).map((m) => m.review)).toEqual(['retenue', 'retenue', 'retenue']);
  await tablettes.locator('.review-history > summary').click();
  await expect(tablettes.locator('.review-history__list li')).toHaveCount(2);
  await expect(tablettes.locator('.review-history__list li').first()).toContainText(`Libellé, « `);
  await expect(tablettes.locator('.review-history__list li').first()).toContainText(`→ « ${WORDING} »`);
  await expect(tablettes.locator('.review-history__list li').nth(1)).toContainText('État, À traiter → Retenue');

  // « Reste à lire » on the dashboard: the groups still to review, linking back here.
  const toReview = view.groups.filter((g) => g.review === 'a_traiter').length;
  await page.getByRole('combobox', { name: 'Thématique' }).selectOption({ index: 1 });
  await openScreen(page, 'Tableau de bord');
  const reading = page.getByRole('region', { name: 'Reste à lire' });
  // What « sans restitution » counts here, said plainly (the late ones, beside it, are those still awaited).
  await expect(reading).toContainText(/\d+ rencontres? sans aucun fichier de restitution joint dans l’application \(rien à y lire\)\./);
  const row = reading.getByRole('table', { name: 'Par thématique' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^1\. / }) });
  const link = row.getByRole('link', { name: new RegExp(`^${toReview} regroupements? à examiner en thématique 1 `) });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regroupements');
  await expect(page.getByRole('combobox', { name: 'Thématique' })).toHaveValue(String(thematiqueId));
  expectNoPageErrors(page);
});

test('dans Contributions : l’état de relecture de chaque contribution, le filtre par état, l’historique', async ({ page, app }) => {
  await openApp(page, app);
  await openScreen(page, 'Contributions');
  const kept = page.getByRole('region', { name: /^État des lieux/ }).getByRole('listitem').first();
  await expect(kept.locator('.contrib-item__tags .fr-badge').first()).toHaveText('Retenue');
  const text = (await kept.locator('.contrib-item__body p').first().innerText()).replace(/^\d+\.\s*/, '').trim();

  // Put back « À traiter » with the keyboard: it leaves the kept list for the others.
  const state = kept.getByRole('combobox', { name: /^État de relecture/ });
  await state.focus();
  await state.selectOption('a_traiter');
  await expect(page.getByText('À traiter — enregistré.')).toBeVisible();

  // The others, filtered by state: it is there, à traiter.
  await page.getByRole('combobox', { name: 'État', exact: true }).selectOption('a_traiter');
  const others = page.getByRole('list', { name: /^Contributions non retenues de la thématique 1/ });
  const item = others.getByRole('listitem').filter({ hasText: text.slice(0, 40) });
  await expect(item).toHaveCount(1);
  await expect(item.locator('.contrib-item__tags .fr-badge').first()).toHaveText('À traiter');
  await expect(others.locator('.contrib-item__tags .fr-badge').filter({ hasText: 'Écartée' })).toHaveCount(0);

  // Its history: one line, who, when, from what to what.
  await item.locator('.review-history > summary').click();
  const lines = item.locator('.review-history__list li');
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toContainText('État, Retenue → À traiter');
  await expectNoSeriousViolations(page, 'Contributions (état de relecture)');
  expectNoPageErrors(page);
});

test('aucun regroupement trouvé : l’écran le dit, et un groupe se fait à la main des contributions cochées', async ({ page, app }) => {
  await openApp(page, app);
  const settings = await apiCall<{ activeCampaignId: number }>(page, 'settings.get', {});
  const campaignId = settings.activeCampaignId;
  const campaign = await apiCall<{ thematiques: { id: number; number: number }[] }>(page, 'campaigns.get', { id: campaignId });
  const thematiqueId = campaign.thematiques.find((t) => t.number === 2)!.id;
  const meeting = (await catalogueMeetings(page))[0]!;
  // Three défis that share no words: no proposal can bring them together.
  const DEFIS = [
    'Certains élèves n’ont pas d’équipement à la maison : il faudrait leur fournir un ordinateur portable',
    'Beaucoup de familles restent sans connexion fiable au domicile',
    'Réduire la fracture territoriale entre zones rurales et villes',
  ];
  for (const text of DEFIS) {
    await apiCall(page, 'contributions.create', { campaignId, thematiqueId, kind: 'defi', text, review: 'a_traiter', sourceMeetingIds: [meeting.id] });
  }
  await openScreen(page, 'Regroupements');
  await page.getByRole('combobox', { name: 'Thématique' }).selectOption({ value: String(thematiqueId) });
  await page.getByRole('combobox', { name: 'Nature' }).selectOption({ value: 'defi' });
  const loose = page.getByRole('region', { name: /^Contributions sans groupe/ });
  await expect(loose.getByRole('button', { name: 'Faire un groupe des contributions cochées (0)' })).toBeDisabled();
  // Thématique 2's défis (the demo's and these) say nothing alike: the proposal brings none together.
  await expect(page.getByRole('heading', { name: 'Aucun regroupement' })).toBeVisible();
  await page.getByRole('button', { name: 'Proposer des regroupements' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^0 regroupement proposé ; \d+ contributions restent seules\.$/ })).toBeVisible();
  // The empty state says what happened and what to do next, not to do again what was just done.
  const empty = page.locator('#groups-empty');
  await expect(empty).toContainText('n’a trouvé aucune contribution assez proche d’une autre');
  await expect(empty).toContainText('« Faire un groupe des contributions cochées »');
  await expect(empty).not.toContainText('Choisissez « Proposer des regroupements »');

  // Two checked, made a group by hand, worded by the first checked (in the list's order).
  // Ticked as a user does, by their text (the DSFR label covers the box).
  const tick = async (text: string) => {
    await loose.locator('.group-member__text').getByText(text, { exact: true }).click();
    await expect(loose.getByRole('checkbox', { name: text })).toBeChecked();
  };
  await tick(DEFIS[1]!);
  await tick(DEFIS[0]!);
  const texts = await loose.locator('.group-member__text').allInnerTexts();
  const firstChecked = texts.find((t) => t === DEFIS[0] || t === DEFIS[1])!;
  await loose.getByRole('button', { name: 'Faire un groupe des contributions cochées (2)' }).click();
  const made = page.locator('li.group-card').filter({ has: page.locator('.group-card__wording', { hasText: firstChecked }) });
  await expect(made).toHaveCount(1);
  await expect(made).toBeFocused();
  await expect(made.locator('.group-member__text')).toHaveCount(2);
  await expect(made.locator('.group-card__tags .fr-badge')).toHaveText('À traiter');
  // The sentence quotes a long wording cut between two words, with « … ».
  const CUT = 'Certains élèves n’ont pas d’équipement à la maison : il faudrait leur fournir…';
  await expect(page.locator('#groups-status')).toHaveText(`Nouveau groupe « ${firstChecked === DEFIS[0] ? CUT : firstChecked} » fait de 2 contributions ; « Renommer » (L) change son libellé.`);
  // Renamed at once (L), to a long wording.
  await page.keyboard.press('l');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(DEFIS[0]!);
  await page.keyboard.press('Enter');
  await expect(made.locator('.group-card__wording')).toHaveText(DEFIS[0]!);

  // The third put into it: the sentence cuts the long wording between two words, with « … ».
  await tick(DEFIS[2]!);
  await loose.getByRole('combobox', { name: 'Groupe de destination' }).selectOption({ label: DEFIS[0]!.slice(0, 89) + '…' });
  await loose.getByRole('button', { name: 'Mettre les contributions cochées dans ce groupe (1)' }).click();
  await expect(page.locator('#groups-status'))
    .toHaveText(`1 contribution mise dans le groupe « ${CUT} ».`);
  const view = await apiCall<{ groups: Group[] }>(page, 'groups.list', { campaignId, thematiqueId, kind: 'defi' });
  expect(view.groups.find((g) => g.wording === DEFIS[0])!.members.map((m) => m.text).sort()).toEqual([...DEFIS].sort());

  // The synthesis's checks count it, for information, and lead back here, on its thématique.
  await openScreen(page, 'Synthèse');
  const info = page.getByRole('region', { name: /^Pour information/ });
  const more = info.getByRole('button', { name: /^Afficher les .+ autres$/ });
  if (await more.count()) await more.click();
  const finding = info.locator('li.syn-finding').filter({ hasText: /regroupements? encore à examiner/ });
  await expect(finding).toContainText('1 regroupement encore à examiner (thématique 2 : 1).');
  await finding.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regroupements');
  await expect(page.getByRole('combobox', { name: 'Thématique' })).toHaveValue(String(thematiqueId));
  expectNoPageErrors(page);
});
