import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES } from '../../src-main/contract/operations.ts';

const exposed: Record<string, any> = {};
const invoke = vi.fn(async () => ({ ok: true, value: [] }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
}));

describe('preload', () => {
  beforeEach(async () => {
    invoke.mockClear();
    await import('../../src-main/preload/preload.ts');
  });

  it('exposes one frozen object with exactly the contract’s operations, and no ipcRenderer', () => {
    expect(Object.keys(exposed)).toEqual(['synthese']);
    const api = exposed.synthese;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(['call', 'onProgress', 'operations']);
    expect(api.operations).toEqual(OPERATION_NAMES);
  });

  it('forwards a contract operation over the one IPC channel', async () => {
    await exposed.synthese.call('campaigns.list', {});
    expect(invoke).toHaveBeenCalledWith('synthese:call', 'campaigns.list', {});
  });

  it('refuses a name outside the contract without reaching the main process', async () => {
    const result = await exposed.synthese.call('fs.readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(invoke).not.toHaveBeenCalled();
  });
});
