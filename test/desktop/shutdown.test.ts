import { describe, expect, it } from 'vitest';
import { shutdownSequence } from '../../src-main/desktop/shutdown.ts';

function recorder(overrides: Partial<Parameters<typeof shutdownSequence>[0]> = {}) {
  const steps: string[] = [];
  const said: string[] = [];
  const shutdown = shutdownSequence({
    closeServices: async () => void steps.push('services'),
    backup: async () => void steps.push('backup'),
    closeCatalogue: () => void steps.push('catalogue'),
    say: (title) => void said.push(title),
    ...overrides,
  });
  return { steps, said, shutdown };
}

describe('quitting', () => {
  it('closes the services, makes the last backup, then closes the catalogue, once', async () => {
    const { steps, said, shutdown } = recorder();
    expect(shutdown.done).toBe(false);
    await Promise.all([shutdown.run(), shutdown.run()]);
    await shutdown.run();
    expect(steps).toEqual(['services', 'backup', 'catalogue']);
    expect(said).toEqual([]);
    expect(shutdown.done).toBe(true);
  });

  it('still backs up and closes when the services fail to stop, and says so', async () => {
    const steps: string[] = [];
    const { said, shutdown } = recorder({
      closeServices: async () => { throw new Error('worker perdu'); },
      backup: async () => void steps.push('backup'),
      closeCatalogue: () => void steps.push('catalogue'),
    });
    await shutdown.run();
    expect(steps).toEqual(['backup', 'catalogue']);
    expect(said).toEqual(['Arrêt des services']);
  });

  it('says a failed backup and a hanging one, and quits all the same', async () => {
    const failed = recorder({ backup: async () => { throw new Error('disque plein'); } });
    await failed.shutdown.run();
    expect(failed.said).toEqual(['Sauvegarde impossible']);
    expect(failed.shutdown.done).toBe(true);

    const closed: string[] = [];
    const hanging = recorder({ backup: () => new Promise(() => undefined), backupTimeoutMs: 20, closeCatalogue: () => void closed.push('catalogue') });
    await hanging.shutdown.run();
    expect(hanging.said).toEqual(['Sauvegarde trop longue']);
    expect(closed).toEqual(['catalogue']);
    expect(hanging.shutdown.done).toBe(true);
  });
});
