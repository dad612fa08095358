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

  /**
   * What crosses a transport, summarised: a file of 2 000 sheets once made a 151 KB message that no
   * screen can show. Every transport shapes its errors here, so the caps hold everywhere.
   */
  toPayload(): AppErrorPayload {
    const message = shorten(this.message, MAX_MESSAGE_CHARS);
    if (this.issues.length === 0) return { code: this.code, message };
    const shown = this.issues.slice(0, MAX_ISSUES).map((issue) => ({
      path: shorten(issue.path, MAX_ISSUE_PATH_CHARS),
      message: shorten(issue.message, MAX_ISSUE_MESSAGE_CHARS),
    }));
    const rest = this.issues.length - shown.length;
    if (rest > 0) shown.push({ path: '', message: `et ${others(rest)} problème${rest > 1 ? 's' : ''}` });
    return { code: this.code, message, issues: shown };
  }
}

/** Caps of an error as it crosses a transport (see toPayload). */
export const MAX_ISSUES = 20;
export const MAX_MESSAGE_CHARS = 1_000;
const MAX_ISSUE_MESSAGE_CHARS = 300;
const MAX_ISSUE_PATH_CHARS = 120;

/**
 * A list for a sentence, at most `max` items named (one more is named rather than « et 1 autre »):
 * summarise(['a', 'b', 'c', 'd', 'e'], 3) is "a, b, c et 2 autres"; summarise(['a', 'b', 'c']) is
 * "a, b et c"; summarise([]) is "". `separator` joins the named items ("; " for items with commas).
 */
export function summarise(items: readonly string[], max = 5, separator = ', '): string {
  const shown = Math.max(1, Math.floor(max));
  if (items.length > shown + 1) return `${items.slice(0, shown).join(separator)} et ${others(items.length - shown)}`;
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(separator)} et ${items[items.length - 1]}`;
}

/** « 1 autre », « 1 980 autres ». */
function others(count: number): string {
  return `${count.toLocaleString('fr-FR')} autre${count > 1 ? 's' : ''}`;
}

/** A text cut to `max` characters at a word boundary, saying how much was left out. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - 40); // what the note below takes
  // Never half an emoji: a lone surrogate is a character the contract refuses elsewhere.
  const cut = text.slice(0, room).replace(/[\uD800-\uDBFF]$/, '');
  const space = cut.lastIndexOf(' ');
  const kept = (space > room / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/u, '');
  return `${kept}… (et ${(text.length - kept.length).toLocaleString('fr-FR')} caractères de plus)`;
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} introuvable.`);
}

export function conflict(message: string): AppError {
  return new AppError('CONFLICT', message);
}

/** Result envelope of both transports: never a thrown object across a process boundary. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorPayload };
