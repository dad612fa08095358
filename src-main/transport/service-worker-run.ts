/**
 * The services' worker loop (see service-worker.ts): open the catalogue, say so (or why not), then answer
 * calls until told to close. Imported by the worker alone.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { leaveCheckpointsToThread } from '../catalogue/checkpointer.ts';
import { needsBackgroundCheck, openCatalogue } from '../catalogue/database.ts';
import { damagedCatalogue } from '../catalogue/health.ts';
import { checkIntegrityInBackground } from '../catalogue/integrity-worker.ts';
import { AppError, type Envelope } from '../contract/errors.ts';
import { loadDemos } from '../demo/demo-catalogue.ts';
import type { Progress, ServiceContext } from '../services/context.ts';
import { handlers } from '../services/handlers.ts';
import { dispatch, type DispatchOptions } from './dispatch.ts';
import { errorLogPathFor } from './error-log.ts';
import { localCaller } from './local.ts';
import { cancellableProgress, cancelledError } from './service-host.ts';
import type { FromWorker, ServiceWorkerData, ToWorker } from './service-worker.ts';
import { toAppError } from './to-app-error.ts';

export async function runServiceWorkerHere(): Promise<void> {
  const data = workerData as ServiceWorkerData;
  const port = parentPort!;
  const post = (message: FromWorker) => port.postMessage(message);
  const { dbPath } = data;
  const fresh = !existsSync(dbPath);
  let context: ServiceContext;
  try {
    mkdirSync(dirname(dbPath), { recursive: true });
    const db = openCatalogue(dbPath, data.longWork ? { checked: true } : {});
    // The host's checkpointer copies the journal after each commit.
    if (data.checkpointedElsewhere) leaveCheckpointsToThread(db);
    const now = data.fixedNow ? () => new Date(data.fixedNow!) : () => new Date();
    context = { db, now, cataloguePath: dbPath, ...(data.documentsDir ? { documentsDir: data.documentsDir } : {}) };
  } catch (error) {
    post({ type: 'failed', message: toAppError(error, { logPath: errorLogPathFor(dbPath), operation: 'ouverture du catalogue' }).message });
    return;
  }
  // A large catalogue was only quick-checked at open: the full check runs beside, and damage found then
  // stops every operation (nothing more is written into it) with the way to restore.
  if (!data.longWork && needsBackgroundCheck(dbPath)) {
    void checkIntegrityInBackground(dbPath).then((damage) => {
      if (!damage) return;
      context.damaged = damagedCatalogue(dbPath, damage);
      post({ type: 'damaged', error: context.damaged.toPayload() });
    });
  }
  let demoLoaded = false;
  if (fresh && data.demo && !data.longWork) {
    try {
      await loadDemos(localCaller(context));
      demoLoaded = true;
    } catch (error) {
      context.db.close();
      post({ type: 'failed', message: toAppError(error, { logPath: errorLogPathFor(dbPath), operation: 'chargement de la démonstration' }).message });
      return;
    }
  }

  const options: DispatchOptions = {
    ...(data.errorLog !== undefined ? { errorLog: data.errorLog } : {}),
    ...(data.validateOutput ? { validateOutput: true } : {}),
  };
  const underWay = new Map<number, { flag: Int32Array; done: Promise<void> }>();
  let closing = false;
  port.on('message', (message: ToWorker) => {
    if (message.type === 'damaged') {
      // Found by the other worker's check: refused here too.
      context.damaged = new AppError(message.error.code, message.error.message, message.error.issues ?? []);
      return;
    }
    if (message.type === 'close') {
      if (closing) return;
      closing = true;
      // What is still running is abandoned: cancelled (rolled back), then the catalogue closes.
      for (const { flag } of underWay.values()) Atomics.store(flag, 0, 1);
      void Promise.allSettled([...underWay.values()].map((c) => c.done)).then(() => {
        context.db.close();
        post({ type: 'closed' });
        port.close();
      });
      return;
    }
    const { id, name, input } = message;
    const flag = new Int32Array(message.flag);
    if (closing) Atomics.store(flag, 0, 1);
    const cancelled = () => Atomics.load(flag, 0) !== 0;
    const forward = message.progress ? (progress: Progress) => post({ type: 'progress', id, progress }) : undefined;
    const run = async () => {
      const envelope: Envelope<unknown> = cancelled()
        ? { ok: false, error: cancelledError().toPayload() }
        : await dispatch(handlers, { ...context, onProgress: cancellableProgress(cancelled, forward) }, name, input, options);
      post({ type: 'result', id, envelope });
    };
    const done = run().finally(() => underWay.delete(id));
    underWay.set(id, { flag, done });
  });
  post({ type: 'ready', fresh, demoLoaded });
}
