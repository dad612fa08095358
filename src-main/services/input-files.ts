/** Reading a file the user gave: from its path, or from the content a browser sent. */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../contract/errors.ts';

export interface GivenFile {
  bytes: Buffer;
  fileName: string;
}

export function readGivenFile(source: { path?: string; fileName?: string; contentBase64?: string }, maxBytes: number): GivenFile {
  if (source.path !== undefined) {
    const fileName = basename(source.path);
    let size: number;
    try {
      const info = statSync(source.path);
      if (!info.isFile()) throw new AppError('FILE', `« ${fileName} » est un dossier, pas un fichier : choisissez le fichier lui-même.`);
      size = info.size;
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('FILE', `Impossible de lire « ${source.path} » : fichier introuvable ou illisible.`);
    }
    if (size > maxBytes) throw new AppError('FILE', `« ${fileName} » dépasse ${Math.round(maxBytes / 1_048_576)} Mo.`);
    try {
      return { bytes: readFileSync(source.path), fileName };
    } catch {
      throw new AppError('FILE', `Impossible de lire « ${source.path} » : accès refusé ou fichier utilisé par un autre programme.`);
    }
  }
  const fileName = basename(source.fileName ?? 'fichier');
  const content = source.contentBase64 ?? '';
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content)) throw new AppError('FILE', `Le contenu envoyé pour « ${fileName} » est illisible.`);
  const bytes = Buffer.from(content, 'base64');
  if (bytes.length > maxBytes) throw new AppError('FILE', `« ${fileName} » dépasse ${Math.round(maxBytes / 1_048_576)} Mo.`);
  return { bytes, fileName };
}
