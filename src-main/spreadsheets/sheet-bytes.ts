/** The bytes of a sheet to import, from a path or from the UI's upload: checked, never handed raw to exceljs. */
import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../contract/errors.ts';

export type SheetInput = { path: string } | { bytes: Buffer; fileName: string };

export const MAX_FILE_BYTES = 100 * 1024 * 1024;

export const SAVE_AS = 'ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format Excel (.xlsx)';


export async function loadBytes(input: SheetInput, fileName: string): Promise<Buffer> {
  if (!('path' in input)) {
    if (!Buffer.isBuffer(input.bytes)) throw new AppError('FILE', `Le contenu du fichier « ${fileName} » est manquant.`);
    checkSize(input.bytes.length, fileName);
    return input.bytes;
  }
  if (typeof input.path !== 'string' || input.path.trim() === '') {
    throw new AppError('FILE', 'Aucun fichier indiqué : choisissez le classeur Excel (.xlsx) à importer.');
  }
  // exceljs crashes the whole process on a missing path: nothing reaches it unchecked.
  let size: number;
  try {
    const info = await stat(input.path);
    if (!info.isFile()) throw new AppError('FILE', `« ${fileName} » n'est pas un fichier (c'est un dossier ?) : choisissez un classeur Excel (.xlsx).`);
    size = info.size;
  } catch (error) {
    throw fileSystemError(error, fileName);
  }
  checkSize(size, fileName);
  let bytes: Buffer;
  try {
    bytes = await readFile(input.path);
  } catch (error) {
    throw fileSystemError(error, fileName);
  }
  checkSize(bytes.length, fileName); // it may have changed since stat
  return bytes;
}

function fileSystemError(error: unknown, fileName: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('FILE', `Fichier introuvable : « ${fileName} ».`);
  if (code === 'EACCES' || code === 'EPERM') {
    return new AppError('FILE', `Le fichier « ${fileName} » ne peut pas être ouvert : accès refusé. Vérifiez vos droits sur ce fichier.`);
  }
  if (code === 'EBUSY') {
    return new AppError('FILE', `Le fichier « ${fileName} » est utilisé par une autre application : fermez-le puis réessayez.`);
  }
  if (code === 'EISDIR') return new AppError('FILE', `« ${fileName} » est un dossier : choisissez un classeur Excel (.xlsx).`);
  return new AppError('FILE', `Le fichier « ${fileName} » n'a pas pu être lu sur le disque.`);
}

function checkSize(size: number, fileName: string): void {
  if (size === 0) throw new AppError('FILE', `Le fichier « ${fileName} » est vide : ${SAVE_AS}, puis importez-le à nouveau.`);
  if (size > MAX_FILE_BYTES) {
    const mo = (n: number) => `${Math.ceil(n / (1024 * 1024))} Mo`;
    throw new AppError(
      'FILE',
      `Le fichier « ${fileName} » pèse ${mo(size)}, plus que les ${mo(MAX_FILE_BYTES)} acceptés : supprimez les ` +
        'images, les feuilles et les mises en forme inutiles, ou répartissez les rencontres dans plusieurs fichiers.',
    );
  }
}

