/** The meeting form says, as the atelier's count is typed, what the 2015 kit's pre-flight will say. */
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../src-main/contract/schemas/campaign.ts';
import { checkMeeting } from '../../src-renderer/features/meetings/meeting-checks.ts';
import { emptyDraft, type MeetingDraft } from '../../src-renderer/features/meetings/meeting-draft.ts';

const campaign = (slug: string) => ({
  id: 1, slug, title: 'Concertation', shortTitle: 'Concertation', startDate: '2015-01-26', endDate: '2015-03-09', reserveDate: '2015-02-08',
  description: '', thematiques: [],
}) as Campaign;

function draft(participants: string[]): MeetingDraft {
  return {
    ...emptyDraft(), level: 'etablissement', date: '2015-02-04', declaredTotal: '60',
    ateliers: participants.map((p, i) => ({ key: `a${i}`, thematiqueId: 1, defi: '', participants: p })),
  };
}

describe('the meeting form and the kit’s ateliers of 15 people at most', () => {
  it('flags an atelier of 22 in the 2015 consultation, not one of 15', () => {
    const checks = checkMeeting(draft(['15', '22']), campaign('concertation-2015'));
    expect(checks.ateliers).toEqual({ a1: 'L’atelier 2 compte 22 participants : le kit 2015 prévoit des ateliers de 15 personnes ou moins.' });
  });

  it('leaves another consultation’s ateliers alone', () => {
    expect(checkMeeting(draft(['15', '22']), campaign('egn-2020')).ateliers).toEqual({});
  });
});
