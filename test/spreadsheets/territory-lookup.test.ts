import { describe, expect, it } from 'vitest';
import { insertBassin, listBassins } from '../../src-main/catalogue/repos/territory.repo.ts';
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
});
