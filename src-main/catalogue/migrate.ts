/**
 * Forward-only numbered migrations (NNNN_name.sql); `PRAGMA user_version` counts those applied.
 * A catalogue written by a newer version of the app is refused rather than damaged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../contract/errors.ts';
import { migrationsDir } from './paths.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function knownMigrations(dir = migrationsDir()): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return files.map((file, index) => {
    const version = Number(file.slice(0, 4));
    if (version !== index + 1) throw new Error(`Migration hors séquence : ${file}`);
    return { version, name: file.slice(5, -4), sql: readFileSync(join(dir, file), 'utf8') };
  });
}

export function migrate(db: Database.Database, migrations = knownMigrations()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new AppError(
      'FILE',
      `Ce catalogue a été créé par une version plus récente de Synthèse régionale (schéma ${current}, ` +
        `cette version connaît ${migrations.length}). Mettez l’application à jour pour l’ouvrir.`,
    );
  }
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return migrations.length;
}
