/**
 * `npm run web` as a user starts it: a port already taken gives way to a free one, said in French; a
 * file that is not a catalogue, or a damaged one, is said in French, without a Node stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

test('a busy port gives way to a free one, and the page says who the new catalogue is for', async ({ page }) => {
  const busy: Server = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', () => resolve()));
  const port = (busy.address() as { port: number }).port;
  const dir = mkdtempSync(join(tmpdir(), 'synthese-web-'));
  const child = spawn(TSX, ['src-main/cli/web.ts', '--db', join(dir, 'neuf.sqlite'), '--port', String(port), '--documents', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(output)), 60_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64})/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
    });
    expect(output).toMatch(new RegExp(`Le port ${port} est déjà pris : Synthèse régionale utilise le port \\d+\\.`));
    expect(output).toContain('Nouveau catalogue');
    expect(output).not.toMatch(/at .*\.ts:\d+|EADDRINUSE/);
    await page.goto(url);
    await expect(page.getByRole('heading', { name: /Pour qui est ce catalogue/ })).toBeVisible();
  } finally {
    child.kill('SIGTERM');
    busy.close();
  }
});

test('a file that is not a catalogue is refused in French, without a stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'synthese-web-'));
  const notCatalogue = join(dir, 'notes.sqlite');
  writeFileSync(notCatalogue, 'ceci est un texte, pas une base');
  const result = spawnSync(TSX, ['src-main/cli/web.ts', '--db', notCatalogue, '--port', '0'], { encoding: 'utf8', timeout: 60_000 });
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/^Erreur : « .*notes\.sqlite » n’est pas un catalogue Synthèse régionale/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  const folder = spawnSync(TSX, ['src-main/cli/web.ts', '--db', dir, '--port', '0'], { encoding: 'utf8', timeout: 60_000 });
  expect(folder.status).toBe(2);
  expect(folder.stderr).toMatch(/^Erreur : Impossible d’ouvrir le catalogue .*dossier/);
});

test('a damaged catalogue is refused at start in French, with its last sound backup, and left as it was', () => {
  const dir = mkdtempSync(join(tmpdir(), 'synthese-web-'));
  const path = join(dir, 'catalogue.sqlite');
  for (const args of [['demo', '--db', path, '--out', join(dir, 'out')], ['sauvegarder', '--db', path]]) {
    expect(spawnSync(TSX, ['src-main/cli/index.ts', ...args], { encoding: 'utf8', timeout: 60_000 }).status).toBe(0);
  }
  const [backup] = readdirSync(join(dir, 'sauvegardes'));
  // Garbage over the root page of the contributions, as a failing disk leaves it.
  const db = new Database(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'contribution'").pluck().get() as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (root - 1) * pageSize);
  closeSync(fd);
  const bytes = readFileSync(path);
  const result = spawnSync(TSX, ['src-main/cli/web.ts', '--db', path, '--port', '0'], { encoding: 'utf8', timeout: 60_000 });
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/^Erreur : Le catalogue « catalogue\.sqlite » est endommagé /);
  expect(result.stderr).toContain(`Dernière sauvegarde saine : ${backup!}`);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(readFileSync(path).equals(bytes)).toBe(true);
});
