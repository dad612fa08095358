/** What every handler receives: the open catalogue and the few things that must be injectable in tests. */
import type { Catalogue } from '../catalogue/database.ts';
import type { AppError } from '../contract/errors.ts';
import type { OperationName, OperationOutput, ParsedInput } from '../contract/operations.ts';

export interface Progress {
  operation: string;
  done: number;
  total: number;
  message: string;
}

export interface ServiceContext {
  db: Catalogue;
  /** Wall clock, for records' timestamps only (never inside generated documents). */
  now: () => Date;
  /** Long work reports here; transports forward it to the UI. */
  onProgress?: (progress: Progress) => void;
  /** The catalogue file (absent for an in-memory catalogue). */
  cataloguePath?: string;
  /**
   * Where a relative output path lands: the user's documents folder in the desktop app (its working
   * folder is wherever it was launched from), the working folder for the CLI.
   */
  documentsDir?: string;
  /**
   * Set when the catalogue is found damaged after it opened (the full check of a large one runs in the
   * background): every operation is then refused with this error, so nothing more is written into it.
   */
  damaged?: AppError;
}

export type Handler<N extends OperationName> = (
  input: ParsedInput<N>,
  ctx: ServiceContext,
) => OperationOutput<N> | Promise<OperationOutput<N>>;

export type Handlers = { [N in OperationName]: Handler<N> };

/** Narrows a handler group to its operations, so each services/ module declares only its own. */
export type HandlerGroup<P extends string> = { [N in OperationName as N extends `${P}.${string}` ? N : never]: Handler<N> };
