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

  // Each nature has its own highlight, with a key: five distinct colours, the text readable (AA) on each.
  const legend = page.getByRole('list', { name: 'Surlignage des contributions :' });
  await expect(legend.getByRole('listitem')).toHaveText(['État des lieux', 'Attente', 'Action et acteurs', 'Défi', 'Proposition']);
  const swatches = await legend.locator('mark').evaluateAll((marks) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (c: number[]) => {
      const [r, g, b] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    return marks.map((m) => {
      const style = getComputedStyle(m);
      const [bg, fg] = [luminance(rgb(style.backgroundColor)), luminance(rgb(style.color))];
      return { background: style.backgroundColor, contrast: (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05) };
    });
  });
  expect(new Set(swatches.map((w) => w.background)).size).toBe(5);
  for (const w of swatches) expect(w.contrast).toBeGreaterThanOrEqual(4.5);

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
  // The reading's banners closed (« Restitution ajoutée » would fade meanwhile): what appears later is the cuts'.
  for (const close of await page.locator('.app-notices .fr-alert button').all()) await close.click();
  await expect(page.locator('.app-notices .fr-alert')).toHaveCount(0);
  const textTop = () => text.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  const topBefore = await textTop();
  await page.getByRole('button', { name: 'Créer la contribution' }).click();
  const cuts = page.getByRole('list', { name: 'Contributions prises dans cette restitution' });
  await expect(cuts.getByRole('listitem')).toHaveCount(1);
  await expect(cuts.getByRole('listitem').first()).toContainText(SELECTED);
  await expect(cuts.getByRole('listitem').first()).toContainText('Proposition');
  await expect(cuts.getByRole('listitem').first()).toContainText('À traiter');
  await expect(paragraph.locator('mark.rst-cut--proposition')).toHaveText(SELECTED);
  // Said in the form's own status line, not in a banner above the text; the focus back on the passage cut.
  const cutStatus = page.locator('.rst-cut-status');
  await expect(cutStatus).toHaveText(`Proposition créée, à traiter : « ${SELECTED} ».`);
  await expect(paragraph).toBeFocused();
  await screenshot(page, 'restitution-word-decoupee');
  await expectNoSeriousViolations(page, 'Restitutions (Word découpée)');

  // The last paragraph taken by a triple-click (the browser's selection runs on into the form): cut back to the text.
  const last = text.locator('[data-passage="5"]');
  await last.click({ clickCount: 3 });
  await expect(page.getByRole('status').filter({ hasText: 'Passage sélectionné' })).toContainText(
    'Former les enseignants à l’accessibilité des ressources (sous-titres, contrastes).',
  );
  await page.getByRole('combobox', { name: 'Nature' }).selectOption({ label: 'Défi' });
  await page.getByRole('textbox', { name: /^Formulation/ }).fill('Former les enseignants à l’accessibilité');
  await page.getByRole('button', { name: 'Créer la contribution' }).focus();
  await page.keyboard.press('Enter');
  await expect(cuts.getByRole('listitem')).toHaveCount(2);
  // The wording that goes into the synthesis is listed, the passage under it.
  await expect(cuts.getByRole('listitem').nth(1).locator('.rst-cuts__wording')).toHaveText('Former les enseignants à l’accessibilité');
  await expect(cuts.getByRole('listitem').nth(1)).toContainText('Passage : « Former les enseignants à l’accessibilité des ressources (sous-titres, contrastes). »');
  await expect(cutStatus).toHaveText('Défi créé, à traiter : « Former les enseignants à l’accessibilité ».');
  await expect(last).toBeFocused();

  // Back in the text, the keyboard goes on: ↑ to the paragraph above, Entrée, and an « État des lieux ».
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  const constats = text.locator('[data-passage="2"]');
  await expect(constats).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: 'Nature' }).selectOption({ label: 'État des lieux' });
  await page.getByRole('button', { name: 'Créer la contribution' }).click();
  await expect(cuts.getByRole('listitem')).toHaveCount(3);
  await expect(cutStatus).toHaveText(/^État des lieux créé, à traiter : « Les équipes constatent/);
  await expect(constats).toBeFocused();
  // One message at a time, no banner stacked above the text, which has not moved.
  await expect(page.locator('.app-notices .fr-alert')).toHaveCount(0);
  expect(await textTop()).toBe(topBefore);
  await expect(constats.locator('mark.rst-cut--etat_des_lieux')).toHaveCount(1);
  await expect(last.locator('mark.rst-cut--defi')).toHaveCount(1);

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
    ['restitution-atelier-numerique.docx', 'docx', 3], ['compte-rendu-lycee-prevention.pdf', 'pdf', 1],
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
  const random = Buffer.alloc(3000);
  for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 256; // no document, whatever its name
  writeFileSync(join(folder, `Barbezieux restitution réf ${first.id}.docx`), random);

  await openScreen(page, 'Imports et exports');
  await page.getByRole('textbox', { name: /^Dossier des restitutions/ }).fill(folder);
  await page.getByRole('button', { name: 'Aperçu', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Fichiers du dossier (4)' });
  await expect(preview).toContainText(`référence ${first.id} dans le nom`);
  await expect(preview).toContainText('Ignoré : format non lu ici (.xlsx)');
  // The unreadable file is said so in the preview, with why, and is not offered for import.
  await expect(preview.getByRole('listitem').filter({ hasText: 'Barbezieux' })).toContainText(
    `Ignoré : le fichier « Barbezieux restitution réf ${first.id}.docx » porte le nom d’un document Word (.docx), mais son contenu n’est pas lisible`,
  );
  await expect(page.getByRole('checkbox', { name: /Barbezieux/ })).toHaveCount(0);
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
  await expect(report).toContainText('2 restitutions ajoutées, 0 écartée.');
  await expect(report.getByRole('heading', { name: 'Import effectué' })).toBeFocused();
  expect((await apiCall<{ fileName: string }[]>(page, 'restitutions.list', { meetingId: first.id })).map((r) => r.fileName)).toEqual([`CR réf ${first.id}.docx`]);
  expect((await apiCall<{ fileName: string; format: string }[]>(page, 'restitutions.list', { meetingId: egletons.id })).map((r) => [r.fileName, r.format])).toEqual([['compte-rendu.pdf', 'pdf']]);

  // Its link opens the reading view.
  await report.getByRole('link', { name: 'compte-rendu.pdf' }).click();
  await expect(page.getByRole('heading', { name: 'Lecture : compte-rendu.pdf' })).toBeVisible();
  expectNoPageErrors(page);
});
