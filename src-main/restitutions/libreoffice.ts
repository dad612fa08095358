/**
 * A document converted by LibreOffice (soffice --headless --convert-to), for the formats mammoth does not
 * read. Each run has its own profile (a user's open LibreOffice, or another run, would otherwise hold it),
 * a timeout, and is killed when the read is cancelled. soffice exits 0 even when it could not convert:
 * the output's presence is what says it worked.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../contract/errors.ts';
import { findProgram, runProgram } from './external-tool.ts';

export const CONVERSION_TIMEOUT_MS = 120_000;

export function libreOfficeMissing(fileName: string, extension: string): AppError {
  return new AppError(
    'FILE',
    `LibreOffice est nécessaire pour lire les fichiers ${extension} comme « ${fileName} », et il n'est pas installé sur ` +
      'cet ordinateur : installez-le depuis https://fr.libreoffice.org (sous Linux : « sudo apt install libreoffice-writer »), ' +
      'ou enregistrez la restitution au format Word (.docx) puis lisez-la à nouveau.',
  );
}

/**
 * The document's bytes converted to `format` (an extension soffice knows: "docx"). `extension` is the
 * source's, for the messages.
 */
export async function convertWithLibreOffice(
  bytes: Buffer,
  fileName: string,
  extension: string,
  format: string,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<Buffer> {
  const soffice = findProgram('soffice') ?? findProgram('libreoffice');
  if (!soffice) throw libreOfficeMissing(fileName, extension);
  const work = await mkdtemp(join(tmpdir(), 'synthese-restitution-'));
  try {
    // A plain name of our own: soffice derives the output's name from the input's, whatever characters it holds.
    const input = join(work, `restitution${extension}`);
    await writeFile(input, bytes);
    const outDir = join(work, 'out');
    const profile = pathToFileURL(join(work, 'profile')).href;
    const timeoutMs = options.timeoutMs ?? CONVERSION_TIMEOUT_MS;
    await runProgram(
      soffice,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, input],
      {
        timeoutMs,
        signal: options.signal,
        timedOut: () =>
          new AppError('FILE', `LibreOffice n'a pas fini de convertir la restitution « ${fileName} » en ${Math.round(timeoutMs / 1000)} secondes : elle n'est pas lue.`),
      },
    );
    const output = join(outDir, `restitution.${format.split(':')[0]}`);
    if (!existsSync(output)) {
      throw new AppError(
        'FILE',
        `LibreOffice n'a pas pu lire la restitution « ${fileName} » : le fichier est peut-être endommagé ou protégé ` +
          'par un mot de passe. Ouvrez-le dans LibreOffice, enregistrez-le au format Word (.docx), puis lisez-le à nouveau.',
      );
    }
    return await readFile(output);
  } finally {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}
