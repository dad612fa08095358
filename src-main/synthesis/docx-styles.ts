/**
 * The styles of generated documents: ours by default; a rectorat's template when given, completed
 * with the few styles the synthesis uses that the template lacks (so nothing falls back to plain).
 */
import type { IStylesOptions } from 'docx';
import { definedStyleIds } from './style-template.ts';

export const FONT = 'Arial';
const BLUE = '000091'; // "Bleu France" of the State's design system

export const DEFAULT_STYLES: IStylesOptions = {
  default: { document: { run: { font: FONT, size: 22 } } },
  paragraphStyles: [
    { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', run: { font: FONT, size: 40, bold: true, color: BLUE }, paragraph: { alignment: 'center', spacing: { after: 120 } } },
    { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { font: FONT, size: 30, color: BLUE }, paragraph: { alignment: 'center', spacing: { after: 360 } } },
    { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', run: { font: FONT, size: 30, bold: true, color: BLUE }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
    { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', run: { font: FONT, size: 24, bold: true }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
    { id: 'Note', name: 'Note', basedOn: 'Normal', next: 'Normal', run: { font: FONT, size: 18, italics: true, color: '555555' }, paragraph: { spacing: { before: 120, after: 120 } } },
  ],
};

/** Minimal definitions, in the template's own fonts (they inherit from its Normal style). */
const FALLBACKS: Record<string, string> = {
  Title: '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style>',
  Subtitle: '<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/><w:spacing w:after="360"/></w:pPr><w:rPr><w:sz w:val="30"/></w:rPr></w:style>',
  Heading1: '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="160"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/></w:rPr></w:style>',
  Heading2: '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>',
  Note: '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="120" w:after="120"/></w:pPr><w:rPr><w:i/><w:color w:val="555555"/><w:sz w:val="18"/></w:rPr></w:style>',
  Hyperlink: '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>',
  ListParagraph: '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>',
};

export function completeTemplateStyles(stylesXml: string): string {
  const defined = new Set(definedStyleIds(stylesXml));
  const missing = Object.entries(FALLBACKS).filter(([id]) => !defined.has(id)).map(([, xml]) => xml);
  if (missing.length === 0) return stylesXml;
  return stylesXml.replace(/<\/w:styles>\s*$/, `${missing.join('')}</w:styles>`);
}
