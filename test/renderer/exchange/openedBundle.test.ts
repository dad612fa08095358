import { describe, expect, it } from 'vitest';
import {
  droppedBundle, fileNameOf, isBundleName, onBundleOpened, openBundle, RECEIVE_ROUTE, takeOpenedBundle,
} from '../../../src-renderer/features/exchange/openedBundle.ts';
import { nativePicker, onOpenBundle, pathOfFile } from '../../../src-renderer/api/desktop.ts';

const file = (name: string) => ({ name }) as File;

describe('a bundle opened from outside « Échanges »', () => {
  it('is known by its extension and named by its file', () => {
    expect(isBundleName('Corrèze.SYNTHESE')).toBe(true);
    expect(isBundleName('Corrèze.synthese.txt')).toBe(false);
    expect(fileNameOf('C:\\Users\\anne\\Paquets\\Creuse.synthese')).toBe('Creuse.synthese');
    expect(fileNameOf('/home/anne/Creuse.synthese')).toBe('Creuse.synthese');
  });

  it('goes to the receive form, which takes it once', () => {
    const routes: string[] = [];
    let told = 0;
    const stop = onBundleOpened(() => told++);
    openBundle({ path: '/home/anne/Creuse.synthese' }, (r) => routes.push(r));
    stop();
    openBundle({ path: '/home/anne/Corrèze.synthese' }, (r) => routes.push(r));
    expect(routes).toEqual([RECEIVE_ROUTE, RECEIVE_ROUTE]);
    expect(told).toBe(1);
    expect(takeOpenedBundle()).toEqual({ path: '/home/anne/Corrèze.synthese' });
    expect(takeOpenedBundle()).toBeNull();
  });

  it('dropped: the first bundle among the files, by path in the desktop app, else the file itself', () => {
    const files = [file('notes.txt'), file('Creuse.synthese'), file('Corrèze.synthese')];
    expect(droppedBundle(files, (f) => `/home/anne/${f.name}`)).toEqual({ path: '/home/anne/Creuse.synthese' });
    expect(droppedBundle(files, () => null)).toEqual({ file: files[1] });
    expect(droppedBundle([file('notes.txt')], () => '/x')).toBeNull();
  });

  it('without the desktop shell, nothing desktop is offered', () => {
    expect(nativePicker()).toBeUndefined();
    expect(pathOfFile(file('Creuse.synthese'))).toBeNull();
    expect(() => onOpenBundle(() => undefined)()).not.toThrow();
  });
});
