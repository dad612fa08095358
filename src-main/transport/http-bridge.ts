/**
 * Local HTTP bridge: the same dispatcher as Electron's IPC, for the UI in a browser (where Electron
 * cannot run) and for end-to-end tests. Listens on 127.0.0.1 only; every API call needs the
 * per-launch token; Host and Origin are checked so that no other web page can reach it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Envelope } from '../contract/errors.ts';
import type { Handlers, Progress, ServiceContext } from '../services/context.ts';
import { errorLogPathFor } from './error-log.ts';
import { inProcessHost, type ServiceHost } from './service-host.ts';
import { serveStatic } from './static-files.ts';
import { toAppError } from './to-app-error.ts';

/**
 * Where the services run: a ServiceHost (`npm run web`: a worker thread), or handlers and a context,
 * run in-process (the tests).
 */
export type HttpBridgeOptions = BridgeSettings & ({ host: ServiceHost } | { handlers: Handlers; context: ServiceContext });

interface BridgeSettings {
  /** 0 picks a free port. */
  port?: number;
  /** Folder of the built renderer, served at / when given. */
  staticDir?: string;
  /** Fixed token (tests); a random one otherwise. */
  token?: string;
  /** How long stopping waits for answers under way; 10 s by default (a generation takes well under one). */
  closeGraceMs?: number;
  /** Largest request body; 20 MB by default (tests set a small one). */
  maxBodyBytes?: number;
  /** The errors journal; by default the catalogue's own (see DispatchOptions.errorLog). */
  errorLog?: string | null;
}

export interface HttpBridge {
  url: string;
  token: string;
  /** The address to open in a browser: the token travels in the fragment, never in server logs. */
  launchUrl: string;
  close(): Promise<void>;
}

const MAX_BODY = 20 * 1024 * 1024;

/** A call's id as the page gives it (a UUID): anything else is ignored. */
function callIdOf(header: string | string[] | undefined): string | null {
  return typeof header === 'string' && /^[0-9a-f-]{8,64}$/.test(header) ? header : null;
}
/** How long a refused body is still read (and thrown away) so that the refusal reaches the client. */
const DRAIN_MS = 10_000;

export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const maxBody = options.maxBodyBytes ?? MAX_BODY;
  const dispatchOptions = options.errorLog !== undefined ? { errorLog: options.errorLog } : {};
  const host = 'host' in options ? options.host : inProcessHost(options.handlers, options.context, dispatchOptions);
  let port = 0;
  // Requests under way, so that closing lets a save or a generation finish before the catalogue closes.
  const underWay = new Map<ServerResponse, Promise<void>>();
  let closing = false;
  const server: Server = createServer((request, response) => {
    // Once stopping, no socket is kept for another request.
    if (closing) response.shouldKeepAlive = false;
    const done = new Promise<void>((resolve) => response.once('close', () => resolve()));
    underWay.set(response, done);
    void done.then(() => underWay.delete(response));
    handle(request, response).catch((error: unknown) => {
      const logPath = options.errorLog !== undefined ? options.errorLog : errorLogPathFor(host.cataloguePath);
      send(response, 500, { ok: false, error: toAppError(error, { logPath, operation: 'http-bridge' }).toPayload() });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!hostAllowed(request.headers.host, port)) return send(response, 421, refusal('Hôte non autorisé.'));
    const origin = request.headers.origin;
    if (origin !== undefined && !originAllowed(origin, port)) return send(response, 403, refusal('Origine non autorisée.'));
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/api/call') return apiCall(request, response);
    if (path === '/api/cancel') return apiCancel(request, response);
    if (request.method === 'GET' && options.staticDir) return serveStatic(options.staticDir, path, response);
    return send(response, 404, refusal('Introuvable.'));
  }

  /** The long calls under way that the page may cancel, by the id it gave them (`X-Call-Id`). */
  const cancellable = new Map<string, AbortController>();
  // A cancel may overtake its call (two connections): remembered, a few, for the call that follows.
  const cancelledEarly = new Set<string>();

  /** The checks every API request passes; its JSON body, or null once a refusal has been sent. */
  async function readJson(request: IncomingMessage, response: ServerResponse): Promise<Record<string, unknown> | null> {
    const refused = (status: number, message: string) => {
      send(response, status, refusal(message));
      return null;
    };
    if (request.method !== 'POST') return refused(405, 'Méthode non autorisée (POST attendu).');
    if (!tokenMatches(request.headers.authorization, token)) return refused(401, 'Jeton absent ou invalide.');
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return refused(415, 'Contenu JSON attendu.');
    const body = await readBody(request, maxBody);
    if (body === null) {
      refuseTooLarge(request, response, maxBody);
      return null;
    }
    try {
      const parsed = JSON.parse(body) as unknown;
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return refused(400, 'JSON illisible.');
    }
  }

  /** « Annuler »: the call stops at its next progress report and rolls back; its own request then answers. */
  async function apiCancel(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const message = await readJson(request, response);
    if (message === null) return;
    const callId = typeof message.callId === 'string' ? message.callId : '';
    const call = cancellable.get(callId);
    call?.abort();
    if (!call && callIdOf(callId)) {
      cancelledEarly.add(callId);
      if (cancelledEarly.size > 100) cancelledEarly.delete(cancelledEarly.values().next().value!);
    }
    send(response, 200, { ok: true, value: { cancelled: call !== undefined } });
  }

  async function apiCall(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const message = await readJson(request, response);
    if (message === null) return;
    if (request.headers['x-progress'] === 'ndjson') {
      // Long work: progress lines as they come, then the result, one JSON object a line.
      response.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      const onProgress = (progress: Progress) => {
        if (response.destroyed) return;
        response.write(`${JSON.stringify({ progress })}\n`);
        // Node corks the socket until the next tick; work that holds the thread (an import's one
        // transaction, when the services run in-process) would deliver all its progress at the end.
        response.socket?.uncork();
      };
      // The client gone (the page closed, the request aborted): the work stops at its next progress
      // report and rolls back, leaving the catalogue as before.
      const abandoned = new AbortController();
      response.once('close', () => {
        if (!response.writableEnded) abandoned.abort();
      });
      const callId = callIdOf(request.headers['x-call-id']);
      if (callId) cancellable.set(callId, abandoned);
      if (callId && cancelledEarly.delete(callId)) abandoned.abort();
      try {
        const envelope = await host.call(message.name, message.input, onProgress, abandoned.signal);
        if (!response.destroyed) response.end(`${JSON.stringify({ envelope })}\n`);
      } finally {
        if (callId && cancellable.get(callId) === abandoned) cancellable.delete(callId);
      }
      return;
    }
    const envelope = await host.call(message.name, message.input);
    send(response, 200, envelope);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    token,
    launchUrl: `${url}/#token=${token}`,
    close: async () => {
      closing = true;
      for (const response of underWay.keys()) if (!response.headersSent) response.shouldKeepAlive = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A browser keeps sockets open, some never used (preconnects): Node would wait for its
      // 60 s header timeout. Answers under way are finished first (for a grace period at most: a
      // stuck one must not hold Ctrl+C); then every socket goes.
      server.closeIdleConnections();
      const grace = new Promise<void>((resolve) => setTimeout(resolve, options.closeGraceMs ?? 10_000).unref());
      await Promise.race([grace, (async () => {
        while (underWay.size > 0) await Promise.allSettled([...underWay.values()]);
      })()]);
      server.closeAllConnections();
      await closed;
    },
  };
}

function refusal(message: string): Envelope<never> {
  return { ok: false, error: { code: 'INVALID_INPUT', message } };
}

/** Only our own address: a DNS-rebinding page would send its own host name. */
function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function originAllowed(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The body as text, or null as soon as it passes `limit` (what follows is read and thrown away). */
function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] | null = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      if (chunks === null) return;
      size += chunk.length;
      if (size > limit) {
        chunks = null;
        resolve(null);
      } else chunks.push(chunk);
    });
    request.on('end', () => {
      if (chunks !== null) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

/**
 * 413, sent at once but ended only once the client has sent its last byte (or after DRAIN_MS): a socket
 * closed on unread data is reset by the system, and the client loses the answer with it (it saw
 * ECONNRESET instead of this message). Content-Length lets clients that read early take it whole now.
 */
function refuseTooLarge(request: IncomingMessage, response: ServerResponse, limit: number): void {
  const body = JSON.stringify(refusal(`Requête trop volumineuse (plus de ${sizeInFrench(limit)}) : choisissez un fichier plus petit.`));
  response.shouldKeepAlive = false;
  response.writeHead(413, { ...JSON_HEADERS, 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
  response.write(body);
  const finish = () => {
    clearTimeout(timer);
    if (!response.writableEnded) response.end();
  };
  const timer = setTimeout(finish, DRAIN_MS);
  timer.unref();
  if (request.complete) finish();
  else {
    request.once('end', finish);
    request.once('close', finish);
  }
}

function sizeInFrench(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} Mo` : `${Math.max(1, Math.floor(bytes / 1024))} Ko`;
}

const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  response.writeHead(status, JSON_HEADERS);
  response.end(JSON.stringify(body));
}
