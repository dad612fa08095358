/**
 * The services in a worker thread (`npm run web`): the catalogue opens there, calls answer while a long
 * import runs, and an import cancelled mid-way leaves the catalogue as it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Catalogue, openCatalogue } from '../../src-main/catalogue/database.ts';
import type { Envelope } from '../../src-main/contract/errors.ts';
import type { Progress } from '../../src-main/services/context.ts';
import { type HttpBridge, startHttpBridge } from '../../src-main/transport/http-bridge.ts';
import { startWorkerHost, type WorkerHost } from '../../src-main/transport/service-worker.ts';
import { catalogueChecksum, FIXED_NOW } from '../support/catalogue.ts';

const ENTRY = new URL('../../src-main/cli/web.ts', import.meta.url);

/** Resolves true when `promise` is still pending after the others settle (checked on the next turn). */
function pendingFlag(promise: Promise<unknown>): () => boolean {
  let settled = false;
  void promise.then(() => (settled = true), () => (settled = true));
  return () => !settled;
}

describe('services in a worker thread', () => {
  let dir: string;
  let host: WorkerHost;
  let reader: Catalogue;
  let campaignId: number;
  let sheetPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'synthese-worker-'));
    host = await startWorkerHost({ entry: ENTRY, dbPath: join(dir, 'catalogue.sqlite'), demo: true, fixedNow: FIXED_NOW.toISOString(), errorLog: null });
    expect(host.fresh && host.demoLoaded).toBe(true);
    const settings = await host.call('settings.get', {});
    if (!settings.ok) throw new Error(settings.error.message);
    campaignId = (settings.value as { activeCampaignId: number }).activeCampaignId;
    // A second connection, read-only use: the sheet's territory and the checksums (WAL lets it read beside).
    reader = openCatalogue(join(dir, 'catalogue.sqlite'));
    const bassins = reader.prepare('SELECT b.nom, b.departement_code FROM bassin b').all() as { nom: string; departement_code: string }[];
    sheetPath = join(dir, 'grand-tableau.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: sheetPath });
    const sheet = writer.addWorksheet('Rencontres');
    sheet.addRow(['Département', 'Niveau', 'Bassin / réseau', 'Date', 'Élèves', 'Enseignants', 'Total déclaré']).commit();
    for (let i = 0; i < 10_000; i++) {
      const b = bassins[i % bassins.length]!;
      sheet.addRow([b.departement_code, 'bassin', b.nom, `${String(1 + Math.floor(i / bassins.length)).padStart(2, '0')}/10/2020`, 5, 10, 20]).commit();
    }
    await writer.commit();
  });

  afterAll(async () => {
    reader?.close();
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers settings.get while a 10 000-row import preview runs', async () => {
    let firstProgress: () => void = () => {};
    const started = new Promise<void>((resolve) => (firstProgress = resolve));
    const progress: Progress[] = [];
    const t0 = performance.now();
    const preview = host.call('spreadsheets.previewImport', { campaignId, path: sheetPath }, (p) => {
      progress.push(p);
      // Once the rows are being written: the preview's one transaction holds its worker from here on.
      if (p.total > 0) firstProgress();
    });
    const previewPending = pendingFlag(preview);
    await started;
    const asked = performance.now();
    const settings = await host.call('settings.get', {});
    const latency = performance.now() - asked;
    // The order is the point, not a duration: settings.get answered, the preview still under way.
    expect(settings.ok).toBe(true);
    expect(previewPending()).toBe(true);
    const report = await preview;
    expect(report.ok, JSON.stringify(report).slice(0, 300)).toBe(true);
    const counts = (report as Extract<Envelope<Record<'added' | 'updated' | 'unchanged' | 'refused', number>>, { ok: true }>).value;
    expect(counts.added + counts.updated + counts.unchanged + counts.refused).toBe(10_000);
    expect(progress.length).toBeGreaterThan(2);
    process.stdout.write(`settings.get pendant l’aperçu : ${latency.toFixed(0)} ms (aperçu entier : ${(performance.now() - t0).toFixed(0)} ms)\n`);
  });

  it('cancels an import mid-way and leaves every table as it was', async () => {
    const before = catalogueChecksum(reader);
    const controller = new AbortController();
    const progress: Progress[] = [];
    const envelope = await host.call('spreadsheets.importAttendance', { campaignId, path: sheetPath, acceptPartial: true }, (p) => {
      progress.push(p);
      // Inside the transaction: some rows are already written when the call is cancelled (the import writes
      // a hundred meetings a statement, a few milliseconds each: cancelled at the first ones).
      if (p.total > 0 && p.done >= 100) controller.abort();
    }, controller.signal);
    expect(envelope).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Opération annulée.' } });
    expect(progress.some((p) => p.total > 0 && p.done >= 100)).toBe(true);
    expect(catalogueChecksum(reader)).toBe(before);
    // The worker goes on answering.
    expect((await host.call('settings.get', {})).ok).toBe(true);
  });

  it('cancels the call when the client of a progress stream goes away', async () => {
    const before = catalogueChecksum(reader);
    const bridge: HttpBridge = await startHttpBridge({ host, token: 'a'.repeat(64) });
    try {
      const url = new URL(bridge.url);
      const lines = await new Promise<string[]>((resolve, reject) => {
        const seen: string[] = [];
        const req = request({
          host: '127.0.0.1', port: url.port, path: '/api/call', method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}`, 'X-Progress': 'ndjson' },
        }, (res) => {
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            seen.push(...chunk.split('\n').filter(Boolean));
            // Once the rows are being written, the page goes away.
            if (seen.some((l) => /traitées|enregistrées/.test(l))) {
              req.destroy();
              resolve(seen);
            }
          });
          res.on('end', () => resolve(seen));
        });
        req.on('error', (error) => (seen.length > 0 ? resolve(seen) : reject(error)));
        req.end(JSON.stringify({ name: 'spreadsheets.importAttendance', input: { campaignId, path: sheetPath, acceptPartial: true } }));
      });
      expect(lines.some((l) => l.includes('"envelope"'))).toBe(false);
      // The long-work worker answers in order: this refusal comes once the cancelled import has ended.
      const after = await host.call('spreadsheets.previewImport', { campaignId, path: join(dir, 'absent.xlsx') });
      expect(after.ok).toBe(false);
      expect(catalogueChecksum(reader)).toBe(before);
    } finally {
      await bridge.close();
    }
  });

  it('refuses a catalogue that is not one, in French, before anything listens', async () => {
    const notCatalogue = join(dir, 'pas-un-catalogue.sqlite');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(notCatalogue, 'bonjour');
    await expect(startWorkerHost({ entry: ENTRY, dbPath: notCatalogue, errorLog: null })).rejects.toThrow(/catalogue|fichier/i);
  });
});
