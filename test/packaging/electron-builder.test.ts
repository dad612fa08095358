/**
 * The installers' configuration, checked as far as it goes without Electron's binary: electron-builder.yml
 * loaded and validated by electron-builder's own code (its schema), the security fuses, the native modules,
 * the bundle's file association, and the packaged-file list computed with electron-builder's own matchers
 * over this project as a developer's machine leaves it (bundles of other commands, catalogues, tests).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_EXTENSION } from '../../src-main/exchange/bundle.ts';
import { builtShell, PROJECT } from '../support/electron/harness.ts';

// electron-builder's own modules (app-builder-lib, a dependency of electron-builder).
const builderRequire = createRequire(createRequire(join(PROJECT, 'package.json')).resolve('electron-builder'));
const builderLib = dirname(builderRequire.resolve('app-builder-lib'));
const { getConfig, validateConfiguration } = builderRequire(join(builderLib, 'util', 'config', 'config.js'));
const { getMainFileMatchers } = builderRequire(join(builderLib, 'fileMatcher.js'));
const { DebugLogger } = builderRequire('builder-util');
const { Minimatch } = builderRequire('minimatch');

const pkg = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8'));
let config: any;

beforeAll(async () => {
  config = await getConfig(PROJECT, 'electron-builder.yml', null);
});

const targetsOf = (platform: any) => [platform?.target ?? []].flat().map((t: any) => (typeof t === 'string' ? t : t.target));
const matchesAny = (patterns: string[], path: string) => patterns.some((p) => new Minimatch(p, { dot: true }).match(path));

describe('electron-builder.yml', () => {
  it('is valid for electron-builder itself, which refuses a misspelt option', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('names the app: its id and French product name, the same as package.json’s', () => {
    expect(config.appId).toBe('fr.education.synthese-regionale');
    expect(config.productName).toBe('Synthèse régionale');
    expect(pkg.productName).toBe(config.productName);
  });

  it('builds AppImage and deb, NSIS, DMG', () => {
    expect(targetsOf(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.win)).toEqual(['nsis']);
    expect(targetsOf(config.mac)).toEqual(['dmg']);
  });

  it('gives the Linux packages what deb requires of package.json: a description, an author with an address, a homepage', () => {
    expect(pkg.description).toMatch(/\S{10,}/);
    expect(pkg.author.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(config.linux.category).toBe('Office');
  });

  it('packs the app in an asar archive and locks Electron down with its fuses', () => {
    expect(config.asar ?? true).not.toBe(false);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('rebuilds better-sqlite3 for Electron and keeps the native modules out of the archive', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource ?? false).toBe(false);
    // The native modules are production dependencies (electron-builder ships those), everything else is bundled.
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@resvg/resvg-js', 'better-sqlite3']);
    const unpacked = [config.asarUnpack].flat();
    expect(matchesAny(unpacked, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    expect(matchesAny(unpacked, 'node_modules/@resvg/resvg-js-linux-x64-gnu/resvgjs.linux-x64-gnu.node')).toBe(true);
    expect(matchesAny(unpacked, 'assets/fonts/DejaVuSans.ttf')).toBe(true);
    expect(matchesAny(unpacked, 'dist/main/main.mjs')).toBe(false);
  });

  it('registers the exchange’s bundles, in French, so the file manager opens them with the app', () => {
    expect(config.fileAssociations).toBeDefined();
    const [association] = [config.fileAssociations].flat();
    expect(`.${association.ext}`).toBe(BUNDLE_EXTENSION);
    expect(association.name).toBe('Paquet Synthèse régionale');
    expect(association.mimeType).toMatch(/^application\/[a-z0-9.+-]+$/);
  });

  it('is what `npm run dist` builds with, after the renderer and the main process', () => {
    expect(pkg.scripts.dist).toBe('npm run build:renderer && npm run build:main && node scripts/dist.mjs');
    expect(readFileSync(join(PROJECT, 'scripts', 'dist.mjs'), 'utf8')).toContain("'--config', 'electron-builder.yml'");
    expect(pkg.main).toBe('dist/main/main.mjs');
  });
});

/**
 * What the installers would hold of the app's own files: electron-builder's main file matchers (its
 * `files` patterns with its default exclusions) applied as its file walker applies them, each folder on
 * the way included first.
 */
function packagedFiles(candidates: string[]): string[] {
  const packager = { info: { projectDir: PROJECT, buildResourcesDir: 'build', isPrepackedAppAsar: false, config, debugLogger: new DebugLogger(false) } };
  const [matcher] = getMainFileMatchers(PROJECT, join(PROJECT, 'release', 'linux-unpacked', 'resources', 'app'), (p: string) => p, config.linux ?? {}, packager, join(PROJECT, config.directories.output), false);
  const filter = matcher.createFilter();
  const asDir = { isDirectory: () => true };
  const asFile = { isDirectory: () => false };
  return candidates.filter((path) => {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) if (!filter(join(PROJECT, ...parts.slice(0, i)), asDir)) return false;
    return filter(join(PROJECT, ...parts), asFile);
  });
}

/** The files under `root`, relative to it (not node_modules: electron-builder copies the production dependencies itself). */
function filesUnder(root: string, dir = root): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === '.git') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(root, path));
    else found.push(relative(root, path).split(sep).join('/'));
  }
  return found;
}

describe('the packaged files', () => {
  let packaged: string[];

  beforeAll(() => {
    // The built shell stands for `npm run dist`'s build step; other commands leave their by-products beside it.
    const built = filesUnder(builtShell()).filter((p) => p.startsWith('dist/'));
    const leftBehind = ['dist/cli/cli.mjs', 'dist/cli/web.mjs', 'dist/bench/service-worker.mjs', 'out/demo.sqlite', 'out/catalogue.sqlite-wal', 'release/latest.yml', 'test-results/capture.png'];
    packaged = packagedFiles([...new Set([...filesUnder(PROJECT).filter((p) => !p.startsWith('dist/')), ...built, ...leftBehind])]);
  }, 240_000);

  it('hold the built main process, preload, services and renderer, the migrations and the shipped assets', () => {
    for (const file of ['dist/main/main.mjs', 'dist/main/preload.cjs', 'dist/main/service-worker.mjs', 'dist/renderer/index.html', 'package.json', 'assets/reference/territoires.json', 'assets/fonts/DejaVuSans.ttf']) {
      expect(packaged, file).toContain(file);
    }
    const migrations = readdirSync(join(PROJECT, 'src-main', 'catalogue', 'migrations')).filter((n) => n.endsWith('.sql'));
    expect(migrations.length).toBeGreaterThan(5);
    for (const name of migrations) expect(packaged).toContain(`src-main/catalogue/migrations/${name}`);
    expect(packaged.some((p) => p.startsWith('dist/renderer/assets/') && p.endsWith('.js'))).toBe(true);
  });

  it('leak no test, source, source map, catalogue, nor another command’s bundle', () => {
    const leaks = packaged.filter((p) =>
      /^(test|scripts|out|release|test-results|src-renderer|docs)\//.test(p) || /\.(map|tsx?|sqlite(-wal|-shm)?)$/.test(p) ||
      /^dist\/(cli|bench)\//.test(p) || /^src-main\/(?!catalogue\/migrations\/[^/]+\.sql$)/.test(p) || /^\.|\/\./.test(p));
    expect(leaks).toEqual([]);
    // Everything is one of: the built app, its assets, its migrations, its manifest.
    expect(packaged.filter((p) => !/^(dist\/(main|renderer)\/|assets\/|src-main\/catalogue\/migrations\/|package\.json$)/.test(p))).toEqual([]);
  });

  it('need at run time only Node, Electron and the production dependencies', () => {
    const shell = builtShell();
    const needed = new Set<string>();
    for (const bundle of ['main.mjs', 'service-worker.mjs', 'preload.cjs']) {
      const text = readFileSync(join(shell, 'dist', 'main', bundle), 'utf8');
      // Top-level imports (esbuild writes them at the start of a line), require("…") and import("…") of a bare name.
      const name = `["']([@a-z][\\w./@:-]*)["']`;
      for (const pattern of [`^import\\s[^;]*?\\bfrom\\s*${name}`, `^import\\s*${name}`, `\\brequire\\(\\s*${name}\\s*\\)`, `\\bimport\\(\\s*${name}\\s*\\)`]) {
        for (const m of text.matchAll(new RegExp(pattern, 'gim'))) needed.add(m[1]!);
      }
    }
    const packageOf = (s: string) => s.split('/').slice(0, s.startsWith('@') ? 2 : 1).join('/');
    const foreign = [...needed].filter((s) => !s.startsWith('node:') && !builtinModules.includes(packageOf(s)) && packageOf(s) !== 'electron' && !(packageOf(s) in pkg.dependencies));
    expect(foreign).toEqual([]);
    for (const module of ['electron', 'better-sqlite3', '@resvg/resvg-js', 'node:worker_threads']) expect(needed).toContain(module);
    expect(existsSync(join(PROJECT, 'node_modules', 'better-sqlite3', 'package.json'))).toBe(true);
  });
});
