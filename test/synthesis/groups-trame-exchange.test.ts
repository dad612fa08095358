/**
 * A section's « ordered by meetings » option (issue 13) travels with its trame; a trame received from a
 * catalogue that did not know the option reads as off, and merges without a conflict.
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

async function countedTrame(c: TestCatalogue) {
  const campaignId = (await c.call('settings.get', {})).activeCampaignId!;
  return c.call('trames.create', {
    campaignId, name: 'Trame par rencontres', title: 'Synthèse',
    sections: [
      { key: 'propositions', scope: 'thematique', title: 'Propositions', source: 'contributions', contributionKinds: ['proposition'], meetingCounts: true },
      { key: 'actions', scope: 'thematique', title: 'Actions', source: 'contributions', contributionKinds: ['action'] },
    ],
  });
}

const named = async (c: TestCatalogue, name: string) => (await c.call('trames.list', {})).find((t) => t.name === name);

describe('meeting counts, exchanged', () => {
  it('travel with their trame, and so does turning them off', async () => {
    const [r, d] = [await region(), await dsden()];
    const mine = await countedTrame(r);
    expect(mine.sections.map((s) => s.meetingCounts)).toEqual([true, false]);
    await carry(r, d);
    expect((await named(d, 'Trame par rencontres'))!.sections.map((s) => s.meetingCounts)).toEqual([true, false]);

    await r.call('trames.update', { id: mine.id, sections: mine.sections.map((s) => ({ ...s, meetingCounts: !s.meetingCounts })) });
    const report = await carry(r, d);
    expect(report.conflicts).toEqual([]);
    expect((await named(d, 'Trame par rencontres'))!.sections.map((s) => s.meetingCounts)).toEqual([false, true]);
    // Carried back, nothing changes nor conflicts.
    expect((await carry(d, r)).conflicts).toEqual([]);
    expect((await named(r, 'Trame par rencontres'))!.sections.map((s) => s.meetingCounts)).toEqual([false, true]);
  });

  it('reads a trame sent before the option existed as off, and merges it', async () => {
    const r = await region();
    await countedTrame(r);
    const zip = await JSZip.loadAsync(readFileSync(await send(r)));
    const parts: Record<string, string> = {};
    for (const name of Object.keys(zip.files)) parts[name] = await zip.files[name]!.async('string');
    let stripped = 0;
    withRecords(parts, (lines) => {
      for (const line of lines.filter((l) => l.kind === 'trame')) {
        for (const section of line.fields.sections) {
          delete section.meetingCounts;
          stripped++;
        }
      }
    });
    expect(stripped).toBeGreaterThan(2);
    const keys = newKeyPair();
    const digest = sha256(parts['manifest.json']!);
    parts['signature.json'] = JSON.stringify({ algorithm: 'Ed25519', publicKey: keys.publicKey, manifestSha256: digest, signature: signDigest(Buffer.from(digest, 'hex'), keys.privateKey) });
    const out = new JSZip();
    for (const [name, content] of Object.entries(parts)) out.file(name, content);
    const path = join(carrier, 'paquet-sans-ordre.synthese');
    writeFileSync(path, await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

    const d = await dsden();
    const report = await d.call('exchange.merge', { path });
    expect(report.conflicts).toEqual([]);
    expect((await named(d, 'Trame par rencontres'))!.sections.map((s) => [s.key, s.meetingCounts])).toEqual([['propositions', false], ['actions', false]]);
    // The ready-to-use trame, received so, is the same as this catalogue's own.
    const preset = (c: TestCatalogue) => c.call('trames.list', {}).then((list) => list.find((t) => t.presetSlug === 'egn-2020')!.sections);
    expect(await preset(d)).toEqual(await preset(r));
  });
});
