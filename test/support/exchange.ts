/** Catalogues on separate "laptops" (in memory), and bundles carried between them through real files. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCatalogue } from '../../src-main/catalogue/database.ts';
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
