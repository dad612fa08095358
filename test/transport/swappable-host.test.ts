/**
 * The desktop app's services: in worker threads started from the bundled dist/main/service-worker.mjs
 * (built by the same script as the packaged app), behind a host that another catalogue can replace.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src-main/contract/errors.ts';
import type { ServiceHost } from '../../src-main/transport/service-host.ts';
import { startWorkerHost } from '../../src-main/transport/service-worker.ts';
import { swappableHost } from '../../src-main/transport/swappable-host.ts';

function fakeHost(name: string, log: string[]): ServiceHost {
  return {
    cataloguePath: `/tmp/${name}.sqlite`,
    call: async () => ({ ok: true, value: name }),
    cancel: () => log.push(`cancel ${name}`),
    close: async () => {
      log.push(`close ${name}`);
    },
  };
}

describe('swappable host', () => {
  it('sends calls to the current host, refuses them while it is replaced, then sends them to the next', async () => {
    const log: string[] = [];
    const host = swappableHost(fakeHost('a', log));
    expect(await host.call('settings.get', {})).toEqual({ ok: true, value: 'a' });
    let during: Promise<Envelope<unknown>> | null = null;
    await host.replace(async () => {
      // The old host is closed before the next one opens; a call now is refused, not sent to either.
      expect(log).toEqual(['close a']);
      during = host.call('settings.get', {});
      return fakeHost('b', log);
    });
    expect(await during).toMatchObject({ ok: false, error: { message: /en cours de changement/ } });
    expect(await host.call('settings.get', {})).toEqual({ ok: true, value: 'b' });
    expect(host.cataloguePath).toBe('/tmp/b.sqlite');
    host.cancel();
    await host.close();
    expect(log).toEqual(['close a', 'cancel b', 'close b']);
  });
});

describe('the desktop app’s services worker, as bundled', () => {
  it('opens the catalogue in worker threads from dist/main/service-worker.mjs and answers calls', async () => {
    execFileSync(process.execPath, ['scripts/build-main.mjs'], { stdio: 'pipe' });
    const dir = mkdtempSync(join(tmpdir(), 'synthese-desktop-'));
    const host = await startWorkerHost({
      entry: pathToFileURL(join(process.cwd(), 'dist/main/service-worker.mjs')),
      dbPath: join(dir, 'catalogue.sqlite'),
      demo: true,
      errorLog: null,
    });
    try {
      expect(host.demoLoaded).toBe(true);
      const settings = (await host.call('settings.get', {})) as { value: { activeCampaignId: number } };
      const bilan = await host.call('stats.bilan', { campaignId: settings.value.activeCampaignId });
      expect(bilan).toMatchObject({ ok: true });
      expect((bilan as { value: { totals: { participants: number; bassinMeetings: number } } }).value.totals).toMatchObject({ participants: 800, bassinMeetings: 67 });
    } finally {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
