/** Where shipped files live, from source (tsx, vitest) or from the bundled app (dist/). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(): string {
  // Walk up from this module until the folder holding assets/ (works for src-main/ and dist/).
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'assets', 'reference'))) return dir;
    dir = resolve(dir, '..');
  }
  throw new Error('Dossier assets/ introuvable : installation incomplète.');
}

let root: string | undefined;
export function appRoot(): string {
  root ??= process.env.SYNTHESE_APP_ROOT ?? projectRoot();
  return root;
}

export function assetPath(...parts: string[]): string {
  return join(appRoot(), 'assets', ...parts);
}

export function migrationsDir(): string {
  const bundled = join(appRoot(), 'migrations');
  return existsSync(bundled) ? bundled : join(appRoot(), 'src-main', 'catalogue', 'migrations');
}

/** Backups live beside the catalogue, in the desktop app (user data) as on the command line. */
export function backupsDirFor(cataloguePath: string): string {
  return join(dirname(resolve(cataloguePath)), 'sauvegardes');
}
