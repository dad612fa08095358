/** Puts a catalogue back as it was before a migration, for tests that open an older catalogue. */
import type { Catalogue } from '../../src-main/catalogue/database.ts';
import { sortKey } from '../../src-main/catalogue/repos/list-sql.ts';

/** Before 0018: no sort_key column nor its triggers, 0010's expression indexes. */
export function undoFoldedSortKeys(db: Catalogue): void {
  for (const [table, column, index, by] of [
    ['meeting', 'title', 'meeting_title_sort', 'campaign_id'],
    ['retex', 'title', 'retex_title_sort', 'campaign_id, thematique_id'],
    ['contribution', 'text', 'contribution_text_sort', 'campaign_id, thematique_id'],
  ] as const) {
    db.exec(`DROP TRIGGER ${table}_sort_key_insert; DROP TRIGGER ${table}_sort_key_update; DROP INDEX ${index};
      ALTER TABLE ${table} DROP COLUMN sort_key; CREATE INDEX ${index} ON ${table} (${by}, ${sortKey(column)})`);
  }
}
