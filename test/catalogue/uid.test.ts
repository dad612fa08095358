import { describe, expect, it } from 'vitest';
import { orderedUid, UID_PATTERN } from '../../src-main/catalogue/uid.ts';

describe('orderedUid', () => {
  it('sorts in creation order, within one millisecond too, and has the shape of every identity', () => {
    const made = [orderedUid(1_700_000_000_000), orderedUid(1_700_000_000_000), orderedUid(1_700_000_000_000), orderedUid(1_700_000_000_001)];
    made.push(...Array.from({ length: 50 }, () => orderedUid()));
    for (const uid of made) expect(uid).toMatch(UID_PATTERN);
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });

  it('never goes back when the clock does', () => {
    const later = orderedUid(Date.now() + 60_000);
    expect(orderedUid(Date.now()) > later).toBe(true);
  });
});
