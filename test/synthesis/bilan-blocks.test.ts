import { describe, expect, it } from 'vitest';
import { percentages } from '../../src-main/synthesis/bilan-blocks.ts';

describe('shares of the participants table', () => {
  it('rounds to whole percentages that add up to the Total row’s 100 %', () => {
    // Rounded one by one: 33 + 33 + 33 = 99.
    expect(percentages([1, 1, 1])).toEqual([34, 33, 33]);
    // Rounded one by one: 17 + 17 + 17 + 17 + 17 + 17 = 102.
    const six = percentages([1, 1, 1, 1, 1, 1]);
    expect(six.reduce((a, b) => a + b, 0)).toBe(100);
    expect(percentages([65, 100, 70, 90])).toEqual([20, 31, 21, 28]);
    expect(percentages([0, 0])).toEqual([0, 0]);
  });
});
