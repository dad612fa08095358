/**
 * Issue 13's records as they travel: a contribution's group, passage and pending state only when set
 * (absent is null, so older records keep their text), the new kinds checked as the forms would check
 * them, and an emptied optional field merged as the edit it is.
 */
import { describe, expect, it } from 'vitest';
import { mergeRecord } from '../../src-main/exchange/merge-record.ts';
import { FIELD_SCHEMAS } from '../../src-main/exchange/record-schemas.ts';
import { canonical, type ExchangeRecord } from '../../src-main/exchange/record.ts';
import { stampRecords } from '../../src-main/exchange/stamp.ts';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const G = 'dddddddd-0000-4000-8000-000000000004';
const R = 'eeeeeeee-0000-4000-8000-000000000005';
const UID = 'cccccccc-0000-4000-8000-000000000003';

const contribution = {
  campaign: 'egn-2020', thematique: 2, kind: 'proposition', text: 'Associer les familles', heading: null, scale: null, parent: null,
  selected: false, position: 0, sources: [],
};
const passage = { restitution: R, start: { passage: 1, offset: 0 }, end: { passage: 1, offset: 12 }, text: 'Les parents d' };
const record = (fields: ExchangeRecord['fields'], clocks: ExchangeRecord['clocks'] = {}): ExchangeRecord => ({
  uid: UID, kind: 'contribution', origin: A, fields, clocks, deleted: false,
});

describe('provenance fields of a received contribution', () => {
  it('keeps a contribution without them as it was, and drops a null one', () => {
    const plain = FIELD_SCHEMAS.contribution.parse(contribution);
    expect(canonical(plain as never)).toBe(canonical(contribution as never));
    expect(FIELD_SCHEMAS.contribution.parse({ ...contribution, group: null, passage: null, pending: null })).toEqual(plain);
    expect(FIELD_SCHEMAS.contribution.parse({ ...contribution, group: G, passage, pending: true })).toMatchObject({ group: G, passage, pending: true });
  });

  it('refuses a passage that ends before it starts, a pending state other than true, an unknown field', () => {
    const refused = (fields: object) => FIELD_SCHEMAS.contribution.safeParse({ ...contribution, ...fields }).success;
    expect(refused({ passage: { ...passage, end: { passage: 0, offset: 3 } } })).toBe(false);
    expect(refused({ pending: false })).toBe(false);
    expect(refused({ restitution: R })).toBe(false);
    expect(refused({ passage: { ...passage, restitution: 'pas-un-uid' } })).toBe(false);
  });

  it('checks restitutions, groups and history entries as the forms would', () => {
    const restitution = {
      meeting: UID, fileName: 'restitution.docx', format: 'docx', sha256: 'a'.repeat(64), addedAt: '2020-10-20T10:00:00.000Z',
      passages: [{ text: 'Atelier 2', heading: true }, { text: 'Les parents demandent…', heading: false }],
    };
    expect(FIELD_SCHEMAS.restitution.safeParse(restitution).success).toBe(true);
    expect(FIELD_SCHEMAS.restitution.safeParse({ ...restitution, passages: [{ text: 'Un\u0001 passage', heading: false }] }).success).toBe(false);
    expect(FIELD_SCHEMAS.restitution.safeParse({ ...restitution, format: 'exe' }).success).toBe(false);
    const group = { campaign: 'egn-2020', thematique: 2, kind: 'proposition', wording: 'Associer les familles', review: 'retenue', position: 0 };
    expect(FIELD_SCHEMAS.contributionGroup.safeParse(group).success).toBe(true);
    expect(FIELD_SCHEMAS.contributionGroup.safeParse({ ...group, review: 'validee' }).success).toBe(false);
    const event = { contribution: UID, group: null, at: '2020-10-20T10:00:00.000Z', who: 'DSDEN de la Vienne', what: 'etat', from: 'a_traiter', to: 'retenue' };
    expect(FIELD_SCHEMAS.reviewEvent.safeParse(event).success).toBe(true);
    expect(FIELD_SCHEMAS.reviewEvent.safeParse({ ...event, group: G }).success).toBe(false);
    expect(FIELD_SCHEMAS.reviewEvent.safeParse({ ...event, contribution: null }).success).toBe(false);
  });
});

describe('merging provenance fields', () => {
  it('takes a group emptied elsewhere as an edit, and leaves no null behind', () => {
    const local = record({ ...contribution, group: G }, { group: { [A]: 1 } });
    const incoming = record(contribution, { group: { [A]: 1, [B]: 2 } });
    const outcome = mergeRecord(local, incoming);
    expect(outcome.status).toBe('updated');
    expect(outcome.record.fields).toEqual(contribution);
    expect(outcome.record.clocks.group).toEqual({ [A]: 1, [B]: 2 });
    // Merged the other way round, the emptying has seen the group: nothing to take.
    expect(mergeRecord(incoming, local)).toMatchObject({ status: 'unchanged', conflicts: [] });
    // Emptied on both sides: the clocks still join, so that a group set later has seen both emptyings.
    const elsewhere = record(contribution, { group: { [A]: 1, [G]: 3 } });
    expect(mergeRecord(outcome.record, elsewhere).record.clocks.group).toEqual({ [A]: 1, [B]: 2, [G]: 3 });
  });

  it('takes a value a catalogue (or an older version) never had, whichever side holds it', () => {
    const withPassage = record({ ...contribution, passage });
    const without = record(contribution);
    expect(mergeRecord(without, withPassage)).toMatchObject({ status: 'updated', conflicts: [], record: { fields: { ...contribution, passage } } });
    expect(mergeRecord(withPassage, without)).toMatchObject({ status: 'unchanged', conflicts: [], record: { fields: { ...contribution, passage } } });
  });

  it('stamps a group taken away here as an emptied field, not a null', () => {
    const before = record({ ...contribution, group: G });
    const known = new Map([[UID, { fieldsText: canonical(before.fields), localText: canonical(before.fields), deleted: false, row: () => before }]]);
    const { writes } = stampRecords([{ uid: UID, kind: 'contribution', fields: contribution }], known, A, () => 7);
    expect(writes).toHaveLength(1);
    expect(writes[0]!.record.fields).toEqual(contribution);
    expect(writes[0]!.record.clocks).toEqual({ group: { [A]: 7 } });
    expect(writes[0]!.fieldsText).toBe(writes[0]!.localText);
  });
});

describe('a received map of thématiques', () => {
  const map = { fromCampaign: 'concertation-2015', toCampaign: 'egn-2020', pairs: [{ from: 1, to: 1 }, { from: 1, to: 2 }, { from: 3, to: 4 }], savedAt: '2020-10-20T10:00:00.000Z' };
  const accepted = (fields: object) => FIELD_SCHEMAS.thematiqueMap.safeParse({ ...map, ...fields }).success;

  it('takes its pairs in order, none at all included', () => {
    expect(FIELD_SCHEMAS.thematiqueMap.parse(map)).toEqual(map);
    expect(accepted({ pairs: [] })).toBe(true);
  });

  it('refuses pairs out of order or repeated, a thématique number out of range, one consultation twice, an unknown field', () => {
    expect(accepted({ pairs: [{ from: 3, to: 4 }, { from: 1, to: 1 }] })).toBe(false);
    expect(accepted({ pairs: [{ from: 1, to: 1 }, { from: 1, to: 1 }] })).toBe(false);
    expect(accepted({ pairs: [{ from: 0, to: 1 }] })).toBe(false);
    expect(accepted({ toCampaign: 'concertation-2015' })).toBe(false);
    expect(accepted({ savedAt: 'hier' })).toBe(false);
    expect(accepted({ pairs: [{ from: 1, to: 1, note: 'x' }] })).toBe(false);
    expect(accepted({ links: [] })).toBe(false);
  });
});
