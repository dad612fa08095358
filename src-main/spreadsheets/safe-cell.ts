/**
 * Text written to a spreadsheet cell: XML-safe, and never readable as a formula. A text starting
 * with = + - @ or a tab / carriage return gets a leading apostrophe (the OWASP advice for CSV and
 * spreadsheet injection), so that no exported text can run when the file is opened or re-saved.
 */
import { cleanForXml } from '../text/clean.ts';

export function safeCell(value: string): string {
  const clean = cleanForXml(value);
  return /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
}
