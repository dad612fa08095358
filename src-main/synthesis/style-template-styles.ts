/** A template's theme and styles: the fonts they resolve to, and the styles part made self-contained. */
import { parseAttributes, rewriteTag } from './style-template-xml.ts';

export interface ThemeFonts {
  major: { latin: string; ea: string; cs: string };
  minor: { latin: string; ea: string; cs: string };
}

export function parseTheme(xml: string): ThemeFonts | null {
  const group = (which: 'major' | 'minor') => {
    const block = new RegExp(`<(?:[\\w.-]+:)?${which}Font\\b[^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?${which}Font>`).exec(xml)?.[1];
    if (block === undefined) return null;
    const typeface = (element: string) => {
      const tag = new RegExp(`<(?:[\\w.-]+:)?${element}\\b([^>]*)>`).exec(block);
      return tag ? (parseAttributes(tag[1] ?? '').get('typeface') ?? '').trim() : '';
    };
    return { latin: typeface('latin'), ea: typeface('ea'), cs: typeface('cs') };
  };
  const major = group('major');
  const minor = group('minor');
  return major && minor ? { major, minor } : null;
}

/** "minorHAnsi" → the theme's minor Latin font; "majorEastAsia" → its major East Asian one… "" if unknown. */
export function themeFont(theme: ThemeFonts | null, reference: string | undefined): string {
  if (!theme || !reference) return '';
  const match = /^(major|minor)(Ascii|HAnsi|EastAsia|Bidi)$/.exec(reference);
  if (!match) return '';
  const fonts = theme[match[1] as 'major' | 'minor'];
  return match[2] === 'EastAsia' ? fonts.ea : match[2] === 'Bidi' ? fonts.cs : fonts.latin;
}

export interface RFonts {
  ascii?: string;
  hAnsi?: string;
  asciiTheme?: string;
  hAnsiTheme?: string;
}

export interface StyleEntry {
  id: string;
  type: string;
  name: string;
  basedOn: string | null;
  isDefault: boolean;
  fonts: RFonts | null;
}

export interface ParsedStyles {
  defaults: RFonts | null;
  styles: StyleEntry[];
}

export const STYLE_BLOCK = /<w:style\b[^>]*?(?:\/>|>[\s\S]*?<\/w:style>)/g;
export const RFONTS_TAG = /<w:rFonts\b[^>]*>/g;

export function rFontsOf(tag: string): RFonts {
  const a = parseAttributes(tag.replace(/^<w:rFonts/, ''));
  const fonts: RFonts = {};
  const set = (key: keyof RFonts, attribute: string) => {
    const value = a.get(attribute)?.trim();
    if (value) fonts[key] = value;
  };
  set('ascii', 'w:ascii');
  set('hAnsi', 'w:hAnsi');
  set('asciiTheme', 'w:asciiTheme');
  set('hAnsiTheme', 'w:hAnsiTheme');
  return fonts;
}

/** The run properties that belong to the style itself, not to a table style's conditional parts. */
export function ownRunFonts(block: string): RFonts | null {
  const own = block.replace(/<w:tblStylePr\b[\s\S]*?<\/w:tblStylePr>/g, '');
  const rPr = /<w:rPr\b[^>]*>([\s\S]*?)<\/w:rPr>/.exec(own)?.[1];
  const tag = rPr === undefined ? undefined : /<w:rFonts\b[^>]*>/.exec(rPr)?.[0];
  return tag ? rFontsOf(tag) : null;
}

export function parseStyles(xml: string): ParsedStyles {
  const defaultsBlock = /<w:rPrDefault\b[^>]*>([\s\S]*?)<\/w:rPrDefault>/.exec(xml)?.[1];
  const defaultsTag = defaultsBlock === undefined ? undefined : /<w:rFonts\b[^>]*>/.exec(defaultsBlock)?.[0];
  const styles = [...xml.matchAll(STYLE_BLOCK)].map((match): StyleEntry => {
    const block = match[0];
    const head = parseAttributes(/^<w:style\b([^>]*?)\/?>/.exec(block)?.[1] ?? '');
    const valueOf = (element: string) => {
      const tag = new RegExp(`<w:${element}\\b([^>]*)>`).exec(block);
      return tag ? (parseAttributes(tag[1] ?? '').get('w:val') ?? null) : null;
    };
    const isDefault = head.get('w:default');
    return {
      id: head.get('w:styleId') ?? '',
      type: head.get('w:type') ?? 'paragraph',
      name: valueOf('name') ?? '',
      basedOn: valueOf('basedOn'),
      isDefault: isDefault === '1' || isDefault === 'true' || isDefault === 'on',
      fonts: ownRunFonts(block),
    };
  });
  return { defaults: defaultsTag ? rFontsOf(defaultsTag) : null, styles };
}

export function findStyle(parsed: ParsedStyles, type: string, builtInName: string, id: string): StyleEntry | undefined {
  const ofType = parsed.styles.filter((s) => s.type === type);
  return ofType.find((s) => s.name.toLowerCase() === builtInName) ?? ofType.find((s) => s.id === id);
}

/**
 * The Latin (ascii) font a style shows: its own, else its basedOn chain's, else the document
 * defaults'. Null for a style the template does not define (Word writes only the styles in use
 * or modified: a fresh document has no Heading 1).
 */
export function resolveFont(style: StyleEntry | undefined, parsed: ParsedStyles, theme: ThemeFonts | null): string | null {
  if (!style) return null;
  const fromRFonts = (fonts: RFonts | null) => (fonts ? themeFont(theme, fonts.asciiTheme) || fonts.ascii || null : null);
  const seen = new Set<string>();
  let current: StyleEntry | undefined = style;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    const font = fromRFonts(current.fonts);
    if (font) return font;
    const parent: string | null = current.basedOn;
    current = parent === null ? undefined : parsed.styles.find((s) => s.id === parent);
  }
  return fromRFonts(parsed.defaults);
}

export function usedFonts(xml: string, theme: ThemeFonts | null): string[] {
  const fonts = new Set<string>();
  for (const [tag] of xml.matchAll(RFONTS_TAG)) {
    const f = rFontsOf(tag);
    const ascii = themeFont(theme, f.asciiTheme) || f.ascii;
    const hAnsi = themeFont(theme, f.hAnsiTheme) || f.hAnsi;
    if (ascii) fonts.add(ascii);
    if (hAnsi) fonts.add(hAnsi);
  }
  return [...fonts].sort(new Intl.Collator('fr').compare);
}

// ---------------------------------------------------------------------------------------------
// The styles part made self-contained for docx's externalStyles

/** Built-in styles by (lower-case) name → the id English Word and `docx` use. */
export const BUILT_IN_IDS: Record<string, { type: string; id: string }> = {
  normal: { type: 'paragraph', id: 'Normal' },
  title: { type: 'paragraph', id: 'Title' },
  subtitle: { type: 'paragraph', id: 'Subtitle' },
  ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`heading ${n}`, { type: 'paragraph', id: `Heading${n}` }])),
  ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`toc ${n}`, { type: 'paragraph', id: `TOC${n}` }])),
  'list paragraph': { type: 'paragraph', id: 'ListParagraph' },
  'no spacing': { type: 'paragraph', id: 'NoSpacing' },
  quote: { type: 'paragraph', id: 'Quote' },
  'intense quote': { type: 'paragraph', id: 'IntenseQuote' },
  caption: { type: 'paragraph', id: 'Caption' },
  header: { type: 'paragraph', id: 'Header' },
  footer: { type: 'paragraph', id: 'Footer' },
  'footnote text': { type: 'paragraph', id: 'FootnoteText' },
  'footnote reference': { type: 'character', id: 'FootnoteReference' },
  hyperlink: { type: 'character', id: 'Hyperlink' },
  followedhyperlink: { type: 'character', id: 'FollowedHyperlink' },
  strong: { type: 'character', id: 'Strong' },
  emphasis: { type: 'character', id: 'Emphasis' },
  'default paragraph font': { type: 'character', id: 'DefaultParagraphFont' },
  'table grid': { type: 'table', id: 'TableGrid' },
  'normal table': { type: 'table', id: 'TableNormal' },
  'no list': { type: 'numbering', id: 'NoList' },
};

export function selfContainedStyles(xml: string, parsed: ParsedStyles, theme: ThemeFonts | null): string {
  // 1. Localised ids ("Titre1" in French Word) → the built-in ids docx writes ("Heading1").
  const taken = new Set(parsed.styles.map((s) => s.id));
  const renames = new Map<string, string>();
  for (const style of parsed.styles) {
    const builtIn = BUILT_IN_IDS[style.name.toLowerCase()];
    if (!builtIn || builtIn.type !== style.type || style.id === builtIn.id || taken.has(builtIn.id)) continue;
    renames.set(style.id, builtIn.id);
    taken.add(builtIn.id);
  }
  let out = xml;
  if (renames.size > 0) {
    out = out.replace(/<w:(style|basedOn|next|link)\b[^>]*>/g, (tag, element: string) =>
      rewriteTag(tag, (a) => {
        const key = element === 'style' ? 'w:styleId' : 'w:val';
        const renamed = renames.get(a.get(key) ?? '');
        if (renamed) a.set(key, renamed);
      }),
    );
  }

  // 2. Theme fonts written out: docx writes no theme part, so a reference to one would be lost.
  out = out.replace(RFONTS_TAG, (tag) =>
    rewriteTag(tag, (a) => {
      for (const [themeKey, key] of [
        ['w:asciiTheme', 'w:ascii'],
        ['w:hAnsiTheme', 'w:hAnsi'],
        ['w:eastAsiaTheme', 'w:eastAsia'],
        ['w:cstheme', 'w:cs'],
        ['w:csTheme', 'w:cs'],
      ] as const) {
        const font = themeFont(theme, a.get(themeKey));
        if (!font) continue;
        a.set(key, font);
        a.delete(themeKey);
      }
    }),
  );

  // 3. Theme colours: Word writes the colour's value beside its theme reference; keep the value.
  out = out.replace(/<w:[\w]+\b[^>]*\bw:theme(?:Color|Fill|Tint|Shade|FillTint|FillShade)=[^>]*>/g, (tag) =>
    rewriteTag(tag, (a) => {
      const hasValue = (key: string) => /^[0-9A-Fa-f]{6}$/.test(a.get(key) ?? '');
      if (hasValue('w:val') || hasValue('w:color')) for (const key of ['w:themeColor', 'w:themeTint', 'w:themeShade']) a.delete(key);
      if (hasValue('w:fill')) for (const key of ['w:themeFill', 'w:themeFillTint', 'w:themeFillShade']) a.delete(key);
    }),
  );
  return out;
}

