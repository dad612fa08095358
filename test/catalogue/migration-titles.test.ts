/**
 * Migration 0015: a trame section's wording per thématique. A catalogue that installed the 2020 trame before
 * it reads seed 004's wordings where the headings are still the preset's; a heading someone rewrote, or a
 * trame of one's own, is left as it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src-main/catalogue/database.ts';
import { knownMigrations } from '../../src-main/catalogue/migrate.ts';
import { localCaller } from '../../src-main/transport/local.ts';
import { FIXED_NOW } from '../support/catalogue.ts';
import { undoFoldedSortKeys } from '../support/undo-migrations.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('migration 0015 (wordings per thématique)', () => {
  it('gives an installed 2020 trame seed 004’s wordings, and leaves what someone wrote alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synthese-migrate-titles-'));
    dirs.push(dir);
    const path = join(dir, 'catalogue.sqlite');
    const db = openCatalogue(path);
    const call = localCaller({ db, now: () => FIXED_NOW });
    const campaign = await call('campaigns.installPreset', { slug: 'egn-2020' });
    const [preset] = await call('trames.list', { campaignId: campaign.id });
    const copy = await call('trames.duplicate', { id: preset!.id, name: 'Copie' });
    // As a catalogue was before 0015: no column, the retex heading as first installed, one heading rewritten by hand.
    const mine = knownMigrations().find((m) => m.name === 'section_title_by_thematique')!;
    db.exec(`ALTER TABLE trame_section DROP COLUMN title_by_thematique;
      UPDATE trame_section SET title = replace(title, '{{du_perimetre}}', 'de la région académique') WHERE key = 'retex';
      UPDATE trame_section SET title = 'Nos actions' WHERE key = 'actions' AND trame_id = ${copy.id};`);
    db.exec(`UPDATE trame SET preset_slug = 'egn-2020' WHERE id = ${copy.id}`); // an edited preset trame, as an exchange may bring
    undoFoldedSortKeys(db);
    db.pragma(`user_version = ${mine.version - 1}`);
    db.close();

    const again = openCatalogue(path);
    expect(again.pragma('user_version', { simple: true })).toBe(knownMigrations().length);
    const wordings = (trameId: number) => Object.fromEntries(
      (again.prepare('SELECT key, title_by_thematique FROM trame_section WHERE trame_id = ? ORDER BY position').raw().all(trameId) as [string, string][])
        .map(([key, json]) => [key, JSON.parse(json) as Record<string, string>]),
    );
    const installed = wordings(preset!.id);
    expect(installed.actions).toEqual({
      2: 'Principales actions et acteurs à mobiliser', 3: 'Actions à conduire et acteurs à mobiliser', 4: 'Actions et acteurs mobilisés',
    });
    expect(Object.keys(installed.retex!)).toEqual(['4', '5']);
    expect(installed.retex![4]).toContain('lors des ateliers {{en_perimetre}} et dans les établissements.');
    expect([installed.descriptif, installed.etat_des_lieux, installed.defis_propositions]).toEqual([{}, {}, {}]);
    // The rewritten heading keeps its one wording; the other sections, still the preset's, take the seed's.
    const edited = wordings(copy.id);
    expect(edited.actions).toEqual({});
    expect(edited.retex).toEqual(installed.retex);
    // The column takes only JSON.
    expect(() => again.prepare("UPDATE trame_section SET title_by_thematique = 'pas du JSON'").run()).toThrow(/CHECK/);
    again.close();
  });
});
