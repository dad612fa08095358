/**
 * The one entry point of every transport: name allow-list, input validation, error shaping.
 * No business logic here; the handlers live in services/.
 */
import { z } from 'zod';
import { AppError, type AppErrorIssue, type Envelope } from '../contract/errors.ts';
import { isOperationName, operations, type OperationName } from '../contract/operations.ts';
import type { Handlers, ServiceContext } from '../services/context.ts';
import '../contract/locale.ts';

export interface DispatchOptions {
  /** Checks each answer against the contract too: on in tests and development. */
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
    if (!parsed.success) throw invalidInput(name, parsed.error);
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

function invalidInput(name: OperationName, error: z.ZodError): AppError {
  const issues = toIssues(error);
  const first = issues[0];
  const where = first && first.path ? `${first.path} : ` : '';
  const more = issues.length > 1 ? ` (et ${issues.length - 1} autre${issues.length > 2 ? 's' : ''} problème${issues.length > 2 ? 's' : ''})` : '';
  return new AppError('INVALID_INPUT', `Données invalides pour « ${name} » — ${where}${first?.message ?? ''}${more}.`, issues);
}

function toIssues(error: z.ZodError): AppErrorIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Maps anything thrown below the dispatcher to the contract's error shape. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return new AppError('INVALID_INPUT', 'Données invalides.', toIssues(error));
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('CONFLICT', constraintMessage(code));
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('INTERNAL', `Erreur interne : ${message}`);
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
