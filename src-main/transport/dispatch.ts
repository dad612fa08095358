/**
 * The one entry point of every transport: name allow-list, input validation, error shaping.
 * No business logic here; the handlers live in services/.
 */
import type { z } from 'zod';
import { AppError, type Envelope } from '../contract/errors.ts';
import { isOperationName, operations } from '../contract/operations.ts';
import type { Handlers, ServiceContext } from '../services/context.ts';
import { errorLogPathFor } from './error-log.ts';
import { safeText } from './thrown.ts';
import { toAppError, toIssues } from './to-app-error.ts';
import '../contract/locale.ts';

export interface DispatchOptions {
  /** Checks each answer against the contract too (the tests turn it on). */
  validateOutput?: boolean;
  /**
   * The errors journal. By default the catalogue's own (`<catalogue folder>/journal/erreurs.log`,
   * read at each call: it follows another catalogue opened); null, or an in-memory catalogue: stderr.
   */
  errorLog?: string | null;
}

export async function dispatch(
  handlers: Handlers,
  ctx: ServiceContext,
  name: unknown,
  payload: unknown,
  options: DispatchOptions = {},
): Promise<Envelope<unknown>> {
  try {
    if (!isOperationName(name)) {
      // Not String(name): an object without prototype (or with a toString that is not a function) throws.
      throw new AppError('UNKNOWN_OPERATION', `Opération inconnue : « ${safeText(name).slice(0, 80)} ».`);
    }
    // Found damaged after it opened (the background check of a large catalogue): nothing more is read
    // from it or written into it, and every screen says how to restore.
    if (ctx.damaged) throw ctx.damaged;
    const operation = operations[name];
    const parsed = operation.input.safeParse(payload ?? {});
    if (!parsed.success) throw invalidInput(parsed.error);
    const handler = handlers[name] as (input: unknown, ctx: ServiceContext) => unknown;
    const value = await handler(parsed.data, ctx);
    if (options.validateOutput) {
      const checked = operation.output.safeParse(value);
      if (!checked.success) {
        throw new AppError('INTERNAL', `Réponse non conforme au contrat pour « ${name} ».`, toIssues(checked.error));
      }
    }
    return { ok: true, value };
  } catch (error) {
    const logPath = options.errorLog !== undefined ? options.errorLog : errorLogPathFor(ctx.cataloguePath);
    const operation = typeof name === 'string' ? name.slice(0, 80) : undefined;
    return { ok: false, error: toAppError(error, { logPath, operation }).toPayload() };
  }
}

/** The names users know for the fields they type (the rest keep their key). */
const FIELD_LABELS: Record<string, string> = {
  title: 'intitulé', date: 'date', lieu: 'lieu', level: 'niveau', format: 'format', declaredTotal: 'total déclaré',
  attendance: 'participants', ateliers: 'ateliers', defi: 'défi', participants: 'participants', text: 'texte',
  links: 'liens', url: 'adresse', label: 'libellé', niveau: 'niveau', classes: 'classes', heading: 'titre de groupe',
  name: 'nom', nom: 'nom', uai: 'UAI', etablissementUai: 'établissement (UAI)', departementCode: 'département',
  academieCode: 'académie', bassinId: 'bassin', contact: 'contact', regionCode: 'région académique', sections: 'sections',
  startDate: 'date de début', endDate: 'date de fin', subtitle: 'sous-titre', closingNote: 'note de fin', scope: 'périmètre',
  outputDir: 'dossier de sortie', outputPath: 'fichier de sortie', thematique: 'thématique', retexMin: 'minimum de retex',
  retexMax: 'maximum de retex', sectionKey: 'section', commune: 'commune', kind: 'type',
  contributionKinds: 'types de contributions', source: 'source du contenu', sourceMeetingId: 'rencontre source',
  sourceMeetingIds: 'rencontres sources', thematiqueId: 'thématique', thematiqueIds: 'thématiques', parentId: 'défi',
  scale: 'échelle', position: 'rang', selected: 'retenu pour la synthèse', guidance: 'consigne', numbered: 'numérotation',
};

function fieldLabel(path: string): string {
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  const last = parts[parts.length - 1] ?? '';
  return FIELD_LABELS[last] ?? last;
}

function invalidInput(error: z.ZodError): AppError {
  const issues = toIssues(error);
  const first = issues[0];
  const where = first && first.path ? `champ « ${fieldLabel(first.path)} » : ` : '';
  const more = issues.length > 1 ? ` (et ${issues.length - 1} autre${issues.length > 2 ? 's' : ''} problème${issues.length > 2 ? 's' : ''})` : '';
  return new AppError('INVALID_INPUT', `Saisie refusée — ${where}${first?.message ?? ''}${more}.`, issues);
}
