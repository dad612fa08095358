import { describe, expect, it } from 'vitest';
import { academieLabel, ofAcademie } from '../../src-main/contract/domain.ts';

describe('académie names', () => {
  it('takes the preposition the ministry writes: elided before a vowel, with its article where it has one', () => {
    expect(ofAcademie('Bordeaux')).toBe('de Bordeaux');
    expect(ofAcademie('Aix-Marseille')).toBe('d’Aix-Marseille');
    expect(ofAcademie('Orléans-Tours')).toBe('d’Orléans-Tours');
    expect(ofAcademie('Amiens')).toBe('d’Amiens');
    expect(ofAcademie('Guadeloupe')).toBe('de la Guadeloupe');
    expect(ofAcademie('Martinique')).toBe('de la Martinique');
    expect(ofAcademie('La Réunion')).toBe('de La Réunion');
    expect(ofAcademie('Normandie')).toBe('de Normandie');
    expect(academieLabel('Aix-Marseille', true)).toBe('Académie d’Aix-Marseille');
    expect(academieLabel('Limoges')).toBe('académie de Limoges');
  });
});
