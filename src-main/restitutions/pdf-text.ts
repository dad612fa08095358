/**
 * A PDF's text with poppler's pdftotext: its words with their boxes (-bbox-layout), in poppler's reading
 * order, cut into passages by the blocks it found (pdf-blocks.ts: headings told by their taller lines). A
 * PDF with no text layer (a scan) is refused: no OCR is done.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../contract/errors.ts';
import { findProgram, runProgram } from './external-tool.ts';
import { pdfBlocks } from './pdf-blocks.ts';
import { toPassages, type Passage } from './passages.ts';

export const PDF_TIMEOUT_MS = 60_000;

/** The cheap check a folder's preview runs too: a PDF says « %PDF- » in its first kilo-octet. */
export function checkPdfSignature(bytes: Buffer, fileName: string): void {
  if (bytes.subarray(0, 1024).indexOf('%PDF-') === -1) {
    throw new AppError('FILE', `Le fichier « ${fileName} » porte le nom d’un PDF, mais ce n’est pas un fichier PDF : demandez-en une nouvelle copie, ou enregistrez-le au format PDF.`);
  }
}

export async function pdfPassages(bytes: Buffer, fileName: string, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<Passage[]> {
  checkPdfSignature(bytes, fileName);
  const pdftotext = findProgram('pdftotext');
  if (!pdftotext) {
    throw new AppError(
      'FILE',
      `Le programme pdftotext (poppler) est nécessaire pour lire les PDF comme « ${fileName} », et il n'est pas installé sur ` +
        'cet ordinateur : installez-le (sous Linux : « sudo apt install poppler-utils » ; sous macOS : « brew install poppler »), ' +
        'ou enregistrez la restitution au format Word (.docx) puis lisez-la à nouveau.',
    );
  }
  const timeoutMs = options.timeoutMs ?? PDF_TIMEOUT_MS;
  const work = await mkdtemp(join(tmpdir(), 'synthese-restitution-pdf-'));
  try {
    const input = join(work, 'restitution.pdf');
    await writeFile(input, bytes);
    const run = await runProgram(pdftotext, ['-bbox-layout', '-enc', 'UTF-8', '-eol', 'unix', input, '-'], {
      timeoutMs,
      signal: options.signal,
      timedOut: () => new AppError('FILE', `La lecture du PDF « ${fileName} » a pris plus de ${Math.round(timeoutMs / 1000)} secondes : elle est abandonnée.`),
    });
    if (run.code !== 0) {
      const protectedPdf = /password/i.test(run.stderr);
      throw new AppError(
        'FILE',
        protectedPdf
          ? `Le PDF « ${fileName} » est protégé par un mot de passe : ouvrez-le avec son mot de passe, enregistrez-en une copie sans protection, puis lisez-la à nouveau.`
          : `Le PDF « ${fileName} » est endommagé ou illisible : demandez-en une nouvelle copie, ou le document d'origine (.docx, .odt).`,
      );
    }
    const passages = toPassages(pdfBlocks(run.stdout.toString('utf8')));
    if (passages.length === 0) {
      throw new AppError(
        'FILE',
        `Le PDF « ${fileName} » ne contient pas de texte, seulement des images (un document numérisé ?) : la reconnaissance de texte ` +
          "n'est pas faite ici. Demandez le document d'origine (.docx, .odt), ou saisissez le texte de la restitution.",
      );
    }
    return passages;
  } finally {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}
