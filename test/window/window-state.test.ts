import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, readWindowState, writeWindowState } from '../../src-main/window/window-state.ts';

describe('window state', () => {
  it('is remembered, and a damaged or absurd file falls back to the default', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'synthese-window-')), 'fenetre.json');
    expect(readWindowState(path)).toEqual(DEFAULT_STATE);
    writeWindowState(path, { x: 40, y: 30, width: 1400, height: 900, maximized: true });
    expect(readWindowState(path)).toEqual({ x: 40, y: 30, width: 1400, height: 900, maximized: true });
    writeFileSync(path, '{"width": 12, "height": "grand"');
    expect(readWindowState(path)).toEqual(DEFAULT_STATE);
    writeFileSync(path, JSON.stringify({ width: 99999, height: 800, x: 'a' }));
    expect(readWindowState(path)).toEqual({ width: 10_000, height: 800, maximized: false });
  });
});
