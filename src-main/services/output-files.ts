/** Writing generated files: folders made on demand, files replaced atomically, French errors. */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AppError, shorten } from '../contract/errors.ts';
import type { ServiceContext } from './context.ts';

/** A folder the user named for generated documents, relative to their documents folder. */
export function outputFolder(ctx: Pick<ServiceContext, 'documentsDir'>, given: string): string {
  return underDocuments(ctx, given);
}

/**
 * A path the user typed, as a file-system path. A full path (one the native dialog gives) is taken as
 * it is; a relative one lands in the documents folder and may not climb out of it with « .. »: a
 * typed « ../../ » would otherwise write anywhere the account can. Without a documents folder (the
 * CLI), relative paths follow the working folder, as in any shell.
 */
function underDocuments(ctx: Pick<ServiceContext, 'documentsDir'>, given: string): string {
  if (ctx.documentsDir === undefined || isAbsolute(given)) return resolve(ctx.documentsDir ?? process.cwd(), given);
  const base = resolve(ctx.documentsDir);
  const path = resolve(base, given);
  const inside = relative(base, path);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new AppError(
      'FILE',
      `Le chemin « ${shorten(given, 200)} » sort du dossier des documents (${base}) : indiquez un emplacement à l’intérieur (sans « .. » qui remonte), ou un chemin complet.`,
    );
  }
  return path;
}

/**
 * A file the user named for a generated spreadsheet: it must carry the expected extension, and it can
 * never be the open catalogue (nor its journal files or its backups), which a typo would otherwise
 * replace without a word.
 */
export function outputFile(ctx: Pick<ServiceContext, 'documentsDir' | 'cataloguePath'>, given: string, extension: '.xlsx' | '.synthese'): string {
  const path = underDocuments(ctx, given);
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

function reason(error: unknown): string {
  const code = codeOf(error);
  return fileSystemReason(code) ?? `erreur du système${code ? ` (${code})` : ''}`;
}

function codeOf(error: unknown): string | undefined {
  try {
    const code = (error as { code?: unknown } | null)?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a Node file-system error code means for the user, in French (a phrase, to follow « : »), or
 * undefined for a code that is not about files. The dispatcher uses it too, for errors no service caught.
 */
export function fileSystemReason(code: string | undefined): string | undefined {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'droits insuffisants sur ce fichier ou ce dossier';
    case 'EEXIST':
    case 'ENOTDIR':
      return 'un fichier (et non un dossier) porte déjà ce nom';
    case 'EISDIR':
      return 'un dossier porte déjà ce nom';
    case 'ENOTEMPTY':
      return 'le dossier n’est pas vide';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'le disque est plein';
    case 'EBUSY':
    case 'ETXTBSY':
      return 'le fichier est ouvert dans un autre programme (Word, Excel…) : fermez-le puis recommencez';
    case 'EROFS':
      return 'ce support est en lecture seule';
    case 'ENOENT':
      return 'chemin introuvable';
    case 'EMFILE':
    case 'ENFILE':
      return 'trop de fichiers sont ouverts en même temps : fermez quelques programmes puis recommencez';
    case 'ENAMETOOLONG':
      return 'le nom ou le chemin du fichier est trop long : choisissez un dossier moins profond ou un nom plus court';
    case 'ELOOP':
      return 'le chemin tourne en rond (liens symboliques)';
    case 'EXDEV':
      return 'le fichier ne peut pas être déplacé d’un disque à un autre';
    case 'EIO':
      return 'le disque ne répond pas correctement (support retiré ou endommagé ?)';
    default:
      return undefined;
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
