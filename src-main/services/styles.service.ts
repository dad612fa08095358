/** Importing a rectorat's Word file as the style template of generated documents. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { inTransaction } from '../catalogue/database.ts';
import * as repo from '../catalogue/repos/style.repo.ts';
import { readSettings, writeSetting } from '../catalogue/repos/setting.repo.ts';
import { AppError } from '../contract/errors.ts';
import { MAX_TEMPLATE_BYTES, readStyleTemplate } from '../synthesis/style-template.ts';
import type { HandlerGroup } from './context.ts';
import { deleted, found } from './require.ts';

export const styleHandlers: HandlerGroup<'styles'> = {
  'styles.list': (_input, { db }) => repo.listStyles(db),
  'styles.import': async (input, { db, now }) => {
    const { bytes, fileName } = input.path !== undefined ? readLocalFile(input.path) : fromBase64(input.fileName!, input.contentBase64!);
    const template = await readStyleTemplate(bytes, fileName);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return inTransaction(db, () => {
      // The same file imported twice is the same template.
      const id = repo.findStyleBySha(db, sha256) ??
        repo.insertStyle(db, input.name ?? fileName.replace(/\.docx$/i, ''), sha256, template, now().toISOString());
      return repo.getStyleInfo(db, id)!;
    });
  },
  'styles.delete': ({ id }, { db }) =>
    inTransaction(db, () => {
      const result = deleted(repo.deleteStyle(db, id), 'Modèle de styles');
      if (readSettings(db).styleTemplateId === id) writeSetting(db, 'styleTemplateId', null);
      return result;
    }),
};

function readLocalFile(path: string): { bytes: Buffer; fileName: string } {
  const fileName = basename(path);
  try {
    if (statSync(path).size > MAX_TEMPLATE_BYTES) {
      throw new AppError('FILE', `« ${fileName} » dépasse 20 Mo : ce n’est pas un modèle de styles raisonnable.`);
    }
    return { bytes: readFileSync(path), fileName };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('FILE', `Impossible de lire « ${path} » : fichier introuvable ou illisible.`);
  }
}

function fromBase64(fileName: string, content: string): { bytes: Buffer; fileName: string } {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content)) throw new AppError('FILE', `Le contenu envoyé pour « ${fileName} » est illisible.`);
  return { bytes: Buffer.from(content, 'base64'), fileName: basename(fileName) };
}

export function requireStyle(db: Parameters<typeof repo.getStyleTemplate>[0], id: number) {
  return found(repo.getStyleTemplate(db, id), 'Modèle de styles');
}
