/** Writing generated files: folders made on demand, files replaced atomically, French errors. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { AppError } from '../contract/errors.ts';

export function makeDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new AppError('FILE', `Impossible de créer le dossier « ${dir} » : ${(error as Error).message}`);
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
    throw new AppError(
      'FILE',
      `Impossible d’écrire « ${path} » : ${(error as Error).message}. Le fichier est peut-être ouvert dans un autre programme.`,
    );
  }
}
