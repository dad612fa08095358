/**
 * A received restitution read into its text, as passages: .docx with mammoth, .odt through LibreOffice
 * (converted to .docx, then the same), .pdf with pdftotext, .txt and .md as UTF-8. The file's SHA-256 is
 * taken from the very bytes read, so a stored reference (passages.ts) knows which reading it belongs to.
 */
import { basename, extname } from 'node:path';
import { AppError } from '../contract/errors.ts';
import { docxBlocks } from './docx-text.ts';
import { convertWithLibreOffice } from './libreoffice.ts';
import { checkOfficeContainer, inspectOfficePackage } from './office-package.ts';
import { toPassages, type Passage } from './passages.ts';
import { checkPdfSignature, pdfPassages } from './pdf-text.ts';
import { decodePlainText, plainTextPassages } from './plain-text.ts';
import { readRestitutionBytes } from './restitution-file.ts';

export type RestitutionFormat = 'docx' | 'odt' | 'pdf' | 'texte';

export interface RestitutionText {
  fileName: string;
  format: RestitutionFormat;
  /** Of the file's bytes, hexadecimal. */
  sha256: string;
  passages: Passage[];
}

const FORMATS: Record<string, RestitutionFormat> = { '.docx': 'docx', '.odt': 'odt', '.pdf': 'pdf', '.txt': 'texte', '.md': 'texte' };
export const ACCEPTED_EXTENSIONS = Object.keys(FORMATS);

export async function readRestitution(path: string, options: { signal?: AbortSignal } = {}): Promise<RestitutionText> {
  const fileName = typeof path === 'string' ? basename(path) : '';
  const extension = extname(fileName).toLowerCase();
  const format = FORMATS[extension];
  if (!format) {
    throw new AppError(
      'FILE',
      `La restitution « ${fileName} » n'est pas dans un format lu ici${extension ? ` (${extension})` : ''} : ` +
        'choisissez un document Word (.docx), OpenDocument (.odt), PDF (.pdf) ou texte (.txt, .md).',
    );
  }
  const { signal } = options;
  signal?.throwIfAborted();
  const { bytes, sha256 } = await readRestitutionBytes(path, fileName);
  signal?.throwIfAborted();
  const passages = await readPassages(bytes, fileName, extension, format, signal);
  signal?.throwIfAborted();
  if (passages.length === 0) {
    throw new AppError('FILE', `La restitution « ${fileName} » ne contient aucun texte : vérifiez que c'est le bon fichier, ou saisissez le texte de la restitution.`);
  }
  return { fileName, format, sha256, passages };
}

/**
 * The cheap checks of a file that will be read, the ones a folder's preview runs on each file without
 * reading it: a .docx or .odt is a zip holding its main part, a .pdf starts with « %PDF- », a text is
 * UTF-8 or Windows-1252 text. Throws the same refusal the reading would. The extension must be one read here.
 */
export async function checkRestitutionBytes(bytes: Buffer, fileName: string): Promise<void> {
  const format = FORMATS[extname(fileName).toLowerCase()];
  if (format === 'docx' || format === 'odt') await checkOfficeContainer(bytes, fileName, format);
  else if (format === 'pdf') checkPdfSignature(bytes, fileName);
  else if (format === 'texte') decodePlainText(bytes, fileName);
}

async function readPassages(bytes: Buffer, fileName: string, extension: string, format: RestitutionFormat, signal?: AbortSignal): Promise<Passage[]> {
  switch (format) {
    case 'docx':
      await inspectOfficePackage(bytes, fileName, 'docx', signal);
      return toPassages(await docxBlocks(bytes, fileName));
    case 'odt': {
      await inspectOfficePackage(bytes, fileName, 'odt', signal);
      const docx = await convertWithLibreOffice(bytes, fileName, extension, 'docx', { signal });
      signal?.throwIfAborted();
      await inspectOfficePackage(docx, fileName, 'docx', signal);
      return toPassages(await docxBlocks(docx, fileName));
    }
    case 'pdf':
      return pdfPassages(bytes, fileName, { signal });
    case 'texte':
      return plainTextPassages(bytes, fileName, extension === '.md');
  }
}
