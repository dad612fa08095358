/**
 * A bulk write's row triggers, held. Any AFTER trigger on a table costs each INSERT or UPDATE statement
 * about 13 µs (SQLite then runs it under a statement journal), even when the trigger's WHEN clause turns
 * it away: a merge of 300 000 records paid that several hundred thousand times for triggers that did
 * nothing. Held here are only those that do nothing while a bulk write runs under its own contract:
 * - the change counters (`*_changes`), quiet while the write counts itself once (holdChangeTriggers);
 * - the search index's insert and update triggers, held by fts_held while the write indexes its rows;
 * - `*_uid` and `*_sort_key_*` (0007, 0018), which fill what the bulk writers always give;
 * - `meeting_high_insert` (0005), settled once at the end.
 * They are dropped inside the caller's transaction and created again, word for word, before it commits:
 * a rollback or a crash puts them back with everything else. Deletions keep their triggers.
 */
import type { Catalogue } from '../database.ts';

/** Whether a trigger does nothing during a bulk write (a search index's trigger only if fts_held turns it away). */
function heldDuringBulkWrite(name: string, sql: string): boolean {
  if (/_(?:insert|update)_changes$/.test(name)) return sql.includes('quiet');
  if (/_fts_(?:insert|update)$/.test(name)) return sql.includes('fts_held');
  return /(?:_uid|_sort_key_(?:insert|update)|^meeting_high_insert)$/.test(name);
}

/**
 * Drops the held triggers until the returned function is called, which creates them again and
 * settles what they would have done. Only inside a transaction whose change triggers and search index are
 * already held (quiet and fts_held set): refused otherwise, since dropping them would then lose work.
 */
export function holdRowTriggers(db: Catalogue): () => void {
  if (!db.inTransaction) throw new Error('holdRowTriggers: hors d’une transaction');
  const flags = db.prepare('SELECT quiet, fts_held FROM catalogue_state WHERE id = 1').get() as { quiet: number; fts_held: number };
  if (flags.quiet !== 1 || flags.fts_held !== 1) throw new Error('holdRowTriggers: compteurs ou index de recherche non retenus');
  const held = (db.prepare(`SELECT name, tbl_name AS tableName, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`)
    .all() as { name: string; tableName: string; sql: string }[])
    .filter((t) => heldDuringBulkWrite(t.name, t.sql));
  for (const t of held) db.exec(`DROP TRIGGER "${t.name}"`);
  return () => {
    for (const t of held) db.exec(t.sql);
    if (held.some((t) => t.name === 'meeting_high_insert')) {
      db.prepare('UPDATE catalogue_state SET meeting_high = max(meeting_high, (SELECT coalesce(max(id), 0) FROM meeting)) WHERE id = 1').run();
    }
    // The bulk writers give every row its identity: a row without one is a bug, not to be committed.
    for (const table of new Set(held.filter((t) => t.name.endsWith('_uid')).map((t) => t.tableName))) {
      if (db.prepare(`SELECT 1 FROM "${table}" WHERE uid IS NULL LIMIT 1`).get()) throw new Error(`holdRowTriggers: ${table} sans identifiant`);
    }
  };
}

/**
 * `work` with this connection's foreign-key checks off: a bulk write whose parents are checked at once, each
 * distinct one (missingParent), rather than SQLite looking up each row's five or six (15 ms of a 10 000-row
 * import). Turned back on whatever happens. SQLite ignores the switch inside a transaction: called inside
 * one, the checks stay on.
 */
export function withoutForeignKeyChecks<T>(db: Catalogue, work: () => T): T {
  const on = db.pragma('foreign_keys', { simple: true }) === 1;
  if (on) db.pragma('foreign_keys = OFF');
  try {
    return work();
  } finally {
    if (on) db.pragma('foreign_keys = ON');
  }
}

/** The parents a bulk write of meetings names, each kind as its table and key (meeting: those it updates). */
const PARENTS = {
  campaign: ['campaign', 'id'],
  region: ['region_academique', 'code'],
  academie: ['academie', 'code'],
  departement: ['departement', 'code'],
  bassin: ['bassin', 'id'],
  etablissement: ['etablissement', 'uai'],
  thematique: ['thematique', 'id'],
  meeting: ['meeting', 'id'],
} as const;

export type Parents = { [K in keyof typeof PARENTS]: Iterable<string | number> };

/** The first of `parents` the catalogue does not hold, as « bassin 12 »; null when it holds them all. */
export function missingParent(db: Catalogue, parents: Parents): string | null {
  for (const kind of Object.keys(PARENTS) as (keyof typeof PARENTS)[]) {
    const values = [...parents[kind]];
    if (values.length === 0) continue;
    const [table, key] = PARENTS[kind];
    const missing = db
      .prepare(`SELECT value FROM json_each(?) WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE ${key} = value) LIMIT 1`)
      .pluck()
      .get(JSON.stringify(values)) as string | number | undefined;
    if (missing !== undefined) return `${kind} ${missing}`;
  }
  return null;
}
