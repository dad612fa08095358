/**
 * The one entry point of every transport: name allow-list, input validation, error shaping.
 * No business logic here; the handlers live in services/.
 */
import { z } from 'zod';
import { AppError, type AppErrorIssue, type Envelope } from '../contract/errors.ts';
import { isOperationName, operations } from '../contract/operations.ts';
import type { Handlers, ServiceContext } from '../services/context.ts';
import '../contract/locale.ts';

export interface DispatchOptions {
  /** Checks each answer against the contract too (the tests turn it on). */
  validateOutput?: boolean;
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
      throw new AppError('UNKNOWN_OPERATION', `Opération inconnue : « ${String(name).slice(0, 80)} ».`);
    }
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
    return { ok: false, error: toAppError(error).toPayload() };
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

function toIssues(error: z.ZodError): AppErrorIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Maps anything thrown below the dispatcher to the contract's error shape. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return new AppError('INVALID_INPUT', 'Saisie refusée.', toIssues(error));
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('CONFLICT', constraintMessage(code));
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return new AppError('FILE', storageMessage(code));
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('INTERNAL', `Erreur interne : ${message}`);
}

/** SQLite's own failures (a locked, full or damaged catalogue), as the user can act on them. */
function storageMessage(code: string): string {
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return 'Le catalogue est occupé par un autre programme (une autre fenêtre de Synthèse régionale ?) : rien n’a été modifié, réessayez dans un instant.';
  }
  if (code.startsWith('SQLITE_FULL')) return 'Le disque est plein : rien n’a été modifié. Libérez de la place, puis recommencez.';
  if (code.startsWith('SQLITE_READONLY')) return 'Le catalogue est en lecture seule (droits du fichier, clé USB protégée ?) : rien n’a été modifié.';
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return 'Le catalogue est endommagé : restaurez une sauvegarde (menu Fichier, ou « restaurer » en ligne de commande).';
  }
  return `Le catalogue n’a pas pu être lu ou écrit (${code}) : rien n’a été modifié.`;
}

function constraintMessage(code: string): string {
  switch (code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return 'Cet élément existe déjà dans le catalogue.';
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return 'Cet élément est lié à un autre qui n’existe pas, ou est encore utilisé ailleurs.';
    default:
      return 'Le catalogue a refusé cette modification (valeur hors des limites permises).';
  }
}
