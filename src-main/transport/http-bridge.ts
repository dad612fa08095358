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
import { dispatch } from './dispatch.ts';
import { serveStatic } from './static-files.ts';

export interface HttpBridgeOptions {
  handlers: Handlers;
  context: ServiceContext;
  /** 0 picks a free port. */
  port?: number;
  /** Folder of the built renderer, served at / when given. */
  staticDir?: string;
  /** Fixed token (tests); a random one otherwise. */
  token?: string;
  /** How long stopping waits for answers under way; 10 s by default (a generation takes well under one). */
  closeGraceMs?: number;
}

export interface HttpBridge {
  url: string;
  token: string;
  /** The address to open in a browser: the token travels in the fragment, never in server logs. */
  launchUrl: string;
  close(): Promise<void>;
}

const MAX_BODY = 20 * 1024 * 1024;

export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const token = options.token ?? randomBytes(32).toString('hex');
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
    handle(request, response).catch(() => send(response, 500, { ok: false, error: { code: 'INTERNAL', message: 'Erreur interne.' } }));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!hostAllowed(request.headers.host, port)) return send(response, 421, refusal('Hôte non autorisé.'));
    const origin = request.headers.origin;
    if (origin !== undefined && !originAllowed(origin, port)) return send(response, 403, refusal('Origine non autorisée.'));
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/api/call') return apiCall(request, response);
    if (request.method === 'GET' && options.staticDir) return serveStatic(options.staticDir, path, response);
    return send(response, 404, refusal('Introuvable.'));
  }

  async function apiCall(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') return send(response, 405, refusal('Méthode non autorisée (POST attendu).'));
    if (!tokenMatches(request.headers.authorization, token)) return send(response, 401, refusal('Jeton absent ou invalide.'));
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(response, 415, refusal('Contenu JSON attendu.'));
    }
    const body = await readBody(request);
    if (body === null) return send(response, 413, refusal('Requête trop volumineuse.'));
    let message: { name?: unknown; input?: unknown };
    try {
      message = JSON.parse(body) as typeof message;
    } catch {
      return send(response, 400, refusal('JSON illisible.'));
    }
    if (request.headers['x-progress'] === 'ndjson') {
      // Long work: progress lines as they come, then the result, one JSON object a line.
      response.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      const onProgress = (progress: Progress) => {
        response.write(`${JSON.stringify({ progress })}\n`);
        // Node corks the socket until the next tick; work that holds the thread (an import's one
        // transaction) would deliver all its progress at the end. Sent now instead.
        response.socket?.uncork();
      };
      const context = { ...options.context, onProgress };
      const envelope = await dispatch(options.handlers, context, message?.name, message?.input);
      response.end(`${JSON.stringify({ envelope })}\n`);
      return;
    }
    const envelope = await dispatch(options.handlers, options.context, message?.name, message?.input);
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

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(JSON.stringify(body));
}
