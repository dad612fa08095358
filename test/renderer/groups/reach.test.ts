/** The Regroupements screen's pure pieces: a group's reach in words, and the keys of the list. */
import { describe, expect, it } from 'vitest';
import { reachText } from '../../../src-renderer/features/groups/reach.ts';
import { groupCommand } from '../../../src-renderer/features/groups/shortcuts.ts';

const none = { ctrlKey: false, altKey: false, metaKey: false };

describe('reachText', () => {
  it('says how many meetings and where, three places then « … »', () => {
    expect(reachText({ meetings: 7, departements: ['Charente', 'Vienne', 'Corrèze', 'Creuse'], academies: ['Poitiers', 'Limoges'] }))
      .toBe('évoquée dans 7 rencontres (Charente, Vienne, Corrèze…)');
    expect(reachText({ meetings: 1, departements: ['Vienne'], academies: ['Poitiers'] })).toBe('évoquée dans 1 rencontre (Vienne)');
    // Académie-wide meetings only: the académies.
    expect(reachText({ meetings: 2, departements: [], academies: ['Limoges'] })).toBe('évoquée dans 2 rencontres (Limoges)');
    expect(reachText({ meetings: 0, departements: [], academies: [] })).toBe('aucune rencontre d’origine indiquée');
  });
});

describe('groupCommand', () => {
  it('maps the documented keys, either case, and leaves modified keys to the browser', () => {
    expect(['ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter', ' ', 'r', 'E', 's', 'F', 'l'].map((k) => groupCommand(k, none))).toEqual([
      'previous', 'next', 'first', 'last', 'select', 'select', 'retain', 'setAside', 'split', 'merge', 'rename',
    ]);
    expect(groupCommand('r', { ...none, ctrlKey: true })).toBeNull();
    expect(groupCommand('x', none)).toBeNull();
  });
});
