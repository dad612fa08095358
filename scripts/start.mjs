// `npm start`: the desktop app where Electron is installed; a plain explanation where it is not.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electron;
try {
  electron = require('electron'); // the path of the binary, when it was downloaded
} catch {
  electron = null;
}
if (typeof electron !== 'string') {
  console.error(
    "Electron n'est pas installé sur cette machine (son binaire se télécharge depuis GitHub, inaccessible ici).\n" +
      "Sur un poste relié à Internet : npm install electron, puis npm start.\n" +
      "Ici, « npm run web » sert la même interface dans le navigateur, et « npm run synthese -- … » fait tout le travail en ligne de commande.",
  );
  process.exit(1);
}
for (const step of [['node_modules/vite/bin/vite.js', 'build'], ['scripts/build-main.mjs']]) {
  const build = spawnSync(process.execPath, step, { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync(electron, ['.'], { stdio: 'inherit' });
process.exit(run.status ?? 0);
