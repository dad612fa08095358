/**
 * Every bad bundle is refused in French, naming what is wrong, with every table of the catalogue
 * unchanged: corrupt, truncated, tampered, from another région, from a newer version, re-signed by a
 * changed key, one's own, or carrying a value no form would accept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src-main/demo/demo-catalogue.ts';
import { newKeyPair, sha256, signDigest } from '../../src-main/exchange/signing.ts';
import { withRecords } from '../support/exchange.ts';
import { changedTables } from '../support/dispatch-harness.ts';
import { catalogueChecksum, type TestCatalogue } from '../support/catalogue.ts';
import { carrier, newLaptop, send } from '../support/exchange.ts';

let sender: TestCatalogue;
let receiver: TestCatalogue;
let good: Buffer;

beforeAll(async () => {
  sender = await newLaptop({ regionCode: 'NAQ', departementCode: '86', name: 'DSDEN de la Vienne' });
  await loadDemo(sender.call);
  receiver = await newLaptop({ regionCode: 'NAQ', academieCode: 'POITIERS', name: 'DANE de Poitiers' });
  good = readFileSync(await send(sender, 'departement:86'));
}, 60_000);

let n = 0;
function file(bytes: Buffer | string): string {
  const path = join(carrier, `mauvais-${++n}.synthese`);
  writeFileSync(path, bytes);
  return path;
}

/** Rewrites parts of the good bundle; `resign` signs the new manifest with `keys` (a forger's or the sender's own). */
async function altered(change: (parts: Record<string, string>) => void, resign?: { publicKey: string; privateKey: string }): Promise<string> {
  const zip = await JSZip.loadAsync(good);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) parts[name] = await zip.files[name]!.async('string');
  change(parts);
  if (resign) {
    const digest = sha256(parts['manifest.json']!);
    parts['signature.json'] = JSON.stringify({ algorithm: 'Ed25519', publicKey: resign.publicKey, manifestSha256: digest, signature: signDigest(Buffer.from(digest, 'hex'), resign.privateKey) });
  }
  const out = new JSZip();
  for (const [name, content] of Object.entries(parts)) out.file(name, content);
  return file(await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}


async function refused(path: string, message: RegExp, options: { acceptNewKey?: boolean } = {}) {
  const before = catalogueChecksum(receiver.db);
  for (const operation of ['exchange.preview', 'exchange.merge'] as const) {
    await expect(receiver.call(operation, { path, ...options })).rejects.toThrow(message);
  }
  expect(changedTables(before, catalogueChecksum(receiver.db))).toEqual([]);
}

describe('bad bundles', () => {
  it('refuses a file that is not a zip, or a truncated one', async () => {
    await refused(file('ceci n’est pas un paquet'), /refusé : ce n’est pas un paquet d’échange lisible.*Le catalogue n’a pas été modifié/);
    await refused(file(good.subarray(0, Math.floor(good.length * 0.6))), /refusé : .*(archive tronquée|endommagé)/);
    await refused(file(Buffer.alloc(0)), /refusé/);
  });

  it('refuses a zip that is not a bundle', async () => {
    const zip = new JSZip();
    zip.file('notes.txt', 'bonjour');
    await refused(file(await zip.generateAsync({ type: 'nodebuffer' })), /il y manque « manifest\.json », « records\.jsonl », « signature\.json »/);
  });

  it('refuses a part that inflates past its limit, without inflating it', async () => {
    // 2 MB of spaces in a few kilobytes: the manifest may hold 1 MB at most.
    await refused(await altered((p) => { p['manifest.json'] = `${p['manifest.json']!}${' '.repeat(2 * 1024 * 1024)}`; }), /« manifest\.json » est trop gros une fois décompressé/);
  });

  it('refuses records changed after signing, and a manifest changed after signing', async () => {
    await refused(await altered((p) => { p['records.jsonl'] = p['records.jsonl']!.replace('Vienne', 'Vienna'); }), /son contenu ne correspond pas à sa signature/);
    await refused(await altered((p) => withRecords(p, () => {})), /sa signature ne correspond pas/);
    await refused(await altered((p) => { p['manifest.json'] = p['manifest.json']!.replace('DSDEN de la Vienne', 'DSDEN de la Creuse'); }), /sa signature ne correspond pas/);
  });

  it('refuses a forger who re-signs with another key, until the receiver accepts the new key', async () => {
    // First exchange: the sender's key is remembered.
    await receiver.call('exchange.merge', { path: file(good) });
    const forged = await altered((p) => withRecords(p, (lines) => { (lines.find((l) => l.kind === 'meeting')!.fields as Record<string, unknown>).declaredTotal = 999; }), newKeyPair());
    await refused(forged, /la clé de signature de « DSDEN de la Vienne » a changé depuis le premier échange/);
    const error = await receiver.call('exchange.merge', { path: forged }).catch((e: unknown) => e);
    expect((error as { issues: unknown }).issues).toEqual([{ path: 'acceptNewKey', message: expect.stringMatching(/^nouvelle empreinte [0-9A-F]{4} /) }]);
    const before = catalogueChecksum(receiver.db);
    const report = await receiver.call('exchange.preview', { path: forged, acceptNewKey: true });
    expect(report.key).toBe('changed');
    expect(changedTables(before, catalogueChecksum(receiver.db))).toEqual([]);
  });

  it('refuses another région’s bundle, a newer version’s, and one’s own', async () => {
    const elsewhere = await newLaptop({ regionCode: 'BRE', name: 'Région académique Bretagne' });
    await refused(await send(elsewhere), /il vient de la région académique Bretagne, ce catalogue est celui de la région académique Nouvelle-Aquitaine/);
    const keys = newKeyPair();
    await refused(await altered((p) => { p['manifest.json'] = p['manifest.json']!.replace(/"schemaVersion": \d+/, '"schemaVersion": 99'); }, keys), /version plus récente de Synthèse régionale \(schéma 99/);
    const own = await send(receiver);
    await expect(receiver.call('exchange.merge', { path: own })).rejects.toThrow(/écrit par ce catalogue-ci/);
  });

  it('refuses a value no form would accept, naming the line and the field', async () => {
    const keys = newKeyPair();
    const sign = (edit: (lines: Record<string, unknown>[]) => void) => altered((p) => withRecords(p, edit), keys);
    const meeting = (lines: Record<string, unknown>[]) => lines.find((l) => l.kind === 'meeting')!.fields as Record<string, unknown>;
    const fresh = await newLaptop({ regionCode: 'NAQ', name: 'Région' });
    const check = async (path: string, message: RegExp) => {
      const before = catalogueChecksum(fresh.db);
      await expect(fresh.call('exchange.merge', { path, acceptNewKey: true })).rejects.toThrow(message);
      expect(changedTables(before, catalogueChecksum(fresh.db))).toEqual([]);
    };
    await check(await sign((l) => { meeting(l)['attendance.eleves'] = -3; }), /ligne \d+ de « records\.jsonl » \(rencontre\) : champ « attendance\.eleves » : un effectif ne peut pas être négatif/);
    await check(await sign((l) => { meeting(l).title = 'Concertation\u0007'; }), /champ « title » : caractère invisible interdit \(U\+0007\)/);
    await check(await sign((l) => { meeting(l).date = '2020-02-30'; }), /champ « date » : cette date n'existe pas/);
    await check(await sign((l) => { meeting(l).pirate = 1; }), /champ « pirate » : champ inconnu de cette version/);
    await check(await sign((l) => { Object.assign(meeting(l), { toString: 'x' }); }), /champ « toString » : champ inconnu de cette version/);
    await check(await sign((l) => { (meeting(l).place as Record<string, unknown>).commune = 'Poitiers'; }), /champ « place\.commune » : champ inconnu de cette version/);
    // A bassin whose identity is not its name's would overwrite another: refused.
    await check(await sign((l) => { l.find((r) => r.kind === 'bassin')!.uid = '00000000-0000-4000-8000-000000000000'; }), /\(bassin\) : son identifiant ne correspond pas à sa clé/);
    await check(await sign((l) => { l[0]!.kind = 'utilisateur'; }), /ligne 1 de « records\.jsonl » : enregistrement mal formé \(kind\)/);
    // A record that changes its nature: refused as a whole, even once the catalogue holds it.
    await fresh.call('exchange.merge', { path: file(good) });
    await check(await sign((l) => {
      const m = l.find((r) => r.kind === 'meeting')!;
      Object.assign(m, {
        kind: 'retex',
        fields: { campaign: 'egn-2020', thematique: 1, title: 'Retex pirate', text: '', niveau: null, classes: null, etablissementUai: null, sourceMeeting: null, selected: false, position: 0, links: [] },
      });
    }), /un même enregistrement y est un\(e\) retex et ici un\(e\) rencontre \(Rencontre « /);
  });
});
