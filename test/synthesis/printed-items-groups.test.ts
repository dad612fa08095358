/** The words and the order of a section that counts meetings (printed-items.ts), without a catalogue. */
import { describe, expect, it } from 'vitest';
import { byMeetingCount, meetingCountText, type PrintedItem } from '../../src-main/synthesis/printed-items.ts';

const item = (id: number, meetings: number, heading: string | null = null): PrintedItem => ({
  ref: { contributionId: id }, text: `n° ${id}`, kind: 'proposition', heading, scale: null, parentId: null, position: id, orderId: id,
  meetings, places: [],
});

describe('« évoquée dans N rencontres »', () => {
  it('names three places at most, then « … »; one meeting in the singular; none, nothing', () => {
    expect(meetingCountText({ meetings: 7, places: ['Charente', 'Vienne', 'Corrèze', 'Creuse'] })).toBe(' — évoquée dans 7 rencontres (Charente, Vienne, Corrèze…)');
    expect(meetingCountText({ meetings: 3, places: ['Charente', 'Vienne', 'Corrèze'] })).toBe(' — évoquée dans 3 rencontres (Charente, Vienne, Corrèze)');
    expect(meetingCountText({ meetings: 1, places: ['Vienne'] })).toBe(' — évoquée dans 1 rencontre (Vienne)');
    // A région's own meeting has no place to name.
    expect(meetingCountText({ meetings: 2, places: [] })).toBe(' — évoquée dans 2 rencontres');
    expect(meetingCountText({ meetings: 0, places: [] })).toBe('');
    expect(meetingCountText({ meetings: 2, places: ['Vienne'], kind: 'defi' })).toBe(' — évoqué dans 2 rencontres (Vienne)');
    expect(meetingCountText({ meetings: 2, places: ['Vienne'], kind: 'proposition' })).toBe(' — évoquée dans 2 rencontres (Vienne)');
  });

  it('writes large counts the French way', () => {
    expect(meetingCountText({ meetings: 1234, places: ['Gironde'] })).toBe(' — évoquée dans 1\u202F234 rencontres (Gironde)');
  });
});

describe('ordered by meetings', () => {
  it('puts the most raised first, the writer’s order between equals', () => {
    const ordered = byMeetingCount([item(1, 1), item(2, 3), item(3, 0), item(4, 3), item(5, 2)]);
    expect(ordered.map((i) => (i.ref as { contributionId: number }).contributionId)).toEqual([2, 4, 5, 1, 3]);
  });

  it('orders within each heading, never cutting a titled list in two', () => {
    const ordered = byMeetingCount([item(1, 1, 'Débits'), item(2, 4, 'Débits'), item(3, 9, 'Matériels'), item(4, 2, 'Matériels')]);
    expect(ordered.map((i) => [i.heading, i.meetings])).toEqual([['Débits', 4], ['Débits', 1], ['Matériels', 9], ['Matériels', 2]]);
  });
});
