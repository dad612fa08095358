/** The name a new catalogue is offered, with the article each département takes in French. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultCatalogueName, ofDepartement } from '../../../src-renderer/features/identity/catalogueName.ts';

const territory = JSON.parse(readFileSync('assets/reference/territoires.json', 'utf8')) as {
  regionsAcademiques: { nom: string; academies: { nom: string; departements: { code: string; nom: string }[] }[] }[];
};
const departements = territory.regionsAcademiques.flatMap((r) => r.academies.flatMap((a) => a.departements));

describe('the name offered to a new catalogue', () => {
  it('names a DSDEN, a DANE and a région académique as they name themselves', () => {
    expect(defaultCatalogueName('departement', 'Vienne')).toBe('DSDEN de la Vienne');
    expect(defaultCatalogueName('academie', 'Poitiers')).toBe('DANE de l’académie de Poitiers');
    expect(defaultCatalogueName('academie', 'Orléans-Tours')).toBe('DANE de l’académie d’Orléans-Tours');
    expect(defaultCatalogueName('region', 'Nouvelle-Aquitaine')).toBe('Région académique Nouvelle-Aquitaine');
    expect(defaultCatalogueName('departement', undefined)).toBe('');
  });

  it.each([
    ['Vienne', 'de la Vienne'], ['Haute-Vienne', 'de la Haute-Vienne'], ['Nord', 'du Nord'], ['Landes', 'des Landes'],
    ['Ain', 'de l’Ain'], ['Hérault', 'de l’Hérault'], ['Yonne', 'de l’Yonne'], ['Paris', 'de Paris'], ['La Réunion', 'de La Réunion'],
    ['Territoire de Belfort', 'du Territoire de Belfort'], ["Côtes-d'Armor", "des Côtes-d'Armor"], ['Lot-et-Garonne', 'du Lot-et-Garonne'],
    ['Deux-Sèvres', 'des Deux-Sèvres'], ['Corrèze', 'de la Corrèze'], ['Guadeloupe', 'de la Guadeloupe'], ['Mayotte', 'de Mayotte'],
  ])('%s → %s', (nom, expected) => {
    expect(ofDepartement(nom)).toBe(expected);
  });

  it('gives every one of the 101 départements an article', () => {
    expect(departements).toHaveLength(101);
    for (const d of departements) expect(ofDepartement(d.nom), d.code).toMatch(/^(de la |du |des |de l’|de )\S/);
  });
});
