/** The merge of one record, field by field, on hand-made clocks: what each case keeps and reports. */
import { describe, expect, it } from 'vitest';
import { compareClocks } from '../../src-main/exchange/clock.ts';
import { mergeRecord, settleField } from '../../src-main/exchange/merge-record.ts';
import type { ExchangeRecord } from '../../src-main/exchange/record.ts';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const record = (fields: ExchangeRecord['fields'], clocks: ExchangeRecord['clocks'] = {}, deleted = false): ExchangeRecord => ({
  uid: 'cccccccc-0000-4000-8000-000000000003', kind: 'meeting', origin: A, fields, clocks, deleted,
});

describe('mergeRecord', () => {
  const base = { title: 'Concertation', declaredTotal: 90 };

  it('takes a field changed on the other side only, keeps one changed here only', () => {
    const local = record({ ...base, title: 'Concertation (Poitiers)' }, { title: { [A]: 1 } });
    const incoming = record({ ...base, declaredTotal: 95 }, { declaredTotal: { [B]: 1 } });
    const { record: merged, status, changed, conflicts } = mergeRecord(local, incoming);
    expect(merged.fields).toEqual({ title: 'Concertation (Poitiers)', declaredTotal: 95 });
    expect(merged.clocks).toEqual({ title: { [A]: 1 }, declaredTotal: { [B]: 1 } });
    expect({ status, changed, conflicts }).toEqual({ status: 'updated', changed: ['declaredTotal'], conflicts: [] });
  });

  it('reports different changes of one field as a conflict and keeps the local value', () => {
    const local = record({ ...base, declaredTotal: 92 }, { declaredTotal: { [A]: 1 } });
    const incoming = record({ ...base, declaredTotal: 95 }, { declaredTotal: { [B]: 1 } });
    const outcome = mergeRecord(local, incoming);
    expect(outcome.record.fields.declaredTotal).toBe(92);
    expect(outcome.conflicts).toEqual([{ field: 'declaredTotal', local: 92, incoming: 95, incomingClock: { [B]: 1 }, localClock: { [A]: 1 } }]);
    expect(outcome.status).toBe('unchanged');
  });

  it('counts the same change made on both sides once', () => {
    const local = record({ ...base, declaredTotal: 95 }, { declaredTotal: { [A]: 1 } });
    const incoming = record({ ...base, declaredTotal: 95 }, { declaredTotal: { [B]: 1 } });
    const outcome = mergeRecord(local, incoming);
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.record.clocks.declaredTotal).toEqual({ [A]: 1, [B]: 1 });
  });

  it('lets a deletion win over what it saw, and meet an edit it never saw as a conflict', () => {
    const seen = mergeRecord(record(base, { title: { [A]: 1 } }), record(base, { title: { [A]: 1 }, _deleted: { [B]: 1 } }, true));
    expect(seen).toMatchObject({ status: 'deleted', conflicts: [] });
    const unseen = mergeRecord(record(base, { title: { [A]: 2 } }), record(base, { title: { [A]: 1 }, _deleted: { [B]: 1 } }, true));
    expect(unseen.status).toBe('unchanged');
    expect(unseen.record.deleted).toBe(false);
    expect(unseen.conflicts).toEqual([{ field: '_deleted', local: false, incoming: true, incomingClock: { [B]: 1 }, localClock: {} }]);
  });

  it('settles a conflict with a clock that has seen both sides', () => {
    const local = record({ ...base, declaredTotal: 92 }, { declaredTotal: { [A]: 1 } });
    const settled = settleField(local, 'declaredTotal', 'recu', 95, { [B]: 1 }, A, 2);
    expect(settled.fields.declaredTotal).toBe(95);
    expect(compareClocks(settled.clocks.declaredTotal!, { [B]: 1 })).toBe('after');
    expect(compareClocks(settled.clocks.declaredTotal!, { [A]: 1 })).toBe('after');
  });
});

describe('mergeRecord on a field that says when (a saved map’s date)', () => {
  const map = (pairs: { from: number; to: number }[], savedAt: string, clocks: ExchangeRecord['clocks']): ExchangeRecord => ({
    uid: 'dddddddd-0000-4000-8000-000000000004', kind: 'thematiqueMap', origin: A,
    fields: { fromCampaign: 'concertation-2015', toCampaign: 'egn-2020', pairs, savedAt }, clocks, deleted: false,
  });

  it('keeps the later date whichever side merges first, and asks only about the pairs', () => {
    const here = map([{ from: 1, to: 1 }], '2020-10-21T09:00:00.000Z', { pairs: { [A]: 1 }, savedAt: { [A]: 1 } });
    const there = map([{ from: 2, to: 3 }], '2020-10-22T09:00:00.000Z', { pairs: { [B]: 1 }, savedAt: { [B]: 1 } });
    const ab = mergeRecord(here, there);
    const ba = mergeRecord(there, here);
    expect(ab.conflicts.map((c) => c.field)).toEqual(['pairs']);
    expect(ba.conflicts.map((c) => c.field)).toEqual(['pairs']);
    expect([ab.record.fields.savedAt, ba.record.fields.savedAt]).toEqual(['2020-10-22T09:00:00.000Z', '2020-10-22T09:00:00.000Z']);
    expect(ab.record.clocks.savedAt).toEqual(ba.record.clocks.savedAt);
    expect([ab.changed, ba.changed]).toEqual([['savedAt'], []]);
    // Merged again: nothing more to take.
    expect(mergeRecord(ab.record, there)).toMatchObject({ status: 'unchanged', changed: [] });
  });

  it('asks nothing when both saved the same pairs', () => {
    const here = map([{ from: 1, to: 1 }], '2020-10-22T09:00:00.000Z', { pairs: { [A]: 1 }, savedAt: { [A]: 1 } });
    const there = map([{ from: 1, to: 1 }], '2020-10-21T09:00:00.000Z', { pairs: { [B]: 1 }, savedAt: { [B]: 1 } });
    const outcome = mergeRecord(here, there);
    expect(outcome).toMatchObject({ status: 'unchanged', conflicts: [] });
    expect(outcome.record.fields.savedAt).toBe('2020-10-22T09:00:00.000Z');
  });
});
