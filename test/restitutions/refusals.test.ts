import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors.ts';
import { MAX_INFLATED_XML_BYTES } from '../../src-main/restitutions/office-package.ts';
import { readRestitution } from '../../src-main/restitutions/read-restitution.ts';
import { convertWithSoffice, frenchDocx, imageOnlyPdf, requireProgram, writeIn } from './make-restitutions.ts';

let dir: string;
/** A zip central directory entry's signature. */
const CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
let docxBytes: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'restitutions-refusals-'));
  docxBytes = await frenchDocx();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The French refusal readRestitution gives for `path`. */
async function refusal(path: string, signal?: AbortSignal): Promise<AppError> {
  const error = await readRestitution(path, { signal }).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('FILE');
  return error as AppError;
}

describe('readRestitution refuses, in French, naming the file', () => {
  it('a .docx that is a renamed text file', async () => {
    const path = writeIn(dir, 'compte-rendu.docx', 'Compte rendu de la rencontre : les élèves…\n');
    expect((await refusal(path)).message).toBe(
      'Le fichier « compte-rendu.docx » porte le nom d’un document Word (.docx), mais c’est un fichier texte : ' +
        'ouvrez-le dans Word ou LibreOffice, enregistrez-le au format Word (.docx), puis ajoutez-le à nouveau.',
    );
  });

  it('a .docx that is no document at all (random bytes): said unreadable, one gender, no advice to open it', async () => {
    const random = Buffer.alloc(3000);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 256;
    expect((await refusal(writeIn(dir, 'Barbezieux restitution.docx', random))).message).toBe(
      'Le fichier « Barbezieux restitution.docx » porte le nom d’un document Word (.docx), mais son contenu n’est pas lisible : ' +
        'ce n’est pas un document (fichier endommagé, ou d’un autre type renommé). Demandez-en une nouvelle copie.',
    );
  });

  it('a truncated .docx, and one whose text was damaged inside the zip', async () => {
    const truncated = writeIn(dir, 'tronqué.docx', docxBytes.subarray(0, Math.floor(docxBytes.length * 0.6)));
    expect((await refusal(truncated)).message).toMatch(/^Le fichier « tronqué\.docx » est incomplet ou endommagé \(copie ou téléchargement interrompu \?\)/);
    const zip = await JSZip.loadAsync(docxBytes);
    const bytes = Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }));
    const at = bytes.indexOf('Créer un réseau');
    expect(at).toBeGreaterThan(0);
    bytes.write('Xréer', at, 'latin1'); // same length: only the CRC can tell
    expect((await refusal(writeIn(dir, 'abîmé.docx', bytes))).message).toMatch(/« abîmé\.docx » est incomplet ou endommagé/);
  });

  it('a .docx protected by a password (an OLE2 container holding EncryptionInfo), and an old .doc', async () => {
    const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const encrypted = Buffer.concat([ole2, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(512)]);
    expect((await refusal(writeIn(dir, 'protégé.docx', encrypted))).message).toMatch(/^La restitution « protégé\.docx » est protégée par un mot de passe/);
    const doc = Buffer.concat([ole2, Buffer.alloc(1024)]);
    expect((await refusal(writeIn(dir, 'ancien.docx', doc))).message).toMatch(/« ancien\.docx » porte le nom d’un document Word \(\.docx\), mais c’est un document Word 97-2003 \(\.doc\)/);
  });

  it('a zip bomb, before inflating it whole', async () => {
    const zip = await JSZip.loadAsync(docxBytes);
    zip.file('word/document.xml', ' '.repeat(MAX_INFLATED_XML_BYTES + 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect((await refusal(writeIn(dir, 'bombe.docx', bomb))).message).toMatch(/« bombe\.docx » contient plus de 60 Mo de texte et de mise en forme une fois décompressée/);
    // The same with a zip directory that lies, announcing 100 bytes: what comes out is counted too.
    const lying = Buffer.from(bomb);
    for (let at = lying.indexOf(CENTRAL); at !== -1; at = lying.indexOf(CENTRAL, at + 4)) {
      const name = lying.toString('latin1', at + 46, at + 46 + lying.readUInt16LE(at + 28));
      if (name === 'word/document.xml') lying.writeUInt32LE(100, at + 24);
    }
    expect((await refusal(writeIn(dir, 'bombe-masquée.docx', lying))).message).toMatch(/« bombe-masquée\.docx » contient plus de 60 Mo/);
  });

  it('an unknown extension, listing the accepted ones; a missing file; an empty one', async () => {
    expect((await refusal(writeIn(dir, 'notes.rtf', '{\\rtf1 x}'))).message).toBe(
      'La restitution « notes.rtf » n\'est pas dans un format lu ici (.rtf) : choisissez un document Word (.docx), OpenDocument (.odt), PDF (.pdf) ou texte (.txt, .md).',
    );
    expect((await refusal(join(dir, 'absente.docx'))).message).toBe('Restitution introuvable : « absente.docx ».');
    expect((await refusal(writeIn(dir, 'vide.txt', ''))).message).toMatch(/^La restitution « vide\.txt » est un fichier vide/);
  });

  it('a text file that is no text (binary bytes under a .txt name)', async () => {
    const binary = writeIn(dir, 'notes-binaire.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x01, 0xe9]));
    expect((await refusal(binary)).message).toMatch(/^La restitution « notes-binaire\.txt » n’est pas un texte lisible \(ni UTF-8, ni Windows-1252/);
  });

  it('a PDF without text (as a scan is): no OCR is done', async () => {
    requireProgram('pdftotext', 'poppler-utils');
    const scan = writeIn(dir, 'scan.pdf', imageOnlyPdf());
    expect((await refusal(scan)).message).toMatch(/^Le PDF « scan\.pdf » ne contient pas de texte, seulement des images \(un document numérisé \?\)/);
    expect((await refusal(writeIn(dir, 'faux.pdf', 'pas un PDF'))).message).toMatch(/^Le fichier « faux\.pdf » porte le nom d’un PDF, mais ce n’est pas un fichier PDF/);
  });

  it('an .odt that is a Word document renamed, and says LibreOffice is needed when it is missing', async () => {
    expect((await refusal(writeIn(dir, 'renommé.odt', docxBytes))).message).toMatch(/« renommé\.odt » porte le nom d’un document OpenDocument \(\.odt\), mais c’est un document Word :/);
    const odt = convertWithSoffice(writeIn(dir, 'source.docx', docxBytes), 'odt', dir);
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      expect((await refusal(odt)).message).toMatch(/^LibreOffice est nécessaire pour lire les fichiers \.odt comme « source\.odt »,.*fr\.libreoffice\.org/);
    } finally {
      process.env.PATH = path;
    }
  });

  it('stops LibreOffice when the read is cancelled', async () => {
    requireProgram('soffice', 'LibreOffice (libreoffice-writer)');
    const odt = convertWithSoffice(writeIn(dir, 'annulée.docx', docxBytes), 'odt', dir);
    const controller = new AbortController();
    const reading = readRestitution(odt, { signal: controller.signal });
    let aborted = 0;
    setTimeout(() => {
      aborted = Date.now();
      controller.abort(new Error('annulé'));
    }, 300);
    await expect(reading).rejects.toThrow('annulé');
    expect(aborted).toBeGreaterThan(0);
    expect(Date.now() - aborted).toBeLessThan(500); // killed, not waited for (a conversion takes 1.5 s and more)
  });
});
