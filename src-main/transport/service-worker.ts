/**
 * The services in a worker thread: the catalogue opens there (its own better-sqlite3 connection, the
 * integrity check, the demo for a new catalogue), and the thread that answers HTTP never waits for an
 * import's transaction. Messages: {call, id, name, input, flag} in; {progress, id}, {result, id} out.
 *
 * The worker's code is the entry module itself (`cli/web.ts`: a single file once bundled by esbuild),
 * started again in the worker, where `isServiceWorkerThread()` sends it to `runServiceWorker()`.
 * Cancelling: a SharedArrayBuffer flag per call, read by the call's progress callback — the worker's
 * event loop is held by a synchronous transaction, so a message would arrive only after the work ended.
 */
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { isMainThread, Worker, type WorkerOptions, workerData } from 'node:worker_threads';
import { AppError, type AppErrorPayload, type Envelope } from '../contract/errors.ts';
import type { Progress } from '../services/context.ts';
import { startCheckpointer } from '../catalogue/checkpointer.ts';
import { errorLogPathFor } from './error-log.ts';
import type { ServiceHost } from './service-host.ts';
import { toAppError } from './to-app-error.ts';

const ROLE = 'synthese-service-worker';

export interface ServiceWorkerData {
  role: typeof ROLE;
  dbPath: string;
  documentsDir?: string;
  /** A new catalogue opens on the demo (`--demo`). */
  demo?: boolean;
  /** A fixed clock (tests), as an ISO date. */
  fixedNow?: string;
  errorLog?: string | null;
  validateOutput?: boolean;
  /**
   * The worker for long work: the catalogue is already open (created, migrated, checked, demo loaded) in
   * the first one; this one only opens its own connection.
   */
  longWork?: boolean;
  /** The journal is copied into the file by the host's checkpointer thread (catalogue/checkpointer.ts). */
  checkpointedElsewhere?: boolean;
}

export type ToWorker =
  | { type: 'call'; id: number; name: unknown; input: unknown; flag: SharedArrayBuffer; progress: boolean }
  | { type: 'damaged'; error: AppErrorPayload }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; fresh: boolean; demoLoaded: boolean }
  | { type: 'failed'; message: string }
  | { type: 'damaged'; error: AppErrorPayload }
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'closed' };

export function isServiceWorkerThread(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === ROLE;
}

// ——— in the worker ———

/**
 * The worker's loop (service-worker-run.ts). Loaded only in the worker: the thread that starts the workers
 * (Electron's main process, `npm run web`'s HTTP thread) never evaluates the services and their libraries
 * (docx, exceljs, resvg…), some 85 MB it would hold for nothing.
 */
export async function runServiceWorker(): Promise<void> {
  const { runServiceWorkerHere } = await import('./service-worker-run.ts');
  await runServiceWorkerHere();
}

// ——— in the main thread ———

/**
 * Long work runs in a second worker, with its own connection: a synchronous transaction (an import's,
 * a merge's) holds its worker's event loop for seconds, and the screens' reads must not wait for it
 * (WAL: they read the catalogue as it was before, until the work commits). Writes from the first
 * worker wait for the long work's transaction (the catalogue's busy timeout, 30 s), then answer « occupé ».
 * A third thread copies the journal into the file after each commit (catalogue/checkpointer.ts).
 */
export const LONG_WORK: ReadonlySet<string> = new Set([
  'spreadsheets.previewImport', 'spreadsheets.importAttendance', 'spreadsheets.exportBilan', 'spreadsheets.attendanceTemplate',
  'synthesis.generate', 'kit2015.generate', 'exchange.export', 'exchange.preview', 'exchange.merge',
  // Reading restitutions (LibreOffice, pdftotext), grouping a thématique, clustering two consultations.
  'restitutions.add', 'restitutions.previewFolder', 'restitutions.importFolder', 'groups.propose',
  'comparison.thematique', 'comparison.generate',
]);

export interface WorkerHostOptions {
  /** The module the worker runs: the entry module that calls `runServiceWorker()` when `isServiceWorkerThread()`. */
  entry: URL;
  dbPath: string;
  documentsDir?: string;
  demo?: boolean;
  fixedNow?: string;
  errorLog?: string | null;
  validateOutput?: boolean;
  /** Damage found by the background check of a large catalogue (every call is refused from then on). */
  onDamaged?: (message: string) => void;
  /** A worker stopped on its own (a crash): its calls are then refused. */
  onExit?: (message: string) => void;
}

export interface WorkerHost extends ServiceHost {
  /** The catalogue did not exist before this start. */
  fresh: boolean;
  /** The demo was loaded into the new catalogue. */
  demoLoaded: boolean;
}

/**
 * Starts the workers and resolves once the catalogue is open (and the demo loaded); rejects with an
 * AppError carrying the French reason (damaged catalogue, not a catalogue, a folder…) otherwise.
 */
export async function startWorkerHost(options: WorkerHostOptions): Promise<WorkerHost> {
  keepHeapsSmall();
  const data: ServiceWorkerData = {
    role: ROLE,
    dbPath: options.dbPath,
    checkpointedElsewhere: true,
    ...(options.documentsDir !== undefined ? { documentsDir: options.documentsDir } : {}),
    ...(options.demo ? { demo: true } : {}),
    ...(options.fixedNow ? { fixedNow: options.fixedNow } : {}),
    ...(options.errorLog !== undefined ? { errorLog: options.errorLog } : {}),
    ...(options.validateOutput ? { validateOutput: true } : {}),
  };
  let long: WorkerChannel | null = null;
  const first = await WorkerChannel.start(options.entry, data, {
    onDamaged: (error) => {
      long?.damaged(error);
      options.onDamaged?.(error.message);
    },
    onExit: options.onExit,
  });
  try {
    long = await WorkerChannel.start(options.entry, { ...data, longWork: true }, { onExit: options.onExit });
  } catch (error) {
    await first.close();
    throw error;
  }
  const second = long;
  const channels = [first, second];
  // Once the catalogue exists, migrated: from then on no commit copies the journal itself.
  const checkpointer = startCheckpointer(options.dbPath);
  return {
    fresh: first.fresh,
    demoLoaded: first.demoLoaded,
    cataloguePath: options.dbPath,
    call: (name, input, onProgress, signal) => (typeof name === 'string' && LONG_WORK.has(name) ? second : first).call(name, input, onProgress, signal),
    cancel: () => channels.forEach((c) => c.cancel()),
    close: async () => {
      // Its connection first: the workers' own closing then copies the rest and removes the journal.
      await checkpointer.stop();
      await Promise.all(channels.map((c) => c.close()));
    },
  };
}

interface ChannelEvents {
  onDamaged?: (error: AppErrorPayload) => void;
  onExit?: ((message: string) => void) | undefined;
}

interface PendingCall {
  resolve: (envelope: Envelope<unknown>) => void;
  onProgress: ((progress: Progress) => void) | undefined;
  flag: Int32Array;
}

/** One worker: its calls under way, their progress and cancel flags. */
class WorkerChannel {
  fresh = false;
  demoLoaded = false;
  private readonly pending = new Map<number, PendingCall>();
  private nextId = 1;
  private stopped: string | null = null;
  private closing: Promise<void> | null = null;
  private signalClosed: () => void = () => {};

  private constructor(private readonly worker: Worker) {}

  static start(entry: URL, data: ServiceWorkerData, events: ChannelEvents): Promise<WorkerChannel> {
    const channel = new WorkerChannel(spawnWorker(entry, data));
    const { worker } = channel;
    return new Promise<WorkerChannel>((resolve, reject) => {
      let started = false;
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'ready':
            started = true;
            channel.fresh = message.fresh;
            channel.demoLoaded = message.demoLoaded;
            resolve(channel);
            return;
          case 'failed':
            started = true;
            channel.stop(message.message);
            void worker.terminate();
            reject(new AppError('FILE', message.message));
            return;
          case 'damaged':
            events.onDamaged?.(message.error);
            return;
          case 'progress':
            channel.pending.get(message.id)?.onProgress?.(message.progress);
            return;
          case 'result': {
            const call = channel.pending.get(message.id);
            channel.pending.delete(message.id);
            call?.resolve(message.envelope);
            return;
          }
          case 'closed':
            channel.signalClosed();
            return;
        }
      });
      worker.on('error', (error) => {
        const message = `Le service s’est arrêté : ${toAppError(error, { logPath: errorLogPathFor(data.dbPath), operation: 'service' }).message} Relancez Synthèse régionale.`;
        if (!started) {
          started = true;
          reject(new AppError('INTERNAL', message));
        }
        channel.stop(message);
      });
      worker.on('exit', (code) => {
        channel.signalClosed();
        const closing = channel.closing !== null;
        const message = closing ? STOPPING : `Le service s’est arrêté (code ${code}) : relancez Synthèse régionale.`;
        if (!started) {
          started = true;
          reject(new AppError('INTERNAL', message));
        } else if (channel.stopped === null && !closing) events.onExit?.(message);
        channel.stop(message);
      });
    });
  }

  call(name: unknown, input: unknown, onProgress?: (progress: Progress) => void, signal?: AbortSignal): Promise<Envelope<unknown>> {
    if (this.stopped !== null || this.closing) {
      return Promise.resolve({ ok: false, error: new AppError('INTERNAL', this.stopped ?? STOPPING).toPayload() });
    }
    const id = this.nextId++;
    const buffer = new SharedArrayBuffer(4);
    const flag = new Int32Array(buffer);
    const abort = () => Atomics.store(flag, 0, 1);
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort, { once: true });
    return new Promise<Envelope<unknown>>((resolve) => {
      const settle = (envelope: Envelope<unknown>) => {
        signal?.removeEventListener('abort', abort);
        resolve(envelope);
      };
      this.pending.set(id, { resolve: settle, onProgress, flag });
      const message: ToWorker = { type: 'call', id, name, input, flag: buffer, progress: onProgress !== undefined };
      try {
        this.worker.postMessage(message);
      } catch (error) {
        // An input that cannot cross threads (never one read from JSON): refused like any other input.
        this.pending.delete(id);
        settle({ ok: false, error: toAppError(error, { logPath: null }).toPayload() });
      }
    });
  }

  damaged(error: AppErrorPayload): void {
    if (this.stopped === null && !this.closing) this.worker.postMessage({ type: 'damaged', error } satisfies ToWorker);
  }

  cancel(): void {
    for (const call of this.pending.values()) Atomics.store(call.flag, 0, 1);
  }

  /** The calls still under way are cancelled in the worker and answer; then it closes the catalogue. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    this.closing = new Promise<void>((resolve) => {
      this.signalClosed = resolve;
    }).then(async () => {
      await this.worker.terminate();
    });
    if (this.stopped !== null) this.signalClosed();
    else this.worker.postMessage({ type: 'close' } satisfies ToWorker);
    return this.closing;
  }

  private stop(message: string): void {
    if (this.stopped !== null) return;
    this.stopped = message;
    for (const call of this.pending.values()) call.resolve({ ok: false, error: new AppError('INTERNAL', message).toPayload() });
    this.pending.clear();
  }
}

const STOPPING = 'Synthèse régionale s’arrête.';

/**
 * V8 lets a heap grow up to four times what survived its last full collection before collecting again: a
 * worker stamping or merging 400 000 records (50–70 MB alive) held 250–330 MB, and the app went past 400 MB.
 * Grown by 30 % instead, the same export peaked at 275 MB of the process's memory instead of 470, in the
 * same time (its garbage is young). A V8 flag, for every heap of the process (set before the workers start).
 */
export const HEAP_GROWING_PERCENT = 30;
export function keepHeapsSmall(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

function spawnWorker(entry: URL, data: ServiceWorkerData): Worker {
  return moduleWorker(entry, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
}

/**
 * A worker running the module `entry`. From a bundle (`dist/cli/web.mjs`) it is plain JavaScript; from
 * the sources (tsx, the tests) the worker registers tsx's loader first: a worker started on a .ts file
 * would load it before any loader given in execArgv (Node 20).
 */
export function moduleWorker(entry: URL, options: WorkerOptions): Worker {
  if (/\.[cm]?tsx?$/.test(entry.pathname)) {
    const tsx = createRequire(import.meta.url).resolve('tsx/esm/api');
    const script = `require(${JSON.stringify(tsx)}).register(); import(${JSON.stringify(entry.href)});`;
    return new Worker(script, { ...options, eval: true, execArgv: [] });
  }
  return new Worker(entry, options);
}

/**
 * Each worker's young generation, in MB (V8's default grows it to 32–48 MB per heap). The services'
 * garbage is short-lived rows and XML strings: measured at ten times national scale
 * (scripts/measure-memory.ts), 8 MB took the app's peak from 402–416 MB to 347–370 MB with the import,
 * the région's synthesis and the bundles as fast; 4 MB made the synthesis 25 % slower.
 */
export const WORKER_YOUNG_GENERATION_MB = 8;
