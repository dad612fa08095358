import { describe, expect, it } from 'vitest';
import {
  parseCount,
  parseDate,
  parseLevel,
  parseText,
  parseThematiques,
  parseYesNo,
  type CellParse,
} from '../../src-main/spreadsheets/parse-cells.ts';

function value<T>(result: CellParse<T>): T {
  if (!result.ok) throw new Error(`attendu ok, obtenu : ${result.message}`);
  return result.value;
}

function message(result: CellParse<unknown>): string {
  if (result.ok) throw new Error(`attendu un refus, obtenu : ${JSON.stringify(result.value)}`);
  return result.message;
}

describe('parseDate', () => {
  it.each([
    [new Date(Date.UTC(2020, 9, 14)), '2020-10-14'],
    [new Date(Date.UTC(2020, 9, 14, 23, 30)), '2020-10-14'],
    [44118, '2020-10-14'],
    [44118.75, '2020-10-14'],
    ['44118', '2020-10-14'],
    ['14/10/2020', '2020-10-14'],
    ['14/10/20', '2020-10-14'],
    ['14-10-2020', '2020-10-14'],
    ['14.10.2020', '2020-10-14'],
    ['  14 / 10 / 2020 ', '2020-10-14'],
    ['1/2/2020', '2020-02-01'],
    ['14/10/2020 14:30', '2020-10-14'],
    ['14/10/2020 à 14h', '2020-10-14'],
    ['2020-10-14', '2020-10-14'],
    ['2020-10-14T00:00:00.000Z', '2020-10-14'],
    ['14 octobre 2020', '2020-10-14'],
    ['14 Octobre 2020', '2020-10-14'],
    ['14 oct. 2020', '2020-10-14'],
    ['14 oct 2020', '2020-10-14'],
    ['14-oct-20', '2020-10-14'],
    ['mercredi 14 octobre 2020', '2020-10-14'],
    ['Mercredi, 14 octobre 2020', '2020-10-14'],
    ['le mercredi 14 octobre 2020', '2020-10-14'],
    ['1er octobre 2020', '2020-10-01'],
    ['1er oct. 2020', '2020-10-01'],
    ['3 janv. 2020', '2020-01-03'],
    ['3 févr. 2020', '2020-02-03'],
    ['3 fev 2020', '2020-02-03'],
    ['3 mars 2020', '2020-03-03'],
    ['3 avr. 2020', '2020-04-03'],
    ['3 mai 2020', '2020-05-03'],
    ['3 juin 2020', '2020-06-03'],
    ['3 juil. 2020', '2020-07-03'],
    ['3 août 2020', '2020-08-03'],
    ['3 aout 2020', '2020-08-03'],
    ['3 sept. 2020', '2020-09-03'],
    ['3 nov. 2020', '2020-11-03'],
    ['3 déc. 2020', '2020-12-03'],
    ['3 dec 2020', '2020-12-03'],
    ['29/02/2020', '2020-02-29'],
    ['14\u00A0octobre\u00A02020', '2020-10-14'],
  ])('%j → %s', (input, expected) => {
    expect(value(parseDate(input))).toBe(expected);
  });

  it('gives null for an empty cell', () => {
    for (const empty of [null, undefined, '', '   ', '-']) expect(value(parseDate(empty))).toBeNull();
  });

  it('refuses impossible dates, saying why', () => {
    expect(message(parseDate('31/02/2020'))).toBe("« 31/02/2020 » : cette date n'existe pas (février 2020 n'a que 29 jours)");
    expect(message(parseDate('29/02/2021'))).toMatch(/n'a que 28 jours/);
    expect(message(parseDate('31 avril 2020'))).toMatch(/avril 2020 n'a que 30 jours/);
    expect(message(parseDate('2020-13-01'))).toMatch(/le mois 13 n'existe pas/);
    expect(message(parseDate('00/10/2020'))).toMatch(/le jour 0 n'existe pas/);
  });

  it('refuses an American-looking date instead of swapping it', () => {
    const m = message(parseDate('10/14/2020'));
    expect(m).toMatch(/^« 10\/14\/2020 » : /);
    expect(m).toMatch(/américaine/);
    expect(m).toMatch(/14\/10\/2020/);
  });

  it('refuses what is not a date, with the expected form', () => {
    expect(message(parseDate('bientôt'))).toBe('« bientôt » : date non reconnue ; date attendue au format JJ/MM/AAAA (par exemple 14/10/2020)');
    expect(message(parseDate('14 brumaire 2020'))).toMatch(/mois « brumaire » non reconnu/);
    expect(message(parseDate('octobre 2020'))).toMatch(/le jour manque/);
    expect(message(parseDate('14/10'))).toMatch(/l'année manque/);
    expect(message(parseDate(12))).toMatch(/« 12 » : ce nombre ne correspond pas à une date plausible \(12\/01\/1900\)/);
    expect(message(parseDate(60))).toMatch(/29 février 1900/);
    expect(message(parseDate(-5))).toMatch(/n'est pas une date/);
    expect(message(parseDate(true))).toMatch(/VRAI\/FAUX/);
    expect(message(parseDate('#N/A'))).toMatch(/erreur de formule/);
    expect(message(parseDate(new Date(Number.NaN)))).toMatch(/date illisible/);
    expect(message(parseDate('14/10/1820'))).toMatch(/année 1820 invraisemblable/);
  });
});

describe('parseCount', () => {
  it.each([
    [12, 12],
    [0, 0],
    [12.0, 12],
    [11.999999999999998, 12],
    ['12', 12],
    [' 12 ', 12],
    ['12,0', 12],
    ['12.0', 12],
    ['12,00', 12],
    ['1 250', 1250],
    ['1\u00A0250', 1250],
    ['1\u202F250', 1250],
    ['1 000 000', 1_000_000],
    ['+7', 7],
    ['0', 0],
  ])('%j → %d', (input, expected) => {
    expect(value(parseCount(input))).toBe(expected);
  });

  it('gives null for an empty cell', () => {
    for (const empty of [null, undefined, '', '  ', '-', '—']) expect(value(parseCount(empty))).toBeNull();
  });

  it('refuses negatives, decimals, words and absurd counts', () => {
    expect(message(parseCount('-3'))).toBe('« -3 » : un effectif ne peut pas être négatif');
    expect(message(parseCount(-3))).toBe('« -3 » : un effectif ne peut pas être négatif');
    expect(message(parseCount('\u22123'))).toMatch(/négatif/);
    expect(message(parseCount('12,5'))).toBe('« 12,5 » : un effectif est un nombre entier, sans décimales');
    expect(message(parseCount(12.5))).toBe('« 12,5 » : un effectif est un nombre entier, sans décimales');
    expect(message(parseCount('1.250'))).toMatch(/ambigu/);
    expect(message(parseCount('douze'))).toBe('« douze » : un nombre entier de participants est attendu (par exemple 12)');
    expect(message(parseCount('12 personnes'))).toMatch(/nombre entier/);
    expect(message(parseCount(1_000_001))).toMatch(/plus d’un million/);
    expect(message(parseCount('2 000 000'))).toMatch(/plus d’un million/);
    expect(message(parseCount(new Date(Date.UTC(2020, 0, 3))))).toMatch(/une date a été trouvée/);
    expect(message(parseCount('#DIV/0!'))).toMatch(/erreur de formule/);
    expect(message(parseCount(Number.POSITIVE_INFINITY))).toMatch(/nombre entier/);
  });
});

describe('parseThematiques', () => {
  it.each([
    ['1, 3', [1, 3]],
    ['1;3', [1, 3]],
    ['3 ; 1 ; 3', [1, 3]],
    ['1 et 3', [1, 3]],
    ['Thème 1, thème 4', [1, 4]],
    ['Thématiques 2 et 5', [2, 5]],
    ['T1 T3', [1, 3]],
    ['t1,t3', [1, 3]],
    ['1/3', [1, 3]],
    ['n°2', [2]],
    ['2', [2]],
    [2, [2]],
    [1.3, [1, 3]],
  ])('%j → %j', (input, expected) => {
    expect(value(parseThematiques(input))).toEqual(expected);
  });

  it('gives null for an empty cell', () => {
    expect(value(parseThematiques(null))).toBeNull();
    expect(value(parseThematiques(' '))).toBeNull();
  });

  it('refuses unknown tokens, ranges, zero and dates', () => {
    expect(message(parseThematiques('1, numérique'))).toMatch(/« numerique » n'est pas un numéro de thématique/);
    expect(message(parseThematiques('1-3'))).toMatch(/plutôt qu'un intervalle/);
    expect(message(parseThematiques('0'))).toMatch(/à partir de 1/);
    expect(message(parseThematiques('Thème'))).toMatch(/aucun numéro/);
    expect(message(parseThematiques(new Date(Date.UTC(2020, 2, 1))))).toMatch(/Excel a transformé la saisie en date/);
  });

  it('refuses numbers the campaign does not have, when told which it has', () => {
    expect(value(parseThematiques('1, 3', [1, 2, 3]))).toEqual([1, 3]);
    expect(message(parseThematiques('1, 9', [1, 2, 3]))).toBe('« 1, 9 » : thématique 9 inconnue dans cette campagne (numéros possibles : 1, 2, 3)');
  });
});

describe('parseYesNo', () => {
  it.each([
    ['oui', true], ['Oui', true], ['OUI ', true], ['o', true], ['x', true], ['X', true], ['vrai', true], ['true', true],
    ['1', true], ['yes', true], [true, true], [1, true],
    ['non', false], ['N', false], ['faux', false], ['false', false], ['0', false], ['no', false], [false, false], [0, false],
  ])('%j → %s', (input, expected) => {
    expect(value(parseYesNo(input))).toBe(expected);
  });

  it('gives null for an empty cell and refuses the rest', () => {
    expect(value(parseYesNo(null))).toBeNull();
    expect(value(parseYesNo(''))).toBeNull();
    expect(message(parseYesNo('peut-être'))).toBe('« peut-être » : oui ou non attendu');
    expect(message(parseYesNo(2))).toBe('« 2 » : oui ou non attendu');
  });
});

describe('parseLevel', () => {
  it.each([
    ['établissement', 'etablissement'], ['Etablissement', 'etablissement'], ['EPLE', 'etablissement'], ['école', 'etablissement'],
    ['bassin', 'bassin'], ['ZAP', 'bassin'], ['ECLORE', 'bassin'], ['réseau', 'bassin'], ['Bassin/Réseau', 'bassin'],
    ['départemental', 'departemental'], ['Départementale', 'departemental'], ['département', 'departemental'],
    ['Niveau départemental', 'departemental'],
    ['académique', 'academique'], ['Académique', 'academique'],
    ['régional', 'regional'], ['Régionale', 'regional'], ['région académique', 'regional'],
  ])('%s → %s', (input, expected) => {
    expect(value(parseLevel(input))).toBe(expected);
  });

  it('refuses an unknown level, listing the accepted ones', () => {
    expect(value(parseLevel(null))).toBeNull();
    expect(message(parseLevel('national'))).toBe('« national » : niveau attendu : Établissement, Bassin, Départemental, Académique, Régional');
    expect(message(parseLevel(3))).toMatch(/un niveau est attendu/);
  });
});

describe('parseText', () => {
  it('makes a text of anything', () => {
    expect(value(parseText('  Salle des fêtes ', 100))).toBe('Salle des fêtes');
    expect(value(parseText(33, 100))).toBe('33');
    expect(value(parseText(12.5, 100))).toBe('12,5');
    expect(value(parseText(new Date(Date.UTC(2020, 9, 14)), 100))).toBe('14/10/2020');
    expect(value(parseText(true, 100))).toBe('VRAI');
    expect(value(parseText('-', 100))).toBe('-');
    expect(value(parseText('ligne 1\nligne 2', 100))).toBe('ligne 1\nligne 2');
    expect(value(parseText(null, 100))).toBeNull();
    expect(value(parseText('   ', 100))).toBeNull();
  });

  it('refuses control characters with their position, and texts too long', () => {
    expect(message(parseText('Salle\u0007B', 100))).toBe('« Salle B » : caractère invisible interdit (U+0007) à la position 6');
    expect(message(parseText('abcdef', 5))).toBe('« abcdef » : texte trop long (6 caractères, 5 au plus)');
    expect(message(parseText('#REF!', 100))).toMatch(/erreur de formule/);
  });
});
