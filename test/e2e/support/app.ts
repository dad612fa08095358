/**
 * Starts the app as a user would in a browser (`src-main/cli/web.ts`: the local HTTP bridge serving the
 * built UI), on a fresh demo catalogue, and gives the launch address with its token.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test as base, type TestInfo } from '@playwright/test';

export interface RunningApp {
  url: string;
  dbPath: string;
  dir: string;
  /** Stops the server as Ctrl+C would, the page left open. */
  stop(): Promise<void>;
}

/** `demo`: a new catalogue opens on the demo (as `npm run web -- --demo`), else on the first-launch questions. */
export function startApp(demo = true): Promise<{ app: RunningApp; child: ChildProcess }> {
  const dir = mkdtempSync(join(tmpdir(), 'synthese-e2e-'));
  return startWeb(dir, join(dir, 'catalogue.sqlite'), demo ? ['--demo'] : []);
}

/** The web bridge on `dbPath` (made when absent), as `npm run web -- --db FILE` would, once it gives its address. */
export function startWeb(dir: string, dbPath: string, extra: string[] = []): Promise<{ app: RunningApp; child: ChildProcess }> {
  const child = spawn(join(process.cwd(), 'node_modules/.bin/tsx'), ['src-main/cli/web.ts', '--db', dbPath, '--port', '0', '--documents', join(dir, 'documents'), ...extra], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Le serveur web n’a pas démarré :\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64})/.exec(output);
      if (match) {
        clearTimeout(timer);
        const stop = () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGINT');
          });
        resolve({ app: { url: match[1]!, dbPath, dir, stop }, child });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`Le serveur web s’est arrêté (${code}) :\n${output}`)));
  });
}

/** One app per test file (worker-scoped would share state between files). */
/** A new catalogue without identity (the first launch, `npm run web` without --demo), stopped after the test. */
export async function withFreshApp(use: (app: RunningApp) => Promise<void>, testInfo: TestInfo): Promise<void> {
  const { app, child } = await startApp(false);
  await use(app);
  const exited = child.exitCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
  if (testInfo.status === testInfo.expectedStatus) rmSync(app.dir, { recursive: true, force: true });
}

export const test = base.extend<{ app: RunningApp }>({
  app: async ({}, use, testInfo) => {
    const { app, child } = await startApp();
    await use(app);
    const exited = child.exitCode !== null ? Promise.resolve(true) : new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
    child.kill('SIGTERM');
    // Stopping with the page still open must be prompt, as Ctrl+C is for a user.
    const stopped = await Promise.race([exited, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000))]);
    if (!stopped) {
      child.kill('SIGKILL');
      throw new Error('Le serveur web ne s’est pas arrêté dans les 10 s après SIGTERM.');
    }
    // The catalogue and the files a test wrote are kept when it fails, for a look; removed otherwise.
    if (testInfo.status === testInfo.expectedStatus) rmSync(app.dir, { recursive: true, force: true });
  },
});
export { expect };

/** Opens the app and waits for the shell. */
export async function openApp(page: Page, app: RunningApp): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  (page as Page & { appErrors?: string[] }).appErrors = errors;
  await page.goto(app.url);
  await expect(page.getByRole('link', { name: 'Tableau de bord' }).first()).toBeVisible();
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { appErrors?: string[] }).appErrors ?? [];
}

/** axe-core on the page as it is: serious and critical violations, with where they are. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's CSP rightly refuses an injected <script>.
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8'));
  }
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}) : ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** A full-page screenshot kept as a test artifact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true });
  // From the top: a full-page capture taken scrolled down paints sticky bars (and what lies under them)
  // a second time at the scrolled position.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}
