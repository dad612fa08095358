/** A .txt or .md restitution: UTF-8 only (a byte order mark allowed), refused with the fix when it is not. */
import { AppError } from '../contract/errors.ts';
import { splitPlainText, type Passage } from './passages.ts';

export function plainTextPassages(bytes: Buffer, fileName: string, markdown: boolean): Passage[] {
  return splitPlainText(decodePlainText(bytes, fileName), { markdown });
}

/** The text of a .txt or .md, refused unless UTF-8 (the check a folder's preview runs too). */
export function decodePlainText(bytes: Buffer, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError(
      'FILE',
      `La restitution « ${fileName} » n’est pas encodée en UTF-8 (les accents seraient illisibles) : ouvrez-la dans un éditeur de texte, ` +
        'enregistrez-la en « UTF-8 », puis lisez-la à nouveau.',
    );
  }
}
