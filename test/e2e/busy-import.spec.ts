/**
 * `npm run web` while a 10 000-row import runs: the services run in worker threads, so the bridge and
 * the screens' reads answer during the import's one transaction, and the page opens meanwhile.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { expect, openApp, test } from './support/app.ts';

test('the screens answer while a 10 000-row import runs', async ({ app, page }) => {
  const token = new URL(app.url).hash.replace('#token=', '');
  const base = new URL(app.url).origin;
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const call = async (name: string, input: unknown = {}) => {
    const response = await fetch(`${base}/api/call`, { method: 'POST', headers, body: JSON.stringify({ name, input }) });
    return (await response.json()) as { ok: boolean; value?: any };
  };
  const settings = await call('settings.get');
  const campaignId = settings.value.activeCampaignId as number;

  const reader = new Database(app.dbPath, { readonly: true });
  const bassins = reader.prepare('SELECT nom, departement_code FROM bassin').all() as { nom: string; departement_code: string }[];
  reader.close();
  const sheetPath = join(app.dir, 'grand-tableau.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: sheetPath });
  const sheet = writer.addWorksheet('Rencontres');
  sheet.addRow(['Département', 'Niveau', 'Bassin / réseau', 'Date', 'Élèves', 'Enseignants', 'Total déclaré']).commit();
  for (let i = 0; i < 10_000; i++) {
    const b = bassins[i % bassins.length]!;
    sheet.addRow([b.departement_code, 'bassin', b.nom, `${String(1 + Math.floor(i / bassins.length)).padStart(2, '0')}/10/2020`, 5, 10, 20]).commit();
  }
  await writer.commit();

  const events: string[] = [];
  let writing: () => void = () => {};
  const rowsBeingWritten = new Promise<void>((resolve) => (writing = resolve));
  const importDone = (async () => {
    const response = await fetch(`${base}/api/call`, {
      method: 'POST',
      headers: { ...headers, 'X-Progress': 'ndjson' },
      body: JSON.stringify({ name: 'spreadsheets.importAttendance', input: { campaignId, path: sheetPath, acceptPartial: true } }),
    });
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true });
      if (/traitées/.test(text)) writing();
    }
    events.push('import');
    const last = JSON.parse(text.trim().split('\n').pop()!) as { envelope: { ok: boolean } };
    return last.envelope;
  })();

  // Inside the import's transaction: a screen's read answers at once, before the import ends.
  await rowsBeingWritten;
  const asked = performance.now();
  expect((await call('settings.get')).ok).toBe(true);
  events.push('settings.get');
  const latency = performance.now() - asked;
  await openApp(page, app);
  const envelope = await importDone;
  expect(envelope.ok).toBe(true);
  expect(events).toEqual(['settings.get', 'import']);
  console.log(`settings.get pendant l’import : ${latency.toFixed(0)} ms`);
});
