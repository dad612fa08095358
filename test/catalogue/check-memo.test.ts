import { copyFileSync, existsSync, renameSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoPath, rememberChecked, stillChecked } from '../../src-main/catalogue/check-memo.ts';
import { openCatalogue } from '../../src-main/catalogue/database.ts';
import { DamagedCatalogueError } from '../../src-main/catalogue/health.ts';
import { withCatalogue } from '../../src-main/cli/commands.ts';
import { damageTable, demoFile, tempDir } from '../support/damaged-catalogue.ts';

describe('the command line’s memo of a clean check', () => {
  it('holds while the catalogue is as it was left, and not once anything touched it', async () => {
    const dir = tempDir('synthese-memo-');
    const path = await demoFile(dir);
    expect(stillChecked(path)).toBe(false);
    rememberChecked(path);
    expect(stillChecked(path)).toBe(true);

    // Written since (by the app, another command…): its file or its journal changed.
    const db = openCatalogue(path, { checked: true });
    db.prepare("UPDATE catalogue_state SET last_change = '2026-12-07T00:00:00.000Z' WHERE id = 1").run();
    expect(stillChecked(path)).toBe(false);
    db.close();
    expect(stillChecked(path)).toBe(false);

    // Replaced by a copy of itself under the same name, its times kept (a restore by hand, cp -p): another file.
    // (Whole seconds: the times a copy is given then match to the nanosecond, and only the file differs.)
    utimesSync(path, 1_800_000_000, 1_800_000_000);
    rememberChecked(path);
    expect(stillChecked(path)).toBe(true);
    const copy = join(dir, 'copie.sqlite');
    copyFileSync(path, copy);
    utimesSync(copy, 1_800_000_000, 1_800_000_000);
    expect(statSync(copy, { bigint: true }).mtimeNs).toBe(statSync(path, { bigint: true }).mtimeNs);
    renameSync(copy, path);
    expect(stillChecked(path)).toBe(false);

    // A memo that is not one is none.
    rememberChecked(path);
    writeFileSync(memoPath(path), '{"catalogue": ');
    expect(stillChecked(path)).toBe(false);
  });

  it('lets a command skip the check after a command that left the catalogue sound, and never a catalogue changed since', async () => {
    const dir = tempDir('synthese-memo-');
    const path = await demoFile(dir);
    const campaigns = async () => withCatalogue(path, async (call) => (await call('campaigns.list', {})).length);
    expect(await campaigns()).toBeGreaterThan(0);
    expect(stillChecked(path)).toBe(true);
    expect(await campaigns()).toBeGreaterThan(0);
    expect(stillChecked(path)).toBe(true);

    // Damaged by something else: the file changed, so the next command checks it, refuses it, and keeps no memo.
    damageTable(path, 'contribution');
    await expect(campaigns()).rejects.toBeInstanceOf(DamagedCatalogueError);
    expect(existsSync(memoPath(path))).toBe(false);
  });

  it('keeps no memo when another connection wrote while the command ran', async () => {
    const dir = tempDir('synthese-memo-');
    const path = await demoFile(dir);
    await withCatalogue(path, async () => {
      const app = openCatalogue(path, { checked: true });
      app.prepare("UPDATE catalogue_state SET last_change = '2026-12-07T00:00:00.000Z' WHERE id = 1").run();
      app.close();
    });
    expect(existsSync(memoPath(path))).toBe(false);
  });

  it('looks for the journal beside the file a link points to, where SQLite keeps it', async () => {
    const dir = tempDir('synthese-memo-');
    const path = await demoFile(dir);
    const link = join(dir, 'lien.sqlite');
    symlinkSync(path, link);
    await withCatalogue(link, async () => undefined);
    expect(stillChecked(link)).toBe(true);
    // The app writes through the file itself; its commit stays in the journal.
    const app = openCatalogue(path, { checked: true });
    app.prepare("UPDATE catalogue_state SET last_change = '2026-12-07T00:00:00.000Z' WHERE id = 1").run();
    expect(stillChecked(link)).toBe(false);
    app.close();
  });

  it('keeps no memo after a command that failed', async () => {
    const dir = tempDir('synthese-memo-');
    const path = await demoFile(dir);
    await withCatalogue(path, async () => undefined);
    expect(stillChecked(path)).toBe(true);
    await expect(withCatalogue(path, async () => {
      throw new Error('échec');
    })).rejects.toThrow('échec');
    expect(existsSync(memoPath(path))).toBe(false);
  });
});
