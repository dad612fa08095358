/**
 * The 2015 kit's rules from seed 000, each broken by a meeting of its own: the consultation's dates, ateliers of
 * 15 people at most, élus not after 8 February, the établissement's synthesis within fifteen days and before
 * 10 March (followed: received, due, late), the kit's headings word for word and its académie's footer.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src-main/catalogue/database.ts';
import { knownMigrations, migrate } from '../../src-main/catalogue/migrate.ts';
import { restitutionDueDate, restitutionStatus } from '../../src-main/kit2015/rules.ts';
import { type Caller, localCaller } from '../../src-main/transport/local.ts';
import { anEtablissement } from '../support/valid-inputs.ts';

const NBSP = /\u00a0/g;
const plain = (s: string) => s.replace(NBSP, ' ');

/** A catalogue whose calendar says `today` (midday: the same day in every time zone the tests run in). */
function catalogueOn(today: string): { call: Caller } {
  const db = openCatalogue(':memory:');
  return { call: localCaller({ db, now: () => new Date(`${today}T12:00:00`) }, { validateOutput: true }) };
}

describe('the kit’s calendar (seed 000)', () => {
  it('runs the consultation from 26 January to 9 March 2015, élus until 8 February', async () => {
    const { call } = catalogueOn('2015-02-20');
    const campaign = await call('campaigns.installPreset', { slug: 'concertation-2015' });
    expect([campaign.startDate, campaign.endDate, campaign.reserveDate]).toEqual(['2015-01-26', '2015-03-09', '2015-02-08']);
  });

  it('corrects a catalogue made with the old preset (20 January), never a date someone chose', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synthese-kit-migrate-'));
    try {
      const path = join(dir, 'catalogue.sqlite');
      const db = openCatalogue(path);
      const version = db.pragma('user_version', { simple: true }) as number;
      const call = localCaller({ db, now: () => new Date() });
      await call('campaigns.installPreset', { slug: 'concertation-2015' });
      await call('campaigns.create', { slug: 'essai-2015', title: 'Essai', shortTitle: 'Essai', startDate: '2015-01-20', endDate: '2015-03-09' });
      db.prepare("UPDATE campaign SET start_date = '2015-01-20' WHERE slug = 'concertation-2015'").run();
      const mine = knownMigrations().find((m) => m.name === 'kit2015_dates')!;
      // As a catalogue was before it: opening runs it and the later ones, which are not for running twice here.
      db.pragma(`user_version = ${mine.version - 1}`);
      migrate(db, knownMigrations().slice(0, mine.version));
      db.pragma(`user_version = ${version}`);
      db.close();
      const again = openCatalogue(path);
      expect(again.pragma('user_version', { simple: true })).toBe(version);
      expect(again.prepare('SELECT slug, start_date FROM campaign ORDER BY slug').all()).toEqual([
        { slug: 'concertation-2015', start_date: '2015-01-26' },
        { slug: 'essai-2015', start_date: '2015-01-20' },
      ]);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('wants each synthesis within fifteen days of its meeting and before 10 March', () => {
    const campaign = { endDate: '2015-03-09' };
    expect(restitutionDueDate('2015-02-04', campaign)).toBe('2015-02-19');
    expect(restitutionDueDate('2015-01-31', campaign)).toBe('2015-02-15'); // across the end of a month
    expect(restitutionDueDate('2015-02-26', campaign)).toBe('2015-03-09'); // « et avant le 10 mars »
    expect(restitutionDueDate('2015-03-05', campaign)).toBe('2015-03-09');
    const m = { date: '2015-02-04', restitutionReceived: false };
    expect(restitutionStatus(m, campaign, '2015-02-19')).toBe('due'); // its last day is still on time
    expect(restitutionStatus(m, campaign, '2015-02-20')).toBe('late');
    expect(restitutionStatus({ ...m, restitutionReceived: true }, campaign, '2015-04-01')).toBe('received');
  });
});

describe('kit2015 on meetings that break each rule', () => {
  let call: Caller;
  let campaignId: number;
  let findings: { code: string; severity: string; message: string; target: { id: number | null } }[];
  let preflight: typeof findings;
  let zip: JSZip;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ({ call } = catalogueOn('2015-02-20'));
    const campaign = await call('campaigns.installPreset', { slug: 'concertation-2015' });
    campaignId = campaign.id;
    const theme = (n: number) => campaign.thematiques.find((t) => t.number === n)!.id;
    await call('settings.update', { regionCode: 'NAQ', contact: 'dane@region-academique-nouvelle-aquitaine.fr' });
    await call('etablissements.create', anEtablissement({ uai: '0860034V', nom: 'Lycée Camille Guérin', commune: 'Poitiers', departementCode: '86' }));
    const meeting = async (key: string, fields: Record<string, unknown>) => {
      const m = await call('meetings.create', {
        campaignId, level: 'etablissement', etablissementUai: '0860034V', title: `Rencontre ${key}`, date: '2015-02-04',
        thematiqueIds: [theme(1)], restitutionReceived: true, ...fields,
      });
      ids[key] = m.id;
    };
    await meeting('avant', { date: '2015-01-22' }); // before 26 January
    await meeting('atelier', { ateliers: [{ thematiqueId: theme(1), participants: 12 }, { thematiqueId: theme(3), participants: 22 }] });
    await meeting('atelier15', { ateliers: [{ thematiqueId: theme(1), participants: 15 }] });
    await meeting('elus8', { date: '2015-02-08', attendance: { elus_collectivites: 2, enseignants: 10 } });
    await meeting('elus9', { date: '2015-02-09', attendance: { elus_collectivites: 2, enseignants: 10 } });
    await meeting('retard', { date: '2015-02-04', restitutionReceived: false }); // due 19 February
    await meeting('attendue', { date: '2015-02-10', restitutionReceived: false }); // due 25 February
    await meeting('mars', { date: '2015-03-02', restitutionReceived: false }); // due 9 March, not 17
    ({ findings } = await call('kit2015.generate', { campaignId, outputDir: mkdtempSync(join(tmpdir(), 'synthese-kit-rules-')) }).then(async (r) => {
      zip = await JSZip.loadAsync(readFileSync(r.archives[0]!.document.path));
      return r;
    }));
    preflight = (await call('synthesis.preflight', { campaignId, scope: 'academie:POITIERS' })).findings;
  });

  const of = (list: typeof findings, key: string, code: string) =>
    list.filter((f) => f.target.id === ids[key] && f.code === code).map((f) => plain(f.message));

  it('dates a meeting before 26 January outside the consultation', () => {
    expect(of(findings, 'avant', 'hors-periode')).toEqual([
      'Rencontre « Rencontre avant » du 22 janvier 2015 : date en dehors de la consultation (du 26 janvier 2015 au 9 mars 2015).',
    ]);
    expect(of(findings, 'retard', 'hors-periode')).toEqual([]);
  });

  it('raises an atelier of 22 (the kit: « 15 personnes ou moins »), in the kit and before generating', () => {
    expect(of(findings, 'atelier', 'atelier-trop-nombreux')).toEqual([
      'Rencontre « Rencontre atelier » du 4 février 2015 : l’atelier du thème 3 compte 22 participants ; le kit prévoit des ateliers de 15 personnes ou moins.',
    ]);
    expect(of(preflight, 'atelier', 'atelier-trop-nombreux')).toEqual([
      'Rencontre « Rencontre atelier » du 4 février 2015 : l’atelier n° 2 compte 22 participants ; le kit prévoit des ateliers de 15 personnes ou moins.',
    ]);
    expect(of(findings, 'atelier15', 'atelier-trop-nombreux')).toEqual([]);
  });

  it('accepts élus on 8 February and raises them on the 9th', () => {
    expect(of(findings, 'elus8', 'elus-periode-reserve')).toEqual([]);
    expect(of(findings, 'elus9', 'elus-periode-reserve')).toEqual([
      'Rencontre « Rencontre elus9 » du 9 février 2015 : des élus sont comptés, or aucune rencontre ne peut se tenir en présence d’élus après le 8 février 2015 (période de réserve).',
    ]);
    expect(of(preflight, 'elus9', 'elus-periode-reserve')).toHaveLength(1);
  });

  it('says which synthesis is late and which is still due, with its day', () => {
    expect(of(findings, 'retard', 'restitution-absente')).toEqual([
      'Rencontre « Rencontre retard » du 4 février 2015 : synthèse de l’établissement en retard, non reçue ; attendue au DAN au plus tard le 19 février 2015 (dans la quinzaine qui suit la rencontre, au plus tard le 9 mars 2015).',
    ]);
    expect(of(findings, 'attendue', 'restitution-attendue')).toEqual([
      'Rencontre « Rencontre attendue » du 10 février 2015 : synthèse de l’établissement attendue au DAN au plus tard le 25 février 2015 (dans la quinzaine qui suit la rencontre, au plus tard le 9 mars 2015).',
    ]);
    expect(of(findings, 'mars', 'restitution-attendue')[0]).toContain('au plus tard le 9 mars 2015 (');
    expect(findings.filter((f) => f.target.id === ids.atelier && f.code.startsWith('restitution'))).toEqual([]);
    // Before generating, without a calendar, the pre-flight gives the day due.
    expect(of(preflight, 'attendue', 'restitution-absente')[0]).toContain('non reçue ; attendue au DAN au plus tard le 25 février 2015');
  });

  it('follows the syntheses on the dashboard: received, due, late', async () => {
    const followUp = await call('kit2015.followUp', { campaignId, scope: 'region' });
    expect(followUp).toMatchObject({ applies: true, today: '2015-02-20', lastDay: '2015-03-09', received: 5, due: 2, late: 1 });
    expect(followUp.awaited.map((r) => [r.title, r.dueDate, r.status])).toEqual([
      ['Rencontre retard', '2015-02-19', 'late'],
      ['Rencontre attendue', '2015-02-25', 'due'],
      ['Rencontre mars', '2015-03-09', 'due'],
    ]);
  });

  it('prints the kit’s four headings word for word and its académie’s footer, not the région’s contact', async () => {
    const synthesis = Object.keys(zip.files).find((n) => n.startsWith('Synthese_'))!;
    const docx = await JSZip.loadAsync(await zip.file(synthesis)!.async('nodebuffer'));
    const text = async (part: string) => plain((await docx.file(part)!.async('string')).replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, ''));
    const body = await text('word/document.xml');
    const headings = ['1. État des lieux', '2. Principales attentes', '3. Description de 1 à 2 réalisations présentées lors des ateliers', '4. Défis et propositions identifiés par l’établissement'];
    let at = 0;
    for (const h of headings) {
      const found = body.indexOf(h, at);
      expect(found, h).toBeGreaterThan(at);
      at = found;
    }
    const footers = (await Promise.all(Object.keys(docx.files).filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(text))).join(' ');
    expect(footers).toContain('Académie de Poitiers — Délégué académique au numérique (DAN)');
    expect(footers).toContain('Lycée Camille Guérin (0860034V)');
    expect(footers).not.toContain('dane@region-academique-nouvelle-aquitaine.fr');
  });

  it('follows nothing in a consultation the kit was not written for', async () => {
    const other = await call('campaigns.installPreset', { slug: 'egn-2020' });
    expect(await call('kit2015.followUp', { campaignId: other.id, scope: 'region' })).toMatchObject({ applies: false, received: 0, due: 0, late: 0, awaited: [] });
  });
});
