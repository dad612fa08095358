/**
 * The installers' icons (issue 14): the app's and the exchange bundle's, as electron-builder.yml names them,
 * parsed as the operating systems read them (PNG header, ICO directory, ICNS entries), and reproduced byte for
 * byte by scripts/make-icons.mjs from the SVG designs, so that the committed files are the designs' current drawing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILD = join(PROJECT, 'build');
const builderRequire = createRequire(createRequire(join(PROJECT, 'package.json')).resolve('electron-builder'));
const { getConfig } = builderRequire(join(dirname(builderRequire.resolve('app-builder-lib')), 'util', 'config', 'config.js'));
const { getPlatformIconFileName } = builderRequire('builder-util');

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ICO_SIZES = [16, 32, 48, 256];
const ICNS_ENTRIES = [['icp4', 16], ['icp5', 32], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024]];

/** Width and height from a PNG's IHDR chunk, which must come first. */
function pngSize(data: Buffer): { width: number; height: number } {
  expect(data.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  expect(data.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** Each image of an ICO file: the size its directory entry announces (0 meaning 256) and its bytes. */
function icoImages(data: Buffer): { width: number; height: number; bytes: Buffer }[] {
  expect([data.readUInt16LE(0), data.readUInt16LE(2)]).toEqual([0, 1]);
  const count = data.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const length = data.readUInt32LE(entry + 8);
    const offset = data.readUInt32LE(entry + 12);
    expect(offset + length).toBeLessThanOrEqual(data.length);
    return { width: data[entry] || 256, height: data[entry + 1] || 256, bytes: data.subarray(offset, offset + length) };
  });
}

/** Each entry of an ICNS file: its type and its data. */
function icnsEntries(data: Buffer): { type: string; bytes: Buffer }[] {
  expect(data.toString('latin1', 0, 4)).toBe('icns');
  expect(data.readUInt32BE(4)).toBe(data.length);
  const entries = [];
  for (let at = 8; at < data.length; ) {
    const length = data.readUInt32BE(at + 4);
    expect(length).toBeGreaterThan(8);
    entries.push({ type: data.toString('latin1', at, at + 4), bytes: data.subarray(at + 8, at + length) });
    at += length;
  }
  return entries;
}

let config: any;

beforeAll(async () => {
  config = await getConfig(PROJECT, 'electron-builder.yml', null);
});

describe('the icons electron-builder.yml names', () => {
  it('are the app’s PNG, ICO and ICNS in build/, electron-builder’s build resources, which the app does not ship', () => {
    expect(config.directories.buildResources ?? 'build').toBe('build');
    expect([config.linux.icon, config.win.icon, config.mac.icon]).toEqual(['build/icon.png', 'build/icon.ico', 'build/icon.icns']);
    for (const file of [config.linux.icon, config.win.icon, config.mac.icon]) expect(existsSync(join(PROJECT, file)), file).toBe(true);
    expect([config.files].flat().some((pattern: string) => /^build\b/.test(pattern))).toBe(false);
  });

  it('give the exchange bundles their own icon, resolved as electron-builder does for macOS and Windows', () => {
    const [association] = [config.fileAssociations].flat();
    expect(getPlatformIconFileName(association.icon, true)).toBe('synthese.icns');
    expect(getPlatformIconFileName(association.icon, false)).toBe('synthese.ico');
    for (const file of ['synthese.icns', 'synthese.ico']) expect(existsSync(join(BUILD, file)), file).toBe(true);
  });
});

describe.each(['icon', 'synthese'])('%s', (name) => {
  it('PNG is 512 × 512', () => {
    expect(pngSize(readFileSync(join(BUILD, `${name}.png`)))).toEqual({ width: 512, height: 512 });
  });

  it('ICO holds PNG images of 16, 32, 48 and 256 pixels, each the size its directory says', () => {
    const images = icoImages(readFileSync(join(BUILD, `${name}.ico`)));
    expect(images.map((image) => image.width)).toEqual(ICO_SIZES);
    for (const image of images) {
      expect(pngSize(image.bytes)).toEqual({ width: image.width, height: image.height });
    }
  });

  it('ICNS holds PNG images from 16 to 1024 pixels under their types, its length the file’s', () => {
    const entries = icnsEntries(readFileSync(join(BUILD, `${name}.icns`)));
    expect(entries.map((entry) => entry.type)).toEqual(ICNS_ENTRIES.map(([type]) => type));
    entries.forEach((entry, i) => {
      const size = ICNS_ENTRIES[i]![1];
      expect(pngSize(entry.bytes), entry.type).toEqual({ width: size, height: size });
    });
  });

  it('is drawn in bleu France: the design uses #000091 and no text', () => {
    const svg = readFileSync(join(BUILD, `${name}.svg`), 'utf8');
    expect(svg).toContain('#000091');
    expect(svg).not.toMatch(/<text\b/);
  });
});

describe('scripts/make-icons.mjs', () => {
  it('draws again, byte for byte, the icons committed in build/', () => {
    const out = mkdtempSync(join(tmpdir(), 'icons-'));
    try {
      execFileSync(process.execPath, [join(PROJECT, 'scripts', 'make-icons.mjs'), out], { cwd: PROJECT, stdio: 'pipe' });
      const made = readdirSync(out).sort();
      expect(made).toEqual(['icon.icns', 'icon.ico', 'icon.png', 'synthese.icns', 'synthese.ico', 'synthese.png']);
      for (const file of made) {
        expect(readFileSync(join(out, file)).equals(readFileSync(join(BUILD, file))), file).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
