import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const TSX = join(__dirname, '../../node_modules/.bin/tsx');
const CLI = join(__dirname, '../../src-main/cli/index.ts');
const run = (...args: string[]) => spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('npm run synthese', () => {
  const dir = mkdtempSync(join(tmpdir(), 'synthese-cli-'));
  const db = join(dir, 'demo.sqlite');
  const out = join(dir, 'out');

  beforeAll(() => {
    const demo = run('demo', '--db', db, '--out', out);
    expect(demo.status, demo.stderr).toBe(0);
  });

  it('demo creates the catalogue and writes the regional synthesis', () => {
    expect(existsSync(db)).toBe(true);
    expect(existsSync(`${db}.construction`)).toBe(false);
    expect(readdirSync(out).sort()).toEqual([
      'Synthese_Nouvelle-Aquitaine.docx',
      ...[1, 2, 3, 4, 5].map((n) => `Synthese_Nouvelle-Aquitaine_Thematique-${n}.docx`),
    ]);
  });

  it('stats --json prints seed 004’s Bilan: per académie, then totals', () => {
    const stats = JSON.parse(execFileSync(TSX, [CLI, 'stats', '--db', db, '--json'], { encoding: 'utf8' }));
    const summary = stats.academies.map((a: any) => [a.name, a.bassinMeetings, a.secondLevelMeetings, a.departements, a.participants]);
    expect(summary).toEqual([
      ['Bordeaux', 24, 5, 5, 425],
      ['Limoges', 14, 1, 0, 50],
      ['Poitiers', 29, 4, 4, 325],
    ]);
    expect(stats.totals).toMatchObject({ bassinMeetings: 67, secondLevelMeetings: 10, departements: 9, participants: 800 });
    expect(stats.totals.participantsSource).toEqual({ declaredTotal: 10, sumOfCategories: 0, none: 0 });
    expect(stats.region).toEqual({ code: 'NAQ', name: 'Nouvelle-Aquitaine' });
  });

  it('generate --thematique N writes that thématique alone', () => {
    const only = join(dir, 'only');
    const result = run('generate', '--db', db, '--out', only, '--thematique', '2');
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(only)).toEqual(['Synthese_Nouvelle-Aquitaine_Thematique-2.docx']);
  });

  it('explains mistakes in French with a non-zero exit', () => {
    const missing = run('stats', '--db', join(dir, 'absent.sqlite'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Catalogue introuvable/);
    const badThematique = run('generate', '--db', db, '--out', dir, '--thematique', '9');
    expect(badThematique.status).toBe(2);
    expect(badThematique.stderr).toMatch(/Thématique 9 inconnue/);
    const unknown = run('export');
    expect(unknown.stderr).toMatch(/Commande inconnue/);
    const option = run('stats', '--db', db, '--jsn');
    expect(option.stderr).toMatch(/option inconnue « --jsn »/);
    const notDir = run('generate', '--db', db, '--out', join(db, 'sous-dossier'));
    expect(notDir.stderr).toMatch(/un fichier \(et non un dossier\) porte déjà ce nom/);
    for (const r of [missing, badThematique, unknown, option, notDir]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
