/**
 * Anything thrown below the dispatcher, as the user may read it: always French, never the original
 * English text. What the user cannot act on gets a short reference and goes, in full, to the errors
 * journal (error-log.ts).
 */
import { z } from 'zod';
import { AppError, type AppErrorIssue } from '../contract/errors.ts';
import { fileSystemReason } from '../services/output-files.ts';
import { logError, newReference } from './error-log.ts';
import { describeThrown } from './thrown.ts';

export interface ErrorShaping {
  /** The errors journal; null: stderr only. */
  logPath: string | null;
  /** The operation under way, for the journal. */
  operation?: string;
}

export function toIssues(error: z.ZodError): AppErrorIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export function toAppError(error: unknown, shaping: ErrorShaping = { logPath: null }): AppError {
  try {
    return shape(error, shaping);
  } catch {
    // A proxy whose every trap throws, say: still a French answer, never a throw out of the dispatcher.
    return unexpected(newReference(), shaping.logPath);
  }
}

function shape(error: unknown, shaping: ErrorShaping): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return new AppError('INVALID_INPUT', 'Saisie refusée.', toIssues(error));
  const details = describeThrown(error);
  const code = details.code;
  if (code?.startsWith('SQLITE_CONSTRAINT')) return new AppError('CONFLICT', constraintMessage(code));
  const reference = newReference();
  logError(shaping.logPath, { reference, operation: shaping.operation, error });
  if (code?.startsWith('SQLITE_')) return new AppError('FILE', storageMessage(code));
  const reason = fileSystemReason(code);
  if (reason !== undefined) {
    const where = details.path ? ` « ${details.path} »` : '';
    return new AppError('FILE', `Un fichier ou un dossier${where} n’a pas pu être lu ou écrit : ${reason}.`);
  }
  return unexpected(reference, shaping.logPath);
}

function unexpected(reference: string, logPath: string | null): AppError {
  const journal = logPath ? ` (${logPath})` : '';
  return new AppError(
    'INTERNAL',
    `Une erreur inattendue s’est produite (référence ${reference}) : l’opération n’a pas abouti. Les détails sont dans le journal des erreurs${journal} ; donnez cette référence si vous signalez le problème.`,
  );
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
