import { readFileSync } from 'node:fs';
/** Writes the synthesis files and logs each one with its checksum. */
import { createHash } from 'node:crypto';
import { inTransaction } from '../catalogue/database.ts';
import { join } from 'node:path';
import { getDocument, lastChange, listDocuments, logDocument } from '../catalogue/repos/document.repo.ts';
import { DocumentStamps } from '../catalogue/repos/document-stamp.repo.ts';
import { readIdentity } from '../catalogue/repos/exchange.repo.ts';
import { AppError, conflict } from '../contract/errors.ts';
import { buildSynthesis } from '../synthesis/build.ts';
import { renderReproducibleDocx } from '../synthesis/render-docx.ts';
import { renderHtml } from '../synthesis/render-html.ts';
import { loadSource, type SynthesisSource } from '../synthesis/source.ts';
import { safeFileStem } from '../text/french.ts';
import type { Catalogue } from '../catalogue/database.ts';
import type { StyleTemplate } from '../synthesis/style-template.ts';
import type { DocumentOrigin } from '../synthesis/word/properties.ts';
import type { HandlerGroup } from './context.ts';
import { currentSettings } from './settings.service.ts';
import { requireStyle } from './styles.service.ts';
import { makeDir, outputFolder, writeAtomically } from './output-files.ts';
import { found } from './require.ts';
import { preflightReport } from './preflight.service.ts';
import type { ResolvedScope } from './scope.ts';

export const synthesisHandlers: HandlerGroup<'synthesis'> = {
  'synthesis.preflight': (target, { db }) => {
    const source = loadSource(db, target);
    requireThematiqueNumber(source, target.thematique);
    return preflightReport(db, source, target.thematique);
  },
  'synthesis.preview': (target, { db }) => {
    const source = loadSource(db, target);
    requireThematiqueNumber(source, target.thematique);
    const document = buildSynthesis(source, { thematiqueNumber: target.thematique });
    return { html: renderHtml(document), title: `${document.title} — ${document.subtitle}` };
  },
  'synthesis.generate': async (request, ctx) => {
    const { db, now, onProgress } = ctx;
    const source = loadSource(db, request);
    const numbers = requireThematiqueNumber(source, request.thematique);
    const targets: (number | undefined)[] = request.thematique !== undefined ? [request.thematique] : [undefined, ...numbers];
    const stem = fileStem(source.scope);
    const dir = outputFolder(ctx, request.outputDir);
    makeDir(dir);
    // A content generated before keeps its date: storing or choosing a template leaves the bytes alone.
    const stamps = new DocumentStamps(db, lastChange(db));
    const style = chosenStyle(db, request.styleTemplateId);
    const origin = documentOrigin(db, source);
    // Everything is rendered before anything is written, and logged only once all is written.
    const rendered: { fileName: string; thematiqueNumber: number | null; bytes: Buffer }[] = [];
    for (const [index, thematiqueNumber] of targets.entries()) {
      const fileName = thematiqueNumber === undefined ? `${stem}.docx` : `${stem}_Thematique-${thematiqueNumber}.docx`;
      onProgress?.({ operation: 'synthesis.generate', done: index, total: targets.length, message: `Rédaction de ${fileName}` });
      const thematique = source.campaign.thematiques.find((t) => t.number === thematiqueNumber);
      const bytes = await renderReproducibleDocx(buildSynthesis(source, { thematiqueNumber }), style, stamps.of, {
        ...origin,
        ...(thematique ? { thematique: `Thématique ${thematique.number} : ${thematique.title}` } : {}),
      });
      rendered.push({ fileName, thematiqueNumber: thematiqueNumber ?? null, bytes });
    }
    for (const file of rendered) writeAtomically(join(dir, file.fileName), file.bytes);
    const documents = inTransaction(db, () => {
      stamps.keep();
      return rendered.map((file) =>
        logDocument(db, {
          campaignId: source.campaign.id,
          trameId: source.trame.id,
          scope: request.scope === 'region' ? `region:${source.scope.regionCode}` : request.scope,
          thematiqueNumber: file.thematiqueNumber,
          fileName: file.fileName,
          path: join(dir, file.fileName),
          sha256: createHash('sha256').update(file.bytes).digest('hex'),
          bytes: file.bytes.length,
          generatedAt: now().toISOString(),
        }),
      );
    });
    onProgress?.({ operation: 'synthesis.generate', done: targets.length, total: targets.length, message: 'Terminé' });
    return { documents };
  },
};

export const documentHandlers: HandlerGroup<'documents'> = {
  'documents.list': ({ campaignId }, { db }) => listDocuments(db, campaignId),
  'documents.content': ({ id }, { db }) => {
    const document = found(getDocument(db, id), 'Document');
    let bytes: Buffer;
    try {
      bytes = readFileSync(document.path);
    } catch {
      throw new AppError('FILE', `« ${document.fileName} » n’est plus à l’emplacement où il a été écrit (${document.path}).`);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== document.sha256) {
      throw new AppError('FILE', `« ${document.fileName} » a été modifié depuis sa production : générez-le à nouveau.`);
    }
    return { fileName: document.fileName, contentBase64: bytes.toString('base64'), sha256 };
  },
};

/** Who signs a synthesis: the catalogue's name and the settings' contact, for its properties. */
export function documentOrigin(db: Catalogue, source: SynthesisSource): DocumentOrigin {
  return {
    catalogueName: readIdentity(db)?.name,
    contact: source.contact,
    campaignTitle: source.campaign.title,
    keywords: [source.campaign.shortTitle, ...source.campaign.thematiques.map((t) => t.title)],
  };
}

/** The style template named by the request, else the settings' one; null (none) is a choice too. */
export function chosenStyle(db: Catalogue, requested: number | null | undefined): StyleTemplate | null {
  const id = requested === undefined ? currentSettings(db).styleTemplateId : requested;
  return id === null ? null : requireStyle(db, id);
}

/** The thématique numbers of the campaign; refuses one it does not have. */
function requireThematiqueNumber(source: SynthesisSource, thematique: number | undefined): number[] {
  const numbers = source.campaign.thematiques.map((t) => t.number);
  if (thematique !== undefined && !numbers.includes(thematique)) {
    throw conflict(`Thématique ${thematique} inconnue (thématiques : ${numbers.join(', ')}).`);
  }
  return numbers;
}

/** `Synthese_Nouvelle-Aquitaine`, `Synthese_Academie-Bordeaux`, `Synthese_Departement-33-Gironde`, `Synthese_Nationale`. */
function fileStem(scope: ResolvedScope): string {
  if (scope.kind === 'national') return 'Synthese_Nationale';
  if (scope.kind === 'region') return `Synthese_${safeFileStem(scope.regionName)}`;
  if (scope.kind === 'academie') return `Synthese_Academie-${safeFileStem(scope.name)}`;
  return `Synthese_Departement-${scope.code}-${safeFileStem(scope.name)}`;
}
