/**
 * Read once: the sheet a preview read, and the plan it made, kept for the import that follows (the same
 * process: the CLI, the tests, Electron's, or `npm run web`'s long-work worker, which runs both). A file
 * is known by its path, size, modification time and SHA-256 of its bytes: changed, it is read again.
 * Two files at most, each forgotten after the import that writes it, or after a few minutes.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { type ReadSheetOptions, readAttendanceSheet, type SheetInput, type SheetRead, sheetDisplayName } from '../spreadsheets/read-sheet.ts';
import { loadBytes } from '../spreadsheets/sheet-bytes.ts';

const KEPT_FILES = 2;
const KEPT_MS = 10 * 60_000;
/** A larger sheet (up to read-sheet's 200 000 rows) is read again rather than held in memory. */
const KEPT_ROWS = 50_000;

/** What an entry holds beside the sheet: the last plan made from it (services/attendance-import.ts). */
export interface CachedSheet<Plan> {
  key: string;
  sheet: SheetRead;
  plan: Plan | null;
}

interface Entry extends CachedSheet<unknown> {
  timer: NodeJS.Timeout;
}

const entries: Entry[] = [];

function forgetEntry(entry: Entry): void {
  clearTimeout(entry.timer);
  const at = entries.indexOf(entry);
  if (at !== -1) entries.splice(at, 1);
}

/** The sheet of `input`, read now or kept from a read of the same bytes; `fresh` says which. */
export async function cachedSheet<Plan>(
  input: SheetInput,
  options: ReadSheetOptions = {},
): Promise<{ entry: CachedSheet<Plan>; fresh: boolean }> {
  const fileName = sheetDisplayName(input);
  const bytes = await loadBytes(input, fileName);
  let where = 'upload';
  if ('path' in input) {
    // Read already: a file that vanished since only misses the cache.
    const info = await stat(input.path).catch(() => null);
    where = `${input.path}|${info?.size ?? ''}|${info?.mtimeMs ?? ''}`;
  }
  const key = `${where}|${fileName}|${bytes.length}|${createHash('sha256').update(bytes).digest('hex')}`;
  const kept = entries.find((e) => e.key === key);
  if (kept) {
    kept.timer.refresh();
    options.onProgress?.(kept.sheet.rows.length);
    return { entry: kept as CachedSheet<Plan>, fresh: false };
  }
  const sheet = await readAttendanceSheet({ bytes, fileName }, options);
  const entry: Entry = { key, sheet, plan: null, timer: setTimeout(() => forgetEntry(entry), KEPT_MS) };
  entry.timer.unref();
  if (sheet.rows.length <= KEPT_ROWS) {
    entries.unshift(entry);
    for (const old of entries.slice(KEPT_FILES)) forgetEntry(old);
  } else clearTimeout(entry.timer);
  return { entry: entry as CachedSheet<Plan>, fresh: true };
}

/** After the import that wrote it: the file will not be imported again as is. */
export function forgetSheet(entry: CachedSheet<unknown>): void {
  const kept = entries.find((e) => e === entry);
  if (kept) forgetEntry(kept);
}

/** For tests: how many files are kept. */
export function keptSheets(): number {
  return entries.length;
}
