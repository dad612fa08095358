/** Text as WordprocessingML holds it: cleaned of what XML cannot carry, French spacing, escaped. */
import { cleanForXml } from '../../text/clean.ts';
import { frenchSpacing } from '../../text/french.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const TO_ESCAPE = /[&<>"]/g;

/** Escapes for element content and double-quoted attributes alike. */
export function escapeXml(value: string): string {
  return TO_ESCAPE.test(value) ? value.replace(TO_ESCAPE, (c) => ESCAPES[c]!) : value;
}

/** A typed text as a document prints it. */
export const printable = (value: string): string => escapeXml(frenchSpacing(cleanForXml(value)));

/** A text kept as typed (a web address, a link's words): only cleaned and escaped. */
export const verbatim = (value: string): string => escapeXml(cleanForXml(value));
