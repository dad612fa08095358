import { describe, expect, it, vi } from 'vitest';
import { registerDesktopIpc } from '../../src-main/desktop/desktop-ipc.ts';
import { bundleInbox } from '../../src-main/desktop/opened-bundles.ts';

function fakeDesktopIpc() {
  const handles = new Map<string, (...args: any[]) => unknown>();
  const listeners = new Map<string, (...args: any[]) => void>();
  const ipcMain = { handle: (channel: string, f: any) => handles.set(channel, f), on: (channel: string, f: any) => listeners.set(channel, f) };
  const pick = vi.fn(async (kind: string) => `/chosen/for-${kind}`);
  const inbox = bundleInbox();
  registerDesktopIpc(ipcMain, { pick, inbox });
  const page = (url = 'app://synthese/index.html', parent: unknown = null) => {
    const sent: unknown[][] = [];
    let destroyed = false;
    return {
      sent,
      destroy: () => (destroyed = true),
      event: { sender: { send: (...args: unknown[]) => sent.push(args), isDestroyed: () => destroyed }, senderFrame: { url, parent } as never },
    };
  };
  return { handles, listeners, pick, inbox, page };
}

describe('desktop IPC: dialogs', () => {
  it('shows the dialog of a known kind for the app’s page', async () => {
    const { handles, pick, page } = fakeDesktopIpc();
    await expect(handles.get('desktop:pick')!(page().event, 'bundle')).resolves.toBe('/chosen/for-bundle');
    expect(pick).toHaveBeenCalledWith('bundle');
  });

  it('refuses an unknown kind, a path, or another origin, without a dialog', async () => {
    const { handles, pick, page } = fakeDesktopIpc();
    const pickFor = handles.get('desktop:pick')!;
    await expect(pickFor(page().event, '/etc/passwd')).rejects.toThrow(/genre de fichier connu/);
    await expect(pickFor(page().event, { title: 'x', filters: [] })).rejects.toThrow(/genre de fichier connu/);
    await expect(pickFor(page('https://evil.example/').event, 'bundle')).rejects.toThrow(/origine non autorisée/);
    await expect(pickFor(page('app://synthese/index.html', {}).event, 'bundle')).rejects.toThrow(/origine non autorisée/);
    expect(pick).not.toHaveBeenCalled();
  });
});

describe('desktop IPC: bundles opened from the file manager', () => {
  it('come to the page once it listens, those that waited first', () => {
    const { listeners, inbox, page } = fakeDesktopIpc();
    inbox.offer(['/home/anne/Corrèze.synthese']);
    const app = page();
    listeners.get('desktop:open-bundle-ready')!(app.event);
    inbox.offer(['/home/anne/Creuse.synthese']);
    expect(app.sent).toEqual([
      ['desktop:open-bundle', '/home/anne/Corrèze.synthese'],
      ['desktop:open-bundle', '/home/anne/Creuse.synthese'],
    ]);
  });

  it('never go to a foreign page, and wait again when the page is gone', () => {
    const { listeners, inbox, page } = fakeDesktopIpc();
    const foreign = page('https://evil.example/');
    listeners.get('desktop:open-bundle-ready')!(foreign.event);
    inbox.offer(['/a.synthese']);
    expect(foreign.sent).toEqual([]);
    const app = page();
    listeners.get('desktop:open-bundle-ready')!(app.event);
    app.destroy();
    inbox.offer(['/b.synthese']);
    expect(app.sent).toEqual([['desktop:open-bundle', '/a.synthese']]);
    expect(inbox.pending()).toEqual(['/b.synthese']);
  });
});
