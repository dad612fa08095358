import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRestitution } from '../../src-main/restitutions/read-restitution.ts';
import { passageRange, resolveRange } from '../../src-main/restitutions/passages.ts';
import {
  convertWithSoffice, frenchDocx, HEADING_1, HEADING_2, PARAGRAPH_1, PARAGRAPH_2, PARAGRAPH_3, requireProgram, TITLE, writeIn,
} from './make-restitutions.ts';

let dir: string;
let docx: string;
let cleanDocx: string;

const EXPECTED = [
  { index: 0, text: TITLE, heading: true },
  { index: 1, text: HEADING_1, heading: true },
  { index: 2, text: PARAGRAPH_1, heading: false },
  { index: 3, text: HEADING_2, heading: true },
  { index: 4, text: PARAGRAPH_2, heading: false },
  { index: 5, text: PARAGRAPH_3, heading: false },
];

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'restitutions-'));
  docx = writeIn(dir, 'Restitution Châtellerault.docx', await frenchDocx({ control: true }));
  // LibreOffice refuses Word XML holding a control character: the other formats are made from a clean copy.
  cleanDocx = writeIn(dir, 'restitution-propre.docx', await frenchDocx());
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readRestitution', () => {
  it('reads a .docx with mammoth: headings flagged, accents and « guillemets » intact, the control character gone', async () => {
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
    expect(xml).toContain('numérique\u0007'); // the file really holds it
    const read = await readRestitution(docx);
    expect(read).toEqual({ fileName: 'Restitution Châtellerault.docx', format: 'docx', sha256: sha256(docx), passages: EXPECTED });
    expect(JSON.stringify(read)).not.toMatch(/\u0007/);
  });

  it('reads the same again into the same passages: a kept reference finds its text again', async () => {
    const first = await readRestitution(docx);
    const range = passageRange(first.passages, { passage: 4, offset: 6 }, { passage: 5, offset: 22 });
    expect(range.text).toBe('un réseau de référents numériques dans chaque bassin, à l’écoute des équipes.\n\nFormer les enseignants');
    const copy = join(dir, 'copie.docx');
    copyFileSync(docx, copy);
    const again = await readRestitution(copy);
    expect(again.sha256).toBe(first.sha256);
    expect(resolveRange(again.passages, range)).toBe(range.text);
    expect(passageRange(again.passages, { passage: 4, offset: 6 }, { passage: 5, offset: 22 })).toEqual(range);
  });

  it('reads an .odt through LibreOffice, then as Word', async () => {
    const odt = convertWithSoffice(cleanDocx, 'odt', dir);
    const read = await readRestitution(odt);
    expect(read.format).toBe('odt');
    expect(read.sha256).toBe(sha256(odt));
    expect(read.passages).toEqual(EXPECTED);
  });

  it('reads a .pdf with pdftotext: its blocks as passages, headings by their larger font', async () => {
    requireProgram('pdftotext', 'poppler-utils');
    const pdf = convertWithSoffice(cleanDocx, 'pdf', dir);
    const read = await readRestitution(pdf);
    expect(read.format).toBe('pdf');
    expect(read.sha256).toBe(sha256(pdf));
    expect(read.passages).toEqual(EXPECTED);
  });

  it('reads .txt and .md as UTF-8, a byte order mark and CRLF allowed', async () => {
    const txt = writeIn(dir, 'notes.txt', `\uFEFF${TITLE}\r\n\r\n${PARAGRAPH_1.replace('. ', '.\r\n')}\r\n\r\n\r\n${PARAGRAPH_2}\u0007\r\n`);
    const read = await readRestitution(txt);
    expect(read.format).toBe('texte');
    expect(read.passages.map((p) => p.text)).toEqual([TITLE, PARAGRAPH_1, PARAGRAPH_2]);
    const md = writeIn(dir, 'notes.md', `# ${TITLE}\n\n## ${HEADING_1}\n${PARAGRAPH_1}\n`);
    expect((await readRestitution(md)).passages).toEqual(EXPECTED.slice(0, 3));
  });

  it('reads a text saved by Windows in its one-byte encoding (Windows-1252), accents and the ’ kept', async () => {
    const ansi = writeIn(dir, 'notes-windows.txt', Buffer.concat([
      Buffer.from('Les élèves ont été évoqués', 'latin1'), Buffer.from([0x92]), Buffer.from('à l', 'latin1'), Buffer.from([0x92]),
      Buffer.from('atelier \r\n\r\nDeuxième paragraphe : « débit » insuffisant.', 'latin1'),
    ]));
    const read = await readRestitution(ansi);
    expect(read.passages.map((p) => p.text)).toEqual(['Les élèves ont été évoqués’à l’atelier', 'Deuxième paragraphe : « débit » insuffisant.']);
  });
});
