/**
 * `npm run web`: the same UI as the desktop app, in a browser, where Electron cannot run. The local
 * HTTP bridge serves the built renderer and the service contract on 127.0.0.1 with a fresh token.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Catalogue, needsBackgroundCheck, openCatalogue } from '../catalogue/database.ts';
import { damagedCatalogue } from '../catalogue/health.ts';
import { checkIntegrityInBackground } from '../catalogue/integrity-worker.ts';
import { appRoot } from '../catalogue/paths.ts';
import { loadDemos } from '../demo/demo-catalogue.ts';
import type { ServiceContext } from '../services/context.ts';
import { handlers } from '../services/handlers.ts';
import { errorLogPathFor } from '../transport/error-log.ts';
import { startHttpBridge } from '../transport/http-bridge.ts';
import { toAppError } from '../transport/to-app-error.ts';
import { localCaller } from '../transport/local.ts';

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

const fresh = !existsSync(dbPath);
function open(): Catalogue {
  try {
    mkdirSync(dirname(dbPath), { recursive: true });
    return openCatalogue(dbPath);
  } catch (error) {
    return fail(toAppError(error, { logPath: errorLogPathFor(dbPath), operation: 'ouverture du catalogue' }).message);
  }
}
const db = open();
// As in the desktop app: a folder typed as a bare name ("Synthèses") lands in the user's documents,
// never in the folder the server was launched from (a source tree, say).
const documentsDir = resolve(values.documents ?? join(process.env.XDG_DOCUMENTS_DIR ?? join(homedir(), 'Documents'), 'Synthèse régionale'));
const context: ServiceContext = { db, now: () => new Date(), cataloguePath: dbPath, documentsDir };
// A large catalogue was only quick-checked at open: the full check runs beside the server, and damage
// found then stops every operation (nothing more is written into it) with the way to restore.
if (needsBackgroundCheck(dbPath)) {
  void checkIntegrityInBackground(dbPath).then((damage) => {
    if (!damage) return;
    context.damaged = damagedCatalogue(dbPath, damage);
    process.stderr.write(`Erreur : ${context.damaged.message}\n`);
  });
}
if (fresh && values.demo) {
  await loadDemos(localCaller(context));
  process.stdout.write(`Catalogue de démonstration créé : ${dbPath}\n`);
} else if (fresh) {
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
    return await startHttpBridge({ handlers, context, port, staticDir });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES') fail(`le serveur n’a pas pu démarrer : ${toAppError(error, { logPath: errorLogPathFor(dbPath), operation: 'démarrage du serveur' }).message}`);
    const bridge = await startHttpBridge({ handlers, context, port: 0, staticDir });
    process.stdout.write(`Le port ${port} est déjà pris : Synthèse régionale utilise le port ${new URL(bridge.launchUrl).port}.\n`);
    return bridge;
  }
}

const stop = async () => {
  await bridge.close();
  db.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
