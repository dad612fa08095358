/**
 * National-scale benchmark: 30 académies, 3 000 meetings, 30 000 contributions.
 * Prints each operation's median time against its budget (100 ms for what the UI calls,
 * 500 ms for a whole synthesis). Timings here are noisy: read the ratios, run it twice.
 * Exits with 1 when an operation is over its budget, so that a slowdown cannot go unnoticed.
 *   npm run bench
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openCatalogue } from '../src-main/catalogue/database.ts';
import { insertContribution } from '../src-main/catalogue/repos/contribution.repo.ts';
import { insertMeeting } from '../src-main/catalogue/repos/meeting.repo.ts';
import { insertRetex } from '../src-main/catalogue/repos/retex.repo.ts';
import { insertBassin, territoryTree } from '../src-main/catalogue/repos/territory.repo.ts';
import { CATEGORY_CODES, type ContributionKind } from '../src-main/contract/domain.ts';
import { lastChange } from '../src-main/catalogue/repos/document.repo.ts';
import { buildSynthesis } from '../src-main/synthesis/build.ts';
import { makeReproducible } from '../src-main/synthesis/deterministic-pack.ts';
import { renderDocx } from '../src-main/synthesis/render-docx.ts';
import { loadSource } from '../src-main/synthesis/source.ts';
import { localCaller } from '../src-main/transport/local.ts';

const dir = mkdtempSync(join(tmpdir(), 'synthese-bench-'));
const db = openCatalogue(join(dir, 'national.sqlite'));
const call = localCaller({ db, now: () => new Date('2020-10-20T00:00:00Z') });

await call('identity.setup', { regionCode: 'NAQ', name: 'Catalogue national' });
const campaign = await call('campaigns.installPreset', { slug: 'egn-2020' });
const thematiques = campaign.thematiques.map((t) => t.id);
const KINDS: ContributionKind[] = ['etat_des_lieux', 'action', 'defi', 'proposition'];

const started = performance.now();
const meetingIds: number[] = [];
db.transaction(() => {
  const now = new Date().toISOString();
  const academies = territoryTree(db).flatMap((r) => r.academies.map((a) => ({ ...a, region: r.code })));
  academies.forEach((academie, a) => {
    const departements = academie.departements;
    for (let i = 0; i < 100; i++) {
      const departement = departements[i % departements.length]!;
      const second = i < departements.length;
      const bassinId = second ? null : insertBassin(db, { departementCode: departement.code, kind: 'ZAP', nom: `ZAP ${a}-${i}` });
      const attendance = Object.fromEntries(CATEGORY_CODES.map((c, k) => [c, (i + k) % 9]));
      meetingIds.push(
        insertMeeting(db, {
          campaignId: campaign.id, level: second ? 'departemental' : 'bassin', title: `Rencontre ${a}-${i}`,
          date: `2020-${second ? '10-14' : '09-2' + (i % 9)}`, lieu: 'Lycée', format: 'presentiel',
          regionCode: academie.region, academieCode: academie.code, departementCode: departement.code, bassinId,
          etablissementUai: null, thematiqueIds: thematiques.slice(0, 1 + (i % 5)), declaredTotal: second ? 80 + i : null,
          attendance, ateliers: [{ thematiqueId: thematiques[i % 5]!, defi: 'Comment… ?', participants: 12 }],
          restitutionReceived: i % 7 !== 0, notes: '',
        }, now),
      );
    }
  });
  for (let i = 0; i < 30_000; i++) {
    insertContribution(db, {
      campaignId: campaign.id, thematiqueId: thematiques[i % 5]!, kind: KINDS[i % 4]!,
      text: `Contribution ${i} : un texte de longueur ordinaire, comme en écrivent les rapporteurs des ateliers.`,
      heading: i % 3 === 0 ? 'Groupe' : null, scale: null, parentId: null, sourceMeetingIds: [meetingIds[i % meetingIds.length]!],
      selected: i % 50 === 0, position: i,
    });
  }
  for (let i = 0; i < 3_000; i++) {
    insertRetex(db, {
      campaignId: campaign.id, thematiqueId: thematiques[i % 5]!, title: `Retex ${i}`, text: 'Deux ou trois lignes.',
      niveau: 'collège', classes: null, etablissementUai: null, sourceMeetingId: meetingIds[i]!,
      links: [{ kind: 'video', url: `https://example.org/v/${i}`, label: 'Vidéo' }], selected: i % 1000 < 3, position: i,
    });
  }
})();
await call('settings.update', { regionCode: 'NAQ', contact: 'dane@example.org', activeCampaignId: campaign.id });
console.log(`Catalogue national construit en ${Math.round(performance.now() - started)} ms : ` +
  `${meetingIds.length} rencontres, 30 000 contributions, 3 000 retex.\n`);

const overBudget: string[] = [];

async function measure(label: string, budgetMs: number, work: () => Promise<unknown>, runs = 7): Promise<void> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  const median = times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  const ratio = median / budgetMs;
  if (ratio > 1) overBudget.push(label);
  console.log(`${label.padEnd(56)} ${median.toFixed(1).padStart(8)} ms  budget ${String(budgetMs).padStart(4)} ms  ratio ${ratio.toFixed(2)} ${ratio <= 1 ? 'ok' : 'TROP LENT'}`);
}

const c = campaign.id;
await measure('meetings.list (3 000 rencontres)', 100, () => call('meetings.list', { campaignId: c }));
await measure('meetings.list (une académie, une thématique)', 100, () => call('meetings.list', { campaignId: c, academieCode: 'BORDEAUX', thematiqueId: thematiques[0]! }));
await measure('meetings.get', 100, () => call('meetings.get', { id: meetingIds[1500]! }));
await measure('meetings.update (participation)', 100, () => call('meetings.update', { id: meetingIds[1500]!, declaredTotal: 99 }));
await measure('contributions.list (une thématique, 6 000)', 100, () => call('contributions.list', { campaignId: c, thematiqueId: thematiques[2]! }));
await measure('retex.list (une thématique)', 100, () => call('retex.list', { campaignId: c, thematiqueId: thematiques[0]! }));
await measure('stats.bilan (une région)', 100, () => call('stats.bilan', { campaignId: c }));
await measure('territory.tree', 100, () => call('territory.tree', {}));
await measure('synthesis.preview (document entier)', 500, () => call('synthesis.preview', { campaignId: c }));
await measure('synthesis.preflight (une région)', 100, () => call('synthesis.preflight', { campaignId: c }));
await measure('stats.bilan (une académie)', 100, () => call('stats.bilan', { campaignId: c, scope: 'academie:BORDEAUX' }));
await measure('stats.bilan (un département, avec les concertations de toute l’académie)', 100, () => call('stats.bilan', { campaignId: c, scope: 'departement:33' }));
await measure('synthesis.preview (un département)', 500, () => call('synthesis.preview', { campaignId: c, scope: 'departement:33' }));
// "A whole synthesis within half a second": the whole regional document, from the catalogue to its bytes.
await measure('synthèse entière (catalogue → .docx reproductible)', 500, async () => {
  const source = loadSource(db, { campaignId: c });
  return makeReproducible(await renderDocx(buildSynthesis(source)), lastChange(db));
});
await measure('synthesis.generate (document entier + 5 thématiques)', 500, () =>
  call('synthesis.generate', { campaignId: c, outputDir: join(dir, 'out') }), 3);
await measure('synthesis.generate (une thématique)', 500, () =>
  call('synthesis.generate', { campaignId: c, outputDir: join(dir, 'out'), thematique: 1 }), 3);
// Exchange (issue 9): the 30 académie bundles of the national catalogue, merged into a new catalogue.
{
  const academies = territoryTree(db).flatMap((r) => r.academies.map((a) => a.code));
  let t = performance.now();
  const bundles: string[] = [];
  for (const code of academies) bundles.push((await call('exchange.export', { outPath: join(dir, 'paquets', `${code}.synthese`), scope: `academie:${code}` })).path);
  const exportMs = performance.now() - t;
  const receiver = openCatalogue(join(dir, 'region.sqlite'));
  const receive = localCaller({ db: receiver, now: () => new Date('2020-10-21T00:00:00Z') });
  await receive('identity.setup', { regionCode: 'NAQ', name: 'Région académique' });
  t = performance.now();
  let added = 0;
  for (const path of bundles) added += (await receive('exchange.merge', { path })).added;
  const mergeMs = performance.now() - t;
  receiver.close();
  // The bare libraries doing the same work: unzip and parse every bundle, insert as many rows in one transaction.
  t = performance.now();
  const bare = new Database(join(dir, 'bare.sqlite'));
  bare.exec('CREATE TABLE record (uid TEXT PRIMARY KEY, kind TEXT, fields TEXT, clocks TEXT); CREATE TABLE row (uid TEXT PRIMARY KEY, data TEXT)');
  const insertRecord = bare.prepare('INSERT OR REPLACE INTO record VALUES (?, ?, ?, ?)');
  const insertRow = bare.prepare('INSERT OR REPLACE INTO row VALUES (?, ?)');
  for (const path of bundles) {
    const zip = await JSZip.loadAsync(readFileSync(path));
    const lines = (await zip.file('records.jsonl')!.async('string')).trim().split('\n').map((l) => JSON.parse(l) as { uid: string; kind: string; fields: unknown; clocks: unknown });
    bare.transaction(() => {
      for (const r of lines) {
        insertRecord.run(r.uid, r.kind, JSON.stringify(r.fields), JSON.stringify(r.clocks));
        insertRow.run(r.uid, JSON.stringify(r.fields));
      }
    })();
  }
  bare.close();
  const bareMs = performance.now() - t;
  const ratio = mergeMs / 3_000;
  if (ratio > 1) overBudget.push('fusion des 30 paquets académiques');
  console.log(`${'paquets : 30 académies écrites'.padEnd(56)} ${exportMs.toFixed(0).padStart(8)} ms`);
  console.log(`${`fusion des 30 paquets (${added} enregistrements)`.padEnd(56)} ${mergeMs.toFixed(0).padStart(8)} ms  budget 3000 ms  ratio ${ratio.toFixed(2)} ${ratio <= 1 ? 'ok' : 'TROP LENT'}`);
  console.log(`${'  même travail, jszip + better-sqlite3 nus'.padEnd(56)} ${bareMs.toFixed(0).padStart(8)} ms  (×${(mergeMs / bareMs).toFixed(1)})`);
}
// A 10 000-row sheet, as a large académie's export could be: read by the streaming reader, then imported.
const sheetPath = join(dir, 'grand-tableau.xlsx');
{
  const bassins = db.prepare('SELECT b.nom, b.departement_code FROM bassin b').all() as { nom: string; departement_code: string }[];
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: sheetPath });
  const sheet = writer.addWorksheet('Rencontres');
  sheet.addRow(['Département', 'Niveau', 'Bassin / réseau', 'Date', 'Élèves', 'Enseignants', 'Total déclaré']).commit();
  for (let i = 0; i < 10_000; i++) {
    const b = bassins[i % bassins.length]!;
    sheet.addRow([b.departement_code, 'bassin', b.nom, `${String(1 + Math.floor(i / bassins.length)).padStart(2, '0')}/10/2020`, 5, 10, 20]).commit();
  }
  await writer.commit();
}
let progressEvents = 0;
const importer = localCaller({ db, now: () => new Date('2020-10-20T00:00:00Z'), onProgress: () => progressEvents++ });
for (const [label, name] of [['aperçu', 'spreadsheets.previewImport'], ['import', 'spreadsheets.importAttendance']] as const) {
  const t = performance.now();
  const report = await importer(name, { campaignId: c, path: sheetPath });
  console.log(`${`tableau de 10 000 lignes (${label})`.padEnd(56)} ${(performance.now() - t).toFixed(0).padStart(8)} ms  ` +
    `ajouts ${report.added}, mises à jour ${report.updated}, refus ${report.refused}, ${progressEvents} évènements de progression`);
}
db.close();
console.log(overBudget.length === 0 ? '\nToutes les opérations tiennent leur budget.' : `\nAu-delà du budget : ${overBudget.join(' ; ')}.`);
process.exitCode = overBudget.length === 0 ? 0 : 1;
