/**
 * The package of a received .docx or .odt, checked before mammoth or LibreOffice reads it: a zip down to
 * its central directory (a truncated copy fails here), the right kind of document (not a renamed text,
 * PDF, workbook), not protected by a password, and every XML part intact (CRC) and within the inflated
 * size below, counted as it is inflated: a zip bomb is refused after at most that many bytes, never handed on.
 * Same checks as src-main/spreadsheets/sheet-package.ts does for .xlsx, whose part inflater it reuses.
 */
import { crc32 } from 'node:zlib';
import JSZip from 'jszip';
import { AppError } from '../contract/errors.ts';
import { partStream } from '../spreadsheets/sheet-package.ts';

/** XML a restitution may hold once inflated: a 300-page report is a few Mo; mammoth keeps it all as a DOM. */
export const MAX_INFLATED_XML_BYTES = 60 * 1024 * 1024;

export type OfficeKind = 'docx' | 'odt';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream an encrypted Word (or Excel) file keeps in its OLE2 container, named in UTF-16. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

const SAVE_AS: Record<OfficeKind, string> = {
  docx: 'ouvrez-le dans Word ou LibreOffice, enregistrez-le au format Word (.docx)',
  odt: 'ouvrez-le dans LibreOffice, enregistrez-le au format OpenDocument (.odt) ou Word (.docx)',
};
const LABEL: Record<OfficeKind, string> = { docx: 'd’un document Word (.docx)', odt: 'd’un document OpenDocument (.odt)' };

/** A file named as `kind` that is something else (`what`: « un fichier PDF »…), or nothing readable at all (null). */
function notThatKind(fileName: string, kind: OfficeKind, what: string | null): AppError {
  if (what === null) {
    return new AppError(
      'FILE',
      `Le fichier « ${fileName} » porte le nom ${LABEL[kind]}, mais son contenu n’est pas lisible : ce n’est pas un document ` +
        '(fichier endommagé, ou d’un autre type renommé). Demandez-en une nouvelle copie.',
    );
  }
  return new AppError('FILE', `Le fichier « ${fileName} » porte le nom ${LABEL[kind]}, mais c’est ${what} : ${SAVE_AS[kind]}, puis ajoutez-le à nouveau.`);
}

export function damagedDocument(fileName: string, kind: OfficeKind): AppError {
  return new AppError(
    'FILE',
    `Le fichier « ${fileName} » est incomplet ou endommagé (copie ou téléchargement interrompu ?) : ` +
      `${SAVE_AS[kind]}, ou demandez-en une nouvelle copie.`,
  );
}

function passwordProtected(fileName: string): AppError {
  return new AppError(
    'FILE',
    `La restitution « ${fileName} » est protégée par un mot de passe : ouvrez-la avec son mot de passe, ` +
      'enregistrez-la sans protection, puis lisez-la à nouveau.',
  );
}

function tooLarge(fileName: string): AppError {
  const mo = Math.round(MAX_INFLATED_XML_BYTES / (1024 * 1024));
  return new AppError(
    'FILE',
    `La restitution « ${fileName} » contient plus de ${mo} Mo de texte et de mise en forme une fois décompressée ` +
      '(fichier anormal ou piégé ?) : elle n’est pas lue. Enregistrez-la à nouveau depuis votre traitement de texte, ou demandez-en une nouvelle copie.',
  );
}

/** What a file that is not a zip is, for the message; null when it is nothing readable. */
function describeNonZip(bytes: Buffer): string | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'un fichier PDF';
  if (bytes.subarray(0, 5).toString('latin1') === '{\\rtf') return 'un document RTF';
  const head = bytes.subarray(0, 4096);
  const binary = head.some((b) => b === 0 || (b < 0x09) || (b > 0x0d && b < 0x20));
  if (binary) return null;
  const start = head.toString('latin1').trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith('<') && /<(html|!doctype html)/.test(start)) return 'une page web (HTML)';
  if (start.startsWith('<?xml')) return 'un fichier XML';
  return 'un fichier texte';
}

/**
 * The cheap part of the checks, what a folder's preview runs on every file: the right container (a zip,
 * not an old Office file nor a renamed one), its directory readable, its main part there. Nothing inflated
 * but an .odt's few-byte mimetype. Returns the opened zip for the full check.
 */
export async function checkOfficeContainer(bytes: Buffer, fileName: string, kind: OfficeKind): Promise<JSZip> {
  const head = bytes.subarray(0, 8);
  if (head.equals(OLE2)) {
    if (bytes.includes(ENCRYPTION_INFO)) throw passwordProtected(fileName);
    throw notThatKind(fileName, kind, 'un document Word 97-2003 (.doc) ou un autre fichier Office ancien');
  }
  if (!head.subarray(0, 4).equals(ZIP)) throw notThatKind(fileName, kind, describeNonZip(bytes));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw damagedDocument(fileName, kind);
  }
  const names = new Set(Object.keys(zip.files));
  const isDocx = names.has('word/document.xml');
  const isOdf = names.has('content.xml') || names.has('mimetype');
  if (kind === 'docx' && !isDocx) {
    if (isOdf) throw notThatKind(fileName, kind, 'un document OpenDocument (LibreOffice)');
    if (names.has('xl/workbook.xml')) throw notThatKind(fileName, kind, 'un classeur Excel');
    if (names.has('ppt/presentation.xml')) throw notThatKind(fileName, kind, 'une présentation PowerPoint');
    throw notThatKind(fileName, kind, 'une archive zip');
  }
  if (kind === 'odt') {
    if (isDocx) throw notThatKind(fileName, kind, 'un document Word');
    const mimetype = zip.file('mimetype') && uncompressedSize(zip.file('mimetype')!) < 1024 ? (await zip.file('mimetype')!.async('string')).trim() : '';
    if (!names.has('content.xml') || (mimetype !== '' && !mimetype.startsWith('application/vnd.oasis.opendocument.text'))) {
      throw notThatKind(fileName, kind, mimetype.includes('spreadsheet') ? 'un classeur OpenDocument (.ods)' : mimetype.includes('presentation') ? 'une présentation OpenDocument (.odp)' : 'une archive zip');
    }
  }
  return zip;
}

export async function inspectOfficePackage(bytes: Buffer, fileName: string, kind: OfficeKind, signal?: AbortSignal): Promise<void> {
  const zip = await checkOfficeContainer(bytes, fileName, kind);
  const names = new Set(Object.keys(zip.files));
  if (kind === 'odt') {
    const manifest = zip.file('META-INF/manifest.xml');
    if (manifest && uncompressedSize(manifest) < 1024 * 1024 && (await manifest.async('string')).includes('encryption-data')) {
      throw passwordProtected(fileName);
    }
  }
  const parts = [...names].filter((name) => /\.(?:xml|rels)$/i.test(name) && !zip.files[name]!.dir);
  if (parts.reduce((sum, name) => sum + uncompressedSize(zip.files[name]!), 0) > MAX_INFLATED_XML_BYTES) throw tooLarge(fileName);
  const budget = { left: MAX_INFLATED_XML_BYTES };
  for (const name of parts) {
    signal?.throwIfAborted();
    const scan = await scanPart(zip.files[name]!, budget, signal);
    signal?.throwIfAborted();
    if (scan === 'too-large') throw tooLarge(fileName);
    if (scan === 'damaged') throw damagedDocument(fileName, kind);
  }
}

interface JsZipInternals {
  _data?: { uncompressedSize?: unknown; crc32?: unknown };
}

/** jszip keeps the central directory's sizes on an internal object; 0 when it cannot tell. */
function uncompressedSize(file: JSZip.JSZipObject): number {
  const size = (file as unknown as JsZipInternals)._data?.uncompressedSize;
  return typeof size === 'number' && Number.isFinite(size) ? size : 0;
}

/** Inflates a part in chunks, checking its CRC and what the directory announced, within the budget left. */
function scanPart(file: JSZip.JSZipObject, budget: { left: number }, signal?: AbortSignal): Promise<'ok' | 'damaged' | 'too-large'> {
  const data = (file as unknown as JsZipInternals)._data;
  return new Promise((resolve) => {
    let stream: NodeJS.ReadableStream;
    try {
      stream = partStream(file);
    } catch {
      resolve('damaged');
      return;
    }
    let crc = 0;
    let inflated = 0;
    let settled = false;
    const halt = () => {
      (stream as unknown as { _helper?: { pause?: () => void } })._helper?.pause?.();
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    };
    const done = (result: 'ok' | 'damaged' | 'too-large') => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', stop);
      resolve(result);
    };
    const stop = () => {
      halt();
      done('damaged'); // the caller sees the abort first
    };
    signal?.addEventListener('abort', stop, { once: true });
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      budget.left -= chunk.length;
      inflated += chunk.length;
      if (budget.left < 0) {
        halt();
        done('too-large');
        return;
      }
      crc = crc32(chunk, crc);
    });
    stream.on('error', () => done('damaged'));
    stream.on('end', () => {
      const crcOk = typeof data?.crc32 !== 'number' || data.crc32 >>> 0 === crc >>> 0;
      const sizeOk = typeof data?.uncompressedSize !== 'number' || data.uncompressedSize === inflated;
      done(crcOk && sizeOk ? 'ok' : 'damaged');
    });
  });
}
