/** Fresh catalogues for tests: in memory, with or without the demo, reached through the real dispatcher. */
import { openCatalogue, type Catalogue } from '../../src-main/catalogue/database.ts';
import { loadDemo } from '../../src-main/demo/demo-catalogue.ts';
import { type Caller, localCaller } from '../../src-main/transport/local.ts';

export const FIXED_NOW = new Date('2020-10-20T10:00:00Z');

export interface TestCatalogue {
  db: Catalogue;
  call: Caller;
}

export function emptyCatalogue(): TestCatalogue {
  const db = openCatalogue(':memory:');
  return { db, call: localCaller({ db, now: () => FIXED_NOW }, { validateOutput: true }) };
}

export async function demoCatalogue(): Promise<TestCatalogue & { campaignId: number }> {
  const catalogue = emptyCatalogue();
  const campaignId = await loadDemo(catalogue.call);
  return { ...catalogue, campaignId };
}

/** A checksum of every table's content, to prove a failed operation changed nothing (the search indexes follow the tables). */
export function catalogueChecksum(db: Catalogue): string {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'catalogue_state'
       AND name NOT LIKE '%^_fts%' ESCAPE '^' ORDER BY name`)
    .pluck()
    .all() as string[];
  return tables.map((t) => `${t}:${JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all())}`).join('\n');
}

