import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLE_EXTENSION as EXCHANGE_EXTENSION } from '../../src-main/exchange/bundle.ts';
import { BUNDLE_EXTENSION, bundleInbox, bundlePathsIn } from '../../src-main/desktop/opened-bundles.ts';

const isFile = (path: string) => statSync(path).isFile();

function folderWithBundles() {
  const dir = mkdtempSync(join(tmpdir(), 'opened-bundles-'));
  const bundle = join(dir, 'Corrèze 2020.synthese');
  const upper = join(dir, 'HAUTE-VIENNE.SYNTHESE');
  writeFileSync(bundle, 'zip');
  writeFileSync(upper, 'zip');
  writeFileSync(join(dir, 'notes.txt'), 'texte');
  mkdirSync(join(dir, 'dossier.synthese'));
  return { dir, bundle, upper };
}

describe('bundle paths on a command line', () => {
  it('keeps the exchange’s own extension', () => {
    expect(BUNDLE_EXTENSION).toBe(EXCHANGE_EXTENSION);
  });

  it('picks existing bundles out of an argv, leaving the executable, the app, flags and other files', () => {
    const { dir, bundle, upper } = folderWithBundles();
    const argv = [
      '/opt/Synthèse régionale/synthese-regionale', '.', 'dist/main/main.mjs', '--no-sandbox', '--original-process-start-time=13370',
      '--allow-file-access-from-files', bundle, join(dir, 'notes.txt'), join(dir, 'absent.synthese'), join(dir, 'dossier.synthese'), upper, bundle,
    ];
    expect(bundlePathsIn(argv, '/', isFile)).toEqual([bundle, upper]);
  });

  it('resolves a relative path against the instance’s working directory, and takes file:// URLs', () => {
    const { dir, bundle } = folderWithBundles();
    expect(bundlePathsIn(['electron', 'Corrèze 2020.synthese'], dir, isFile)).toEqual([bundle]);
    expect(bundlePathsIn(['electron', pathToFileURL(bundle).href], '/', isFile)).toEqual([bundle]);
    expect(bundlePathsIn(['electron', 'file://%zz'], dir, isFile)).toEqual([]);
  });

  it('takes nothing when the file system cannot say', () => {
    expect(bundlePathsIn(['/x/a.synthese'], '/', () => { throw new Error('EACCES'); })).toEqual([]);
  });
});

describe('opened bundles waiting for the page', () => {
  it('keeps paths until the page listens, then gives them in order, once each', () => {
    const inbox = bundleInbox();
    inbox.offer(['/a.synthese', '/b.synthese']);
    inbox.offer(['/a.synthese']);
    expect(inbox.pending()).toEqual(['/a.synthese', '/b.synthese']);
    const got: string[] = [];
    inbox.listen((p) => got.push(p) > 0);
    expect(got).toEqual(['/a.synthese', '/b.synthese']);
    inbox.offer(['/c.synthese']);
    expect(got).toEqual(['/a.synthese', '/b.synthese', '/c.synthese']);
    expect(inbox.pending()).toEqual([]);
  });

  it('keeps them again while the page reloads, or when it is gone', () => {
    const inbox = bundleInbox();
    const first: string[] = [];
    inbox.listen((p) => first.push(p) > 0);
    inbox.pause();
    inbox.offer(['/a.synthese']);
    expect(first).toEqual([]);
    inbox.listen(() => false); // the page was destroyed
    inbox.offer(['/b.synthese']);
    expect(inbox.pending()).toEqual(['/a.synthese', '/b.synthese']);
    const second: string[] = [];
    inbox.listen((p) => second.push(p) > 0);
    expect(second).toEqual(['/a.synthese', '/b.synthese']);
  });
});
