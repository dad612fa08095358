/**
 * A trame section's wording per thématique (issue 12: seed 004 words « actions » four ways) travels with the
 * trame from one catalogue to another; a bundle written before the field existed reads as no wording at all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { newKeyPair, sha256, signDigest } from '../../src-main/exchange/signing.ts';
import type { TestCatalogue } from '../support/catalogue.ts';
import { carrier, carry, newLaptop, send, withRecords } from '../support/exchange.ts';

const region = () => newLaptop({ regionCode: 'NAQ', name: 'Région académique' });
const dsden = () => newLaptop({ regionCode: 'NAQ', departementCode: '86', name: 'DSDEN de la Vienne' });

const WORDINGS = { 3: 'Actions à conduire et acteurs à mobiliser', 4: 'Actions et acteurs mobilisés {{en_perimetre}}' };

async function trameOfOwn(c: TestCatalogue) {
  const campaignId = (await c.call('settings.get', {})).activeCampaignId!;
  return c.call('trames.create', {
    campaignId, name: 'Trame de la DANE', title: 'Synthèse',
    sections: [{ key: 'actions', scope: 'thematique', title: 'Principales actions et acteurs mobilisés', source: 'contributions', contributionKinds: ['action'], titleByThematique: WORDINGS }],
  });
}

async function trameNamed(c: TestCatalogue, name: string) {
  return (await c.call('trames.list', {})).find((t) => t.name === name);
}

describe('a section’s wording per thématique, exchanged', () => {
  it('travels with its trame, and so does a change of it', async () => {
    const [r, d] = [await region(), await dsden()];
    await trameOfOwn(r);
    await carry(r, d);
    expect((await trameNamed(d, 'Trame de la DANE'))!.sections[0]!.titleByThematique).toEqual(WORDINGS);

    const mine = (await trameNamed(r, 'Trame de la DANE'))!;
    await r.call('trames.update', { id: mine.id, sections: mine.sections.map((s) => ({ ...s, titleByThematique: { 2: 'Principales actions et acteurs à mobiliser' } })) });
    const report = await carry(r, d);
    expect(report.conflicts).toEqual([]);
    expect((await trameNamed(d, 'Trame de la DANE'))!.sections[0]!.titleByThematique).toEqual({ 2: 'Principales actions et acteurs à mobiliser' });
    // The ready-to-use trame's own wordings are the same on both sides: nothing to merge, nothing in conflict.
    const preset = (c: TestCatalogue) => c.call('trames.list', {}).then((list) => list.find((t) => t.presetSlug === 'egn-2020')!.sections);
    expect(await preset(d)).toEqual(await preset(r));
    expect((await preset(d)).find((s) => s.key === 'actions')!.titleByThematique).toMatchObject({ 4: 'Actions et acteurs mobilisés' });
  });

  it('reads a bundle written before wordings per thématique existed as none', async () => {
    const r = await region();
    await trameOfOwn(r);
    const zip = await JSZip.loadAsync(readFileSync(await send(r)));
    const parts: Record<string, string> = {};
    for (const name of Object.keys(zip.files)) parts[name] = await zip.files[name]!.async('string');
    let stripped = 0;
    withRecords(parts, (lines) => {
      for (const line of lines.filter((l) => l.kind === 'trame' && l.fields.name === 'Trame de la DANE')) {
        for (const section of line.fields.sections) {
          delete section.titleByThematique;
          stripped++;
        }
      }
    });
    expect(stripped).toBe(1);
    // Signed anew (the receiving catalogue meets this key for the first time).
    const keys = newKeyPair();
    const digest = sha256(parts['manifest.json']!);
    parts['signature.json'] = JSON.stringify({ algorithm: 'Ed25519', publicKey: keys.publicKey, manifestSha256: digest, signature: signDigest(Buffer.from(digest, 'hex'), keys.privateKey) });
    const out = new JSZip();
    for (const [name, content] of Object.entries(parts)) out.file(name, content);
    const path = join(carrier, 'ancien-paquet.synthese');
    writeFileSync(path, await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

    const d = await dsden();
    const report = await d.call('exchange.merge', { path });
    expect(report.conflicts).toEqual([]);
    const received = (await trameNamed(d, 'Trame de la DANE'))!;
    expect(received.sections.map((s) => [s.key, s.title, s.titleByThematique])).toEqual([['actions', 'Principales actions et acteurs mobilisés', {}]]);
  });
});
