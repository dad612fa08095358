/** Bundles in words: their contents, a file name. */
import { describe, expect, it } from 'vitest';
import { describeCounts, fileStem } from '../../../src-renderer/features/exchange/bundleWords.ts';

describe('bundles in words', () => {
  it('says what a bundle carries, in the order of the records, deletions last', () => {
    expect(describeCounts({ contribution: 37, meeting: 13, deleted: 2, campaign: 1 }))
      .toBe('1 consultation, 13 rencontres, 37 contributions, 2 suppressions');
    expect(describeCounts({})).toBe('aucun enregistrement');
  });

  it('makes a file name any file system takes', () => {
    expect(fileStem('DANE de l’académie de Poitiers')).toBe('DANE-de-l-academie-de-Poitiers');
    expect(fileStem('  ')).toBe('catalogue');
  });
});
