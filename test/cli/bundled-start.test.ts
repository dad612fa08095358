/**
 * `npm run synthese` runs the CLI from a bundle built once (scripts/run.mjs), not through a transpiler:
 * the same answers as the sources give, the bundle built when it is missing and kept while it is current.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoFile, tempDir } from '../support/damaged-catalogue.ts';

const BUNDLE = join(process.cwd(), 'dist', 'cli', 'cli.mjs');
const run = (args: string[]) => spawnSync(process.execPath, ['scripts/run.mjs', 'cli', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('the CLI from its bundle', () => {
  it('builds the bundle when it is missing, then answers as the sources do', async () => {
    const path = await demoFile(tempDir('synthese-bundle-'));
    rmSync(BUNDLE, { force: true });
    const first = run(['stats', '--db', path, '--json']);
    expect(first.status).toBe(0);
    expect(existsSync(BUNDLE)).toBe(true);
    const builtAt = statSync(BUNDLE).mtimeMs;

    const fromSources = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/index.ts', 'stats', '--db', path, '--json'], { encoding: 'utf8' });
    expect(first.stdout).toBe(fromSources.stdout);
    expect(JSON.parse(first.stdout).totals.participants).toBeGreaterThan(0);

    // Up to date: run as it is, not rebuilt.
    const second = run(['stats', '--db', path, '--json']);
    expect(second.stdout).toBe(first.stdout);
    expect(statSync(BUNDLE).mtimeMs).toBe(builtAt);
  });

  it('says a command’s errors in French from the bundle too', () => {
    const result = run(['stats', '--db', join(tempDir('synthese-bundle-'), 'absent.sqlite')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Erreur : Catalogue introuvable/);
  });
});
