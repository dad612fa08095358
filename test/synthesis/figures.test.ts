/** Placeholders per grammatical use, headings that name their scope, and no heading over nothing. */
import { beforeAll, describe, expect, it } from 'vitest';
import { datesPhrase } from '../../src-main/synthesis/figures.ts';
import { fillFigures } from '../../src-main/synthesis/markup.ts';
import { inScope, ofDepartement, scopeAfter, theScope } from '../../src-main/synthesis/scope-names.ts';
import { demoCatalogue, type TestCatalogue } from '../support/catalogue.ts';

const NBSP = '\u00A0';
const plain = (text: string) => text.replace(/\u00A0/g, ' ');

describe('dates in the form each sentence needs', () => {
  it('gives « le », « les », « du … au » as French says them', () => {
    const one = ['2020-10-14'];
    const two = ['2020-10-14', '2020-10-15'];
    const three = ['2020-10-14', '2020-10-15', '2020-10-16'];
    expect([one, two, three].map((d) => plain(datesPhrase(d, 'le')))).toEqual([
      'le 14 octobre 2020', 'les 14 et 15 octobre 2020', 'du 14 au 16 octobre 2020',
    ]);
    expect([one, two, three].map((d) => plain(datesPhrase(d, 'du')))).toEqual([
      'du 14 octobre 2020', 'des 14 et 15 octobre 2020', 'du 14 au 16 octobre 2020',
    ]);
    expect([one, two, three].map((d) => plain(datesPhrase(d, 'bare')))).toEqual([
      '14 octobre 2020', '14 et 15 octobre 2020', 'du 14 au 16 octobre 2020',
    ]);
    // Days apart are each named, the month once; more than three are a span.
    expect(plain(datesPhrase(['2020-09-30', '2020-10-02'], 'le'))).toBe('les 30 septembre et 2 octobre 2020');
    expect(plain(datesPhrase(['2020-10-01', '2020-10-14', '2020-10-20'], 'le'))).toBe('les 1er, 14 et 20 octobre 2020');
    expect(plain(datesPhrase(['2020-12-31', '2021-01-05'], 'le'))).toBe('les 31 décembre 2020 et 5 janvier 2021');
    expect(plain(datesPhrase(['2020-10-01', '2020-10-02', '2020-10-09', '2020-11-02'], 'le'))).toBe('du 1er octobre au 2 novembre 2020');
    expect(datesPhrase([], 'le')).toBe('');
    expect(datesPhrase(one, 'le')).toBe(`le 14${NBSP}octobre 2020`);
  });
});

describe('the scope, with French contractions and elisions', () => {
  it('names académies and départements with the right article', () => {
    const vienne = { kind: 'departement' as const, code: '86', name: 'Vienne' };
    expect([theScope(vienne), scopeAfter('de', vienne), scopeAfter('à', vienne)]).toEqual([
      'le département de la Vienne', 'du département de la Vienne', 'au département de la Vienne',
    ]);
    const poitiers = { kind: 'academie' as const, code: 'POITIERS', name: 'Poitiers' };
    expect([theScope(poitiers), scopeAfter('de', poitiers), scopeAfter('à', poitiers)]).toEqual([
      'l’académie de Poitiers', 'de l’académie de Poitiers', 'à l’académie de Poitiers',
    ]);
    expect(scopeAfter('de', { kind: 'academie', code: 'AIX-MARSEILLE', name: 'Aix-Marseille' })).toBe('de l’académie d’Aix-Marseille');
    const region = { kind: 'region' as const, code: 'NAQ', name: 'Nouvelle-Aquitaine' };
    expect([theScope(region), scopeAfter('de', region), scopeAfter('à', region)]).toEqual([
      'la région académique', 'de la région académique', 'à la région académique',
    ]);
    const national = { kind: 'national' as const, code: 'FR', name: 'France entière' };
    expect([scopeAfter('de', national), scopeAfter('à', national)]).toEqual(['des régions académiques', 'aux régions académiques']);
    // Where the ateliers took place: seed 004's « en région académique » (T4, T5), elsewhere « dans … ».
    expect([inScope(region), inScope(poitiers), inScope(vienne), inScope(national)]).toEqual([
      'en région académique', 'dans l’académie de Poitiers', 'dans le département de la Vienne', 'dans les régions académiques',
    ]);
    expect([
      ofDepartement('83', 'Var'), ofDepartement('40', 'Landes'), ofDepartement('01', 'Ain'), ofDepartement('28', 'Eure-et-Loir'),
      ofDepartement('75', 'Paris'), ofDepartement('974', 'La Réunion'), ofDepartement('49', 'Maine-et-Loire'), ofDepartement('90', 'Territoire de Belfort'),
    ]).toEqual([
      'du Var', 'des Landes', 'de l’Ain', 'd’Eure-et-Loir', 'de Paris', 'de La Réunion', 'de Maine-et-Loire', 'du Territoire de Belfort',
    ]);
  });

  it('fills known placeholders and leaves unknown ones as written', () => {
    expect(fillFigures('par {{ le_perimetre }} {{inconnu}}', { le_perimetre: 'X' })).toBe('par X {{inconnu}}');
  });

  it('reads « le {{date_second_niveau}} », written before the forms per use, as the form with its article', () => {
    const figures = { date_second_niveau: 'du 14 au 16 octobre', le_date_second_niveau: 'du 14 au 16 octobre', du_date_second_niveau: 'du 14 au 16 octobre' };
    expect(fillFigures('réunis le {{date_second_niveau}} ; Le {{ date_second_niveau }}', figures)).toBe('réunis du 14 au 16 octobre ; Du 14 au 16 octobre');
    const two = { date_second_niveau: '14 et 15 octobre', le_date_second_niveau: 'les 14 et 15 octobre', du_date_second_niveau: 'des 14 et 15 octobre' };
    expect(fillFigures('réunis le {{date_second_niveau}}, la concertation du {{date_second_niveau}}, {{date_second_niveau}}', two))
      .toBe('réunis les 14 et 15 octobre, la concertation des 14 et 15 octobre, 14 et 15 octobre');
    // A word ending in « le » is no article: « modèle {{…}} » keeps the bare form.
    expect(fillFigures('modèle {{date_second_niveau}}', two)).toBe('modèle 14 et 15 octobre');
  });
});

describe('documents per scope', () => {
  let demo: TestCatalogue & { campaignId: number };
  beforeAll(async () => {
    demo = await demoCatalogue();
  });
  const outline = async (scope: string) => {
    const { html } = await demo.call('synthesis.preview', { campaignId: demo.campaignId, scope });
    return [...html.matchAll(/<h(\d)[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => plain(m[2]!.replace(/<[^>]+>/g, '')).trim());
  };

  it('keeps seed 004’s headings for the région, and names the académie or the département elsewhere', async () => {
    const region = await outline('region');
    expect(region).toContain('3. Description de 2 à 3 retours d’expérience présentés lors des ateliers de la région académique et dans les établissements.');
    expect(region).toContain('4. Défis à relever et propositions identifiées par la région académique et les établissements.');
    const poitiers = await outline('academie:POITIERS');
    expect(poitiers).toContain('3. Description de 2 à 3 retours d’expérience présentés lors des ateliers de l’académie de Poitiers et dans les établissements.');
    expect(poitiers.join('\n')).not.toContain('région académique');
    const vienne = await outline('departement:86');
    expect(vienne).toContain('Défis à relever et propositions identifiées par le département de la Vienne et les établissements.'.replace(/^/, '3. '));
    expect(vienne.join('\n')).not.toContain('région académique');
  });

  it('words a heading as the trame says for each thématique, its scope named in every document', async () => {
    const thematique = (headings: string[], n: number) => {
      const [start, end] = [n, n + 1].map((k) => headings.findIndex((h) => h.startsWith(`Thématique ${k} `)));
      return headings.slice(start! + 1, end === -1 ? undefined : end);
    };
    const region = await outline('region');
    expect(thematique(region, 2)).toContain('2. Principales actions et acteurs à mobiliser');
    expect(thematique(region, 3)).toContain('2. Actions à conduire et acteurs à mobiliser');
    expect(thematique(region, 4)).toEqual(expect.arrayContaining([
      '2. Actions et acteurs mobilisés',
      '3. Description de 2 à 3 retours d’expérience présentés lors des ateliers en région académique et dans les établissements.',
    ]));
    expect(thematique(region, 1)).toContain('2. Principales actions et acteurs mobilisés');
    const poitiers = await outline('academie:POITIERS');
    expect(thematique(poitiers, 2)).toContain('2. Principales actions et acteurs à mobiliser');
    // No retex of Poitiers in thématique 5, and no empty slots below the région: no retex heading at all.
    expect(thematique(poitiers, 5).some((h) => h.includes('retours d’expérience'))).toBe(false);
  });

  it('prints no heading over an empty section: the Vienne has no descriptif, nor an état des lieux in thématique 1', async () => {
    const vienne = await outline('departement:86');
    expect(vienne.some((h) => h.startsWith('Descriptif'))).toBe(false);
    const t1 = vienne.slice(vienne.findIndex((h) => h.startsWith('Thématique 1')), vienne.findIndex((h) => h.startsWith('Thématique 2')));
    expect(t1).toEqual([
      'Thématique 1 : Un égal accès au numérique pour tous / Fracture numérique',
      '1. Principales actions et acteurs mobilisés',
      '2. Description de 2 à 3 retours d’expérience présentés lors des ateliers du département de la Vienne et dans les établissements.',
      '3. Défis à relever et propositions identifiées par le département de la Vienne et les établissements.',
    ]);
    // The région's descriptif is written: its heading stays, its date placeholder reads « le 14 octobre 2020 ».
    const { html } = await demo.call('synthesis.preview', { campaignId: demo.campaignId, scope: 'region' });
    expect((await outline('region')).some((h) => h.startsWith('Descriptif'))).toBe(true);
    expect(plain(html)).toContain('Second niveau, le 14 octobre 2020');
  });

  it('reads a trame installed before its headings named their scope as the current one', async () => {
    const [preset] = await demo.call('trames.list', { campaignId: demo.campaignId });
    const old = preset!.sections.map((s) => ({
      ...s,
      title: s.title.replace('{{du_perimetre}}', 'de la région académique').replace('{{le_perimetre}}', 'la région académique'),
    }));
    const copy = await demo.call('trames.create', { ...preset!, name: 'Ancienne trame', sections: old });
    const { html } = await demo.call('synthesis.preview', { campaignId: demo.campaignId, scope: 'academie:POITIERS', trameId: copy.id });
    expect(plain(html)).toContain('identifiées par l’académie de Poitiers et les établissements.');
    expect(plain(html)).not.toContain('région académique et');
  });
});
