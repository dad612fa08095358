/**
 * A new retex with a link: a "javascript:" address is refused in French before anything is saved; the retex is
 * then kept for the synthesis, moved up with the keyboard and the "Monter" button, and the Synthèse preview
 * prints it at its new place.
 */
import { expect, openApp, screenshot, test } from './support/app.ts';
import { expectNoPageErrors, expectNoSeriousViolations, openScreen } from './support/ui.ts';

const TITLE = 'Un atelier de robotique ouvert aux familles';
const URL = 'https://www.reseau-canope.fr/atelier-robotique-familles';

test('ajouter un retex avec un lien, le retenir, le remonter au clavier, le voir dans l’aperçu', async ({ page, app }) => {
  await openApp(page, app);
  await openScreen(page, 'Retex', 'Retours d’expérience');
  const kept = page.getByRole('list', { name: 'Retex retenus de la thématique 1' });
  await expect(kept.getByRole('heading', { level: 4 })).toHaveCount(4);

  await page.getByRole('link', { name: 'Ajouter un retex', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouveau retex');
  await page.getByRole('textbox', { name: /^Titre/ }).fill(TITLE);
  await page.getByRole('textbox', { name: /^Texte/ }).fill(
    'Le samedi matin, des collégiens montrent à leurs parents comment programmer un petit robot ; les familles repartent avec des ressources pour continuer à la maison.',
  );

  // A script address is refused, in French, and blocks "Enregistrer".
  await page.getByRole('button', { name: 'Ajouter un lien' }).click();
  const address = page.getByRole('textbox', { name: /^Adresse web/ });
  await expect(address, 'le champ du nouveau lien reçoit le focus').toBeFocused();
  await address.fill('javascript:alert(1)');
  await address.blur();
  await expect(page.getByText(/Adresse refusée : « javascript: » n’est pas une adresse web\. Seules les adresses commençant par https:\/\/ ou http:\/\/ sont acceptées\./)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Un lien a une adresse refusée' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enregistrer' })).toBeDisabled();
  await screenshot(page, 'retex-lien-refuse');
  await expectNoSeriousViolations(page, 'Nouveau retex (adresse refusée)');

  // A web address is accepted.
  await address.fill(URL);
  await page.getByRole('combobox', { name: 'Type de ressource' }).selectOption({ label: 'Vidéo' });
  await page.getByRole('textbox', { name: /^Intitulé \(facultatif\)/ }).fill('Vidéo de l’atelier');
  await expect(page.getByText('Adresse valide.')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Un lien a une adresse refusée' })).toHaveCount(0);

  // Saved as "not kept", to keep it from the list itself.
  const keepOnCreate = page.getByRole('checkbox', { name: /^Retenu pour la synthèse/ });
  await expect(keepOnCreate).toBeChecked();
  await keepOnCreate.uncheck();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(`Retex « ${TITLE} » enregistré.`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Retours d’expérience');

  // Kept: it goes last (5th) in the thématique's list.
  const keep = page.getByRole('checkbox', { name: `Retenu pour la synthèse : ${TITLE}` });
  await expect(keep).not.toBeChecked();
  await expect(page.getByRole('link', { name: 'Vidéo de l’atelier' })).toHaveAttribute('href', URL);
  await keep.check();
  await expect(kept.getByRole('heading', { level: 4 })).toHaveCount(5);
  await expect(kept.getByRole('heading', { name: `Retex 5 : ${TITLE}` })).toBeVisible();

  // Alt+ArrowUp twice on the focused item (5 → 3), then the "Monter" button (3 → 2).
  const item = kept.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name: new RegExp(TITLE) }) });
  await item.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(kept.getByRole('heading', { name: `Retex 4 : ${TITLE}` })).toBeVisible();
  await expect(item, 'le retex déplacé garde le focus').toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(kept.getByRole('heading', { name: `Retex 3 : ${TITLE}` })).toBeVisible();
  await page.getByRole('button', { name: `Monter « ${TITLE} » (position 3 sur 5)` }).click();
  await expect(kept.getByRole('heading', { name: `Retex 2 : ${TITLE}` })).toBeVisible();
  await expect(kept.getByRole('heading', { level: 4 })).toHaveText([
    'Retex 1 : Un lieu de formation au numérique pour les parents',
    `Retex 2 : ${TITLE}`,
    'Retex 3 : La chanson italienne d’aujourd’hui en LVC',
    'Retex 4 : Une solution de remplacement de l’ENT pour un dispositif ULIS',
    'Retex 5 : Travailler à distance comme en classe',
  ]);
  await screenshot(page, 'retex-reordonne');
  await expectNoSeriousViolations(page, 'Retex (après déplacement)');

  // The order is the catalogue's: the Synthèse preview prints it second in thématique 1.
  await openScreen(page, 'Synthèse');
  const preview = page.getByRole('region', { name: 'Aperçu de la synthèse' });
  await expect(preview.getByText(`Retex 2 : ${TITLE}`)).toBeVisible();
  // The document prints "label : address", the address as the link.
  await expect(preview.getByText('Vidéo de l’atelier :')).toBeVisible();
  await expect(preview.getByRole('link', { name: URL })).toHaveAttribute('href', URL);
  // (French typography: a narrow no-break space before the colon.)
  const order = await preview.getByRole('paragraph').filter({ hasText: /^Retex\s\d\s:/ }).allInnerTexts();
  const firstThree = order.slice(0, 3).map((t) => t.replace(/\s+/g, ' '));
  expect(firstThree[0]).toMatch(/^Retex 1 : Un lieu de formation au numérique pour les parents/);
  expect(firstThree[1]).toMatch(new RegExp(`^Retex 2 : ${TITLE}`));
  expect(firstThree[2]).toMatch(/^Retex 3 : La chanson italienne/);
  await expect(page.getByText(/Thématique 1, retours d’expérience : 5 retex sélectionnés, la trame en prévoit 3 au plus/)).toBeVisible();
  expectNoPageErrors(page);
});
