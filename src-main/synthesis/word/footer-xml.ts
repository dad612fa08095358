/**
 * The running footer: the scope and contact lines (an e-mail address a `mailto:` link), then « Page n / N »
 * with every run, field runs included, at the footer's size (LibreOffice otherwise shows the numbers at
 * the body's 11 pt beside an 8 pt « Page »). Fields carry a value for readers that do not compute them.
 */
import type { Inline } from '../model.ts';
import { inlinesXml, type PartRelations, type RunLook, runProperties } from './body-xml.ts';

const LOOK: RunLook = { color: '555555', size: 16 };
const EMAIL = /([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/;

export function footerXml(lines: string[], links: PartRelations): string {
  const small = runProperties(LOOK);
  const mark = `<w:rPr>${small.slice('<w:rPr>'.length, -'</w:rPr>'.length)}</w:rPr>`;
  const run = (content: string) => `<w:r>${small}${content}</w:r>`;
  const field = (instruction: string, value: string) =>
    run('<w:fldChar w:fldCharType="begin"/>') + run(`<w:instrText xml:space="preserve"> ${instruction} </w:instrText>`) +
    run('<w:fldChar w:fldCharType="separate"/>') + run(`<w:t>${value}</w:t>`) + run('<w:fldChar w:fldCharType="end"/>');
  const paragraphs = lines.map((line) => `<w:p><w:pPr><w:jc w:val="center"/>${mark}</w:pPr>${inlinesXml(withMailto(line), links, LOOK)}</w:p>`);
  paragraphs.push(
    `<w:p><w:pPr><w:jc w:val="right"/>${mark}</w:pPr>${run('<w:t xml:space="preserve">Page </w:t>')}${field('PAGE', '1')}` +
      `${run('<w:t xml:space="preserve"> / </w:t>')}${field('NUMPAGES', '1')}</w:p>`,
  );
  return paragraphs.join('');
}

/** A line's e-mail addresses as `mailto:` links, the rest as text. */
export function withMailto(line: string): Inline[] {
  return line
    .split(EMAIL)
    .map((piece, index): Inline | null => {
      if (piece === '') return null;
      return index % 2 === 1 ? { kind: 'link', text: piece, url: `mailto:${piece}` } : { kind: 'text', text: piece };
    })
    .filter((inline): inline is Inline => inline !== null);
}
