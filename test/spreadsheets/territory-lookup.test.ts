import { describe, expect, it } from 'vitest';
import { insertBassin, listBassins, updateBassin } from '../../src-main/catalogue/repos/territory.repo.ts';
import { territoryLookup } from '../../src-main/spreadsheets/territory-lookup.ts';
import { emptyCatalogue } from '../support/catalogue.ts';

describe('territory lookup', () => {
  it('finds a bassin however it is typed, and gives it back whole by its id', () => {
    const { db } = emptyCatalogue();
    const vienne = insertBassin(db, { departementCode: '86', kind: 'ZAP', nom: 'ZAP Châtellerault' });
    const gironde = insertBassin(db, { departementCode: '33', kind: 'ZAP', nom: 'Chatellerault' });
    const lookup = territoryLookup(db);
    const inVienne = { id: vienne, departementCode: '86' };
    // As the catalogue writes it, folded differently, without its prefix; the same name in two départements.
    expect(lookup.bassin('ZAP Châtellerault', '86', null)).toEqual(inVienne);
    expect(lookup.bassin(' zap CHATELLERAULT ', '86', null)).toEqual(inVienne);
    expect(lookup.bassin('Châtellerault', '86', null)).toEqual(inVienne);
    expect(lookup.bassin('ZAP Châtellerault', null, null)).toBe('ambigu');
    expect(lookup.bassin('Chatellerault', '33', null)).toEqual({ id: gironde, departementCode: '33' });
    expect(lookup.bassin('ZAP Poitiers', null, null)).toBeNull();
    expect(lookup.bassinById(vienne)).toEqual(listBassins(db, {}).find((b) => b.id === vienne));
    expect(lookup.bassinById(-1)).toBeUndefined();
    db.close();
  });

  it('is built once per catalogue, and again as soon as a bassin, a département or an académie changes', () => {
    const { db } = emptyCatalogue();
    const id = insertBassin(db, { departementCode: '86', kind: 'ZAP', nom: 'ZAP Loudun' });
    expect(territoryLookup(db).bassin('Loudun', '86', null)).toEqual({ id, departementCode: '86' });
    // The same answers from the kept index, then none once the bassin is renamed (same length: no count could tell).
    expect(territoryLookup(db).bassin('ZAP Loudun', null, null)).toEqual({ id, departementCode: '86' });
    updateBassin(db, { id, departementCode: '86', kind: 'ZAP', nom: 'ZAP Lencloître' });
    expect(territoryLookup(db).bassin('Loudun', '86', null)).toBeNull();
    expect(territoryLookup(db).bassin('Lencloître', '86', null)).toEqual({ id, departementCode: '86' });
    updateBassin(db, { id, departementCode: '86', kind: 'ZAP', nom: 'ZAP Lencloitre' });
    expect(territoryLookup(db).bassin('Lencloître', '86', null)).toEqual({ id, departementCode: '86' });
    expect(territoryLookup(db).bassinById(id)?.nom).toBe('ZAP Lencloitre');
    // A département renamed is found under its new name at once.
    db.prepare("UPDATE departement SET nom = 'Vienne (86)' WHERE code = '86'").run();
    expect(territoryLookup(db).departementName('86')).toBe('Vienne (86)');
    // Two catalogues never share an index.
    const other = emptyCatalogue().db;
    expect(territoryLookup(other).bassin('Lencloitre', '86', null)).toBeNull();
    other.close();
    db.close();
  });
});
