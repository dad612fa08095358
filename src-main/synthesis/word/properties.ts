/**
 * What a document says of itself, in French: its properties (title, subject, author, description,
 * keywords, language) and French as the language of every style, whatever a template said.
 */
import type { SynthesisDocument } from '../model.ts';

export const LANGUAGE = 'fr-FR';

/** The properties a document carries (File › Properties in Word). */
export interface DocumentProperties {
  title: string;
  subject: string;
  /** Who signs it: the catalogue's name, and the contact of the settings. */
  creator: string;
  description: string;
  keywords: string;
}

/** Who the document comes from, as the catalogue knows it. */
export interface DocumentOrigin {
  /** The catalogue's name (« DSDEN de la Vienne »), when it was given one. */
  catalogueName?: string;
  contact?: string;
  /** The consultation's title. */
  campaignTitle?: string;
  /** The thématique a document is limited to (« Thématique 1 : … »). */
  thematique?: string;
  keywords?: string[];
}

export function documentProperties(doc: SynthesisDocument, origin: DocumentOrigin = {}): DocumentProperties {
  const title = [doc.title, doc.subtitle, origin.thematique].filter(Boolean).join(' — ');
  const signer = [origin.catalogueName?.trim(), origin.contact?.trim()].filter(Boolean).join(' — ');
  return {
    title,
    subject: [origin.campaignTitle, doc.footer[0]].filter(Boolean).join(' — ') || title,
    creator: signer || 'Synthèse régionale',
    description: `${title}, produit par Synthèse régionale${origin.catalogueName ? ` à partir du catalogue « ${origin.catalogueName.trim()} »` : ''}.`,
    keywords: ['synthèse', 'consultation', 'numérique éducatif', ...(origin.keywords ?? [])].join(', '),
  };
}

/** `docx`'s core properties part, with the language it cannot write. */
export function withLanguage(coreXml: string): string {
  return coreXml.includes('<dc:language>') ? coreXml : coreXml.replace('</cp:coreProperties>', `<dc:language>${LANGUAGE}</dc:language></cp:coreProperties>`);
}

/** The settings part: French for the theme's fonts too (after `w:compat`, where the schema puts it). */
export function withThemeLanguage(settingsXml: string): string {
  if (settingsXml.includes('<w:themeFontLang')) return settingsXml.replace(/<w:themeFontLang\b[^>]*\/>/, `<w:themeFontLang w:val="${LANGUAGE}"/>`);
  return settingsXml.replace(/(<\/w:compat>|<w:compat\/>)/, `$1<w:themeFontLang w:val="${LANGUAGE}"/>`);
}

/**
 * A styles part in French: every language a style or the defaults name becomes French (their East
 * Asian and right-to-left languages stay), and the defaults say French when they said nothing.
 */
export function frenchStyles(stylesXml: string): string {
  const french = stylesXml.replace(/<w:lang\b([^>]*?)\/>/g, (whole, attributes: string) => {
    if (!/\bw:val="/.test(attributes)) return `<w:lang w:val="${LANGUAGE}"${attributes}/>`;
    return `<w:lang${attributes.replace(/\bw:val="[^"]*"/, `w:val="${LANGUAGE}"`)}/>`;
  });
  if (/<w:rPrDefault>\s*<w:rPr>[\s\S]*?<w:lang\b[\s\S]*?<\/w:rPr>/.test(french)) return french;
  if (/<w:rPrDefault>\s*<w:rPr>/.test(french)) return french.replace(/(<w:rPrDefault>\s*<w:rPr>[\s\S]*?)(<\/w:rPr>)/, `$1<w:lang w:val="${LANGUAGE}"/>$2`);
  if (/<w:rPrDefault\s*\/>|<w:rPrDefault>\s*<\/w:rPrDefault>/.test(french)) {
    return french.replace(/<w:rPrDefault\s*\/>|<w:rPrDefault>\s*<\/w:rPrDefault>/, `<w:rPrDefault><w:rPr><w:lang w:val="${LANGUAGE}"/></w:rPr></w:rPrDefault>`);
  }
  if (/<w:docDefaults>/.test(french)) return french.replace('<w:docDefaults>', `<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="${LANGUAGE}"/></w:rPr></w:rPrDefault>`);
  if (/<w:docDefaults\s*\/>/.test(french)) return french.replace(/<w:docDefaults\s*\/>/, `<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="${LANGUAGE}"/></w:rPr></w:rPrDefault></w:docDefaults>`);
  // No defaults at all: they open the part (the schema puts them first).
  return french.replace(/(<w:styles\b[^>]*>)/, `$1<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="${LANGUAGE}"/></w:rPr></w:rPrDefault></w:docDefaults>`);
}
