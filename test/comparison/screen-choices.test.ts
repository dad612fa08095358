import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../src-main/contract/schemas/campaign.ts';
import { defaultPair, linksKey, meetingsText, noneText } from '../../src-renderer/features/comparison/comparison-choices.ts';

const campaign = (id: number, slug: string, startDate: string): Campaign => ({
  id, slug, title: slug, shortTitle: slug, startDate, endDate: startDate, reserveDate: null, description: '', thematiques: [],
});
const c2015 = campaign(1, 'concertation-2015', '2015-01-20');
const c2020 = campaign(2, 'egn-2020', '2020-09-01');
const c2022 = campaign(3, 'autre-2022', '2022-01-10');

describe('what the Comparaison screen proposes first', () => {
  it('compares the active consultation with 2015', () => {
    expect(defaultPair([c2020, c2015, c2022], c2022)).toEqual({ fromId: 1, toId: 3 });
    expect(defaultPair([c2015, c2020], c2020)).toEqual({ fromId: 1, toId: 2 });
  });

  it('else with the latest one before it, else any other; nothing alone', () => {
    expect(defaultPair([c2015, c2020, c2022], c2015)).toEqual({ fromId: 2, toId: 1 });
    expect(defaultPair([c2020, c2022], c2022)).toEqual({ fromId: 2, toId: 3 });
    expect(defaultPair([c2020, c2022], null)).toEqual({ fromId: 2, toId: 3 });
    expect(defaultPair([c2020], c2020)).toBeNull();
    expect(defaultPair([], null)).toBeNull();
  });

  it('words counts and empty lists in French', () => {
    expect([meetingsText(0), meetingsText(1), meetingsText(7)]).toEqual(['aucune rencontre citée', '1\u00A0rencontre', '7\u00A0rencontres']);
    expect([noneText('proposition'), noneText('defi')]).toEqual(['Aucune.', 'Aucun.']);
    expect(linksKey([{ fromThematiqueId: 2, toThematiqueId: 1 }, { fromThematiqueId: 1, toThematiqueId: 3 }])).toBe(linksKey([{ fromThematiqueId: 1, toThematiqueId: 3 }, { fromThematiqueId: 2, toThematiqueId: 1 }]));
  });
});
