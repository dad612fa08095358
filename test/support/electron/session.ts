/** session: the default session's permission handlers and webRequest's header listener. */
import { EventEmitter } from 'node:events';

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type HeadersListener = (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void) => void;

// The stand-in's own access to private state, kept off the Electron-shaped objects.
let headersListenerOf: (request: WebRequest) => HeadersListener | null;
let handlersOf: (session: Session) => { request: RequestHandler | null; check: CheckHandler | null };

class WebRequest {
  #headers: HeadersListener | null = null;

  static {
    headersListenerOf = (request) => request.#headers;
  }

  onHeadersReceived(...args: unknown[]): void {
    this.#headers = (args.length > 1 ? args[1] : args[0]) as HeadersListener | null;
  }
}

export class Session extends EventEmitter {
  static #default: Session | null = null;
  readonly webRequest = new WebRequest();
  #request: RequestHandler | null = null;
  #check: CheckHandler | null = null;

  static {
    handlersOf = (session) => ({ request: session.#request, check: session.#check });
  }

  static get defaultSession(): Session {
    return (Session.#default ??= new Session());
  }

  static fromPartition(partition: string): Session {
    if (partition === '') return Session.defaultSession;
    throw new Error(`Stand-in Electron: the shell was expected to use the default session only, not « ${partition} ».`);
  }

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.#request = handler;
  }

  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.#check = handler;
  }
}

/** A page asks for a permission: Electron grants it when no handler says otherwise. */
export async function askPermission(session: Session, contents: unknown, permission: string, origin: string): Promise<{ granted: boolean; checked: boolean }> {
  const { request, check } = handlersOf(session);
  const details = { requestingUrl: origin, isMainFrame: true };
  const granted = request ? await new Promise<boolean>((resolve) => request(contents, permission, resolve, details)) : true;
  const checked = check ? check(contents, permission, origin, details) : true;
  return { granted, checked };
}

/** The response headers once webRequest.onHeadersReceived's listener (if any) has seen them. */
export async function receivedHeaders(session: Session, url: string, headers: Record<string, string>): Promise<Record<string, string>> {
  const listener = headersListenerOf(session.webRequest);
  if (!listener) return headers;
  const given = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]]));
  const answer = await new Promise<{ responseHeaders?: Record<string, string[]> }>((resolve) => listener({ url, responseHeaders: given }, resolve));
  return Object.fromEntries(Object.entries(answer.responseHeaders ?? given).map(([k, v]) => [k, v.join(', ')]));
}
