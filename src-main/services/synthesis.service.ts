/** Writes the synthesis files and logs each one with its checksum. */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listDocuments, logDocument } from '../catalogue/repos/document.repo.ts';
import { AppError, conflict } from '../contract/errors.ts';
import type { GeneratedDocument } from '../contract/schemas/reports.ts';
import { buildSynthesis } from '../synthesis/build.ts';
import { renderDocx } from '../synthesis/render-docx.ts';
import { loadSource } from '../synthesis/source.ts';
import { safeFileStem } from '../text/french.ts';
import type { HandlerGroup } from './context.ts';

export const synthesisHandlers: HandlerGroup<'synthesis'> = {
  'synthesis.generate': async (request, { db, now, onProgress }) => {
    const source = loadSource(db, request);
    const numbers = source.campaign.thematiques.map((t) => t.number);
    if (request.thematique !== undefined && !numbers.includes(request.thematique)) {
      throw conflict(`Thématique ${request.thematique} inconnue (thématiques : ${numbers.join(', ')}).`);
    }
    const targets: (number | undefined)[] = request.thematique !== undefined ? [request.thematique] : [undefined, ...numbers];
    const stem = `Synthese_${safeFileStem(source.bilan.regionName)}`;
    const dir = resolve(request.outputDir);
    makeDir(dir);
    const documents: GeneratedDocument[] = [];
    for (const [index, thematiqueNumber] of targets.entries()) {
      const fileName = thematiqueNumber === undefined ? `${stem}.docx` : `${stem}_Thematique-${thematiqueNumber}.docx`;
      onProgress?.({ operation: 'synthesis.generate', done: index, total: targets.length, message: `Écriture de ${fileName}` });
      const bytes = await renderDocx(buildSynthesis(source, { thematiqueNumber }));
      const path = join(dir, fileName);
      writeAtomically(path, bytes);
      documents.push(
        logDocument(db, {
          campaignId: source.campaign.id,
          trameId: source.trame.id,
          scope: `region:${source.bilan.regionCode}`,
          thematiqueNumber: thematiqueNumber ?? null,
          fileName,
          path,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          bytes: bytes.length,
          generatedAt: now().toISOString(),
        }),
      );
    }
    onProgress?.({ operation: 'synthesis.generate', done: targets.length, total: targets.length, message: 'Terminé' });
    return { documents };
  },
};

export const documentHandlers: HandlerGroup<'documents'> = {
  'documents.list': ({ campaignId }, { db }) => listDocuments(db, campaignId),
};

function makeDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new AppError('FILE', `Impossible de créer le dossier « ${dir} » : ${(error as Error).message}`);
  }
}

/** A half-written .docx must never replace a good one (Word would refuse to open it). */
function writeAtomically(path: string, bytes: Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    throw new AppError(
      'FILE',
      `Impossible d’écrire « ${path} » : ${(error as Error).message}. Le fichier est peut-être ouvert dans Word.`,
    );
  }
}
