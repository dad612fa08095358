/**
 * The full `integrity_check` of a large catalogue, in a worker thread with its own read-only
 * connection: 1.2 s at ten times national scale, which the window must not wait for. The worker's
 * code is a plain script (no TypeScript, no bundling), so it runs the same from tsx, Node and Electron.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { type Damage, namedTables } from './health.ts';

const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let findings;
let unreadable = false;
try {
  const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  try {
    // Every page is read once: a small cache (2 MB, not better-sqlite3's 16 MB) is as fast.
    db.pragma('cache_size = -2048');
    findings = db.pragma('integrity_check(20)').map((row) => String(Object.values(row)[0])).filter((f) => f !== 'ok');
  } finally {
    db.close();
  }
} catch (error) {
  findings = [String(error && error.code) + ': ' + String(error && error.message)];
  unreadable = true;
}
parentPort.postMessage({ findings, unreadable });
`;

/** Resolves with the damage found, or null when sound (or when the check could not run at all). */
export function checkIntegrityInBackground(path: string): Promise<Damage | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(SCRIPT, { eval: true, workerData: { path, module: createRequire(import.meta.url).resolve('better-sqlite3') } });
    } catch {
      resolve(null);
      return;
    }
    // The app may quit before the check ends: it must not keep the process alive.
    worker.unref();
    worker.once('message', ({ findings, unreadable }: { findings: string[]; unreadable: boolean }) => {
      void worker.terminate();
      if (findings.length === 0) return resolve(null);
      let tables: string[] = [];
      try {
        const db = new Database(path, { readonly: true, fileMustExist: true });
        try {
          tables = namedTables(db, findings);
        } finally {
          db.close();
        }
      } catch {
        // the findings alone then
      }
      resolve({ findings, unreadable, tables });
    });
    worker.once('error', () => resolve(null));
  });
}
