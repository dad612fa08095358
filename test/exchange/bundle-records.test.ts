/**
 * A bundle's records are read a chunk at a time, in the order a merge takes them (kinds in RECORD_KINDS
 * order, the file's order within a kind), each line checked as it is read.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { bassinUid, settingUid } from '../../src-main/catalogue/repos/exchange-records.repo.ts';
import { bundleContent, packBundle, readBundle } from '../../src-main/exchange/bundle.ts';
import type { ExchangeRecord } from '../../src-main/exchange/record.ts';
import { newKeyPair } from '../../src-main/exchange/signing.ts';

const ORIGIN = '00000000-0000-4000-8000-000000000001';
const bassin = (nom: string, deleted = false): ExchangeRecord => ({
  uid: bassinUid('86', nom), kind: 'bassin', origin: ORIGIN, fields: { departementCode: '86', kind: 'ZAP', nom }, clocks: { nom: { [ORIGIN]: 1 } }, deleted,
});
const contact: ExchangeRecord = { uid: settingUid('contact'), kind: 'setting', origin: ORIGIN, fields: { key: 'contact', value: 'dane@ac-poitiers.fr' }, clocks: {}, deleted: false };

async function bundleOf(records: ExchangeRecord[]) {
  const counts: Record<string, number> = {};
  for (const r of records) counts[r.deleted ? 'deleted' : r.kind] = (counts[r.deleted ? 'deleted' : r.kind] ?? 0) + 1;
  const bytes = await packBundle(
    {
      schemaVersion: 1, source: { uid: ORIGIN, name: 'DSDEN de la Vienne', scopeKind: 'departement', scopeCode: '86', regionCode: 'NAQ' },
      scope: 'departement:86', whole: false, createdAt: '2020-10-20T00:00:00.000Z', counts, origins: {},
    },
    records,
    newKeyPair(),
  );
  return readBundle(bytes, 'paquet.synthese', 99, () => {});
}

describe('a bundle’s records', () => {
  it('come a chunk at a time, kind by kind in the merge’s order, the file’s order within a kind', async () => {
    const opened = await bundleOf([contact, bassin('Poitiers'), bassin('Châtellerault', true), bassin('Loudun')]);
    expect(opened.records.count).toBe(4);
    const chunks = [...opened.records.chunks(2)];
    expect(chunks.map((c) => c.map((r) => [r.kind, r.fields.nom ?? r.fields.key, r.deleted]))).toEqual([
      [['bassin', 'Poitiers', false], ['bassin', 'Châtellerault', true]],
      [['bassin', 'Loudun', false]],
      [['setting', 'contact', false]],
    ]);
  });

  it('refuses a record given twice, and a value no form would accept, when its line is read', async () => {
    const twice = await bundleOf([bassin('Poitiers'), bassin('Poitiers')]);
    expect(() => [...twice.records.chunks(10)]).toThrow(/ligne 2 de « records\.jsonl » : l’enregistrement .* y figure deux fois/);
    const bad = await bundleOf([bassin('Poitiers'), { ...bassin('Loudun'), fields: { departementCode: '86', kind: 'ZAP', nom: 'Loudun\u0007' } }]);
    expect(() => [...bad.records.chunks(10)]).toThrow(/ligne 2 de « records\.jsonl » \(bassin\) : champ « nom » : caractère invisible interdit/);
  });

  it('are one JSON line each, in a zip any archive reader opens, its checksums right', async () => {
    const records = [bassin('Poitiers'), bassin('Châtellerault', true), contact];
    const bytes = await packBundle(
      {
        schemaVersion: 1, source: { uid: ORIGIN, name: 'DSDEN de la Vienne', scopeKind: 'departement', scopeCode: '86', regionCode: 'NAQ' },
        scope: 'departement:86', whole: false, createdAt: '2020-10-20T00:00:00.000Z', counts: { bassin: 1, deleted: 1, setting: 1 }, origins: {},
      },
      records,
      newKeyPair(),
    );
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(['manifest.json', 'records.jsonl', 'signature.json']);
    const text = await zip.file('records.jsonl')!.async('string');
    expect(text).toBe(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    expect(JSON.parse(await zip.file('manifest.json')!.async('string')).content.bytes).toBe(Buffer.byteLength(text));
    // Gathered in pieces of a megabyte: a line is never cut between two.
    const long = Array.from({ length: 3_000 }, (_, i) => `${'é'.repeat(500)}${i}`);
    expect(bundleContent(long).toString('utf8')).toBe(long.map((l) => `${l}\n`).join(''));
  });
});
