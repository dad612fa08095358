/** Version vectors: which side has seen the other's changes. */
import { describe, expect, it } from 'vitest';
import { compareClocks, joinClocks, tick } from '../../src-main/exchange/clock.ts';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';

describe('clocks', () => {
  it('order changes: seen, unseen, concurrent', () => {
    expect(compareClocks({}, {})).toBe('equal');
    expect(compareClocks({ [A]: 1 }, { [A]: 2 })).toBe('before');
    expect(compareClocks({ [A]: 2, [B]: 1 }, { [A]: 2 })).toBe('after');
    expect(compareClocks({ [A]: 1 }, { [B]: 1 })).toBe('concurrent');
    expect(joinClocks({ [B]: 3, [A]: 1 }, { [A]: 2 })).toEqual({ [A]: 2, [B]: 3 });
    expect(Object.keys(tick({ [B]: 1 }, A, 4))).toEqual([A, B]);
  });
});
