/** The reading view's marks: a passage cut where contributions start and end, and the text between two points. */
import { describe, expect, it } from 'vitest';
import type { RestitutionCut } from '../../../src-main/contract/schemas/restitutions.ts';
import { segmentsOf, textBetween } from '../../../src-renderer/features/restitutions/selection.ts';

const PASSAGES = [
  { index: 0, text: 'Constats', heading: true },
  { index: 1, text: 'Les familles manquent d’équipement.', heading: false },
  { index: 2, text: 'Prêter des ordinateurs.', heading: false },
];
const cut = (kind: RestitutionCut['kind'], start: [number, number], end: [number, number]): RestitutionCut => ({
  contributionId: 1, thematiqueId: 1, kind, review: 'a_traiter', text: '',
  start: { passage: start[0], offset: start[1] }, end: { passage: end[0], offset: end[1] },
});

describe('segmentsOf', () => {
  it('keeps the passage’s text whole, the covered stretches marked with their contributions', () => {
    const a = cut('etat_des_lieux', [1, 4], [1, 12]);
    const b = cut('proposition', [1, 8], [2, 6]);
    const segments = segmentsOf(PASSAGES[1]!, [a, b]);
    expect(segments.map((s) => s.text).join('')).toBe(PASSAGES[1]!.text);
    expect(segments.map((s) => [s.text, s.cuts.map((c) => c.kind)])).toEqual([
      ['Les ', []], ['fami', ['etat_des_lieux']], ['lles', ['etat_des_lieux', 'proposition']], [' manquent d’équipement.', ['proposition']],
    ]);
    expect(segmentsOf(PASSAGES[2]!, [a, b]).map((s) => [s.text, s.cuts.length])).toEqual([['Prêter', 1], [' des ordinateurs.', 0]]);
    expect(segmentsOf(PASSAGES[0]!, [a, b])).toEqual([{ text: 'Constats', cuts: [] }]);
  });
});

describe('textBetween', () => {
  it('joins passages by a blank line, as the service does', () => {
    expect(textBetween(PASSAGES, { passage: 1, offset: 22 }, { passage: 2, offset: 6 })).toBe('d’équipement.\n\nPrêter');
    expect(textBetween(PASSAGES, { passage: 2, offset: 0 }, { passage: 2, offset: 6 })).toBe('Prêter');
  });
});
