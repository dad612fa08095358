/**
 * Issue 13's acceptance check: restitutions in Word and PDF read and cut into contributions in the UI.
 * From a demo meeting's screen, « Restitutions »: a Word file and a PDF added through the file field, a
 * span selected with the mouse (the page's selection) made a proposition, a paragraph taken with the
 * keyboard made an action; both listed beside the text, stored with their passage, and found by the search.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openApp, screenshot, test } from './support/app.ts';
import { apiCall, catalogueMeetings, expectNoPageErrors, expectNoSeriousViolations, openScreen, settled } from './support/ui.ts';

const FIXTURES = join(process.cwd(), 'test/fixtures/restitutions');
const SELECTED = 'un réseau de référents numériques dans chaque';

interface Contribution { id: number; kind: string; text: string; review: string; sourceMeetingIds: number[]; passage: { restitutionId: number; text: string } | null }

test('joindre une restitution Word et une PDF, en faire des contributions à la souris et au clavier', async ({ page, app }) => {
  await openApp(page, app);
  const meeting = (await catalogueMeetings(page))[0]!;
  await page.evaluate((hash) => (window.location.hash = hash), `/rencontres/${meeting.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(meeting.title);
  await page.getByRole('link', { name: 'Restitutions', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Restitutions — ${meeting.title}`);
  await settled(page);
  await expect(page.getByText('Aucune restitution pour cette rencontre')).toBeVisible();

  // A Word file: read, its passages shown, headings as headings.
  await page.getByLabel('Fichier de la restitution').setInputFiles(join(FIXTURES, 'restitution-atelier-numerique.docx'));
  await expect(page.getByRole('heading', { name: 'Lecture : restitution-atelier-numerique.docx' })).toBeVisible();
  const text = page.getByRole('region', { name: 'Texte de la restitution restitution-atelier-numerique.docx' });
  await expect(text.getByRole('heading', { name: 'Propositions' })).toBeVisible();
  const paragraph = text.locator('[data-passage="4"]');
  await expect(paragraph).toHaveText('Créer un réseau de référents numériques dans chaque bassin, à l’écoute des équipes.');

  // Selected with the mouse: pressed before the first word, dragged to the end of the last one.
  await paragraph.scrollIntoViewIfNeeded();
  const box = await paragraph.evaluate((element, words) => {
    const node = element.firstChild!.firstChild as Text;
    const from = node.data.indexOf(words);
    const rectOf = (at: number) => {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return range.getBoundingClientRect();
    };
    const [first, last] = [rectOf(from), rectOf(from + words.length - 1)];
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  }, SELECTED);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByRole('status').filter({ hasText: 'Passage sélectionné' })).toContainText(SELECTED);
  await page.getByRole('combobox', { name: 'Nature' }).selectOption({ label: 'Proposition' });
  await page.getByRole('button', { name: 'Créer la contribution' }).click();
  const cuts = page.getByRole('list', { name: 'Contributions prises dans cette restitution' });
  await expect(cuts.getByRole('listitem')).toHaveCount(1);
  await expect(cuts.getByRole('listitem').first()).toContainText(`« ${SELECTED} »`);
  await expect(cuts.getByRole('listitem').first()).toContainText('Proposition');
  await expect(cuts.getByRole('listitem').first()).toContainText('À traiter');
  await expect(paragraph.locator('mark.rst-cut--proposition')).toHaveText(SELECTED);
  await screenshot(page, 'restitution-word-decoupee');
  await expectNoSeriousViolations(page, 'Restitutions (Word découpée)');

  // A PDF: read, then a paragraph taken whole with the keyboard.
  await page.getByLabel('Fichier de la restitution').setInputFiles(join(FIXTURES, 'compte-rendu-lycee-prevention.pdf'));
  await expect(page.getByRole('heading', { name: 'Lecture : compte-rendu-lycee-prevention.pdf' })).toBeVisible();
  const pdfText = page.getByRole('region', { name: 'Texte de la restitution compte-rendu-lycee-prevention.pdf' });
  const action = pdfText.locator('[data-passage]', { hasText: 'Des ambassadeurs collégiens animent' });
  await pdfText.locator('[data-passage]').first().focus();
  for (let i = 0; i < 8 && !(await action.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(action).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Passage sélectionné' })).toContainText('Des ambassadeurs collégiens');
  await page.getByRole('combobox', { name: 'Nature' }).selectOption({ label: 'Action et acteurs' });
  await page.getByRole('button', { name: 'Créer la contribution' }).click();
  await expect(cuts.getByRole('listitem')).toHaveCount(1);
  await expect(cuts.getByRole('listitem').first()).toContainText('Action et acteurs');

  // Both restitutions listed with what was taken from them; both contributions stored with their passage.
  const listed = page.getByRole('region', { name: /^Restitutions reçues/ });
  await expect(listed.getByRole('link', { name: 'restitution-atelier-numerique.docx' })).toBeVisible();
  await expect(listed.getByRole('link', { name: 'compte-rendu-lycee-prevention.pdf' })).toBeVisible();
  const restitutions = await apiCall<{ id: number; fileName: string; format: string; contributionCount: number }[]>(page, 'restitutions.list', { meetingId: meeting.id });
  expect(restitutions.map((r) => [r.fileName, r.format, r.contributionCount])).toEqual([
    ['restitution-atelier-numerique.docx', 'docx', 1], ['compte-rendu-lycee-prevention.pdf', 'pdf', 1],
  ]);
  const word = await apiCall<{ cuts: { contributionId: number }[] }>(page, 'restitutions.get', { id: restitutions[0]!.id });
  const proposition = await apiCall<Contribution>(page, 'contributions.get', { id: word.cuts[0]!.contributionId });
  expect(proposition).toMatchObject({
    kind: 'proposition', text: SELECTED, review: 'a_traiter', sourceMeetingIds: [meeting.id],
    passage: { restitutionId: restitutions[0]!.id, text: SELECTED },
  });
  const pdf = await apiCall<{ cuts: { contributionId: number }[] }>(page, 'restitutions.get', { id: restitutions[1]!.id });
  const actionCut = await apiCall<Contribution>(page, 'contributions.get', { id: pdf.cuts[0]!.contributionId });
  expect(actionCut).toMatchObject({ kind: 'action', passage: { restitutionId: restitutions[1]!.id, text: 'Des ambassadeurs collégiens animent des séances de prévention avec l’infirmière scolaire.' } });
  expect((await apiCall<{ restitutionReceived: boolean }>(page, 'meetings.get', { id: meeting.id })).restitutionReceived).toBe(true);

  // The search finds the passage without its accents, and opens the Word restitution on it.
  await page.evaluate(() => (window.location.hash = '/recherche/referents%20numeriques'));
  const hits = page.locator('section[aria-labelledby="search-restitution"]');
  await expect(hits.getByRole('heading', { name: /Passages des restitutions/ })).toBeVisible();
  await expect(hits.locator('mark').first()).toHaveText('référents');
  await hits.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Lecture : restitution-atelier-numerique.docx' })).toBeVisible();
  await expect(page.locator('.rst-passage--found')).toHaveText('Créer un réseau de référents numériques dans chaque bassin, à l’écoute des équipes.');
  await expect(page.locator('.rst-passage--found')).toBeFocused();
  expectNoPageErrors(page);
});

test('importer un dossier de restitutions : aperçu, rencontre choisie pour un fichier, import', async ({ page, app }) => {
  await openApp(page, app);
  const meetings = await catalogueMeetings(page);
  const first = meetings[0]!;
  const egletons = meetings.find((m) => m.title.includes('Égletons'))!;
  const folder = join(app.dir, 'restitutions reçues');
  mkdirSync(folder);
  copyFileSync(join(FIXTURES, 'restitution-atelier-numerique.docx'), join(folder, `CR réf ${first.id}.docx`));
  copyFileSync(join(FIXTURES, 'compte-rendu-lycee-prevention.pdf'), join(folder, 'compte-rendu.pdf'));
  writeFileSync(join(folder, 'liste.xlsx'), 'pas une restitution');

  await openScreen(page, 'Imports et exports');
  await page.getByRole('textbox', { name: /^Dossier des restitutions/ }).fill(folder);
  await page.getByRole('button', { name: 'Aperçu', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Fichiers du dossier (3)' });
  await expect(preview).toContainText(`référence ${first.id} dans le nom`);
  await expect(preview).toContainText('Ignoré : format non lu ici (.xlsx)');
  await expect(preview).toContainText('aucune rencontre reconnue dans le nom : choisissez-la');
  await expect(page.getByRole('checkbox', { name: 'Importer « compte-rendu.pdf »' })).not.toBeChecked();

  // The PDF's meeting chosen by the user.
  const combobox = page.getByRole('combobox', { name: 'Rencontre de « compte-rendu.pdf »' });
  await combobox.focus();
  await page.keyboard.type('egleto');
  await expect(page.getByRole('listbox', { name: /^Rencontre de « compte-rendu\.pdf »/ }).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('checkbox', { name: 'Importer « compte-rendu.pdf »' })).toBeChecked();
  await expectNoSeriousViolations(page, 'Imports (aperçu d’un dossier de restitutions)');

  await page.getByRole('button', { name: 'Importer (2)' }).click();
  const report = page.getByRole('region', { name: 'Import effectué' });
  await expect(report).toContainText('2 restitution(s) ajoutée(s), 0 écartée(s).');
  expect((await apiCall<{ fileName: string }[]>(page, 'restitutions.list', { meetingId: first.id })).map((r) => r.fileName)).toEqual([`CR réf ${first.id}.docx`]);
  expect((await apiCall<{ fileName: string; format: string }[]>(page, 'restitutions.list', { meetingId: egletons.id })).map((r) => [r.fileName, r.format])).toEqual([['compte-rendu.pdf', 'pdf']]);

  // Its link opens the reading view.
  await report.getByRole('link', { name: 'compte-rendu.pdf' }).click();
  await expect(page.getByRole('heading', { name: 'Lecture : compte-rendu.pdf' })).toBeVisible();
  expectNoPageErrors(page);
});
