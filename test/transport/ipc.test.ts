import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src-main/contract/errors.ts';
import { isTrustedSender, registerIpc } from '../../src-main/transport/ipc.ts';
import { cancelledError, type ServiceHost } from '../../src-main/transport/service-host.ts';

const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } as never });

describe('IPC sender check', () => {
  it('trusts only the app’s own top-level page', () => {
    expect(isTrustedSender(frame('app://synthese/index.html'))).toBe(true);
    expect(isTrustedSender(frame('app://synthese/index.html', {}))).toBe(false);
    expect(isTrustedSender(frame('https://evil.example/'))).toBe(false);
    expect(isTrustedSender(frame('file:///tmp/page.html'))).toBe(false);
    expect(isTrustedSender({ senderFrame: null as never })).toBe(false);
  });
});

/** An ipcMain that records its handlers, and a host whose one call waits until it is cancelled. */
function fakeIpc() {
  const handles = new Map<string, (...args: any[]) => unknown>();
  const listeners = new Map<string, (...args: any[]) => void>();
  const ipcMain = { handle: (channel: string, f: any) => handles.set(channel, f), on: (channel: string, f: any) => listeners.set(channel, f) };
  const host: ServiceHost = {
    call: (_name, _input, _progress, signal) =>
      new Promise<Envelope<unknown>>((resolve) => {
        const timer = setTimeout(() => resolve({ ok: true, value: 'fini' }), 300);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve({ ok: false, error: cancelledError().toPayload() });
        });
      }),
    cancel: () => undefined,
    close: async () => undefined,
  };
  registerIpc(ipcMain as never, host);
  const page = (id: number, url = 'app://synthese/index.html') => ({ sender: { id, send: () => undefined }, senderFrame: { url, parent: null } });
  return { handles, listeners, page };
}

describe('IPC cancel', () => {
  const callId = '0f8fad5b-d9cb-469f-a165-70867728950e';

  it('cancels the call its own page started, by the id the page gave it', async () => {
    const { handles, listeners, page } = fakeIpc();
    const answer = handles.get('synthese:call')!(page(1), 'spreadsheets.importAttendance', {}, callId) as Promise<Envelope<unknown>>;
    listeners.get('synthese:cancel')!(page(1), callId);
    expect(await answer).toMatchObject({ ok: false, error: { message: 'Opération annulée.' } });
  });

  it('ignores a cancel from another page or another origin', async () => {
    const { handles, listeners, page } = fakeIpc();
    const answer = handles.get('synthese:call')!(page(1), 'spreadsheets.importAttendance', {}, callId) as Promise<Envelope<unknown>>;
    listeners.get('synthese:cancel')!(page(2), callId);
    listeners.get('synthese:cancel')!(page(1, 'https://evil.example/'), callId);
    expect(await answer).toEqual({ ok: true, value: 'fini' });
  });
});
