import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors.ts';
import {
  joinPassages, MAX_PASSAGE_CHARS, passageRange, rangeKey, resolveRange, splitPlainText, toPassages,
} from '../../src-main/restitutions/passages.ts';

const TEXT = 'Défi 1 : l’école\r\ninclusive\n\n\n  Les élèves « éloignés »\u00A0 du   numérique.\u0001\n \nCréer un réseau de référents.\fFormer les enseignants.';

describe('splitPlainText', () => {
  it('cuts on blank lines and form feeds, joins lines, normalises spaces and removes control characters', () => {
    expect(splitPlainText(TEXT)).toEqual([
      { index: 0, text: 'Défi 1 : l’école inclusive', heading: false },
      { index: 1, text: 'Les élèves « éloignés » du numérique.', heading: false },
      { index: 2, text: 'Créer un réseau de référents.', heading: false },
      { index: 3, text: 'Former les enseignants.', heading: false },
    ]);
  });

  it('flags Markdown headings when asked, and keeps « # » as text otherwise', () => {
    const md = '# Rencontre de Tulle\nLe numérique.\n## Propositions ##\n- former\n- équiper';
    expect(splitPlainText(md, { markdown: true }).map((p) => [p.text, p.heading])).toEqual([
      ['Rencontre de Tulle', true],
      ['Le numérique.', false],
      ['Propositions', true],
      ['- former - équiper', false],
    ]);
    expect(splitPlainText(md)[0]!.text).toBe('# Rencontre de Tulle Le numérique. ## Propositions ## - former - équiper');
  });

  it('drops blocks left empty once cleaned, numbering the rest contiguously', () => {
    const passages = toPassages([{ text: '\u0007 \uFFFE', heading: true }, { text: 'Un', heading: false }, { text: '\uD800', heading: false }, { text: 'Deux', heading: true }]);
    expect(passages).toEqual([{ index: 0, text: 'Un', heading: false }, { index: 1, text: 'Deux', heading: true }]);
  });
});

describe('passageRange', () => {
  const passages = splitPlainText(TEXT);
  const whole = joinPassages(passages);

  it('points a selection inside one passage to its offsets, spaces at its edges left out', () => {
    const start = whole.indexOf(' « éloignés »');
    const range = passageRange(passages, start, start + ' « éloignés » '.length);
    expect(range).toEqual({ start: { passage: 1, offset: 11 }, end: { passage: 1, offset: 23 }, text: '« éloignés »' });
    expect(passageRange(passages, { passage: 1, offset: 11 }, { passage: 1, offset: 23 })).toEqual(range);
    expect(rangeKey(range)).toBe('1:11-1:23');
  });

  it('spans passages, joined by a blank line, and starts past a separator at the next passage', () => {
    const start = whole.indexOf('numérique.');
    const end = whole.indexOf('Former') - 2; // inside the separator before « Former »
    const range = passageRange(passages, start, end);
    expect(range.start).toEqual({ passage: 1, offset: passages[1]!.text.indexOf('numérique.') });
    expect(range.end).toEqual({ passage: 2, offset: passages[2]!.text.length });
    expect(range.text).toBe('numérique.\n\nCréer un réseau de référents.');
    const fromSeparator = passageRange(passages, whole.indexOf('Créer') - 1, whole.indexOf('Créer') + 5);
    expect(fromSeparator).toEqual({ start: { passage: 2, offset: 0 }, end: { passage: 2, offset: 5 }, text: 'Créer' });
  });

  it('resolves a kept reference in a new reading of the same text, and not in another one', () => {
    const range = passageRange(passages, whole.indexOf('réseau'), whole.indexOf('réseau') + 'réseau de référents'.length);
    expect(resolveRange(splitPlainText(TEXT), range)).toBe('réseau de référents');
    expect(resolveRange(splitPlainText(TEXT.replace('réseau', 'groupe')), range)).toBeNull();
    expect(resolveRange(passages.slice(0, 2), range)).toBeNull();
  });

  it('never cuts a character in two', () => {
    const emoji = splitPlainText('Un 🎓 diplôme');
    expect(passageRange(emoji, 4, 6).text).toBe('🎓');
    expect(passageRange(emoji, 3, 4).text).toBe('🎓');
  });

  it('refuses an empty, reversed, blank or out-of-text selection in French', () => {
    for (const [start, end] of [[5, 5], [8, 2], [whole.length, whole.length + 3], [whole.indexOf('\n\n'), whole.indexOf('\n\n') + 2]] as const) {
      expect(() => passageRange(passages, start, end)).toThrow(AppError);
    }
    expect(() => passageRange(passages, 5, 5)).toThrow(/Sélection impossible dans la restitution : la sélection est vide/);
    expect(() => passageRange(passages, { passage: 9, offset: 0 }, { passage: 9, offset: 2 })).toThrow(/passage 9, position 0\) n'existe pas/);
  });
});

describe('long texts', () => {
  it('cuts a block longer than MAX_PASSAGE_CHARS at a sentence end, the same way each time, losing nothing', () => {
    const sentence = 'Les familles du bassin manquent d’ordinateurs pour les devoirs. ';
    const block = sentence.repeat(Math.ceil((MAX_PASSAGE_CHARS * 2.5) / sentence.length)).trim();
    const passages = toPassages([{ text: block, heading: false }]);
    expect(passages.length).toBe(3);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      expect(p.text.endsWith('devoirs.') || p === passages.at(-1)).toBe(true);
    }
    expect(passages.map((p) => p.text).join(' ')).toBe(block);
    expect(toPassages([{ text: block, heading: false }])).toEqual(passages);
  });

  it('refuses, in French, a restitution longer than a bundle can carry', () => {
    const blocks = Array.from({ length: 300 }, () => ({ text: 'x '.repeat(9_000), heading: false }));
    expect(() => toPassages(blocks)).toThrow(/plus que les 5\u202F000\u202F000|plus que les 5 000 000/);
  });
});
