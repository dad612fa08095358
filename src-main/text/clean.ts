/**
 * Text hygiene. Word (docx) and Excel files are XML: U+FFFE/U+FFFF, lone surrogates and most C0
 * control characters make them unreadable. User input is refused with a located message; text that
 * reaches a writer anyway (older catalogues, imports) is cleaned, never written raw.
 */

// Tab, line feed and carriage return are legitimate in multi-line texts.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const FORBIDDEN_GLOBAL = new RegExp(FORBIDDEN.source, 'gu');

/** Position (1-based) and description of the first forbidden character, or null. */
export function findForbiddenCharacter(text: string): { position: number; code: string } | null {
  // Most texts hold none (see SUSPECT): the full pattern, in Unicode mode with lookarounds, only for those that might.
  if (!SUSPECT.test(text)) return null;
  const match = FORBIDDEN.exec(text);
  if (!match) return null;
  const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  // Counted in characters as a reader sees them, not in UTF-16 units.
  return { position: [...text.slice(0, match.index)].length + 1, code: `U+${code}` };
}

/** Any character the forbidden ones could be (surrogates alone or in pairs): one class, no lookaround, fast. */
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Removes characters that cannot be written to XML-based documents. */
export function cleanForXml(text: string): string {
  // Most texts hold none: the lookarounds of the full pattern are paid only by those that might.
  return SUSPECT.test(text) ? text.replace(FORBIDDEN_GLOBAL, '') : text;
}
