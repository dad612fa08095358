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
  return text
    .split(/(\bhttps?:\/\/\S+|\bmailto:\S+)/)
    .map((part, index) => (index % 2 === 1 ? part : spacePunctuation(part)))
    .join('');
}

function spacePunctuation(text: string): string {
  return text
    .replace(/(\p{L})'(?=\p{L})/gu, '$1\u2019') // typographic apostrophe: l’école
    .replace(/[ \u00A0\u202F]*:(?=\s|$)/g, `${NBSP}:`)
    .replace(/(\d)[ \u00A0\u202F]?%/g, `$1${NBSP}%`)
    .replace(/(\S)[ \u00A0\u202F]*([;!?])(?=\s|$|[»)"'])/g, `$1${NNBSP}$2`)
    .replace(/«[ \u00A0\u202F]*/g, `«${NBSP}`)
    .replace(/[ \u00A0\u202F]*»/g, `${NBSP}»`);
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
