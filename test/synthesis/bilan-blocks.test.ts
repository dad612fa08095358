import { describe, expect, it } from 'vitest';
import { categoryBlocks, percentages, percentLabels } from '../../src-main/synthesis/bilan-blocks.ts';
import type { Bilan } from '../../src-main/contract/schemas/reports.ts';

const NBSP = '\u00A0';

describe('shares of the participants table, rounded honestly', () => {
  it('prints 30 of 90 as 33 %, never pushed to 34 % to make 100', () => {
    expect(percentages([30, 30, 30])).toEqual([33, 33, 33]);
    expect(percentLabels([30, 60])).toEqual([`33${NBSP}%`, `67${NBSP}%`]);
    expect(percentLabels([30], 90)).toEqual([`33${NBSP}%`]);
    // Each share stays its nearest whole number: 16.7 → 17, six times (102), none moved.
    expect(percentages([1, 1, 1, 1, 1, 1])).toEqual([17, 17, 17, 17, 17, 17]);
    expect(percentages([65, 100, 70, 90])).toEqual([20, 31, 22, 28]);
    expect(percentages([0, 0])).toEqual([0, 0]);
  });

  it('moves only shares exactly halfway, and only when the parts make up the whole', () => {
    // 12.5 % and 87.5 %: either way is as close; one goes up so that the table adds up.
    expect(percentages([1, 7])).toEqual([13, 87]);
    expect(percentages([1, 1, 1, 1, 1, 1, 1, 1])).toEqual([13, 13, 13, 13, 12, 12, 12, 12]);
    // Parts of a larger whole: each rounded half up, nothing forced.
    expect(percentages([1, 1], 8)).toEqual([13, 13]);
    expect(percentages([1, 1], 3)).toEqual([33, 33]);
  });

  it('never prints 0 % for a part that is not nothing, nor 100 % for one that is not everything', () => {
    expect(percentLabels([3, 747])).toEqual([`<${NBSP}1${NBSP}%`, `>${NBSP}99${NBSP}%`]);
    expect(percentLabels([3], 750)).toEqual([`<${NBSP}1${NBSP}%`]);
    expect(percentLabels([0, 750])).toEqual([`0${NBSP}%`, `100${NBSP}%`]);
  });

  it('says under the table when its rounded shares do not add up to 100 %', () => {
    const bilan = {
      categories: [
        { code: 'eleves', label: 'Élèves', participants: 30 },
        { code: 'parents', label: 'Parents', participants: 30 },
        { code: 'enseignants', label: 'Enseignants', participants: 30 },
      ],
      totals: { secondLevelMeetings: 1, etablissementMeetings: 0, participants: 90, etablissementParticipants: 0 },
      meetingsWithCategories: 1,
    } as unknown as Bilan;
    const [table, note] = categoryBlocks(bilan);
    expect(table).toMatchObject({ rows: [['Élèves', '30', `33${NBSP}%`], ['Parents', '30', `33${NBSP}%`], ['Enseignants', '30', `33${NBSP}%`]], total: ['Total', '90', `100${NBSP}%`] });
    expect(JSON.stringify(note)).toContain(`leur somme fait 99${NBSP}% et non 100${NBSP}%`);
  });
});
