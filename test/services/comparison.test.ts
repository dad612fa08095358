/**
 * Two consultations compared (comparison.*) through the real dispatcher: the map proposed between the
 * 2015 and 2020 presets, saved and read back, and one 2020 thématique's propositions against 2015's.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src-main/catalogue/database.ts';
import { contributionTexts } from '../../src-main/catalogue/repos/comparison.repo.ts';
import { insertGroup, setGroupOf } from '../../src-main/catalogue/repos/group.repo.ts';
import type { Campaign } from '../../src-main/contract/schemas/campaign.ts';
import { AppError } from '../../src-main/contract/errors.ts';
import { catalogueChecksum, emptyCatalogue, type TestCatalogue } from '../support/catalogue.ts';
import { aMeeting } from '../support/valid-inputs.ts';

let t: TestCatalogue;
let c2015: Campaign;
let c2020: Campaign;
const th = (c: Campaign, n: number) => c.thematiques.find((x) => x.number === n)!.id;
const numbers = (links: { fromThematiqueId: number; toThematiqueId: number }[]) =>
  links.map((l) => `${c2015.thematiques.find((x) => x.id === l.fromThematiqueId)!.number}→${c2020.thematiques.find((x) => x.id === l.toThematiqueId)!.number}`);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeEach(async () => {
  t = emptyCatalogue();
  c2015 = await t.call('campaigns.installPreset', { slug: 'concertation-2015' });
  c2020 = await t.call('campaigns.installPreset', { slug: 'egn-2020' });
});

describe('the map of 2015’s thématiques onto 2020’s', () => {
  it('is proposed until one is saved', async () => {
    const map = await t.call('comparison.map', { fromCampaignId: c2015.id, toCampaignId: c2020.id });
    expect(map.saved).toBe(false);
    expect(numbers(map.links)).toEqual(['1→1', '1→2', '2→2', '3→4', '4→1', '5→5']);
  });

  it('is saved in one go and read back; the proposed one stays at hand', async () => {
    const links = [
      { fromThematiqueId: th(c2015, 2), toThematiqueId: th(c2020, 2) },
      { fromThematiqueId: th(c2015, 2), toThematiqueId: th(c2020, 3) },
      { fromThematiqueId: th(c2015, 4), toThematiqueId: th(c2020, 1) },
      { fromThematiqueId: th(c2015, 4), toThematiqueId: th(c2020, 1) },
    ];
    const saved = await t.call('comparison.saveMap', { fromCampaignId: c2015.id, toCampaignId: c2020.id, links });
    expect(saved.saved).toBe(true);
    expect(numbers(saved.links)).toEqual(['2→2', '2→3', '4→1']);
    const again = await t.call('comparison.map', { fromCampaignId: c2015.id, toCampaignId: c2020.id });
    expect(again).toEqual(saved);
    expect(numbers((await t.call('comparison.map', { fromCampaignId: c2015.id, toCampaignId: c2020.id, proposed: true })).links)).toEqual([
      '1→1', '1→2', '2→2', '3→4', '4→1', '5→5',
    ]);
    // Saved empty is a choice too: nothing maps, and it stays so.
    await t.call('comparison.saveMap', { fromCampaignId: c2015.id, toCampaignId: c2020.id, links: [] });
    expect(await t.call('comparison.map', { fromCampaignId: c2015.id, toCampaignId: c2020.id })).toMatchObject({ saved: true, links: [] });
  });

  it('refuses thématiques of other consultations, saying which, and changes nothing', async () => {
    await t.call('comparison.saveMap', { fromCampaignId: c2015.id, toCampaignId: c2020.id, links: [{ fromThematiqueId: th(c2015, 1), toThematiqueId: th(c2020, 2) }] });
    const before = catalogueChecksum(t.db);
    const error = await refusal(t.call('comparison.saveMap', {
      fromCampaignId: c2015.id, toCampaignId: c2020.id,
      links: [{ fromThematiqueId: th(c2015, 3), toThematiqueId: th(c2020, 4) }, { fromThematiqueId: th(c2020, 1), toThematiqueId: th(c2015, 1) }],
    }));
    expect(error.message).toMatch(/^Correspondance refusée : la thématique 1 de « Concertation sur les États généraux du numérique territorialisés » n’est pas une thématique de « Concertation nationale sur le numérique pour l’éducation » \(et 1 autre problème\)\.$/);
    expect(error.code).toBe('CONFLICT');
    expect(error.issues).toEqual([
      {
        path: 'links.1.fromThematiqueId',
        message: 'la thématique 1 de « Concertation sur les États généraux du numérique territorialisés » n’est pas une thématique de « Concertation nationale sur le numérique pour l’éducation »',
      },
      {
        path: 'links.1.toThematiqueId',
        message: 'la thématique 1 de « Concertation nationale sur le numérique pour l’éducation » n’est pas une thématique de « Concertation sur les États généraux du numérique territorialisés »',
      },
    ]);
    expect(catalogueChecksum(t.db)).toBe(before);
    expect((await refusal(t.call('comparison.map', { fromCampaignId: c2020.id, toCampaignId: c2020.id }))).message).toBe('Choisissez deux consultations différentes à comparer.');
    expect((await refusal(t.call('comparison.map', { fromCampaignId: c2015.id, toCampaignId: 999 }))).code).toBe('NOT_FOUND');
  });
});

describe('one 2020 thématique against what 2015 said', () => {
  let meeting2015: number[];
  let meeting2020: number[];
  const add = async (c: Campaign, n: number, text: string, meetings: number[], review: 'retenue' | 'a_traiter' | 'ecartee' = 'retenue') =>
    (await t.call('contributions.create', { campaignId: c.id, thematiqueId: th(c, n), kind: 'proposition', text, sourceMeetingIds: meetings, review })).id;

  beforeEach(async () => {
    await t.call('settings.update', { regionCode: 'NAQ' });
    const meeting = async (c: Campaign, code: string, date: string) =>
      (await t.call('meetings.create', aMeeting(c.id, { departementCode: code, title: `Rencontre ${code} ${date}`, lieu: code, date }))).id;
    meeting2015 = [await meeting(c2015, '16', '2015-02-02'), await meeting(c2015, '86', '2015-02-03'), await meeting(c2015, '19', '2015-02-04')];
    meeting2020 = [await meeting(c2020, '16', '2020-10-02'), await meeting(c2020, '86', '2020-10-03'), await meeting(c2020, '19', '2020-10-04')];
    // 2015, thématique 4 (inégalités, mapped onto 2020's 1 with 2015's 1, which has no proposition) and 5 (not mapped onto it).
    await add(c2015, 4, 'Prêter des ordinateurs portables aux familles qui n’ont aucun équipement', [meeting2015[0]!, meeting2015[1]!]);
    await add(c2015, 4, 'Équiper les écoles rurales d’une connexion internet haut débit', [meeting2015[2]!]);
    await add(c2015, 4, 'Organiser des ateliers de programmation de robots pour les filles', [meeting2015[0]!]);
    await add(c2015, 4, 'Ouvrir les salles informatiques aux parents le samedi', [meeting2015[1]!], 'ecartee');
    await add(c2015, 5, 'Créer un référent cybersécurité dans chaque établissement', [meeting2015[0]!]);
    // 2020, thématique 1: a retained group and loose contributions, one set aside.
    const a = await add(c2020, 1, 'Un prêt d’ordinateurs pour les familles sans équipement', [meeting2020[0]!]);
    const b = await add(c2020, 1, 'Prêter des ordinateurs portables aux familles non équipées', [meeting2020[1]!, meeting2020[2]!], 'a_traiter');
    inTransaction(t.db, () => {
      const group = insertGroup(t.db, { campaignId: c2020.id, thematiqueId: th(c2020, 1), kind: 'proposition', wording: 'Prêter des ordinateurs aux familles non équipées', review: 'retenue' });
      setGroupOf(t.db, [a, b], group);
    });
    await add(c2020, 1, 'Garantir une connexion internet à très haut débit dans chaque école rurale', [meeting2020[0]!]);
    await add(c2020, 1, 'Créer un référent cybersécurité dans chaque établissement', [meeting2020[1]!]);
    await add(c2020, 1, 'Ouvrir les salles informatiques aux parents le samedi', [meeting2020[2]!], 'ecartee');
  });

  it('says what returns, what is new and what is gone', async () => {
    const c = await t.call('comparison.thematique', { fromCampaignId: c2015.id, toCampaignId: c2020.id, toThematiqueId: th(c2020, 1) });
    expect(c).toMatchObject({ fromYear: '2015', toYear: '2020', toThematique: { number: 1 } });
    expect(c.fromThematiques.map((x) => x.number)).toEqual([1, 4]);
    expect(c.returning.map((r) => [r.from.wording, r.from.meetings, r.to.wording, r.to.meetings])).toEqual([
      ['Prêter des ordinateurs portables aux familles qui n’ont aucun équipement', 2, 'Prêter des ordinateurs aux familles non équipées', 3],
      ['Équiper les écoles rurales d’une connexion internet haut débit', 1, 'Garantir une connexion internet à très haut débit dans chaque école rurale', 1],
    ]);
    expect(c.returning[0]!.to.contributionIds).toHaveLength(2);
    // 2015's référent was in thématique 5, not mapped onto 2020's 1: new here. Set aside: in no list.
    expect(c.added.map((i) => i.wording)).toEqual(['Créer un référent cybersécurité dans chaque établissement']);
    expect(c.gone.map((i) => i.wording)).toEqual(['Organiser des ateliers de programmation de robots pour les filles']);
  });

  it('follows the saved map', async () => {
    await t.call('comparison.saveMap', {
      fromCampaignId: c2015.id, toCampaignId: c2020.id,
      links: [{ fromThematiqueId: th(c2015, 5), toThematiqueId: th(c2020, 1) }],
    });
    const c = await t.call('comparison.thematique', { fromCampaignId: c2015.id, toCampaignId: c2020.id, toThematiqueId: th(c2020, 1) });
    expect(c.fromThematiques.map((x) => x.number)).toEqual([5]);
    expect(c.returning.map((r) => r.to.wording)).toEqual(['Créer un référent cybersécurité dans chaque établissement']);
    expect(c.gone).toEqual([]);
    expect(c.added.map((i) => i.wording)).toEqual([
      'Prêter des ordinateurs aux familles non équipées',
      'Garantir une connexion internet à très haut débit dans chaque école rurale',
    ]);
  });

  it('reads a group set aside as its members, each by its own state', async () => {
    const c = await add(c2020, 1, 'Ouvrir un fablab dans chaque collège rural', [meeting2020[0]!], 'a_traiter');
    const d = await add(c2020, 1, 'Des imprimantes 3D pour les collèges', [meeting2020[1]!], 'ecartee');
    inTransaction(t.db, () => {
      const group = insertGroup(t.db, { campaignId: c2020.id, thematiqueId: th(c2020, 1), kind: 'proposition', wording: 'Des fablabs', review: 'ecartee' });
      setGroupOf(t.db, [c, d], group);
    });
    const result = await t.call('comparison.thematique', { fromCampaignId: c2015.id, toCampaignId: c2020.id, toThematiqueId: th(c2020, 1) });
    const added = result.added.map((i) => i.wording);
    expect(added).toContain('Ouvrir un fablab dans chaque collège rural');
    expect(added).not.toContain('Des fablabs');
    expect(added).not.toContain('Des imprimantes 3D pour les collèges');
  });

  it('weighs words over a sample of each consultation, spread evenly', () => {
    const all = contributionTexts(t.db, c2020.id, 1_000);
    expect(all).toHaveLength(5);
    // Five texts, at most three: every second one.
    expect(contributionTexts(t.db, c2020.id, 3)).toEqual([all[1], all[3]]);
    expect(contributionTexts(t.db, c2020.id, 5)).toEqual(all);
  });

  it('refuses a thématique of the other consultation', async () => {
    const error = await refusal(t.call('comparison.thematique', { fromCampaignId: c2015.id, toCampaignId: c2020.id, toThematiqueId: th(c2015, 1) }));
    expect(error.message).toMatch(/n’appartient pas à la consultation « Concertation sur les États généraux/);
  });
});
