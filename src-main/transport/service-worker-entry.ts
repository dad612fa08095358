/**
 * The desktop app's services worker (bundled on its own as dist/main/service-worker.mjs): the Electron
 * main process keeps the window and its dialogs, and the catalogue runs here, off its thread.
 */
import { isServiceWorkerThread, runServiceWorker } from './service-worker.ts';

if (isServiceWorkerThread()) await runServiceWorker();
