/**
 * The test's side: the shell built as `npm run build:main` builds it (scripts/build-main.mjs, run in a
 * folder of its own laid out as the app: package.json, dist/, assets/, the migrations), then launched
 * on the stand-in in a child process per instance (driver.ts), and driven by messages.
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DRIVER = join(PROJECT, 'test', 'support', 'electron', 'driver.ts');

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

/**
 * The built shell's folder (app.getAppPath()): rebuilt when a source of the main process, the build
 * script or package.json changed, else the one built before (shared by the test files of a run).
 * The renderer is the project's dist/renderer when it is current, else built here by Vite.
 */
export function builtShell(): string {
  const renderer = join(PROJECT, 'dist', 'renderer');
  const rendererSources = newest(join(PROJECT, 'src-renderer'));
  const rendererCurrent = existsSync(join(renderer, 'index.html')) && statSync(join(renderer, 'index.html')).mtimeMs >= rendererSources;
  const sources = [join(PROJECT, 'src-main'), join(PROJECT, 'scripts', 'build-main.mjs'), join(PROJECT, 'package.json')].map(newest);
  const stamp = [...sources, rendererSources, rendererCurrent].join(':');
  const root = join(tmpdir(), `synthese-shell-${createHash('sha256').update(`${PROJECT}:${stamp}`).digest('hex').slice(0, 16)}`);
  // One test file builds, the others wait for it (vitest runs them in parallel processes).
  const lock = `${root}.lock`;
  for (const started = Date.now(); !existsSync(join(root, '.built')); ) {
    if (Date.now() - started > 600_000) throw new Error(`The shell's build did not finish (${lock}).`);
    try {
      mkdirSync(lock);
    } catch {
      if (staleLock(lock)) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      continue;
    }
    try {
      writeFileSync(join(lock, 'pid'), String(process.pid));
      build(root, rendererCurrent ? renderer : null);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return root;
}

/** A lock left by a process that died while building. */
function staleLock(lock: string): boolean {
  try {
    process.kill(Number(readFileSync(join(lock, 'pid'), 'utf8')), 0);
    return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
    return existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000; // pid not written yet, or unreadable
  }
}

/** The app's folder: package.json, assets and the migrations linked, dist/main built, dist/renderer current. */
function build(root: string, renderer: string | null): void {
  rmSync(root, { recursive: true, force: true }); // a build interrupted before it was complete
  const staging = mkdtempSync(join(tmpdir(), 'synthese-shell-staging-'));
  try {
    for (const name of ['package.json', 'src-main', 'assets', 'node_modules']) symlinkSync(join(PROJECT, name), join(staging, name));
    mkdirSync(join(staging, 'dist'));
    execFileSync(process.execPath, [join(PROJECT, 'scripts', 'build-main.mjs')], { cwd: staging, stdio: 'pipe' });
    if (renderer) {
      symlinkSync(renderer, join(staging, 'dist', 'renderer'));
    } else {
      execFileSync(process.execPath, [join(PROJECT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', join(staging, 'dist', 'renderer'), '--emptyOutDir', '--logLevel', 'error'], { cwd: PROJECT, stdio: 'pipe' });
    }
    writeFileSync(join(staging, '.built'), new Date().toISOString());
    renameSync(staging, root);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  // Builds of sources long gone.
  for (const name of readdirSync(tmpdir())) {
    const old = join(tmpdir(), name);
    if (/^synthese-shell-[0-9a-f]{16}$/.test(name) && Date.now() - statSync(old).mtimeMs > 24 * 3600_000) rmSync(old, { recursive: true, force: true });
  }
}

export interface Launch {
  userData: string;
  documents: string;
  /** Command-line arguments after the app's own. */
  args?: string[];
  packaged?: boolean;
  /** Dialog answers scripted before launch, by method (showMessageBox, showOpenDialog…). */
  answers?: Record<string, unknown[]>;
  /** macOS: files given by 'open-file' before 'ready' (the app started by opening them). */
  openFilesAtLaunch?: string[];
}

const homes: string[] = [];

/** A fresh userData and documents folder (removed by removeProfiles). */
export function freshProfile(): { userData: string; documents: string } {
  const home = mkdtempSync(join(tmpdir(), 'synthese-profile-'));
  homes.push(home);
  const documents = join(home, 'Documents');
  mkdirSync(documents);
  return { userData: join(home, 'config', 'Synthèse régionale'), documents };
}

export function removeProfiles(): void {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
}

interface Reply {
  type: 'reply' | 'exit' | 'ipc';
  channel?: string;
  args?: unknown[];
  id?: number;
  ok?: boolean;
  value?: unknown;
  error?: string;
  report?: unknown;
}

export class ShellProcess {
  /** The process's end: its exit code and the stand-in's last report (null if it died without one). */
  readonly exited: Promise<{ code: number | null; report: any }>;
  output = '';
  /** What the main process sends the page, when mirrored (driver.ts 'mirror'). */
  onIpc: ((channel: string, args: unknown[]) => void) | null = null;
  readonly #child: ChildProcess;
  readonly #waiting = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  #nextId = 1;

  constructor(root: string, launch: Launch) {
    const config = { appPath: root, packaged: false, args: [], ...launch };
    this.#child = fork(DRIVER, [], {
      cwd: root,
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, SYNTHESE_STANDIN: JSON.stringify(config) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.#child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.#child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    let report: unknown = null;
    this.#child.on('message', (message: Reply) => {
      if (message.type === 'exit') report = message.report;
      if (message.type === 'ipc') this.onIpc?.(message.channel!, message.args!);
      const waiting = message.id !== undefined ? this.#waiting.get(message.id) : undefined;
      if (!waiting) return;
      this.#waiting.delete(message.id!);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new Error(`${message.error}\n--- shell output ---\n${this.output}`));
    });
    this.exited = new Promise((resolve) => {
      this.#child.on('exit', (code) => {
        for (const waiting of this.#waiting.values()) waiting.reject(new Error(`The shell exited (${code}).\n${this.output}`));
        resolve({ code, report });
      });
    });
  }

  ask<T = any>(command: string, args?: unknown): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#child.send({ id, command, args }, (error) => {
        if (!error) return;
        this.#waiting.delete(id);
        reject(new Error(`The shell is gone (${error.message}).\n${this.output}`));
      });
    });
  }

  /** Runs an async function body in the page's own world. */
  page<T = any>(script: string): Promise<T> {
    return this.ask<T>('page', { script });
  }

  stop(): void {
    if (this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill();
  }
}
