import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rendererFile } from '../../src-main/transport/static-files.ts';

let root: string;
beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'synthese-static-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), '');
  writeFileSync(join(base, 'secret.txt'), 'catalogue');
});

describe('rendererFile', () => {
  it('serves the renderer’s files with their type', () => {
    expect(rendererFile(root, '/assets/app.js', false)).toEqual({ path: join(root, 'assets', 'app.js'), type: 'text/javascript; charset=utf-8' });
    expect(rendererFile(root, '/', false)?.path).toBe(join(root, 'index.html'));
  });

  it('never leaves the renderer folder, however the path is written', () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%5csecret.txt']) {
      expect(rendererFile(root, path, false)).toBeNull();
      expect(rendererFile(root, path, true)?.path).toBe(join(root, 'index.html'));
    }
  });

  it('answers a malformed escape with nothing rather than an exception', () => {
    expect(rendererFile(root, '/%E0%A4%A', true)).toBeNull();
  });

  it('does not serve a folder as a file', () => {
    expect(rendererFile(root, '/assets', false)).toBeNull();
  });
});
