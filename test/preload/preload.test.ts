import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES } from '../../src-main/contract/operations.ts';

const exposed: Record<string, any> = {};
const invoke = vi.fn(async () => ({ ok: true, value: [] }));
const sendToMain = vi.fn();
const on = vi.fn();
const removeListener = vi.fn();
const getPathForFile = vi.fn((file: { name: string }) => {
  if (file.name === 'construit.synthese') throw new Error('not a File');
  return `/home/anne/${file.name}`;
});
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke, send: sendToMain, on, removeListener },
  webUtils: { getPathForFile },
}));

describe('preload', () => {
  beforeEach(async () => {
    invoke.mockClear();
    sendToMain.mockClear();
    await import('../../src-main/preload/preload.ts');
  });

  it('exposes one frozen object with exactly the contract’s operations, and no ipcRenderer', () => {
    expect(Object.keys(exposed)).toEqual(['synthese', 'syntheseDesktop']);
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

describe('preload: the desktop extras, apart from the contract', () => {
  beforeEach(async () => {
    invoke.mockClear();
    sendToMain.mockClear();
    on.mockClear();
    removeListener.mockClear();
    await import('../../src-main/preload/preload.ts');
  });

  it('exposes a second frozen object with three functions and no IPC', () => {
    const desktop = exposed.syntheseDesktop;
    expect(Object.isFrozen(desktop)).toBe(true);
    expect(Object.keys(desktop).sort()).toEqual(['onOpenBundle', 'pathOfFile', 'pickPath']);
  });

  it('asks for a dialog by its kind only, on its own channel', async () => {
    invoke.mockResolvedValueOnce('/home/anne/paquet.synthese' as never);
    await expect(exposed.syntheseDesktop.pickPath('bundle')).resolves.toBe('/home/anne/paquet.synthese');
    expect(invoke).toHaveBeenCalledWith('desktop:pick', 'bundle');
  });

  it('listens for opened bundles, says it listens, and stops', () => {
    const got: string[] = [];
    const stop = exposed.syntheseDesktop.onOpenBundle((path: string) => got.push(path));
    expect(sendToMain).toHaveBeenCalledWith('desktop:open-bundle-ready');
    const [channel, handler] = on.mock.calls[0] as unknown as [string, (event: unknown, path: unknown) => void];
    expect(channel).toBe('desktop:open-bundle');
    handler({}, '/home/anne/Corrèze.synthese');
    handler({}, { path: '/etc/passwd' });
    expect(got).toEqual(['/home/anne/Corrèze.synthese']);
    stop();
    expect(removeListener).toHaveBeenCalledWith('desktop:open-bundle', handler);
  });

  it('gives a dropped file’s path, or nothing for a file not on disk', () => {
    expect(exposed.syntheseDesktop.pathOfFile({ name: 'Creuse.synthese' })).toBe('/home/anne/Creuse.synthese');
    expect(exposed.syntheseDesktop.pathOfFile({ name: 'construit.synthese' })).toBe('');
  });
});
