/** Writing generated files: folders made on demand, files replaced atomically, French errors. */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { AppError } from '../contract/errors.ts';
import type { ServiceContext } from './context.ts';

/** A folder the user named for generated documents, relative to their documents folder. */
export function outputFolder(ctx: Pick<ServiceContext, 'documentsDir'>, given: string): string {
  return resolve(ctx.documentsDir ?? process.cwd(), given);
}

/**
 * A file the user named for a generated spreadsheet: it must carry the expected extension, and it can
 * never be the open catalogue (nor its journal files or its backups), which a typo would otherwise
 * replace without a word.
 */
export function outputFile(ctx: Pick<ServiceContext, 'documentsDir' | 'cataloguePath'>, given: string, extension: '.xlsx' | '.synthese'): string {
  const path = resolve(ctx.documentsDir ?? process.cwd(), given);
  if (extname(path).toLowerCase() !== extension) {
    throw new AppError('FILE', `Le fichier à écrire doit se terminer par ${extension} : « ${basename(path)} ».`);
  }
  if (ctx.cataloguePath) {
    const catalogue = resolve(ctx.cataloguePath);
    const guarded = [catalogue, `${catalogue}-wal`, `${catalogue}-shm`];
    if (guarded.includes(path) || path.startsWith(join(dirname(catalogue), 'sauvegardes') + sep)) {
      throw new AppError('FILE', `« ${basename(path)} » est le catalogue ouvert ou l’une de ses sauvegardes : choisissez un autre fichier.`);
    }
  }
  return path;
}

export function makeDir(dir: string): void {
  try {
    // One level at a time: Node 20's recursive mkdir never returns for some paths (/proc/x).
    const missing: string[] = [];
    let current = resolve(dir);
    while (!existsSync(current)) {
      missing.unshift(current);
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
    if (existsSync(current) && !statSync(current).isDirectory()) throw Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR' });
    for (const folder of missing) mkdirSync(folder);
  } catch (error) {
    throw new AppError('FILE', `Impossible de créer le dossier « ${dir} » : ${reason(error)}.`);
  }
}

/** What a file-system error means for the user, in French. */
function reason(error: unknown): string {
  switch ((error as { code?: string }).code) {
    case 'EACCES':
    case 'EPERM':
      return 'droits insuffisants sur ce dossier';
    case 'EEXIST':
    case 'ENOTDIR':
      return 'un fichier (et non un dossier) porte déjà ce nom';
    case 'EISDIR':
      return 'un dossier porte déjà ce nom';
    case 'ENOSPC':
      return 'le disque est plein';
    case 'EBUSY':
      return 'le fichier est ouvert dans un autre programme (Word, Excel…) : fermez-le puis recommencez';
    case 'EROFS':
      return 'ce support est en lecture seule';
    case 'ENOENT':
      return 'chemin introuvable';
    default:
      return (error as Error).message;
  }
}

/** A half-written file must never replace a good one (Word would refuse to open it). */
export function writeAtomically(path: string, bytes: Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new AppError('FILE', `Impossible d’écrire « ${path} » : ${reason(error)}.`);
  }
}
