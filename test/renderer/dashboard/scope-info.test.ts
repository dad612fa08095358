import { describe, expect, it } from 'vitest';
import type { RegionAcademique } from '../../../src-main/contract/schemas/territory.ts';
import { pickScope, resolveScopeInfo } from '../../../src-renderer/features/dashboard/scope-info.ts';
import { scopeGroups } from '../../../src-renderer/features/synthesis/useRegion.ts';

const dep = (code: string, nom: string, academieCode: string) => ({ code, nom, academieCode }) as RegionAcademique['academies'][number]['departements'][number];
const naq = {
  code: 'NAQ', nom: 'Nouvelle-Aquitaine',
  academies: [
    { code: 'BORDEAUX', nom: 'Bordeaux', regionCode: 'NAQ', departements: [dep('33', 'Gironde', 'BORDEAUX'), dep('40', 'Landes', 'BORDEAUX')] },
    { code: 'LIMOGES', nom: 'Limoges', regionCode: 'NAQ', departements: [dep('87', 'Haute-Vienne', 'LIMOGES')] },
  ],
} as RegionAcademique;
const idf = {
  code: 'IDF', nom: 'Île-de-France',
  academies: [{ code: 'PARIS', nom: 'Paris', regionCode: 'IDF', departements: [dep('75', 'Paris', 'PARIS')] }],
} as RegionAcademique;

describe('pickScope', () => {
  const national = scopeGroups(naq, true, true);
  const regional = scopeGroups(naq, true, false);

  it('offers « France entière » first only for a national catalogue, and keeps it when chosen', () => {
    expect(national[0]!.options[0]!.value).toBe('national');
    expect(regional[0]!.options[0]!.value).toBe('region');
    expect(pickScope('national', 'region', national)).toBe('national');
  });

  it('falls back to the catalogue’s own territory, then to the région, when the kept choice is not offered', () => {
    // « France entière » kept from a national catalogue, the catalogue now of one région.
    expect(pickScope('national', 'departement:33', regional)).toBe('departement:33');
    expect(pickScope('national', 'region', regional)).toBe('region');
    // A département of another région (the settings changed), the own territory elsewhere too.
    expect(pickScope('departement:75', 'academie:PARIS', regional)).toBe('region');
    expect(pickScope(null, 'academie:LIMOGES', regional)).toBe('academie:LIMOGES');
  });
});

describe('resolveScopeInfo', () => {
  it('covers every région’s académies and départements for the whole country', () => {
    const info = resolveScopeInfo(naq, [idf, naq], 'national');
    expect(info.kind).toBe('national');
    expect(info.academies.map((a) => a.code)).toEqual(['PARIS', 'BORDEAUX', 'LIMOGES']);
    expect(info.departements.map((d) => `${d.code} ${d.academieNom}`)).toEqual(['75 Paris', '33 Bordeaux', '40 Bordeaux', '87 Limoges']);
  });

  it('covers the région, an académie or a département of the région otherwise', () => {
    expect(resolveScopeInfo(naq, [idf, naq], 'region').departements.map((d) => d.code)).toEqual(['33', '40', '87']);
    expect(resolveScopeInfo(naq, [idf, naq], 'academie:BORDEAUX').departements.map((d) => d.code)).toEqual(['33', '40']);
    const departement = resolveScopeInfo(naq, [idf, naq], 'departement:87');
    expect([departement.academies.map((a) => a.code), departement.departements.map((d) => d.code)]).toEqual([['LIMOGES'], ['87']]);
  });
});
