/** A received restitution's bytes, read guarded: a file, not empty, not over the size accepted, and its SHA-256. */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../contract/errors.ts';

export const MAX_RESTITUTION_BYTES = 50 * 1024 * 1024;

const mo = (n: number) => `${Math.ceil(n / (1024 * 1024))} Mo`;

export interface RestitutionBytes {
  bytes: Buffer;
  sha256: string;
}

export async function readRestitutionBytes(path: string, fileName: string): Promise<RestitutionBytes> {
  if (typeof path !== 'string' || path.trim() === '') {
    throw new AppError('FILE', 'Aucun fichier indiqué : choisissez la restitution à lire (.docx, .odt, .pdf, .txt ou .md).');
  }
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new AppError('FILE', `« ${fileName} » n'est pas un fichier (c'est un dossier ?) : choisissez la restitution elle-même.`);
    checkSize(info.size, fileName);
    bytes = await readFile(path);
  } catch (error) {
    throw fileSystemError(error, fileName);
  }
  checkSize(bytes.length, fileName); // it may have changed since stat
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function checkSize(size: number, fileName: string): void {
  if (size === 0) throw new AppError('FILE', `La restitution « ${fileName} » est un fichier vide : demandez-en une nouvelle copie.`);
  if (size > MAX_RESTITUTION_BYTES) {
    throw new AppError(
      'FILE',
      `La restitution « ${fileName} » pèse ${mo(size)}, plus que les ${mo(MAX_RESTITUTION_BYTES)} acceptés : ` +
        'enregistrez-la sans ses images (ou en texte seul) puis lisez-la à nouveau.',
    );
  }
}

function fileSystemError(error: unknown, fileName: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('FILE', `Restitution introuvable : « ${fileName} ».`);
  if (code === 'EACCES' || code === 'EPERM') {
    return new AppError('FILE', `La restitution « ${fileName} » ne peut pas être ouverte : accès refusé. Vérifiez vos droits sur ce fichier.`);
  }
  if (code === 'EBUSY') return new AppError('FILE', `La restitution « ${fileName} » est utilisée par une autre application : fermez-la puis réessayez.`);
  if (code === 'EISDIR') return new AppError('FILE', `« ${fileName} » est un dossier : choisissez la restitution elle-même.`);
  return new AppError('FILE', `La restitution « ${fileName} » n'a pas pu être lue sur le disque.`);
}
