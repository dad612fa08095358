/**
 * `npm run web`: the same UI as the desktop app, in a browser, where Electron cannot run. The local
 * HTTP bridge serves the built renderer and the service contract on 127.0.0.1 with a fresh token.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { appRoot } from '../catalogue/paths.ts';
import { errorLogPathFor } from '../transport/error-log.ts';
import { startHttpBridge } from '../transport/http-bridge.ts';
import { isServiceWorkerThread, runServiceWorker, startWorkerHost, type WorkerHost } from '../transport/service-worker.ts';
import { toAppError } from '../transport/to-app-error.ts';

// The same module is the services' worker thread (one file once bundled): see transport/service-worker.ts.
if (isServiceWorkerThread()) await runServiceWorker();
else await main();

async function main(): Promise<void> {
  const fail = (message: string): never => {
    process.stderr.write(`Erreur : ${message}\n`);
    process.exit(2);
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        db: { type: 'string', default: 'out/catalogue.sqlite' },
        port: { type: 'string', default: '5280' },
        documents: { type: 'string' },
        // A new catalogue opens on the demo rather than on the first-launch questions.
        demo: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    fail(`ligne de commande incorrecte (${String((error as Error).message).replace(/^Unknown option '([^']+)'.*$/s, 'option inconnue « $1 »')}). Options : --db FICHIER, --port N, --documents DOSSIER, --demo.`);
  }
  const values = parsed!.values;
  const dbPath = values.db!;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port attend un numéro de port (0 à 65535), pas « ${values.port} ».`);
  const staticDir = join(appRoot(), 'dist', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    process.stderr.write("Erreur : l'interface n'est pas construite. Lancez « npm run web » (qui la construit) plutôt que ce script seul.\n");
    process.exit(2);
  }

  // As in the desktop app: a folder typed as a bare name ("Synthèses") lands in the user's documents,
  // never in the folder the server was launched from (a source tree, say).
  const documentsDir = resolve(values.documents ?? join(process.env.XDG_DOCUMENTS_DIR ?? join(homedir(), 'Documents'), 'Synthèse régionale'));
  // The catalogue opens in the services' worker (checked there; the demo loaded there for a new one with
  // --demo): a catalogue that cannot open stops here, before the server listens.
  let host: WorkerHost;
  try {
    host = await startWorkerHost({
      entry: new URL(import.meta.url),
      dbPath,
      documentsDir,
      demo: values.demo!,
      // A large catalogue found damaged after it opened: every operation now says how to restore.
      onDamaged: (message) => process.stderr.write(`Erreur : ${message}\n`),
      onExit: (message) => process.stderr.write(`Erreur : ${message}\n`),
    });
  } catch (error) {
    return fail(toAppError(error, { logPath: errorLogPathFor(dbPath), operation: 'ouverture du catalogue' }).message);
  }
  if (host.demoLoaded) {
    process.stdout.write(`Catalogue de démonstration créé : ${dbPath}\n`);
  } else if (host.fresh) {
    // The first launch asks in the page who this catalogue is for (or opens the demo, if the user chooses it).
    process.stdout.write(`Nouveau catalogue : ${dbPath} (l’interface demande pour qui il est)\n`);
  }
  const bridge = await listen();
  process.stdout.write(`Synthèse régionale est servie sur ce poste uniquement (127.0.0.1), catalogue : ${dbPath}\n`);
  process.stdout.write(`Fichiers écrits sous : ${documentsDir} (sauf chemin complet donné)\n`);
  process.stdout.write(`Ouvrez dans le navigateur : ${bridge.launchUrl}\n`);
  process.stdout.write('Arrêt : Ctrl+C.\n');

  /** A port already taken (another instance, another program): a free one instead, and say which. */
  async function listen() {
    try {
      return await startHttpBridge({ host, port, staticDir });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'EADDRINUSE' && code !== 'EACCES') fail(`le serveur n’a pas pu démarrer : ${toAppError(error, { logPath: errorLogPathFor(dbPath), operation: 'démarrage du serveur' }).message}`);
      const bridge = await startHttpBridge({ host, port: 0, staticDir });
      process.stdout.write(`Le port ${port} est déjà pris : Synthèse régionale utilise le port ${new URL(bridge.launchUrl).port}.\n`);
      return bridge;
    }
  }

  // Ctrl+C: the answers under way end, the bridge closes, then the worker closes the catalogue.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await bridge.close();
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
