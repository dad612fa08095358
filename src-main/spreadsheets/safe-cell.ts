/**
 * Text written to a spreadsheet cell: XML-safe, and never readable as a formula. A text starting
 * with = + - @ or a tab / carriage return gets a leading apostrophe (the OWASP advice for CSV and
 * spreadsheet injection), so that no exported text can run when the file is opened or re-saved.
 */
import { cleanForXml } from '../text/clean.ts';

/**
 * Any character cleanForXml might remove, surrogates included (paired ones are kept by it): a plain
 * class, many times faster than its Unicode pattern, which then runs only on the rare text that needs it
 * (a national workbook writes half a million texts).
 */
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(value: string): string {
  const clean = MAYBE_FORBIDDEN.test(value) ? cleanForXml(value) : value;
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}
