/**
 * Real restitution files made for the tests (never downloaded): a Word document written with `docx`, the
 * same converted by LibreOffice (a profile of its own each time) to .odt and .pdf, and a PDF holding only
 * a drawn shape, as a scan has no text layer.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

export const TITLE = 'Restitution de la rencontre du bassin de Châtellerault';
export const HEADING_1 = 'Défi 1 : l’école inclusive et le numérique';
export const PARAGRAPH_1 = 'Les élèves « éloignés » du numérique ont été évoqués à plusieurs reprises. Les familles demandent un accompagnement.';
export const HEADING_2 = 'Propositions des participants';
export const PARAGRAPH_2 = 'Créer un réseau de référents numériques dans chaque bassin, à l’écoute des équipes.';
export const PARAGRAPH_3 = 'Former les enseignants à l’accessibilité des ressources (sous-titres, contrastes…).';

/** 8 pt after each paragraph, as Word's Normal style has: what tells paragraphs apart on a PDF page. */
const AFTER = { after: 160 };

/**
 * The Word restitution. With `control`, a BEL (U+0007) inside the first paragraph, as copied from an old
 * tool: Word's XML cannot hold it, mammoth reads it anyway, and LibreOffice refuses the file.
 */
export async function frenchDocx(options: { control?: boolean } = {}): Promise<Buffer> {
  const first = options.control ? PARAGRAPH_1.replace('du numérique', 'du numérique\u0007') : PARAGRAPH_1;
  const [sentence1, sentence2] = first.split('. ');
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: TITLE, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: HEADING_1, heading: HeadingLevel.HEADING_1 }),
          // Two runs, the second after a line break: one paragraph still.
          new Paragraph({ children: [new TextRun(`${sentence1!}.`), new TextRun({ text: sentence2!, break: 1 })], spacing: AFTER }),
          new Paragraph({ text: '' }),
          new Paragraph({ text: HEADING_2, heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: PARAGRAPH_2, spacing: AFTER }),
          new Paragraph({ text: PARAGRAPH_3, spacing: AFTER }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** Fails, saying so, when a program the tests need is missing (CI installs LibreOffice and poppler-utils). */
export function requireProgram(name: string, packageName: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'pipe' });
  } catch {
    throw new Error(`${name} est introuvable : installez ${packageName} (scripts/install.sh le fait) pour ces tests.`);
  }
}

/** `file` converted by soffice to `format` in `dir`, with a profile of its own; soffice exits 0 on failure: checked. */
export function convertWithSoffice(file: string, format: 'odt' | 'pdf', dir: string): string {
  requireProgram('soffice', 'LibreOffice (libreoffice-writer)');
  const profile = mkdtempSync(join(tmpdir(), 'restitution-test-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', dir, file], {
      stdio: 'pipe',
      timeout: 120_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const output = join(dir, basename(file).replace(/\.[^.]+$/, `.${format}`));
  if (!existsSync(output)) throw new Error(`LibreOffice n'a pas pu convertir ${file} en ${format}`);
  return output;
}

/** A one-page PDF drawing a grey rectangle, with no text operator at all: what a scan looks like to pdftotext. */
export function imageOnlyPdf(): Buffer {
  const content = '0.5 g 72 72 451 698 re f\n';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

export function writeIn(dir: string, name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

