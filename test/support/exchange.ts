/** Catalogues on separate "laptops" (in memory), and bundles carried between them through real files. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { openCatalogue } from '../../src-main/catalogue/database.ts';
import { readIdentity } from '../../src-main/catalogue/repos/exchange.repo.ts';
import { sha256, signDigest } from '../../src-main/exchange/signing.ts';
import type { OperationInput } from '../../src-main/contract/operations.ts';
import { localCaller } from '../../src-main/transport/local.ts';
import { FIXED_NOW, type TestCatalogue } from './catalogue.ts';

export const carrier = mkdtempSync(join(tmpdir(), 'synthese-echanges-'));
let sent = 0;

export async function newLaptop(setup: OperationInput<'identity.setup'>): Promise<TestCatalogue> {
  const db = openCatalogue(':memory:');
  const call = localCaller({ db, now: () => FIXED_NOW, documentsDir: carrier }, { validateOutput: true });
  await call('identity.setup', setup);
  return { db, call };
}

/** Writes a bundle of `from` (whole, or one scope) and returns its path. */
export async function send(from: TestCatalogue, scope?: string): Promise<string> {
  const written = await from.call('exchange.export', { outPath: join(carrier, `paquet-${++sent}.synthese`), ...(scope ? { scope } : {}) });
  return written.path;
}

export async function carry(from: TestCatalogue, to: TestCatalogue, scope?: string) {
  return to.call('exchange.merge', { path: await send(from, scope) });
}

/** Rewrites a bundle's records and keeps the manifest's content hash and counts right, as a careful forger would. */
export function withRecords(parts: Record<string, string>, edit: (lines: Record<string, any>[]) => void): void {
  const lines = parts['records.jsonl']!.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
  edit(lines);
  parts['records.jsonl'] = `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
  const manifest = JSON.parse(parts['manifest.json']!);
  manifest.content.sha256 = sha256(parts['records.jsonl']);
  manifest.content.bytes = Buffer.byteLength(parts['records.jsonl']);
  manifest.counts = {};
  for (const l of lines) {
    const key = l.deleted ? 'deleted' : (l.kind as string);
    manifest.counts[key] = (manifest.counts[key] ?? 0) + 1;
  }
  parts['manifest.json'] = JSON.stringify(manifest);
}

/** A bundle of `from` rewritten (`edit` on its records) and signed again by it: one written by an older version, say. */
export async function resigned(from: TestCatalogue, path: string, edit: (lines: Record<string, any>[]) => void, name = 'ancien'): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts: Record<string, string> = {};
  for (const file of Object.keys(zip.files)) parts[file] = await zip.files[file]!.async('string');
  withRecords(parts, edit);
  const { publicKey, privateKey } = readIdentity(from.db)!;
  const digest = sha256(parts['manifest.json']!);
  parts['signature.json'] = JSON.stringify({ algorithm: 'Ed25519', publicKey, manifestSha256: digest, signature: signDigest(Buffer.from(digest, 'hex'), privateKey) });
  const out = new JSZip();
  for (const [file, content] of Object.entries(parts)) out.file(file, content);
  const written = join(carrier, `${name}-${Date.now()}-${Math.random().toString(36).slice(2)}.synthese`);
  writeFileSync(written, await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return written;
}
