/**
 * A .txt or .md restitution. UTF-8 first (a byte order mark allowed); a file that is not UTF-8 is read as
 * Windows-1252, what Windows's Notepad and older Word exports write in France (« é » as one byte), unless its
 * bytes are not text at all (a NUL, or control characters no text holds): then it is refused with the fix.
 */
import { AppError } from '../contract/errors.ts';
import { splitPlainText, type Passage } from './passages.ts';

export function plainTextPassages(bytes: Buffer, fileName: string, markdown: boolean): Passage[] {
  return splitPlainText(decodePlainText(bytes, fileName), { markdown });
}

/** The text of a .txt or .md (the check a folder's preview runs too). */
export function decodePlainText(bytes: Buffer, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    if (looksLikeSingleByteText(bytes)) return windows1252(bytes);
    throw new AppError(
      'FILE',
      `La restitution « ${fileName} » n’est pas un texte lisible (ni UTF-8, ni Windows-1252 : des octets qu’aucun texte ne contient) : ` +
        'ouvrez-la dans un éditeur de texte, enregistrez-la en « UTF-8 », puis lisez-la à nouveau.',
    );
  }
}

/** No NUL and no control character but tab, line feed, form feed and carriage return: text, in a one-byte encoding. */
function looksLikeSingleByteText(bytes: Buffer): boolean {
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return false;
    if (byte === 0x7f) return false;
  }
  return true;
}

/**
 * Windows-1252 decoded by hand: Node 20's TextDecoder reads this label as ISO-8859-1, which turns the
 * apostrophe ’, the « œ » and the « … » of 0x80–0x9F into control characters.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function windows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
