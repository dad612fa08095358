/** Puts a catalogue back as it was before a migration, for tests that open an older catalogue. */
import type { Catalogue } from '../../src-main/catalogue/database.ts';
import { sortKey } from '../../src-main/catalogue/repos/list-sql.ts';

/** Before 0019: no restitutions, groups, review history nor thématique map; no new contribution columns. */
export function undoRestitutionsAndGroups(db: Catalogue): void {
  db.exec(`
    DROP INDEX contribution_by_group; DROP INDEX contribution_by_restitution; DROP INDEX contribution_pending;
    ALTER TABLE contribution DROP COLUMN group_id; ALTER TABLE contribution DROP COLUMN restitution_id;
    ALTER TABLE contribution DROP COLUMN passage_range; ALTER TABLE contribution DROP COLUMN pending;
    ALTER TABLE trame_section DROP COLUMN meeting_counts;
    DROP TABLE review_event; DROP TABLE contribution_group; DROP TABLE restitution_fts; DROP TABLE restitution_passage;
    DROP TABLE restitution; DROP TABLE thematique_map; DROP TABLE thematique_map_saved;`);
}

/** Before 0018 (and so before 0019): no sort_key column nor its triggers, 0010's expression indexes. */
export function undoFoldedSortKeys(db: Catalogue): void {
  undoRestitutionsAndGroups(db);
  for (const [table, column, index, by] of [
    ['meeting', 'title', 'meeting_title_sort', 'campaign_id'],
    ['retex', 'title', 'retex_title_sort', 'campaign_id, thematique_id'],
    ['contribution', 'text', 'contribution_text_sort', 'campaign_id, thematique_id'],
  ] as const) {
    db.exec(`DROP TRIGGER ${table}_sort_key_insert; DROP TRIGGER ${table}_sort_key_update; DROP INDEX ${index};
      ALTER TABLE ${table} DROP COLUMN sort_key; CREATE INDEX ${index} ON ${table} (${by}, ${sortKey(column)})`);
  }
}
