import { describe, expect, it } from 'vitest';
import { CACHE_KIB, openCatalogue } from '../../src-main/catalogue/database.ts';
import { damageTable, demoFile, tempDir } from '../support/damaged-catalogue.ts';

describe('a connection to the catalogue', () => {
  it('keeps a 16 MB page cache, whatever the check at open read through its small one', async () => {
    const path = await demoFile(tempDir('synthese-open-'));
    const db = openCatalogue(path);
    expect(CACHE_KIB).toBe(16 * 1024);
    expect(db.pragma('cache_size', { simple: true })).toBe(-CACHE_KIB);
    db.close();
  });

  it('checks the catalogue at open, unless another connection of the process has just checked it', async () => {
    const path = await demoFile(tempDir('synthese-open-'));
    damageTable(path, 'contribution');
    expect(() => openCatalogue(path)).toThrow(/est endommagé/);
    // The long-work worker's connection: the services' worker checked (and refused) it already.
    const second = openCatalogue(path, { checked: true });
    expect(second.prepare('SELECT count(*) FROM campaign').pluck().get()).toBeGreaterThan(0);
    second.close();
  });
});
