/**
 * The programs a restitution may need (LibreOffice's soffice, poppler's pdftotext): found on the PATH or
 * where their installers put them, run without a shell, with a timeout, and killed when the read is cancelled.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { AppError } from '../contract/errors.ts';

/** Where installers put the program when it is not on the PATH (macOS app bundle, Windows Program Files). */
const KNOWN_PLACES: Record<string, string[]> = {
  soffice: [
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
    'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
    'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
  ],
  pdftotext: ['/opt/homebrew/bin/pdftotext', '/usr/local/bin/pdftotext'],
};

/** The program's path, or null when it is not installed. */
export function findProgram(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const names = process.platform === 'win32' ? [`${name}.exe`, `${name}.com`] : [name];
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const candidate of names) if (existsSync(join(dir, candidate))) return join(dir, candidate);
  }
  return (KNOWN_PLACES[name] ?? []).find((place) => existsSync(place)) ?? null;
}

export interface RunResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Output beyond this is not kept (a PDF's text is far smaller than the 50 Mo file it comes from). */
const MAX_OUTPUT_BYTES = 200 * 1024 * 1024;

/**
 * Runs `program` with `args` and no shell. `timedOut` names the file in the French refusal when it takes
 * longer than `timeoutMs`; an abort kills it and rejects with the signal's reason.
 */
export function runProgram(
  program: string,
  args: string[],
  options: { timeoutMs: number; signal?: AbortSignal; timedOut: () => AppError },
): Promise<RunResult> {
  options.signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    // Its own process group: soffice is a script starting soffice.bin, which must die with it.
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, detached: process.platform !== 'win32' });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = '';
    let failure: unknown = null;
    const kill = (why: unknown) => {
      failure ??= why;
      killTree(child);
    };
    const timer = setTimeout(() => kill(options.timedOut()), options.timeoutMs);
    const onAbort = () => kill(options.signal!.reason ?? new DOMException('Lecture annulée', 'AbortError'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > MAX_OUTPUT_BYTES) kill(options.timedOut());
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.length < 10_000) err += chunk.toString('utf8');
    });
    const finish = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (error) => {
      finish();
      reject(failure ?? error);
    });
    child.on('close', (code) => {
      finish();
      if (failure) reject(failure);
      else resolve({ code, stdout: Buffer.concat(out), stderr: err });
    });
  });
}

/** Kills the program and what it started: its process group on POSIX, its tree on Windows. */
function killTree(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    if (process.platform === 'win32') spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { windowsHide: true });
    else process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}
