import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES } from '../../src-main/contract/operations.ts';

const exposed: Record<string, any> = {};
const invoke = vi.fn(async () => ({ ok: true, value: [] }));
const sendToMain = vi.fn();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke, send: sendToMain, on: vi.fn(), removeListener: vi.fn() },
}));

describe('preload', () => {
  beforeEach(async () => {
    invoke.mockClear();
    sendToMain.mockClear();
    await import('../../src-main/preload/preload.ts');
  });

  it('exposes one frozen object with exactly the contract’s operations, and no ipcRenderer', () => {
    expect(Object.keys(exposed)).toEqual(['synthese']);
    const api = exposed.synthese;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(['call', 'cancel', 'onProgress', 'operations']);
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

  it('gives a cancellable call its id, and cancels it by that id only', async () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    await exposed.synthese.call('spreadsheets.importAttendance', {}, id);
    expect(invoke).toHaveBeenCalledWith('synthese:call', 'spreadsheets.importAttendance', {}, id);
    exposed.synthese.cancel(id);
    expect(sendToMain).toHaveBeenCalledWith('synthese:cancel', id);
    exposed.synthese.cancel('../../etc');
    exposed.synthese.cancel({ toString: () => id });
    expect(sendToMain).toHaveBeenCalledTimes(1);
  });
});
