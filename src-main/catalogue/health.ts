/**
 * Is a catalogue sound? Checked when it opens, before anything writes into it: a damaged page read by
 * `stats` or written by an import spreads the damage, and a backup of it looks sound until restored.
 * `quick_check` always (0.4 s at ten times national scale); the full `integrity_check` (1.2 s there)
 * at once for a small catalogue, in a worker thread for a large one (see integrity-worker.ts).
 */
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError, summarise } from '../contract/errors.ts';
import { type BackupInfo, lastSoundBackup } from './backup.ts';
import { backupsDirFor } from './paths.ts';

/** What SQLite found wrong, in its own (English) words: for the log, never for the screen. */
export interface Damage {
  findings: string[];
  /** The check itself could not read its way through (a page too damaged to walk). */
  unreadable?: boolean;
  /** Tables (and indexes' tables) the findings name, when the schema is still readable. */
  tables: string[];
}

/** Under this size the full check runs at open (a few ms for the demo); above, in the background. */
export const FULL_CHECK_AT_OPEN_BYTES = 32 * 1024 * 1024;
const MAX_FINDINGS = 20;

/** null when sound. Never throws: an unreadable catalogue is a damaged one. */
export function findDamage(db: Database.Database, full: boolean): Damage | null {
  let findings: string[];
  let unreadable = false;
  try {
    const rows = db.pragma(`${full ? 'integrity_check' : 'quick_check'}(${MAX_FINDINGS})`, { simple: false }) as Record<string, unknown>[];
    findings = rows.map((row) => String(Object.values(row)[0] ?? '')).filter((f) => f !== 'ok');
  } catch (error) {
    findings = [`${(error as { code?: string }).code ?? 'ERROR'}: ${(error as Error).message}`];
    unreadable = true;
  }
  return findings.length === 0 ? null : { findings, unreadable, tables: namedTables(db, findings) };
}

/** "Tree 7 page 12…" names a b-tree by its root page; "row 3 missing from index idx_x" by name. */
export function namedTables(db: Database.Database, findings: string[]): string[] {
  let schema: { name: string; tbl_name: string; rootpage: number }[];
  try {
    schema = db.prepare('SELECT name, tbl_name, rootpage FROM sqlite_master').all() as typeof schema;
  } catch {
    return [];
  }
  const tables = new Set<string>();
  for (const finding of findings) {
    for (const m of finding.matchAll(/\bTree (\d+)\b/g)) {
      const entry = schema.find((s) => s.rootpage === Number(m[1]));
      if (entry) tables.add(entry.tbl_name);
    }
    for (const entry of schema) if (new RegExp(`\\b${entry.name.replace(/\W/g, '\\$&')}\\b`).test(finding)) tables.add(entry.tbl_name);
  }
  // A check that stopped on a page names nothing: each table is walked, and those that fail are named.
  if (tables.size === 0) {
    for (const entry of schema) {
      if (entry.name !== entry.tbl_name || !entry.rootpage) continue;
      try {
        db.prepare(`SELECT count(*) FROM "${entry.name.replace(/"/g, '""')}" NOT INDEXED`).get();
      } catch {
        tables.add(entry.name);
      }
    }
  }
  return [...tables].sort();
}

/** Thrown when a catalogue is damaged: the French message says what and how to restore; the desktop app offers it. */
export class DamagedCatalogueError extends AppError {
  constructor(
    message: string,
    readonly cataloguePath: string,
    readonly lastSound: BackupInfo | null,
    readonly damage: Damage,
  ) {
    super('FILE', message);
  }
}

export function damagedCatalogue(cataloguePath: string, damage: Damage): DamagedCatalogueError {
  const count = damage.findings.length;
  const what =
    (damage.unreadable
      ? 'SQLite ne peut pas le lire en entier'
      : `la vérification de SQLite y relève ${count >= MAX_FINDINGS ? `au moins ${count}` : count} anomalie${count > 1 ? 's' : ''}`) +
    (damage.tables.length > 0 ? ` (table${damage.tables.length > 1 ? 's' : ''} touchée${damage.tables.length > 1 ? 's' : ''} : ${summarise(damage.tables, 4)})` : '');
  const lastSound = lastSoundBackup(backupsDirFor(cataloguePath));
  return new DamagedCatalogueError(
    `Le catalogue « ${basename(cataloguePath)} » est endommagé : ${what}. Rien n’y a été écrit. ${restoreAdvice(cataloguePath, lastSound)}`,
    cataloguePath,
    lastSound,
    damage,
  );
}

/** What to do next, for a catalogue that cannot be used: the last sound backup and the way to put it back. */
export function restoreAdvice(cataloguePath: string, lastSound: BackupInfo | null): string {
  const dir = backupsDirFor(cataloguePath);
  if (!lastSound) {
    return `Aucune sauvegarde saine n’a été trouvée dans « ${dir} » : gardez ce fichier tel quel, ne le supprimez pas, ` +
      'et demandez de l’aide à votre référent numérique (un autre poste peut aussi vous renvoyer ses données par un paquet d’échange).';
  }
  return `Dernière sauvegarde saine : ${lastSound.fileName} (du ${frenchTimestamp(lastSound.takenAt)}). Pour la remettre en place : ` +
    `menu Fichier › Restaurer une sauvegarde… dans l’application, ou « npm run synthese -- restaurer --db "${cataloguePath}" ` +
    `--sauvegarde ${lastSound.fileName} ». Le fichier endommagé sera gardé de côté dans « ${dir} », jamais supprimé.`;
}

/** "2026-11-23T19:05:00" (UTC, from a backup's name) → "23/11/2026 à 20:05", in this computer's time zone. */
function frenchTimestamp(takenAt: string): string {
  const when = new Date(`${takenAt}Z`);
  const date = when.toLocaleDateString('fr-FR');
  const time = when.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
  return `${date} à ${time}`;
}
