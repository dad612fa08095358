/** The one error shape that crosses a transport: a code for programs, a French message for people. */

export type AppErrorCode = 'UNKNOWN_OPERATION' | 'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FILE' | 'INTERNAL';

export interface AppErrorIssue {
  /** Where: "attendance.eleves", "links.0.url". */
  path: string;
  message: string;
}

export interface AppErrorPayload {
  code: AppErrorCode;
  message: string;
  issues?: AppErrorIssue[];
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly issues: AppErrorIssue[];

  constructor(code: AppErrorCode, message: string, issues: AppErrorIssue[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  toPayload(): AppErrorPayload {
    return this.issues.length > 0
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} introuvable.`);
}

export function conflict(message: string): AppError {
  return new AppError('CONFLICT', message);
}

/** Result envelope of both transports: never a thrown object across a process boundary. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorPayload };
