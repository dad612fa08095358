/**
 * The errors journal: what went wrong unexpectedly, in full (original message, stack, operation),
 * kept in a file for whoever helps the user, while the screen shows a French sentence and a short
 * reference to find the line. One JSON object a line; past 1 MB the file becomes `.1` (one
 * generation kept), so it never grows without end. No file configured: stderr only.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type ThrownDetails, describeThrown } from './thrown.ts';

export const ERROR_LOG_MAX_BYTES = 1024 * 1024;
const MAX_TEXT = 16_000;

export interface ErrorLogEntry {
  /** Shown to the user, to find this line again. */
  reference: string;
  /** The contract operation under way, when known. */
  operation?: string;
  error: unknown;
}

/** Where a catalogue's journal lives: `<catalogue folder>/journal/erreurs.log`; none for an in-memory catalogue. */
export function errorLogPathFor(cataloguePath: string | undefined): string | null {
  if (!cataloguePath || cataloguePath === ':memory:' || cataloguePath.startsWith('file:')) return null;
  return join(dirname(cataloguePath), 'journal', 'erreurs.log');
}

/** Eight characters, easy to read out on the phone. */
export function newReference(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

/** Appends the entry to the journal (never throws: a journal that cannot be written falls back to stderr). */
export function logError(path: string | null, entry: ErrorLogEntry): void {
  const details: ThrownDetails = describeThrown(entry.error);
  const line = `${JSON.stringify({
    at: new Date().toISOString(),
    reference: entry.reference,
    ...(entry.operation !== undefined ? { operation: entry.operation } : {}),
    ...details,
    // A 151 KB message once: the journal keeps the start of it, enough to see what it was.
    message: details.message.slice(0, MAX_TEXT),
    ...(details.stack !== undefined ? { stack: details.stack.slice(0, MAX_TEXT) } : {}),
  })}\n`;
  if (path !== null) {
    try {
      append(path, line);
      return;
    } catch (failure) {
      process.stderr.write(`Journal des erreurs « ${path} » impossible à écrire (${describeThrown(failure).message}).\n`);
    }
  }
  process.stderr.write(line);
}

function append(path: string, line: string): void {
  const folder = dirname(path);
  try {
    // One level only: the catalogue's folder exists (and Node 20's recursive mkdir can hang on odd paths).
    mkdirSync(folder);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  }
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    // not written yet
  }
  if (size > 0 && size + Buffer.byteLength(line) > ERROR_LOG_MAX_BYTES) renameSync(path, join(folder, `${basename(path)}.1`));
  appendFileSync(path, line, { encoding: 'utf8', mode: 0o600 });
}
