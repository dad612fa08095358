/** Stamping: what changed here since the last pass gets this catalogue's counter. */
import { describe, expect, it } from 'vitest';
import { canonical, type ExchangeRecord } from '../../src-main/exchange/record.ts';
import { stampRecords } from '../../src-main/exchange/stamp.ts';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const record = (fields: ExchangeRecord['fields'], clocks: ExchangeRecord['clocks'] = {}, deleted = false): ExchangeRecord => ({
  uid: 'cccccccc-0000-4000-8000-000000000003', kind: 'meeting', origin: A, fields, clocks, deleted,
});

describe('stampRecords', () => {
  it('ticks the fields changed here, enters new records with empty clocks, turns the missing into tombstones', () => {
    const before = record(base(), { title: { [B]: 1 } });
    const known = new Map([[before.uid, { fieldsText: canonical(before.fields), localText: canonical(before.fields), deleted: false, row: () => before }]]);
    const edited = { uid: before.uid, kind: 'meeting' as const, fields: { ...base(), declaredTotal: 91 } };
    const fresh = { uid: 'dddddddd-0000-4000-8000-000000000004', kind: 'meeting' as const, fields: base() };
    let counter = 6;
    const { writes } = stampRecords([edited, fresh], known, A, () => ++counter);
    expect(writes.map((w) => [w.record.uid, w.record.clocks])).toEqual([
      [before.uid, { title: { [B]: 1 }, declaredTotal: { [A]: 7 } }],
      [fresh.uid, {}],
    ]);
    const gone = stampRecords([], known, A, () => 9).writes[0]!.record;
    expect(gone).toMatchObject({ deleted: true, clocks: { _deleted: { [A]: 9 } } });
    // Nothing changed: nothing written, the counter untouched.
    expect(stampRecords([{ ...edited, fields: base() }], known, A, () => { throw new Error('no tick expected'); }).writes).toEqual([]);
  });
  function base() {
    return { title: 'Concertation', declaredTotal: 90 };
  }
});
