/** LibreOffice and poppler as the tests' independent readers of generated files. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import JSZip from 'jszip';

/** Converts with `soffice`, which exits 0 even when it could not read the file: the output is checked. */
export function convertWithLibreOffice(file: string, format: 'pdf' | 'txt:Text'): string {
  const outDir = mkdtempSync(join(tmpdir(), 'synthese-soffice-'));
  const profile = mkdtempSync(join(tmpdir(), 'synthese-lo-profile-'));
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', outDir, file],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const output = join(outDir, basename(file).replace(/\.[^.]+$/, format === 'pdf' ? '.pdf' : '.txt'));
  rmSync(profile, { recursive: true, force: true });
  if (!existsSync(output)) throw new Error(`LibreOffice n'a pas pu convertir ${file}`);
  return output;
}

/** The document's text as LibreOffice lays it out (PDF, then pdftotext), spaces normalised. */
export function pdfText(docx: string): string {
  const pdf = convertWithLibreOffice(docx, 'pdf');
  const raw = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return raw.replace(/[\u00A0\u202F]/g, ' ').replace(/\u2019/g, "'");
}

export async function docxPart(docx: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(docx));
  const file = zip.file(part);
  if (!file) throw new Error(`${part} absent de ${docx}`);
  return file.async('string');
}

/** External hyperlink targets of a .docx (what Word opens on click). */
export async function hyperlinkTargets(docx: string): Promise<string[]> {
  const rels = await docxPart(docx, 'word/_rels/document.xml.rels');
  const targets = [...rels.matchAll(/<Relationship [^>]*Type="[^"]*\/hyperlink"[^>]*Target="([^"]+)"[^>]*TargetMode="External"/g)];
  const alt = [...rels.matchAll(/<Relationship [^>]*Target="([^"]+)"[^>]*TargetMode="External"[^>]*Type="[^"]*\/hyperlink"/g)];
  return [...new Set([...targets, ...alt].map((m) => m[1]!.replace(/&amp;/g, '&')))];
}
