/** The zip writer of reproducible documents: read back by JSZip and by Info-ZIP, the same bytes every time. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../src-main/synthesis/zip-writer.ts';

const xml = `<?xml version="1.0"?><w:document>${'<w:p><w:r><w:t>L’école « numérique » : 3 000 élèves</w:t></w:r></w:p>'.repeat(500)}</w:document>`;
const png = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251);
const entries = [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: 'word/document.xml', data: Buffer.from(xml) },
  { name: 'word/media/image1.png', data: png },
  { name: 'word/empty.xml', data: new Uint8Array(0) },
  { name: 'word/médias/é.txt', data: Buffer.from('accentué') },
];
const date = new Date('2020-11-30T12:34:56Z');

describe('writeZip', () => {
  it('writes every part, in order, read back whole by JSZip with its date', async () => {
    const zip = await JSZip.loadAsync(writeZip(entries, date), { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(entries.map((e) => e.name));
    for (const entry of entries) {
      expect(Buffer.from(await zip.file(entry.name)!.async('uint8array')).equals(Buffer.from(entry.data))).toBe(true);
      expect(zip.files[entry.name]!.date.toISOString()).toBe('2020-11-30T12:34:56.000Z');
    }
  });

  it('deflates (the XML shrinks), and Info-ZIP finds every checksum right', () => {
    const bytes = writeZip(entries, date);
    expect(bytes.length).toBeLessThan(xml.length / 10);
    const file = join(mkdtempSync(join(tmpdir(), 'zip-writer-')), 'a.zip');
    writeFileSync(file, bytes);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
    expect(execFileSync('zipinfo', [file], { encoding: 'utf8' })).toMatch(/5 files/);
  });

  it('stores when asked: the parts as they are', async () => {
    const bytes = writeZip(entries, date, { store: true });
    expect(bytes.includes(Buffer.from(xml))).toBe(true);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(await zip.file('word/document.xml')!.async('string')).toBe(xml);
  });

  it('gives the same bytes for the same parts and date, whatever the time zone; others for another date', () => {
    const first = writeZip(entries, date);
    expect(writeZip(entries.map((e) => ({ ...e, data: Uint8Array.from(e.data) })), date).equals(first)).toBe(true);
    expect(writeZip(entries, new Date('2020-11-30T12:34:58Z')).equals(first)).toBe(false);
    // pako's deflate, pinned: a native zlib (Node's, Electron's) would give other bytes on other builds.
    expect(createHash('sha256').update(first).digest('hex').slice(0, 16)).toBe(PINNED);
  });
});

const PINNED = '6f1c12d6971b2699'; // level 1
