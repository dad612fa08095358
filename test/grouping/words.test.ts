import { describe, expect, it } from 'vitest';
import { contentStems, editDistanceAtMost, STOP_WORDS, typoCorrections, words } from '../../src-main/grouping/words.ts';

describe('words: French text → the stems it is about', () => {
  it('folds case and accents, and splits elisions and punctuation', () => {
    expect(words("L’École d'aujourd'hui : qu’en est-il ?")).toEqual(['l', 'ecole', 'd', 'aujourd', 'hui', 'qu', 'en', 'est', 'il']);
  });

  it('gives one stem to plurals, accented and unaccented spellings, and capitals', () => {
    expect(contentStems('Données personnelles')).toEqual(contentStems('donnees personnelle'));
    expect(contentStems('les ÉLÈVES')).toEqual(contentStems('un élève'));
    expect(contentStems('Enseignants')).toEqual(contentStems('enseignant'));
    expect(contentStems('numériques')).toEqual(contentStems('numerique'));
  });

  it('drops French stop words, elided articles and the phrasing of any proposition', () => {
    expect(contentStems("Il faut mettre en place l'ENT dans les écoles")).toEqual(['ent', 'ecol']);
    expect(contentStems('Proposer davantage de formation')).toEqual(['format']);
    for (const w of ['le', 'la', 'des', 'qu', 'pour', 'avec', 'faut']) expect(STOP_WORDS.has(w)).toBe(true);
  });

  it('keeps the words stopwords-iso lists that carry meaning here', () => {
    expect(contentStems('les personnes handicapées')).toHaveLength(2);
    expect(contentStems('ressources ouvertes')).toHaveLength(2);
  });

  it('maps a stem seen once to the frequent stem one edit away, not short ones', () => {
    const frequency = new Map([['enseign', 12], ['enseing', 1], ['maintenanc', 3], ['maintenenc', 1], ['don', 5], ['bon', 1]]);
    const corrections = typoCorrections(frequency);
    expect(Object.fromEntries(corrections)).toEqual({ maintenenc: 'maintenanc' });
    // A transposition is two edits: left alone.
    expect(editDistanceAtMost('enseing', 'enseign', 1)).toBe(false);
    expect(editDistanceAtMost('cybersecurite', 'cybersecurit', 1)).toBe(true);
  });
});
