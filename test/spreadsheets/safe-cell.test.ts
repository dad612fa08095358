/** A text written to a cell is XML-safe and never runs as a formula, whichever path it takes. */
import { describe, expect, it } from 'vitest';
import { safeCell } from '../../src-main/spreadsheets/safe-cell.ts';

describe('safeCell', () => {
  it('leaves ordinary French text as it is', () => {
    expect(safeCell('Élèves, « défis » et œuvres : 12 % — ok\nligne 2\ttab')).toBe('Élèves, « défis » et œuvres : 12 % — ok\nligne 2\ttab');
  });

  it('keeps a text starting like a formula from running', () => {
    expect(safeCell('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)");
    expect(safeCell('+33 1 23')).toBe("'+33 1 23");
    expect(safeCell('-moins')).toBe("'-moins");
    expect(safeCell('@cmd')).toBe("'@cmd");
    expect(safeCell('\tcaché')).toBe("'\tcaché");
  });

  it('removes what XML forbids, and what it leaves may still be a formula', () => {
    expect(safeCell('a\u0000b\u0007c\u007Fd\uFFFEe\uFFFF')).toBe('abcde');
    expect(safeCell('\u0001=1+1')).toBe("'=1+1");
    // A lone surrogate goes, a pair (an emoji) stays.
    expect(safeCell('x\uD800y\uDC00z')).toBe('xyz');
    expect(safeCell('bravo 👏')).toBe('bravo 👏');
  });
});
