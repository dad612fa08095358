import { beforeAll, describe, expect, it } from 'vitest';
import type { Bilan } from '../../src-main/contract/schemas/reports.ts';
import { demoCatalogue, type TestCatalogue } from '../support/catalogue.ts';

/** Seed 004's Bilan des rencontres, the figures the demo must reproduce exactly. */
describe('stats.bilan on the demo catalogue (seed 004)', () => {
  let demo: TestCatalogue & { campaignId: number };
  let bilan: Bilan;
  beforeAll(async () => {
    demo = await demoCatalogue();
    bilan = await demo.call('stats.bilan', { campaignId: demo.campaignId });
  });

  const byName = (name: string) => bilan.rows.find((a) => a.name === name)!;

  it('counts the ZAP / ECLORE meetings: 29 Poitiers, 14 Limoges, 24 Bordeaux', () => {
    expect(byName('Poitiers').bassinMeetings).toBe(29);
    expect(byName('Limoges').bassinMeetings).toBe(14);
    expect(byName('Bordeaux').bassinMeetings).toBe(24);
    expect(bilan.totals.bassinMeetings).toBe(67);
    expect(byName('Poitiers').bassinKinds).toEqual(['ECLORE']);
    expect(byName('Bordeaux').bassinKinds).toEqual(['ZAP']);
  });

  it('counts the participants of 14 October 2020: 425 in 5 départements, 50, 325 in 4 départements, 800 in all', () => {
    expect(byName('Bordeaux')).toMatchObject({ participants: 425, departements: 5, secondLevelMeetings: 5, academiqueLevel: false });
    expect(byName('Limoges')).toMatchObject({ participants: 50, departements: 0, secondLevelMeetings: 1, academiqueLevel: true });
    expect(byName('Poitiers')).toMatchObject({ participants: 325, departements: 4, secondLevelMeetings: 4 });
    expect(bilan.totals).toMatchObject({ participants: 800, secondLevelMeetings: 10, departements: 9 });
    expect(bilan.secondLevelDates).toEqual(['2020-10-14']);
    expect(bilan.regionName).toBe('Nouvelle-Aquitaine');
  });

  it('says which figure it used: every second-level meeting declared its total', () => {
    expect(bilan.totals.meetingsWithDeclaredTotal).toBe(10);
    expect(bilan.totals.meetingsCountedByCategories).toBe(0);
  });

  it('uses the sum of the categories when a meeting declares no total, and says so', async () => {
    const { call, campaignId } = demo;
    const [meeting] = (await call('meetings.list', { campaignId, departementCode: '86', level: 'departemental', limit: 500 })).items;
    const attendanceSum = Object.values(meeting!.attendance).reduce((a, b) => a + (b ?? 0), 0);
    await call('meetings.update', { id: meeting!.id, declaredTotal: null, attendance: { ...meeting!.attendance, eleves: (meeting!.attendance.eleves ?? 0) + 7 } });
    try {
      const after = await call('stats.bilan', { campaignId });
      expect(after.rows.find((a) => a.name === 'Poitiers')!.participants).toBe(325 - meeting!.declaredTotal! + attendanceSum + 7);
      expect(after.totals.meetingsCountedByCategories).toBe(1);
    } finally {
      // The demo is shared by this file's tests: put the meeting back whatever happened.
      await call('meetings.update', { id: meeting!.id, declaredTotal: meeting!.declaredTotal, attendance: meeting!.attendance });
    }
  });

  it('keeps every category breakdown consistent with its declared total', async () => {
    const meetings = (await demo.call('meetings.list', { campaignId: demo.campaignId, level: 'departemental', limit: 500 })).items;
    expect(meetings).toHaveLength(9);
    for (const m of meetings) {
      const sum = Object.values(m.attendance).reduce((a, b) => a + (b ?? 0), 0);
      expect(sum, m.title).toBe(m.declaredTotal);
    }
  });
});
