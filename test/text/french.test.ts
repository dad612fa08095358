import { describe, expect, it } from 'vitest';
import { cleanForXml, findForbiddenCharacter } from '../../src-main/text/clean.ts';
import { frenchDate, frenchNumber, frenchSpacing, safeFileStem } from '../../src-main/text/french.ts';

describe('French typography', () => {
  it('writes dates the French way', () => {
    expect(frenchDate('2020-10-14')).toBe('14\u00A0octobre 2020');
    expect(frenchDate('2015-03-01')).toBe('1er\u00A0mars 2015');
    expect(frenchDate('2020-02-29')).toBe('29\u00A0février 2020');
  });

  it('groups thousands with a narrow no-break space', () => {
    expect(frenchNumber(3000)).toBe('3\u202F000');
    expect(frenchNumber(425)).toBe('425');
  });

  it('puts no-break spaces before double punctuation, and leaves web addresses alone', () => {
    expect(frenchSpacing('Contact : a@b.fr')).toBe('Contact\u00A0: a@b.fr');
    expect(frenchSpacing('Débits: vite')).toBe('Débits\u00A0: vite');
    expect(frenchSpacing('Comment faire ?')).toBe('Comment faire\u202F?');
    expect(frenchSpacing('« ENT »')).toBe('«\u00A0ENT\u00A0»');
    expect(frenchSpacing("l'école d'aujourd'hui")).toBe('l\u2019école d\u2019aujourd\u2019hui');
    expect(frenchSpacing("https://exemple.fr/l'adresse")).toBe("https://exemple.fr/l'adresse");
    expect(frenchSpacing('Vidéo : https://ent2d.ac-bordeaux.fr/mediacad/m/24061')).toBe(
      'Vidéo\u00A0: https://ent2d.ac-bordeaux.fr/mediacad/m/24061',
    );
  });

  it('makes file names safe on Windows, macOS and Linux', () => {
    expect(safeFileStem('Nouvelle-Aquitaine')).toBe('Nouvelle-Aquitaine');
    expect(safeFileStem("Provence-Alpes-Côte d'Azur")).toBe('Provence-Alpes-Cote_d_Azur');
    expect(safeFileStem('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j');
  });
});

describe('text hygiene', () => {
  it('finds the characters that corrupt Word and Excel files, with their position', () => {
    expect(findForbiddenCharacter('abc\u0007def')).toEqual({ position: 4, code: 'U+0007' });
    expect(findForbiddenCharacter('ok\uFFFE')).toEqual({ position: 3, code: 'U+FFFE' });
    expect(findForbiddenCharacter('lone \uD800 surrogate')).toEqual({ position: 6, code: 'U+D800' });
    expect(findForbiddenCharacter('tab\tand\nnew line, émoji 👍')).toBeNull();
  });

  it('cleans them before writing', () => {
    expect(cleanForXml('a\u0000b\uFFFFc\uDC00d')).toBe('abcd');
    expect(cleanForXml('👍 déjà')).toBe('👍 déjà');
  });
});
