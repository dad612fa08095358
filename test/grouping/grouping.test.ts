import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupContributions } from '../../src-main/grouping/group.ts';
import { fixtureItems, fr2, pairScores } from './pair-metrics.ts';

const fixture = (name: string): string[][] => JSON.parse(readFileSync(join(__dirname, '../fixtures/grouping', name), 'utf8')).groups;

describe('groupContributions: pair precision and recall on paraphrased French propositions', () => {
  // Development sets (the engine was tuned on them): propositions.json and held-out.json written by the
  // engine's developer; blind.json, blind-2.json and blind-3.json written by helpers who never read the
  // grouping code, each measured once, then looked at. blind-4.json and blind-5.json, written the same way
  // (blind-5 on varied topics), were measured with the engine as tuned on the others, and never tuned on.
  // The goal is precision ≥ 0.8 and recall ≥ 0.6: the blind sets, as first measured, do not reach it
  // (docs/GROUPING.md); their floors are their figures, so that a change making them worse fails.
  for (const [name, atLeast, floor] of [
    ['propositions.json', { groups: 40, texts: 200 }, { precision: 0.8, recall: 0.6 }],
    ['held-out.json', { groups: 12, texts: 60 }, { precision: 0.8, recall: 0.6 }],
    ['blind.json', { groups: 16, texts: 70 }, { precision: 0.8, recall: 0.6 }],
    ['blind-2.json', { groups: 18, texts: 75 }, { precision: 0.8, recall: 0.6 }],
    ['blind-3.json', { groups: 18, texts: 75 }, { precision: 0.8, recall: 0.5 }],
    ['blind-4.json', { groups: 30, texts: 80 }, { precision: 0.6, recall: 0.35 }],
    ['blind-5.json', { groups: 30, texts: 80 }, { precision: 0.7, recall: 0.5 }],
  ] as const) {
    it(`${name}: precision ≥ ${floor.precision} and recall ≥ ${floor.recall}`, () => {
      const groups = fixture(name);
      const { items, truth } = fixtureItems(groups);
      expect(groups.length).toBeGreaterThanOrEqual(atLeast.groups);
      expect(items.length).toBeGreaterThanOrEqual(atLeast.texts);
      const found = groupContributions(items).groups;
      const { precision, recall } = pairScores(found.map((g) => g.members), truth);
      console.log(`${name} : ${items.length} textes, ${truth.length} groupes attendus, ${found.length} trouvés — précision ${fr2(precision)} — rappel ${fr2(recall)}`);
      expect(precision).toBeGreaterThanOrEqual(floor.precision);
      expect(recall).toBeGreaterThanOrEqual(floor.recall);
    });
  }

  it('puts every text in exactly one group, worded by one of its own members', () => {
    const { items } = fixtureItems(fixture('propositions.json'));
    const { groups } = groupContributions(items);
    const members = groups.flatMap((g) => g.members).sort((a, b) => a - b);
    expect(members).toEqual(items.map((i) => i.id));
    for (const g of groups) expect(g.members.map((id) => items[id]!.text)).toContain(g.wording);
  });

  it('is deterministic and orders groups by size, then by their first member', () => {
    const { items } = fixtureItems(fixture('propositions.json'));
    const first = groupContributions(items);
    expect(groupContributions(items)).toEqual(first);
    for (let k = 1; k < first.groups.length; k++) {
      const [prev, cur] = [first.groups[k - 1]!, first.groups[k]!];
      expect(prev.members.length > cur.members.length || (prev.members.length === cur.members.length && prev.members[0]! < cur.members[0]!)).toBe(true);
    }
  });

  it('words a group by its most central member', () => {
    const { groups } = groupContributions([
      { id: 'a', text: 'Former les enseignants au numérique.' },
      { id: 'b', text: 'Former les enseignants au numérique en formation continue.' },
      { id: 'c', text: 'Les enseignants doivent être formés au numérique, en formation continue.' },
      { id: 'd', text: 'Installer le wifi dans les classes.' },
    ]);
    expect(groups).toEqual([
      { wording: 'Former les enseignants au numérique en formation continue.', members: ['a', 'b', 'c'] },
      { wording: 'Installer le wifi dans les classes.', members: ['d'] },
    ]);
  });

  it('handles no contribution, and texts made only of stop words', () => {
    expect(groupContributions([])).toEqual({ groups: [] });
    expect(groupContributions([{ id: 1, text: 'Il faut que.' }, { id: 2, text: '…' }]).groups.map((g) => g.members)).toEqual([[1], [2]]);
  });
});
