/** Importing a rectorat's Word file as the style template of generated documents. */
import { createHash } from 'node:crypto';
import { inTransaction } from '../catalogue/database.ts';
import * as repo from '../catalogue/repos/style.repo.ts';
import { readSettings, writeSetting } from '../catalogue/repos/setting.repo.ts';
import { MAX_TEMPLATE_BYTES, readStyleTemplate } from '../synthesis/style-template.ts';
import type { HandlerGroup } from './context.ts';
import { readGivenFile } from './input-files.ts';
import { deleted, found } from './require.ts';

export const styleHandlers: HandlerGroup<'styles'> = {
  'styles.list': (_input, { db }) => repo.listStyles(db),
  'styles.import': async (input, { db, now }) => {
    const { bytes, fileName } = readGivenFile(input, MAX_TEMPLATE_BYTES);
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

export function requireStyle(db: Parameters<typeof repo.getStyleTemplate>[0], id: number) {
  return found(repo.getStyleTemplate(db, id), 'Modèle de styles');
}
