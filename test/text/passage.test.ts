import { describe, expect, it } from 'vitest';
import { passage } from '../../src-main/text/passage.ts';

describe('passage: why a text was found, as snippet() would show it', () => {
  it('marks the words found from their start, accents and case folded, and keeps the text as written', () => {
    expect(passage(['Une école numérique pour tous.'], ['ecole', 'numeri'])).toBe('Une [école] [numérique] pour tous.');
    expect(passage(['Rencontre à l’École Jules-Ferry'], ['ecole'])).toBe('Rencontre à l’[École] Jules-Ferry');
  });

  it('cuts a long text around the words found, with … where it goes on', () => {
    const words = Array.from({ length: 40 }, (_, i) => `mot${i}`);
    const text = `${words.slice(0, 20).join(' ')} tablettes ${words.slice(20).join(' ')}.`;
    const shown = passage([text], ['tablette'], 6);
    expect(shown).toBe('…[tablettes] mot20 mot21 mot22 mot23 mot24…');
    expect(passage([text], ['mot0'], 4)).toBe('[mot0] mot1 mot2 mot3…');
  });

  it('picks the column and the window holding the most distinct words found', () => {
    expect(passage(['Débit', 'Le débit en zone rurale reste faible.'], ['debit', 'rural'])).toBe('Le [débit] en zone [rurale] reste faible.');
    expect(passage(['numérique a b c d e f numérique école'], ['numerique', 'ecole'], 4)).toBe('…e f [numérique] [école]');
    expect(passage(['a b c numérique d e f g h i j k école'], ['numerique', 'ecole'], 4)).toBe('a b c [numérique]…');
  });

  it('says what the text is when no word is found (a hit through another column)', () => {
    expect(passage(['', 'Lycée Montaigne Bordeaux'], ['zzz'])).toBe('Lycée Montaigne Bordeaux');
  });
});
