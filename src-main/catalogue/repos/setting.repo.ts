import type { Catalogue } from '../database.ts';

/** Settings are a small key → JSON value table: new settings need no migration. */
export function readSettings(db: Catalogue): Record<string, unknown> {
  const rows = db.prepare('SELECT key, value FROM setting').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

export function writeSetting(db: Catalogue, key: string, value: unknown): void {
  db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

export function deleteSetting(db: Catalogue, key: string): void {
  db.prepare('DELETE FROM setting WHERE key = ?').run(key);
}
