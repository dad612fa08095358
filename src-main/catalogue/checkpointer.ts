/**
 * The catalogue's journal copied into its file (a WAL checkpoint) by a thread of its own, shortly after
 * each commit, rather than by whichever commit crosses SQLite's threshold: at ten times national scale the
 * commit that crossed it also copied the 40 MB of journal the writes before it had left, 90 ms more, one
 * import in eight and any screen's save. PASSIVE: it never waits for readers or writers, and copies what is
 * committed. The connections whose journal it copies raise SQLite's own threshold
 * (CHECKPOINTED_ELSEWHERE_PAGES), a bound should this thread stop. Like the integrity check, a plain script
 * with its own connection: the same under tsx, Node and Electron.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Catalogue } from './database.ts';

/** How often the thread looks for commits made since its last copy. */
export const CHECKPOINT_EVERY_MS = 100;
/** SQLite's own threshold, in pages, for the connections whose journal the thread copies (160 MB). */
export const CHECKPOINTED_ELSEWHERE_PAGES = 40_000;

const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db = null;
try {
  db = new Database(workerData.path, { fileMustExist: true });
  // Pages are read once, to be copied: a small cache.
  db.pragma('cache_size = -2048');
} catch {
  db = null;
}
let seen = null;
let timer = null;
const copy = () => {
  if (db === null) return;
  try {
    // data_version changes when another connection commits: nothing committed, nothing to copy.
    const version = db.pragma('data_version', { simple: true });
    if (version !== seen) {
      seen = version;
      db.pragma('wal_checkpoint(PASSIVE)');
    }
  } catch {
    // Busy or closing: the next turn, or SQLite's own threshold, copies it.
  }
};
const tick = () => {
  timer = null;
  if (db === null) return;
  copy();
  timer = setTimeout(tick, workerData.everyMs);
};
parentPort.on('message', (message) => {
  if (message === 'settle') {
    copy();
    parentPort.postMessage('settled');
    return;
  }
  if (message !== 'stop') return;
  if (timer !== null) clearTimeout(timer);
  timer = null;
  try {
    if (db !== null) db.close();
  } catch {}
  db = null;
  parentPort.postMessage('stopped');
});
tick();
`;

/** A connection whose journal the thread copies: SQLite's own threshold raised, only a bound should the thread stop. */
export function leaveCheckpointsToThread(db: Catalogue): void {
  db.pragma(`wal_autocheckpoint = ${CHECKPOINTED_ELSEWHERE_PAGES}`);
}

export interface Checkpointer {
  /** Resolves once what was committed before the call is copied (tests, and the bench between its runs). */
  settle(): Promise<void>;
  /** Stops the thread and closes its connection: before the catalogue is closed, moved or restored. */
  stop(): Promise<void>;
}

/** The thread, on the catalogue at `path` (which must exist). Never throws: without it, SQLite's threshold copies. */
export function startCheckpointer(path: string, everyMs = CHECKPOINT_EVERY_MS): Checkpointer {
  let worker: Worker | null;
  try {
    worker = new Worker(SCRIPT, {
      eval: true,
      workerData: { path, everyMs, module: createRequire(import.meta.url).resolve('better-sqlite3') },
      // A few megabytes of JavaScript at most.
      resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 16 },
    });
  } catch {
    worker = null;
  }
  // The app may quit without stopping it: it must not keep the process alive.
  worker?.unref();
  worker?.on('error', () => {});
  let stopping: Promise<void> | null = null;
  return {
    settle: () =>
      new Promise<void>((resolve) => {
        if (worker === null || stopping) return resolve();
        const w = worker;
        const answered = (message: unknown) => {
          if (message !== 'settled' && message !== 'stopped') return;
          w.off('message', answered);
          resolve();
        };
        w.on('message', answered);
        w.postMessage('settle');
      }),
    stop: () =>
      (stopping ??= new Promise<void>((resolve) => {
        if (worker === null) return resolve();
        const w = worker;
        const stopped = (message: unknown) => {
          if (message !== 'stopped') return;
          w.off('message', stopped);
          void w.terminate().finally(resolve);
        };
        w.on('message', stopped);
        w.once('exit', () => resolve());
        w.postMessage('stop');
      })),
  };
}
