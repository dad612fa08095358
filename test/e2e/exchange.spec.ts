/**
 * Catalogues that meet between laptops, in the real UI: the first launch asks who the catalogue is for;
 * the demo says it is one and lets the user leave it; « Échanges » previews a bundle before merging it,
 * finds another catalogue's bundle in the shared folder, and settles a conflict side by side. The other
 * laptop is the CLI (`nouveau`, `bundle-merge`, `bundle-export`), its edit a direct write to its catalogue.
 */
import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, openApp, type RunningApp, screenshot, withFreshApp, test as demoTest } from './support/app.ts';
import { apiCall, catalogueMeetings, expectNoPageErrors, expectNoSeriousViolations, mainNav, openScreen, settled } from './support/ui.ts';

/** A new catalogue, without identity: the first launch (`npm run web` on a new --db, without --demo). */
const test = demoTest.extend<{ fresh: RunningApp }>({
  fresh: async ({}, use, testInfo) => withFreshApp(use, testInfo),
});

/** The other laptop: the CLI on its own catalogue. */
function cli(...args: string[]): string {
  const run = spawnSync(join(process.cwd(), 'node_modules/.bin/tsx'), ['src-main/cli/index.ts', ...args], { cwd: process.cwd(), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`synthese ${args[0]} (${run.status}) :\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

/** Opens a page on a catalogue that has no identity yet: the welcome form, no navigation. */
async function openFirstLaunch(page: Page, app: RunningApp): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  (page as Page & { appErrors?: string[] }).appErrors = errors;
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pour qui est ce catalogue ?');
}

/** Every meeting of the catalogue, whatever the consultation. */
async function meetingCount(page: Page): Promise<number> {
  return (await apiCall<{ meetings: number }>(page, 'catalogue.info', {})).meetings;
}

const VIENNE = 'Concertation départementale de la Vienne — EGNT';

test('premier lancement : le formulaire crée un catalogue de département, puis le tableau de bord s’affiche', async ({ page, fresh }) => {
  await openFirstLaunch(page, fresh);
  await expect(mainNav(page)).toHaveCount(0);
  await expect(page).toHaveTitle('Bienvenue — Synthèse régionale');
  await expect(page.getByRole('button', { name: 'Ouvrir la démonstration (Nouvelle-Aquitaine 2020)' })).toBeVisible();

  // Nothing chosen: the form says what is missing, and the keyboard lands on it.
  await page.getByRole('button', { name: 'Créer le catalogue' }).click();
  await expect(page.getByText('Choisissez la région académique.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: /^Région académique/ })).toBeFocused();

  await page.getByRole('combobox', { name: /^Région académique/ }).selectOption({ label: 'Nouvelle-Aquitaine' });
  await expect(page.getByRole('radio', { name: /^Un département/ })).toBeChecked();
  await page.getByRole('combobox', { name: /^Département/ }).selectOption({ label: '86 — Vienne' });
  await expect(page.getByRole('textbox', { name: /^Nom du catalogue/ })).toHaveValue('DSDEN de la Vienne');
  // The offered name follows the choices: an académie's DANE, the région académique.
  await page.locator('label').filter({ hasText: /^Une académie/ }).click();
  await page.getByRole('combobox', { name: /^Académie/ }).selectOption({ label: 'Académie de Poitiers' });
  await expect(page.getByRole('textbox', { name: /^Nom du catalogue/ })).toHaveValue('DANE de l’académie de Poitiers');
  await page.locator('label').filter({ hasText: /^Un département/ }).click();
  await page.getByRole('combobox', { name: /^Département/ }).selectOption({ label: '40 — Landes' });
  await expect(page.getByRole('textbox', { name: /^Nom du catalogue/ })).toHaveValue('DSDEN des Landes');
  await page.getByRole('combobox', { name: /^Département/ }).selectOption({ label: '86 — Vienne' });
  await screenshot(page, 'echanges-1-premier-lancement');
  await expectNoSeriousViolations(page, 'le premier lancement');

  await page.getByRole('button', { name: 'Créer le catalogue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableau de bord');
  await expect(mainNav(page).getByRole('link', { name: 'Échanges', exact: true })).toBeVisible();
  await expect(page.getByText(/Catalogue « DSDEN de la Vienne » créé \(Vienne \(86\)\)/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Catalogue de démonstration' })).toHaveCount(0);
  const identity = await apiCall<{ name: string; scopeKind: string; scopeCode: string; isDemo: boolean }>(page, 'identity.get', {});
  expect(identity).toMatchObject({ name: 'DSDEN de la Vienne', scopeKind: 'departement', scopeCode: '86', isDemo: false });
  const campaigns = await apiCall<{ slug: string }[]>(page, 'campaigns.list', {});
  expect(campaigns.map((c) => c.slug).sort()).toEqual(['concertation-2015', 'egn-2020']);
  // A DSDEN sees its département first.
  await expect(page.getByRole('combobox', { name: /^Périmètre/ })).toHaveValue('departement:86');
  await settled(page);
  await screenshot(page, 'echanges-2-premier-tableau-de-bord');
  await expectNoSeriousViolations(page, 'le premier tableau de bord');
  expectNoPageErrors(page);
});

demoTest('démonstration : le bandeau le dit sur chaque écran, et « Créer mon catalogue » la quitte en gardant une copie', async ({ page, app }) => {
  await openApp(page, app);
  const banner = page.getByRole('region', { name: 'Catalogue de démonstration' });
  await expect(banner).toContainText('Vous êtes dans le catalogue de démonstration (Nouvelle-Aquitaine 2020).');
  await expect(banner).toContainText('une copie en est gardée');
  await openScreen(page, 'Rencontres');
  await expect(banner).toBeVisible();
  await screenshot(page, 'echanges-3-bandeau-demonstration');
  await expectNoSeriousViolations(page, 'le bandeau de démonstration');

  await banner.getByRole('link', { name: 'Créer mon catalogue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Créer mon catalogue');
  await expect(page.getByText(/une copie en est gardée avec les sauvegardes du catalogue \(le dossier « sauvegardes » à côté de /)).toBeVisible();
  await expect(page.getByRole('combobox', { name: /^Région académique/ })).toHaveValue('NAQ');
  await page.locator('label').filter({ hasText: /^Une académie/ }).click();
  await page.getByRole('combobox', { name: /^Académie/ }).selectOption({ label: 'Académie de Poitiers' });
  await expect(page.getByRole('textbox', { name: /^Nom du catalogue/ })).toHaveValue('DANE de l’académie de Poitiers');
  await expectNoSeriousViolations(page, 'Créer mon catalogue');
  await page.getByRole('button', { name: 'Créer mon catalogue' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableau de bord');
  await expect(page.getByText(/Votre catalogue « DANE de l’académie de Poitiers » est prêt \(Académie de Poitiers\)\. Copie de la démonstration gardée : /)).toBeVisible();
  await expect(banner).toHaveCount(0);
  expect((await catalogueMeetings(page)).length, 'un catalogue vide').toBe(0);
  const copies = readdirSync(join(app.dir, 'sauvegardes'));
  expect(copies.some((f) => f.endsWith('.sqlite')), `copie de la démonstration : ${copies.join(', ')}`).toBe(true);
  expectNoPageErrors(page);
});

test('échanges : aperçu d’un paquet, fusion, paquet du dossier partagé, conflit réglé côte à côte', async ({ page, fresh }) => {
  test.setTimeout(180_000);
  // The other laptop: the DSDEN de la Vienne, which received the demo's Vienne and sends its catalogue.
  const work = mkdtempSync(join(tmpdir(), 'synthese-e2e-pair-'));
  const shared = join(work, 'partage');
  mkdirSync(shared);
  const vienne = join(work, 'vienne.sqlite');
  cli('demo', '--db', join(work, 'demo.sqlite'), '--out', join(work, 'demo'));
  cli('bundle-export', '--db', join(work, 'demo.sqlite'), '--out', join(work, 'demo-86.synthese'), '--scope', 'departement:86');
  const created = cli('nouveau', '--db', vienne, '--region', 'NAQ', '--departement', '86', '--nom', 'DSDEN de la Vienne');
  const vienneKey = /clé de signature ([0-9A-F ]+)/.exec(created)![1]!.trim();
  cli('bundle-merge', '--db', vienne, join(work, 'demo-86.synthese'));
  const first = join(work, 'vienne-1.synthese');
  cli('bundle-export', '--db', vienne, '--out', first);
  writeFileSync(join(work, 'abime.synthese'), 'ceci n’est pas un paquet');

  // This laptop: the région académique's catalogue, new.
  await openFirstLaunch(page, fresh);
  await apiCall(page, 'identity.setup', { regionCode: 'NAQ', name: 'Région académique Nouvelle-Aquitaine' });
  await page.reload();
  await expect(mainNav(page)).toBeVisible();
  await openScreen(page, 'Échanges');
  const mine = page.getByRole('region', { name: 'Mon catalogue' });
  await expect(mine).toContainText('Région académique Nouvelle-Aquitaine');
  await expect(mine.locator('code')).toHaveText(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);

  // A damaged file is refused, in French, nothing written.
  const receive = page.getByRole('region', { name: 'Recevoir' });
  await receive.getByRole('textbox', { name: /^Chemin du paquet reçu/ }).fill(join(work, 'abime.synthese'));
  await receive.getByRole('button', { name: 'Prévisualiser' }).click();
  await expect(receive.getByRole('alert').last()).toContainText('Paquet « abime.synthese » refusé');

  // The first bundle, chosen with the file picker (sent as base64): previewed, nothing written yet.
  await receive.getByLabel(/^Ou choisissez le fichier du paquet/).setInputFiles(first);
  await expect(receive.getByRole('heading', { name: 'Aperçu de la fusion : « vienne-1.synthese »' })).toBeFocused();
  const figures = receive.getByRole('list', { name: 'Ce que la fusion ferait' });
  await expect(figures.getByRole('listitem').filter({ hasText: 'À ajouter' })).toHaveText(/^60\s*À ajouter$/);
  await expect(figures.getByRole('listitem').filter({ hasText: 'Conflits' })).toHaveText(/^0\s*Conflits$/);
  const byKind = receive.getByRole('table', { name: /^Ce que la fusion changerait/ });
  await expect(byKind.getByRole('row', { name: /^Rencontres / })).toHaveText(/Rencontres\s*13\s*0\s*0/);
  await expect(byKind.getByRole('row', { name: /^Contributions / })).toHaveText(/Contributions\s*37\s*0\s*0/);
  await expect(receive).toContainText('Premier paquet reçu de ce catalogue');
  expect(await meetingCount(page), 'un aperçu n’écrit rien').toBe(0);
  await screenshot(page, 'echanges-4-apercu');
  await expectNoSeriousViolations(page, 'l’aperçu d’un paquet');
  await receive.getByRole('button', { name: 'Fusionner', exact: true }).click();
  await expect(receive.getByRole('heading', { name: 'Fusion faite : « vienne-1.synthese »' })).toBeVisible();
  await expect(receive.getByRole('list', { name: 'Résultat de la fusion' })).toContainText('60');
  expect(await meetingCount(page)).toBe(13);

  // Here, the région corrects the Vienne's declared total; the meeting says where it came from.
  await openScreen(page, 'Rencontres');
  await page.getByRole('link', { name: VIENNE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(VIENNE);
  await expect(page.getByText(/^Reçu de « DSDEN de la Vienne » le \d+/)).toBeVisible();
  await page.getByRole('textbox', { name: /^Total déclaré/ }).fill('333');
  await page.getByRole('textbox', { name: /^Total déclaré/ }).press('Tab');
  await expect(page.getByRole('status').filter({ hasText: /^ ?Enregistré à / })).toBeVisible();

  // The shared folder, chosen here; there, the DSDEN corrects the same total and publishes.
  await openScreen(page, 'Échanges');
  await page.getByRole('textbox', { name: /^Chemin du dossier partagé/ }).fill(shared);
  await page.getByRole('button', { name: 'Utiliser ce dossier' }).click();
  await expect(receive.getByText('Aucun paquet dans le dossier partagé pour l’instant.')).toBeVisible();
  const other = new Database(vienne);
  expect(other.prepare('UPDATE meeting SET declared_total = 330 WHERE title = ?').run(VIENNE).changes).toBe(1);
  other.close();
  cli('bundle-export', '--db', vienne, '--out', join(shared, 'DSDEN-de-la-Vienne.synthese'));

  // Opened again (as the next morning), the app looks in the folder and says so on every screen.
  await openScreen(page, 'Tableau de bord');
  await page.reload();
  const notice = page.getByText(/^Un nouveau paquet dans le dossier partagé \(de DSDEN de la Vienne\)\./);
  await expect(notice).toBeVisible();
  await screenshot(page, 'echanges-5-nouveau-paquet');
  await page.getByRole('link', { name: 'Voir dans Échanges' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Échanges');
  await expect(page.getByRole('heading', { name: 'Recevoir', level: 2 })).toBeFocused();
  const inbox = receive.getByRole('table', { name: 'Paquets du dossier partagé' });
  await expect(inbox.getByRole('row', { name: /DSDEN de la Vienne/ })).toContainText('Nouveau');
  await inbox.getByRole('button', { name: 'Prévisualiser le paquet de DSDEN de la Vienne' }).click();
  await expect(receive.getByRole('heading', { name: 'Aperçu de la fusion : « DSDEN-de-la-Vienne.synthese »' })).toBeVisible();
  await expect(receive.getByRole('list', { name: 'Ce que la fusion ferait' }).getByRole('listitem').filter({ hasText: 'Conflits' })).toHaveText(/^1\s*Conflits$/);
  const preview = receive.getByRole('table', { name: /^Conflits que la fusion ouvrirait/ });
  await expect(preview.getByRole('row', { name: /Concertation départementale de la Vienne/ })).toHaveText(/Effectif déclaré\s*333\s*330/);
  await receive.getByRole('button', { name: 'Fusionner', exact: true }).click();
  await expect(receive.getByRole('heading', { name: 'Fusion faite : « DSDEN-de-la-Vienne.synthese »' })).toBeVisible();
  await expect(inbox.getByRole('row', { name: /DSDEN de la Vienne/ })).toContainText('Déjà fusionné');

  // The conflict, side by side: the received value wins.
  await receive.getByRole('link', { name: 'Régler les conflits' }).click();
  const conflicts = page.getByRole('region', { name: /^Conflits à régler/ });
  await expect(page.getByRole('heading', { name: 'Conflits à régler (1)', level: 2 })).toBeFocused();
  const card = conflicts.getByRole('listitem').filter({ hasText: VIENNE });
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(`Rencontre « ${VIENNE} » (14 octobre 2020)`);
  await expect(card).toContainText('Champ : Effectif déclaré — reçu de DSDEN de la Vienne');
  await expect(card.locator('.xch-side').first()).toContainText('Valeur locale');
  await expect(card.locator('.xch-side').first()).toContainText('333');
  await expect(card.locator('.xch-side').last()).toContainText('330');
  await screenshot(page, 'echanges-6-conflit');
  await expectNoSeriousViolations(page, 'les conflits à régler');
  // With the keyboard: from the conflict's title, Tab to the received value's button, Enter.
  await card.getByRole('heading', { level: 3 }).focus();
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Garder la valeur locale' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Prendre la valeur reçue' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(conflicts.getByText('Aucun conflit à régler.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Conflits à régler', level: 2 })).toBeFocused();
  const meeting = (await catalogueMeetings(page)).find((m) => m.title === VIENNE)!;
  expect((await apiCall<{ declaredTotal: number | null }>(page, 'meetings.get', { id: meeting.id })).declaredTotal).toBe(330);

  // History: two bundles received, the DSDEN met, with its key's fingerprint.
  const history = page.getByRole('region', { name: 'Historique' });
  await expect(history.getByRole('table', { name: /^Catalogues dont un paquet a été reçu/ }).getByRole('row', { name: /DSDEN de la Vienne/ })).toContainText(vienneKey);
  await expect(history.getByRole('table', { name: /^Paquets envoyés et reçus/ }).getByRole('row', { name: /Reçu/ })).toHaveCount(2);

  // Sending: a bundle to a file (a bare name: the documents folder), then published in the shared folder.
  const send = page.getByRole('region', { name: 'Envoyer' });
  await send.getByRole('textbox', { name: /^Fichier du paquet/ }).fill('region-naq.synthese');
  await send.getByRole('button', { name: 'Écrire le paquet' }).click();
  await expect(send.getByRole('status').filter({ hasText: 'Paquet écrit' })).toContainText('13 rencontres');
  expect(existsSync(join(fresh.dir, 'documents', 'region-naq.synthese'))).toBe(true);
  await send.getByRole('button', { name: 'Publier mon catalogue' }).click();
  await expect(send.getByRole('status').filter({ hasText: 'Catalogue publié' })).toBeVisible();
  expect(readdirSync(shared).filter((f) => f.endsWith('.synthese'))).toHaveLength(2);
  await screenshot(page, 'echanges-7-ecran');
  await expectNoSeriousViolations(page, 'l’écran Échanges');
  expectNoPageErrors(page);
  rmSync(work, { recursive: true, force: true });
});

test('une clé de signature changée : refusée, puis acceptée après confirmation', async ({ page, fresh }) => {
  const work = mkdtempSync(join(tmpdir(), 'synthese-e2e-key-'));
  const gironde = join(work, 'gironde.sqlite');
  cli('nouveau', '--db', gironde, '--region', 'NAQ', '--departement', '33', '--nom', 'DSDEN de la Gironde');
  cli('bundle-export', '--db', gironde, '--out', join(work, 'avant.synthese'));
  // The DSDEN's laptop reinstalled: the same catalogue, a new signing key.
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const newPublic = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const other = new Database(gironde);
  other.prepare('UPDATE catalogue_identity SET public_key = ?, private_key = ?').run(newPublic, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  other.close();
  const newFingerprint = createHash('sha256').update(newPublic.trim()).digest('hex').toUpperCase().slice(0, 16).replace(/(.{4})(?!$)/g, '$1 ');
  cli('bundle-export', '--db', gironde, '--out', join(work, 'apres.synthese'));

  await openFirstLaunch(page, fresh);
  await apiCall(page, 'identity.setup', { regionCode: 'NAQ', academieCode: 'BORDEAUX', name: 'DANE de l’académie de Bordeaux' });
  await page.reload();
  await openScreen(page, 'Échanges');
  const receive = page.getByRole('region', { name: 'Recevoir' });
  const path = receive.getByRole('textbox', { name: /^Chemin du paquet reçu/ });
  await path.fill(join(work, 'avant.synthese'));
  await receive.getByRole('button', { name: 'Prévisualiser' }).click();
  await receive.getByRole('button', { name: 'Fusionner', exact: true }).click();
  await expect(receive.getByRole('heading', { name: 'Fusion faite : « avant.synthese »' })).toBeVisible();

  await path.fill(join(work, 'apres.synthese'));
  await receive.getByRole('button', { name: 'Prévisualiser' }).click();
  const confirm = receive.getByRole('group', { name: 'La clé de signature de l’expéditeur a changé' });
  await expect(confirm).toBeFocused();
  await expect(confirm.getByRole('alert')).toContainText('la clé de signature de « DSDEN de la Gironde » a changé');
  await screenshot(page, 'echanges-8-cle-changee');
  await expectNoSeriousViolations(page, 'la clé changée');
  await confirm.getByRole('button', { name: /^L’expéditeur me l’a confirmé/ }).click();
  await expect(receive.getByRole('heading', { name: 'Aperçu de la fusion : « apres.synthese »' })).toBeFocused();
  await expect(receive).toContainText('Nouvelle clé de signature acceptée pour ce catalogue.');
  await receive.getByRole('button', { name: 'Fusionner', exact: true }).click();
  await expect(receive.getByRole('heading', { name: 'Fusion faite : « apres.synthese »' })).toBeVisible();
  // The new key is the one remembered now.
  const peers = page.getByRole('region', { name: 'Historique' }).getByRole('table', { name: /^Catalogues dont un paquet a été reçu/ });
  await expect(peers.getByRole('row', { name: /DSDEN de la Gironde/ })).toContainText(newFingerprint);
  expectNoPageErrors(page);
  rmSync(work, { recursive: true, force: true });
});
