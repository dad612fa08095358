/**
 * The Bilan workbook's record sheets, streamed from one statement per sheet, hold what the records
 * themselves say (read here through the repos' own record readers), in the synthesis's order; and a
 * sheet being read never keeps the catalogue from being written.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalogue, type Catalogue } from '../../src-main/catalogue/database.ts';
import { queryContributions } from '../../src-main/catalogue/repos/contribution.repo.ts';
import { meetingsInScope } from '../../src-main/catalogue/repos/meeting.repo.ts';
import { queryRetex } from '../../src-main/catalogue/repos/retex.repo.ts';
import { contributionIdsInScope, retexIdsInScope } from '../../src-main/catalogue/repos/scope.repo.ts';
import { academieNames, listBassins, listEtablissements } from '../../src-main/catalogue/repos/territory.repo.ts';
import { CONTRIBUTION_KIND_LABELS, MEETING_LEVEL_LABELS, PARTICIPANT_CATEGORIES } from '../../src-main/contract/domain.ts';
import type { Campaign } from '../../src-main/contract/schemas/campaign.ts';
import { bilanSheets } from '../../src-main/services/bilan-export.ts';
import { AppError } from '../../src-main/contract/errors.ts';
import { localCaller } from '../../src-main/transport/local.ts';
import { resolveScope } from '../../src-main/services/scope.ts';
import { demoCatalogue, type TestCatalogue } from '../support/catalogue.ts';

const ETABLISSEMENT_TYPES = {
  ecole: 'école', college: 'collège', lycee: 'lycée', lycee_professionnel: 'lycée professionnel', cite_scolaire: 'cité scolaire', autre: 'autre',
} as const;

let demo: TestCatalogue & { campaignId: number };
let campaign: Campaign;
let folder: string;

beforeAll(async () => {
  demo = await demoCatalogue();
  campaign = await demo.call('campaigns.get', { id: demo.campaignId });
  folder = mkdtempSync(join(tmpdir(), 'bilan-stream-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const rowsOf = (db: Catalogue, ref: string, name: string) => [...bilanSheets(db, campaign, ref).find((s) => s.name === name)!.rows];

/** The sheets as the records read one by one say they should be (the workbook's former reading). */
function expected(db: Catalogue, ref: string) {
  const scope = resolveScope(db, ref);
  const thematique = new Map(campaign.thematiques.map((t) => [t.id, t.number]));
  const academie = new Map(academieNames(db).map((a) => [a.code, a.nom]));
  const bassin = new Map(listBassins(db, {}).map((b) => [b.id, b.nom]));
  const plain = (text: string) => text.replace(/\*\*/g, '');
  const meetings = meetingsInScope(db, campaign.id, scope.stats);
  const retexIds = retexIdsInScope(db, campaign.id, scope.stats);
  const contributionIds = contributionIdsInScope(db, campaign.id, scope.stats);
  const territory = scope.kind === 'academie' ? { academieCode: scope.code } : scope.kind === 'departement' ? { departementCode: scope.code } : {};
  return {
    Rencontres: meetings.map((m) => [
      m.id, MEETING_LEVEL_LABELS[m.level], m.title, m.date, m.lieu, { presentiel: 'présentiel', distanciel: 'distanciel', hybride: 'hybride' }[m.format],
      m.academieCode ? (academie.get(m.academieCode) ?? m.academieCode) : null, m.departementCode,
      m.bassinId !== null ? (bassin.get(m.bassinId) ?? null) : null, m.etablissementUai,
      m.thematiqueIds.map((id) => thematique.get(id)).join(', '),
      ...PARTICIPANT_CATEGORIES.map((c) => m.attendance[c.code] ?? null),
      m.declaredTotal, m.participants,
      m.participantsSource === 'declare' ? 'total déclaré' : m.participantsSource === 'categories' ? 'somme des catégories' : 'inconnu',
      m.restitutionReceived ? 'oui' : 'non',
    ]),
    Ateliers: meetings.flatMap((m) => m.ateliers.map((a) => [m.id, m.title, thematique.get(a.thematiqueId) ?? null, a.defi, a.participants])),
    Retex: queryRetex(db, { campaignId: campaign.id })
      .filter((r) => retexIds.has(r.id))
      .map((r) => [
        r.id, thematique.get(r.thematiqueId) ?? null, r.title, plain(r.text), r.niveau, r.classes, r.etablissementUai, r.sourceMeetingId,
        r.selected ? 'oui' : 'non', r.position, r.links.map((l) => `${l.label || l.kind} : ${l.url}`).join('\n'),
      ]),
    Contributions: queryContributions(db, { campaignId: campaign.id })
      .filter((c) => contributionIds.has(c.id))
      .map((c) => [
        c.id, thematique.get(c.thematiqueId) ?? null, CONTRIBUTION_KIND_LABELS[c.kind], plain(c.text), c.heading,
        c.scale ? { national: 'national', academique: 'académique', etablissement: 'établissement' }[c.scale] : null,
        c.selected ? 'oui' : 'non', c.position, c.sourceMeetingIds.join(', '),
      ]),
    Bassins: listBassins(db, territory).map((b) => [b.id, b.departementCode, b.kind, b.nom]),
    Établissements: listEtablissements(db, territory).map((e) => [e.uai, e.nom, ETABLISSEMENT_TYPES[e.type], e.commune, e.departementCode]),
  };
}

describe('Bilan workbook record sheets, streamed', () => {
  for (const ref of ['region', 'academie:LIMOGES', 'departement:87']) {
    it(`hold what the records say, in the synthesis's order (${ref})`, () => {
      const want = expected(demo.db, ref);
      for (const [name, rows] of Object.entries(want)) expect(rowsOf(demo.db, ref, name), name).toEqual(rows);
      // Not vacuous: the demo fills every sheet, links and sources included.
      expect(want.Rencontres.length).toBeGreaterThan(0);
      expect(want.Ateliers.length).toBeGreaterThan(0);
      expect(want.Retex.length).toBeGreaterThan(0);
      expect(want.Contributions.length).toBeGreaterThan(0);
    });
  }

  it('reads a catalogue file through its own connection: the catalogue stays writable while a sheet is read', () => {
    const path = join(folder, 'catalogue.sqlite');
    writeFileSync(path, demo.db.serialize());
    const db = openCatalogue(path);
    try {
      const sheet = bilanSheets(db, campaign, 'region').find((s) => s.name === 'Contributions')!;
      const reading = sheet.rows[Symbol.iterator]();
      const first = reading.next().value!;
      // The long-work worker writes a document's history meanwhile: a statement held open on its own
      // connection would refuse it (« connection is busy »).
      db.prepare('UPDATE contribution SET position = position WHERE id = ?').run(first[0]);
      const rest = [...{ [Symbol.iterator]: () => reading }];
      expect([first, ...rest]).toEqual(expected(db, 'region').Contributions);
      // A sheet left half read closes its statement and its connection.
      const again = sheet.rows[Symbol.iterator]();
      again.next();
      again.return?.();
      db.prepare('UPDATE contribution SET position = position WHERE id = ?').run(first[0]);
    } finally {
      db.close();
    }
  });
});

describe('the Bilan workbook as long work', () => {
  it('reports its rows as it writes, and « Annuler » stops it before any file is written or logged', async () => {
    const { db, campaignId } = demo;
    const reports: { done: number; message: string }[] = [];
    const written = await localCaller({ db, now: () => new Date('2020-10-20T00:00:00Z'), onProgress: (p) => void reports.push({ done: p.done, message: p.message ?? '' }) })(
      'spreadsheets.exportBilan', { campaignId, outputPath: join(folder, 'suivi.xlsx') },
    );
    expect(reports.length).toBeGreaterThanOrEqual(written.sheets.length);
    expect(reports.map((r) => r.done)).toEqual([...reports.map((r) => r.done)].sort((a, b) => a - b));
    expect(reports.at(-1)!.message).toMatch(/^\d[\d  ]* lignes écrites \(feuille « .+ »\)$/);

    const logged = (await demo.call('documents.list', { campaignId })).length;
    const cancelled = localCaller({
      db, now: () => new Date('2020-10-20T00:00:00Z'),
      onProgress: () => {
        throw new AppError('CONFLICT', 'Opération annulée.');
      },
    });
    const path = join(folder, 'annule.xlsx');
    await expect(cancelled('spreadsheets.exportBilan', { campaignId, outputPath: path })).rejects.toThrow(/annulée/);
    expect(existsSync(path)).toBe(false);
    expect((await demo.call('documents.list', { campaignId })).length).toBe(logged);
    // The sheets' own read-only connections were closed: the catalogue is written as before.
    await demo.call('settings.update', { contact: 'apres-annulation@example.org' });
  });
});
