import { mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { Worker } from 'node:worker_threads';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../src-main/services/handlers.ts';
import { type HttpBridge, startHttpBridge } from '../../src-main/transport/http-bridge.ts';
import { emptyCatalogue, FIXED_NOW } from '../support/catalogue.ts';

interface Reply { status: number; body: any }

/** A raw HTTP request, so the test can forge Host and Origin as a hostile page would. */
function send(bridge: HttpBridge, options: { path?: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  const url = new URL(bridge.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: url.port, path: options.path ?? '/api/call', method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: data ? JSON.parse(data) : null }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('HTTP bridge', () => {
  let bridge: HttpBridge;
  const good = () => ({ 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` });
  const callBody = (name: string, input: unknown = {}) => JSON.stringify({ name, input });

  beforeAll(async () => {
    const { db } = emptyCatalogue();
    bridge = await startHttpBridge({ handlers, context: { db, now: () => FIXED_NOW } });
  });
  afterAll(() => bridge.close());

  it('listens on 127.0.0.1 only, with a fresh 256-bit token in the launch address fragment', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/);
    expect(bridge.launchUrl).toBe(`${bridge.url}/#token=${bridge.token}`);
  });

  it('serves the dispatcher: a preset installed over HTTP is listed over HTTP', async () => {
    const installed = await send(bridge, { headers: good(), body: callBody('campaigns.installPreset', { slug: 'egn-2020' }) });
    expect(installed.status).toBe(200);
    expect(installed.body.ok).toBe(true);
    expect(installed.body.value.thematiques).toHaveLength(5);
    const listed = await send(bridge, { headers: good(), body: callBody('campaigns.list') });
    expect(listed.body.value.map((c: { slug: string }) => c.slug)).toEqual(['egn-2020']);
  });

  it('returns the dispatcher’s French errors for invalid input and unknown operations', async () => {
    const invalid = await send(bridge, { headers: good(), body: callBody('meetings.get', { id: -3 }) });
    expect(invalid.body.ok).toBe(false);
    expect(invalid.body.error.code).toBe('INVALID_INPUT');
    const unknown = await send(bridge, { headers: good(), body: callBody('db.exec', { sql: 'DROP TABLE meeting' }) });
    expect(unknown.body.error).toMatchObject({ code: 'UNKNOWN_OPERATION' });
  });

  it('streams the progress of long work, then the result, when asked', async () => {
    await send(bridge, { headers: good(), body: callBody('settings.update', { regionCode: 'NAQ' }) });
    const campaigns = await send(bridge, { headers: good(), body: callBody('campaigns.list') });
    const url = new URL(bridge.url);
    const lines = await new Promise<string[]>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: url.port, path: '/api/call', method: 'POST', headers: { ...good(), 'X-Progress': 'ndjson' } },
        (res) => {
          let data = '';
          res.on('data', (c) => (data += c));
          res.on('end', () => resolve(data.trim().split('\n')));
        },
      );
      req.on('error', reject);
      req.end(callBody('synthesis.generate', { campaignId: campaigns.body.value[0].id, outputDir: mkdtempSync(join(tmpdir(), 'bridge-progress-')), thematique: 1 }));
    });
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.slice(0, -1).every((l) => l.progress?.operation === 'synthesis.generate')).toBe(true);
    expect(parsed.length).toBeGreaterThanOrEqual(3);
    expect(parsed.at(-1).envelope.ok).toBe(true);
    expect(parsed.at(-1).envelope.value.documents).toHaveLength(1);
  });

  it('refuses calls without the token, or with a wrong one', async () => {
    const none = await send(bridge, { headers: { 'Content-Type': 'application/json' }, body: callBody('campaigns.list') });
    expect(none.status).toBe(401);
    const wrong = await send(bridge, { headers: { ...good(), Authorization: `Bearer ${'0'.repeat(64)}` }, body: callBody('campaigns.list') });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toMatch(/Jeton/);
  });

  it('refuses another Host (DNS rebinding) and another Origin (a web page), even with the token', async () => {
    const host = await send(bridge, { headers: { ...good(), Host: 'evil.example:80' }, body: callBody('campaigns.list') });
    expect(host.status).toBe(421);
    const origin = await send(bridge, { headers: { ...good(), Origin: 'https://evil.example' }, body: callBody('campaigns.list') });
    expect(origin.status).toBe(403);
    const sameOrigin = await send(bridge, { headers: { ...good(), Origin: bridge.url }, body: callBody('campaigns.list') });
    expect(sameOrigin.status).toBe(200);
  });

  it('accepts only POSTed JSON on the API', async () => {
    expect((await send(bridge, { method: 'GET', headers: good() })).status).toBe(405);
    const form = await send(bridge, { headers: { ...good(), 'Content-Type': 'text/plain' }, body: callBody('campaigns.list') });
    expect(form.status).toBe(415);
    const garbage = await send(bridge, { headers: good(), body: '{"name": ' });
    expect(garbage.status).toBe(400);
  });
});

describe('HTTP bridge, closing', () => {
  it('stops at once though a browser holds a socket it never used (a preconnect), and finishes a call under way first', async () => {
    const { db } = emptyCatalogue();
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const bridge = await startHttpBridge({
      handlers: { ...handlers, 'campaigns.list': async (input, ctx) => (await slow, handlers['campaigns.list'](input, ctx)) },
      context: { db, now: () => FIXED_NOW },
    });
    const idle = connect(Number(new URL(bridge.url).port), '127.0.0.1');
    await new Promise((resolve) => idle.once('connect', resolve));
    // On a kept-alive socket, as a browser sends it.
    const agent = new Agent({ keepAlive: true });
    const underWay = new Promise<{ connection: string | undefined; body: unknown }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: new URL(bridge.url).port, path: '/api/call', method: 'POST', agent,
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` } },
        (res) => {
          let data = '';
          res.on('data', (c) => (data += c));
          res.on('end', () => resolve({ connection: res.headers.connection, body: JSON.parse(data) }));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ name: 'campaigns.list', input: {} }));
    });
    await new Promise((resolve) => setTimeout(resolve, 100));

    let closed = false;
    const closing = bridge.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed, 'the call under way is waited for').toBe(false);
    release();
    const answered = await underWay;
    expect(answered.body).toEqual({ ok: true, value: [] });
    // Its socket is not offered for another request the server would then cut.
    expect(answered.connection).toBe('close');
    agent.destroy();
    const started = Date.now();
    await closing;
    // Node alone would keep the unused socket until its 60 s header timeout.
    expect(Date.now() - started).toBeLessThan(5_000);
    // The server hung up on it.
    await new Promise((resolve) => (idle.closed ? resolve(null) : idle.once('close', resolve)));
  });

  it('stops after its grace period even when an answer never comes (Ctrl+C is never held)', async () => {
    const { db } = emptyCatalogue();
    const bridge = await startHttpBridge({
      handlers: { ...handlers, 'campaigns.list': () => new Promise<never>(() => undefined) },
      context: { db, now: () => FIXED_NOW },
      closeGraceMs: 200,
    });
    const stuck = send(bridge, { headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` }, body: JSON.stringify({ name: 'campaigns.list', input: {} }) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await bridge.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(stuck).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
});

describe('HTTP bridge, progress', () => {
  it('sends each progress line as it is made, even while the work holds the thread (one import transaction)', async () => {
    const { db } = emptyCatalogue();
    const bridge = await startHttpBridge({
      handlers: {
        ...handlers,
        'campaigns.list': (input, ctx) => {
          ctx.onProgress?.({ operation: 'campaigns.list', done: 1, total: 2, message: 'moitié' });
          const until = Date.now() + 800;
          while (Date.now() < until); // synchronous, as a better-sqlite3 transaction is
          return handlers['campaigns.list'](input, ctx);
        },
      },
      context: { db, now: () => FIXED_NOW },
    });
    // The client runs on its own thread: this one is held by the handler.
    const client = new Worker(
      `const { request } = require('node:http');
       const { parentPort, workerData } = require('node:worker_threads');
       const arrivals = [];
       const req = request({ host: '127.0.0.1', port: workerData.port, path: '/api/call', method: 'POST',
         headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + workerData.token, 'X-Progress': 'ndjson' } }, (res) => {
         res.on('data', (chunk) => arrivals.push({ at: Date.now(), text: chunk.toString() }));
         res.on('end', () => parentPort.postMessage(arrivals));
       });
       req.end(JSON.stringify({ name: 'campaigns.list', input: {} }));`,
      { eval: true, workerData: { port: Number(new URL(bridge.url).port), token: bridge.token } },
    );
    const arrivals = await new Promise<{ at: number; text: string }[]>((resolve, reject) => {
      client.once('message', resolve);
      client.once('error', reject);
    });
    await client.terminate();
    await bridge.close();
    const progress = arrivals.find((a) => a.text.includes('"progress"'))!;
    const result = arrivals.find((a) => a.text.includes('"envelope"'))!;
    expect(progress.text).not.toContain('"envelope"');
    // Corked, both would arrive together once the handler is done.
    expect(result.at - progress.at).toBeGreaterThan(400);
  });
});

describe('HTTP bridge, bodies over the limit', () => {
  interface Outcome { status?: number; connection?: string; body?: any; errors: string[] }

  /** Streams `total` bytes of a JSON body in chunks, as a browser uploading a file does. */
  function upload(bridge: HttpBridge, total: number, chunk: number): Promise<Outcome> {
    const outcome: Outcome = { errors: [] };
    return new Promise((resolve) => {
      const req = request(
        { host: '127.0.0.1', port: new URL(bridge.url).port, path: '/api/call', method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}`, 'Content-Length': total } },
        (res) => {
          outcome.status = res.statusCode;
          outcome.connection = res.headers.connection;
          let data = '';
          res.on('data', (c) => (data += c));
          res.on('end', () => {
            outcome.body = JSON.parse(data);
            // Errors after the answer count too: a closed connection is waited for (a kept one goes back to the agent).
            if (outcome.connection !== 'close' || !req.socket || req.socket.destroyed) resolve(outcome);
            else req.socket.once('close', () => resolve(outcome));
          });
        },
      );
      req.on('error', (error) => {
        outcome.errors.push(String(error));
        resolve(outcome);
      });
      const head = '{"name":"campaigns.list","input":{},"pad":"';
      let sent = 0;
      const next = () => {
        if (sent === 0) {
          req.write(head);
          sent = head.length;
        }
        const size = Math.min(chunk, total - sent - 2);
        if (size <= 0) return void req.end('"}');
        req.write('x'.repeat(size));
        sent += size;
        setImmediate(next);
      };
      next();
    });
  }

  it('answers 413 with its French message, over a real socket, while the client is still sending (a small limit)', async () => {
    const { db } = emptyCatalogue();
    const bridge = await startHttpBridge({ handlers, context: { db, now: () => FIXED_NOW }, maxBodyBytes: 64 * 1024 });
    try {
      const outcome = await upload(bridge, 2 * 1024 * 1024, 16 * 1024);
      expect(outcome.errors).toEqual([]); // no ECONNRESET, no EPIPE
      expect(outcome.status).toBe(413);
      expect(outcome.connection).toBe('close');
      expect(outcome.body).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Requête trop volumineuse (plus de 64 Ko) : choisissez un fichier plus petit.' },
      });
      // Under the limit, the same bridge still answers.
      const small = await upload(bridge, 32 * 1024, 8 * 1024);
      expect([small.status, small.body.ok, small.errors]).toEqual([200, true, []]);
    } finally {
      await bridge.close();
    }
  });

  it('answers 413 at the real limit (20 MB) too', async () => {
    const { db } = emptyCatalogue();
    const bridge = await startHttpBridge({ handlers, context: { db, now: () => FIXED_NOW } });
    try {
      const outcome = await upload(bridge, 21 * 1024 * 1024, 1024 * 1024);
      expect(outcome.errors).toEqual([]);
      expect(outcome.status).toBe(413);
      expect(outcome.body.error.message).toBe('Requête trop volumineuse (plus de 20 Mo) : choisissez un fichier plus petit.');
    } finally {
      await bridge.close();
    }
  });
});

describe('HTTP bridge, « Annuler »', () => {
  it('cancels a long call by the id the page gave it; the call answers « Opération annulée. » on its own request', async () => {
    const { db } = emptyCatalogue();
    // Long work as the services do it: it reports progress, and stops where it reports once cancelled.
    const bridge = await startHttpBridge({
      handlers: {
        ...handlers,
        'campaigns.list': async (_input, ctx) => {
          for (let done = 0; ; done++) {
            ctx.onProgress?.({ operation: 'campaigns.list', done, total: 0, message: 'travail' });
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        },
      },
      context: { db, now: () => FIXED_NOW },
    });
    const auth = { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` };
    const callId = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const lines = new Promise<string[]>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: new URL(bridge.url).port, path: '/api/call', method: 'POST', headers: { ...auth, 'X-Progress': 'ndjson', 'X-Call-Id': callId } },
        (res) => {
          let data = '';
          res.on('data', (c) => (data += c));
          res.on('end', () => resolve(data.trim().split('\n')));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ name: 'campaigns.list', input: {} }));
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await send(bridge, { path: '/api/cancel', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ callId }) })).status).toBe(401);
    expect((await send(bridge, { path: '/api/cancel', headers: auth, body: JSON.stringify({ callId: 'autre' }) })).body).toEqual({ ok: true, value: { cancelled: false } });
    expect((await send(bridge, { path: '/api/cancel', headers: auth, body: JSON.stringify({ callId }) })).body).toEqual({ ok: true, value: { cancelled: true } });
    const answer = await lines;
    expect(answer.length).toBeGreaterThan(1);
    expect(JSON.parse(answer.at(-1)!)).toMatchObject({ envelope: { ok: false, error: { message: 'Opération annulée.' } } });
    await bridge.close();
  });
});
