/** French typography for generated documents (Imprimerie nationale rules, as the ministry uses them). */

const NBSP = '\u00A0';
const NNBSP = '\u202F';

const MONTHS = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
];

/** "2020-10-14" → "14 octobre 2020"; the first of the month is "1er". */
export function frenchDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const day = d === 1 ? '1er' : String(d);
  return `${day}${NBSP}${MONTHS[m - 1]} ${y}`;
}

/** 3000 → "3 000" with a narrow no-break space, as French figures are grouped. */
export function frenchNumber(value: number): string {
  return value.toLocaleString('fr-FR').replace(/\s/g, NNBSP);
}

/**
 * No-break spaces where French punctuation needs them: before « : » (full), before « ; ! ? »
 * (narrow), inside guillemets. Leaves URLs alone: "https://x" must not become "https : //x".
 */
export function frenchSpacing(text: string): string {
  // Most texts have no link: no split then (the same result, a tenth of the time over a whole synthesis).
  if (!text.includes('http') && !text.includes('mailto:')) return spacePunctuation(text);
  return text
    .split(LINK)
    .map((part, index) => (index % 2 === 1 ? part : spacePunctuation(part)))
    .join('');
}

const LINK = /(\bhttps?:\/\/\S+|\bmailto:\S+)/;
const APOSTROPHE = /(\p{L})'(?=\p{L})/gu;
const COLON = /[ \u00A0\u202F]*:(?=\s|$)/g;
const PERCENT = /(\d)[ \u00A0\u202F]?%/g;
const HIGH_PUNCTUATION = /(\S)[ \u00A0\u202F]*([;!?])(?=\s|$|[»)"'])/g;
const OPENING_GUILLEMET = /«[ \u00A0\u202F]*/g;
const CLOSING_GUILLEMET = /[ \u00A0\u202F]*»/g;

/** Each rule only where its character is: a regular expression scans the whole text even to find nothing. */
function spacePunctuation(text: string): string {
  let out = text;
  if (out.includes("'")) out = out.replace(APOSTROPHE, '$1\u2019'); // typographic apostrophe: l’école
  if (out.includes(':')) out = out.replace(COLON, `${NBSP}:`);
  if (out.includes('%')) out = out.replace(PERCENT, `$1${NBSP}%`);
  if (out.includes(';') || out.includes('!') || out.includes('?')) out = out.replace(HIGH_PUNCTUATION, `$1${NNBSP}$2`);
  if (out.includes('«')) out = out.replace(OPENING_GUILLEMET, `«${NBSP}`);
  if (out.includes('»')) out = out.replace(CLOSING_GUILLEMET, `${NBSP}»`);
  return out;
}

/** Letters without their accents, ligatures spelt out: "Sacré-Cœur" → "Sacre-Coeur" (for file names). */
export function asciiLetters(text: string): string {
  return text
    .replace(/[œŒæÆß]/g, (c) => ({ œ: 'oe', Œ: 'Oe', æ: 'ae', Æ: 'Ae', ß: 'ss' })[c as 'œ'])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** "Nouvelle-Aquitaine" → "Nouvelle-Aquitaine"; "Provence-Alpes-Côte d'Azur" → "Provence-Alpes-Cote_d_Azur". */
export function safeFileStem(text: string): string {
  return asciiLetters(text)
    .replace(/[^A-Za-z0-9-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 80);
}
