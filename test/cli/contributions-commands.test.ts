/**
 * Issue 13, item 7, with the CLI alone: `import-contributions` refuses a sheet with one bad row and
 * writes nothing; a good sheet (headers reordered, decorated, a title line above, natures in plural and
 * capitals) adds its contributions; `regrouper --json` prints the groups in the agreed shape.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src-main/catalogue/database.ts';
import { loadDemo } from '../../src-main/demo/demo-catalogue.ts';
import { localCaller } from '../../src-main/transport/local.ts';
import { catalogueChecksum, FIXED_NOW } from '../support/catalogue.ts';

const TSX = join(__dirname, '../../node_modules/.bin/tsx');
const CLI = join(__dirname, '../../src-main/cli/index.ts');
const run = (...args: string[]) => spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });

function inCatalogue<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

async function writeSheet(path: string, rows: (string | number | null)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Contributions');
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(path);
  return path;
}

const PROPOSITIONS = (db: Database.Database, thematique: number) =>
  db.prepare(`SELECT c.text, c.selected, c.position, (SELECT group_concat(meeting_id) FROM contribution_source s WHERE s.contribution_id = c.id) AS sources
     FROM contribution c JOIN thematique t ON t.id = c.thematique_id WHERE t.number = ? AND c.kind = 'proposition' ORDER BY c.position, c.id`).all(thematique) as
    { text: string; selected: number; position: number; sources: string }[];

describe('import-contributions and regrouper from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'synthese-cli-contributions-'));
  const db = join(dir, 'catalogue.sqlite');
  let meetings: number[] = [];

  beforeAll(async () => {
    const catalogue = openCatalogue(db, { create: true });
    try {
      await loadDemo(localCaller({ db: catalogue, now: () => FIXED_NOW }));
    } finally {
      catalogue.close();
    }
    meetings = inCatalogue(db, (d) => d.prepare('SELECT id FROM meeting ORDER BY id LIMIT 2').pluck().all() as number[]);
  }, 120_000);

  it('refuses a sheet with one bad row, saying where, and writes nothing', async () => {
    const before = inCatalogue(db, catalogueChecksum);
    const sheet = await writeSheet(join(dir, 'mauvais.xlsx'), [
      ['Référence de la rencontre', 'Thématique', 'Nature', 'Texte'],
      [meetings[0]!, 2, 'proposition', 'Former les enseignants au numérique.'],
      [meetings[0]!, 2, 'suggestion', 'Un wifi dans chaque classe.'],
      [999_999, 9, 'défi', ''],
    ]);
    const result = run('import-contributions', '--db', db, sheet);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('ligne 3, colonne C (Nature) : nature « suggestion » inconnue');
    expect(result.stdout).toContain('ligne 4, colonne A (Référence de la rencontre) : aucune rencontre 999999 dans cette consultation');
    expect(result.stdout).toContain('ligne 4, colonne B (Thématique) : thématique « 9 » inconnue');
    expect(result.stdout).toContain('ligne 4, colonne D (Texte) : texte manquant');
    expect(result.stdout).toContain('Rien n’a été écrit');
    expect(inCatalogue(db, catalogueChecksum)).toBe(before);
  });

  it('adds the rows of a good sheet, forgiving headers and natures, after the existing propositions', async () => {
    const existing = inCatalogue(db, (d) => PROPOSITIONS(d, 2));
    const title = inCatalogue(db, (d) => d.prepare('SELECT title FROM thematique WHERE number = 2 LIMIT 1').pluck().get() as string);
    const sheet = await writeSheet(join(dir, 'bon.xlsx'), [
      ['Restitution du bassin de Niort'],
      ['texte *', 'NATURE', 'Remarque', 'Thematique (numéro)', 'Reference de la rencontre'],
      ['Former les enseignants au numérique pendant leur temps de service.', 'Propositions', 'vu', 2, meetings[0]!],
      ['Formation continue des professeurs au numerique sur le temps de service.', 'PROPOSITION', null, 'Thématique 2', meetings[1]!],
      ['Organiser la formation continue des enseignants au numérique pendant leur service.', 'proposition', null, title.toUpperCase(), meetings[0]!],
      [null, null, 'ligne vide', null, null],
      ['Peu de salles ont un wifi qui fonctionne.', 'Etats des lieux', null, 2, meetings[1]!],
      ['Garder le lien avec les familles éloignées du numérique.', 'Défis', null, 2, meetings[0]!],
      ['Des tablettes pour\u0007 chaque collégien.', 'proposition', null, '2. ', meetings[1]!],
    ]);
    const dry = run('import-contributions', '--db', db, '--dry-run', sheet);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('À ajouter : 6   Refusées : 0');
    expect(dry.stdout).toContain('Colonnes ignorées : « Remarque » (C)');
    expect(inCatalogue(db, (d) => PROPOSITIONS(d, 2))).toEqual(existing);

    const result = run('import-contributions', '--db', db, sheet);
    expect(result.status, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain('Ajoutées : 6');
    const after = inCatalogue(db, (d) => PROPOSITIONS(d, 2));
    const added = after.slice(existing.length);
    expect(added.map((c) => c.text)).toEqual([
      'Former les enseignants au numérique pendant leur temps de service.',
      'Formation continue des professeurs au numerique sur le temps de service.',
      'Organiser la formation continue des enseignants au numérique pendant leur service.',
      'Des tablettes pour chaque collégien.',
    ]);
    const last = existing.reduce((m, c) => Math.max(m, c.position), -1);
    expect(added.map((c) => c.position)).toEqual([last + 1, last + 2, last + 3, last + 4]);
    expect(added.map((c) => [c.selected, c.sources])).toEqual([[0, `${meetings[0]}`], [0, `${meetings[1]}`], [0, `${meetings[0]}`], [0, `${meetings[1]}`]]);
    const kinds = inCatalogue(db, (d) => d.prepare(`SELECT kind FROM contribution WHERE text IN (?, ?) ORDER BY kind`).pluck()
      .all('Peu de salles ont un wifi qui fonctionne.', 'Garder le lien avec les familles éloignées du numérique.'));
    expect(kinds).toEqual(['defi', 'etat_des_lieux']);
  });

  it('regrouper --json prints the groups: each proposition once, the three paraphrases together', () => {
    const result = run('regrouper', '--db', db, '--thematique', '2', '--json');
    expect(result.status, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout) as { groups: { wording: string; contributions: string[] }[] };
    expect(Object.keys(printed)).toEqual(['groups']);
    for (const g of printed.groups) {
      expect(Object.keys(g)).toEqual(['wording', 'contributions']);
      expect(g.contributions).toContain(g.wording);
    }
    const texts = inCatalogue(db, (d) => PROPOSITIONS(d, 2)).map((c) => c.text);
    expect(printed.groups.flatMap((g) => g.contributions).sort()).toEqual([...texts].sort());
    const training = printed.groups.find((g) => g.contributions.includes('Former les enseignants au numérique pendant leur temps de service.'))!;
    expect(training.contributions).toEqual(expect.arrayContaining([
      'Formation continue des professeurs au numerique sur le temps de service.',
      'Organiser la formation continue des enseignants au numérique pendant leur service.',
    ]));

    const readable = run('regrouper', '--db', db, '--thematique', '2', '--nature', 'Défis');
    expect(readable.status, readable.stderr).toBe(0);
    expect(readable.stdout).toMatch(/^Thématique 2 — .+\n\d+ défis? : \d+ groupes?/);
    expect(readable.stdout).toContain('Garder le lien avec les familles éloignées du numérique.');
    const unknown = run('regrouper', '--db', db, '--thematique', '2', '--nature', 'idée');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--nature « idée » inconnue');
  });
});
