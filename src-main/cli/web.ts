/**
 * `npm run web`: the same UI as the desktop app, in a browser, where Electron cannot run. The local
 * HTTP bridge serves the built renderer and the service contract on 127.0.0.1 with a fresh token.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCatalogue } from '../catalogue/database.ts';
import { appRoot } from '../catalogue/paths.ts';
import { loadDemos } from '../demo/demo-catalogue.ts';
import { handlers } from '../services/handlers.ts';
import { startHttpBridge } from '../transport/http-bridge.ts';
import { localCaller } from '../transport/local.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    db: { type: 'string', default: 'out/catalogue.sqlite' },
    port: { type: 'string', default: '5280' },
    documents: { type: 'string' },
  },
  strict: true,
});
const dbPath = values.db!;
const port = Number(values.port);
const staticDir = join(appRoot(), 'dist', 'renderer');
if (!existsSync(join(staticDir, 'index.html'))) {
  process.stderr.write("Erreur : l'interface n'est pas construite. Lancez « npm run web » (qui la construit) plutôt que ce script seul.\n");
  process.exit(2);
}

const fresh = !existsSync(dbPath);
mkdirSync(dirname(dbPath), { recursive: true });
const db = openCatalogue(dbPath);
// As in the desktop app: a folder typed as a bare name ("Synthèses") lands in the user's documents,
// never in the folder the server was launched from (a source tree, say).
const documentsDir = resolve(values.documents ?? join(process.env.XDG_DOCUMENTS_DIR ?? join(homedir(), 'Documents'), 'Synthèse régionale'));
const context = { db, now: () => new Date(), cataloguePath: dbPath, documentsDir };
if (fresh) {
  // A first launch opens on something to see: the demo catalogue (seed 004), which the user may replace.
  await loadDemos(localCaller(context));
  process.stdout.write(`Catalogue de démonstration créé : ${dbPath}\n`);
}
const bridge = await startHttpBridge({ handlers, context, port, staticDir });
process.stdout.write(`Synthèse régionale est servie sur ce poste uniquement (127.0.0.1), catalogue : ${dbPath}\n`);
process.stdout.write(`Fichiers écrits sous : ${documentsDir} (sauf chemin complet donné)\n`);
process.stdout.write(`Ouvrez dans le navigateur : ${bridge.launchUrl}\n`);
process.stdout.write('Arrêt : Ctrl+C.\n');

const stop = async () => {
  await bridge.close();
  db.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
