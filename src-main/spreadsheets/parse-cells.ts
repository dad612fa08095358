/**
 * Reading one cell of an attendance sheet as the domain needs it. Pure functions, no I/O: each returns
 * the value or a French message saying what was found and what is expected, so that the import can
 * list every problem of a file with its row and column instead of stopping at the first.
 *
 * Every parser accepts whatever `readAttendanceSheet` gives (string, number, boolean, Date, null) and,
 * defensively, anything else. An empty cell (null, undefined, blanks, or a lone dash "-", "–", "—" that
 * people write for "nothing") gives `{ ok: true, value: null }` everywhere except in `parseText`, where a
 * dash is a text: whether a field is required is the import's decision, not the parser's.
 */
import { MEETING_LEVEL_LABELS, type MeetingLevel } from '../contract/domain.ts';
import { findForbiddenCharacter } from '../text/clean.ts';

export type CellParse<T> = { ok: true; value: T } | { ok: false; message: string };

/** Bounds of a plausible meeting date: outside them a cell is a typing or conversion mistake. */
export const MIN_YEAR = 1950;
export const MAX_YEAR = 2100;
export const MAX_COUNT = 1_000_000;

const ok = <T>(value: T): CellParse<T> => ({ ok: true, value });
const fail = (found: unknown, why: string): CellParse<never> => ({ ok: false, message: `« ${shown(found)} » : ${why}` });

// ---------------------------------------------------------------------------------------------------------
// Shared helpers

const SPACES = /[\s\u00A0\u2007\u202F\u2009\u200A\u2008\u2002-\u2006\u3000]+/g;
const EMPTY_MARKS = new Set(['-', '–', '—', '−']);

/** Excel's error codes, in English and in French (what a formula error cell reads as). */
const EXCEL_ERRORS = new Set([
  '#N/A', '#NA', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA',
  '#VALEUR!', '#NOM?', '#NOMBRE!', '#NUL!', '#ERREUR', '#ERREUR!', '#PROPAGATION!', '#CALCUL!',
]);

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  const trimmed = value.replace(SPACES, ' ').trim();
  return trimmed === '' || EMPTY_MARKS.has(trimmed);
}

function isExcelError(value: unknown): value is string {
  // Every error starts with '#': most cells are ruled out without a copy.
  return typeof value === 'string' && value.includes('#') && EXCEL_ERRORS.has(value.trim().toUpperCase());
}

const FORMULA_ERROR = 'la cellule contient une erreur de formule ; corrigez la formule ou saisissez la valeur';

/** Lower case, no accents, one space between words: the form words are compared in. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, ' ')
    .replace(SPACES, ' ')
    .trim();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function frenchDate(date: Date): string {
  return Number.isNaN(date.getTime())
    ? 'date invalide'
    : `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

/** The value as the user typed or saw it, short enough for a message. */
function shown(value: unknown): string {
  let text: string;
  if (value instanceof Date) text = frenchDate(value);
  else if (typeof value === 'number') text = Number.isFinite(value) ? String(value).replace('.', ',') : String(value);
  else if (typeof value === 'boolean') text = value ? 'VRAI' : 'FAUX';
  else if (typeof value === 'string') text = value.trim();
  else if (value === null || value === undefined) text = '';
  else text = Object.prototype.toString.call(value);
  // Control characters would make the message itself unreadable.
  text = text.replace(/[\u0000-\u001F\u007F]/g, ' ');
  const chars = [...text];
  return chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : text;
}

function typeMismatch(value: unknown, expected: string): CellParse<never> {
  if (value instanceof Date) return fail(value, `une date a été trouvée là où ${expected} est attendu`);
  if (typeof value === 'boolean') return fail(value, `une valeur VRAI/FAUX a été trouvée là où ${expected} est attendu`);
  return fail(value, `valeur inattendue, ${expected} est attendu`);
}

// ---------------------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {};
for (const [month, names] of [
  [1, ['janvier', 'janv', 'jan', 'january']],
  [2, ['fevrier', 'fevr', 'fev', 'fevier', 'feb', 'february']],
  [3, ['mars', 'mar', 'march']],
  [4, ['avril', 'avr', 'apr', 'april']],
  [5, ['mai', 'may']],
  [6, ['juin', 'jun', 'june']],
  [7, ['juillet', 'juil', 'jul', 'july']],
  [8, ['aout', 'aou', 'aug', 'august']],
  [9, ['septembre', 'sept', 'sep', 'september']],
  [10, ['octobre', 'oct', 'october']],
  [11, ['novembre', 'nov', 'november']],
  [12, ['decembre', 'dec', 'december']],
] as const) {
  for (const name of names) MONTHS[name] = month;
}
const MONTH_NAMES = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const WEEKDAYS = /^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+(?=\d)/;
const DATE_EXPECTED = 'date attendue au format JJ/MM/AAAA (par exemple 14/10/2020)';

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkedDate(found: unknown, year: number, month: number, day: number): CellParse<string> {
  if (month < 1 || month > 12) return fail(found, `le mois ${month} n'existe pas ; ${DATE_EXPECTED}`);
  if (day < 1) return fail(found, `le jour ${day} n'existe pas ; ${DATE_EXPECTED}`);
  const last = daysInMonth(year, month);
  if (day > last) {
    return fail(found, `cette date n'existe pas (${MONTH_NAMES[month - 1]} ${year} n'a que ${last} jours)`);
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return fail(found, `année ${year} invraisemblable pour une rencontre (entre ${MIN_YEAR} et ${MAX_YEAR}) ; ${DATE_EXPECTED}`);
  }
  return ok(`${pad(year, 4)}-${pad(month)}-${pad(day)}`);
}

/** Two-digit years as Excel reads them: 00–29 → 2000s, 30–99 → 1900s. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

/** An Excel serial day number (1900 date system, with its phantom 29 February 1900). */
function fromSerial(found: unknown, serial: number): CellParse<string> {
  const days = Math.floor(serial);
  if (!Number.isFinite(serial) || days < 1 || days > 2_958_465) {
    return fail(found, `ce nombre n'est pas une date ; ${DATE_EXPECTED}`);
  }
  if (days === 60) return fail(found, "cette date n'existe pas (29 février 1900)");
  // Up to 28/02/1900 the serial counts from 31/12/1899; after the phantom day, from 30/12/1899.
  const epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + days * 86_400_000);
  const year = date.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return fail(found, `ce nombre ne correspond pas à une date plausible (${frenchDate(date)}) ; ${DATE_EXPECTED}`);
  }
  return checkedDate(found, year, date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * A date as "YYYY-MM-DD". Accepts Date objects (their UTC date, as exceljs gives dates at UTC midnight),
 * Excel serial numbers, and texts: 14/10/2020, 14/10/20, 14-10-2020, 14.10.2020, 2020-10-14,
 * 14 octobre 2020, 14 oct. 2020, mercredi 14 octobre 2020, 1er octobre 2020 (a trailing time is ignored).
 * Day/month order is French; an American-looking 10/14/2020 is refused, never swapped silently.
 */
export function parseDate(value: unknown): CellParse<string | null> {
  if (isEmpty(value)) return ok(null);
  if (isExcelError(value)) return fail(value, FORMULA_ERROR);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail(value, `date illisible ; ${DATE_EXPECTED}`);
    return checkedDate(value, value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') return fromSerial(value, value);
  if (typeof value !== 'string') return typeMismatch(value, 'une date');

  const text = fold(value);
  // 2020-10-14, 2020/10/14, possibly followed by a time (ISO "T10:00:00Z" or " 10:00").
  let m = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:(?:t|\s+)\d{1,2}[:h]\d{2}.*)?$/.exec(text);
  if (m) return checkedDate(value, Number(m[1]), Number(m[3]), Number(m[4]));

  // 14/10/2020, 14-10-2020, 14.10.2020, 14/10/20, possibly followed by a time.
  m = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})(?:\s+(?:a\s+)?\d{1,2}\s*[:h]\s*\d{0,2}.*)?$/.exec(text);
  if (m) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    const year = fullYear(m[3]!);
    if (month > 12 && day <= 12 && month <= daysInMonth(year, day)) {
      return fail(
        value,
        `le mois ${month} n'existe pas : cette date semble écrite à l'américaine (mois/jour) ; ` +
          `écrivez-la JJ/MM/AAAA, ici ${pad(month)}/${pad(day)}/${year} si c'est bien le ${month} ${MONTH_NAMES[day - 1]}`,
      );
    }
    return checkedDate(value, year, month, day);
  }

  // "le mercredi 14 octobre 2020", "1er oct. 2020", "14-oct-20".
  const words = text.replace(/^le\s+/, '').replace(WEEKDAYS, '');
  m = /^(\d{1,2})\s*(?:er|re|e)?\s*[-/.]?\s*([a-z]+)\s*\.?\s*[-/.,]?\s*(\d{4}|\d{2})(?:\s+(?:a\s+)?\d{1,2}\s*[:h]\s*\d{0,2}.*)?$/.exec(words);
  if (m) {
    const month = MONTHS[m[2]!];
    if (month === undefined) return fail(value, `mois « ${m[2]} » non reconnu ; ${DATE_EXPECTED}`);
    return checkedDate(value, fullYear(m[3]!), month, Number(m[1]));
  }
  if (/^([a-z]+)\.?\s+(\d{4})$/.test(words) && MONTHS[/^([a-z]+)/.exec(words)![1]!] !== undefined) {
    return fail(value, `le jour manque ; ${DATE_EXPECTED}`);
  }
  if (/^\d{1,2}\s*[-/.]\s*\d{1,2}$/.test(text)) return fail(value, `l'année manque ; ${DATE_EXPECTED}`);
  // A serial typed or exported as text ("44118").
  if (/^\d{5}$/.test(text)) return fromSerial(value, Number(text));
  return fail(value, `date non reconnue ; ${DATE_EXPECTED}`);
}

// ---------------------------------------------------------------------------------------------------------
// Counts

const COUNT_EXPECTED = 'un nombre entier de participants est attendu (par exemple 12)';

function checkedCount(found: unknown, n: number): CellParse<number> {
  if (n < 0) return fail(found, 'un effectif ne peut pas être négatif');
  if (n > MAX_COUNT) return fail(found, 'effectif invraisemblable (plus d’un million)');
  return ok(n === 0 ? 0 : n); // no -0
}

/**
 * A number of participants: an integer from 0 to 1 000 000, from a number or a text ("12", "12,0",
 * "1 250" with ordinary, no-break or narrow spaces, "12.0"). Refuses negatives, decimals, words.
 */
export function parseCount(value: unknown): CellParse<number | null> {
  if (isEmpty(value)) return ok(null);
  if (isExcelError(value)) return fail(value, FORMULA_ERROR);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail(value, COUNT_EXPECTED);
    const rounded = Math.round(value);
    // A formula result can be 11.999999999999998.
    if (Math.abs(value - rounded) > 1e-9) {
      return value < 0 ? fail(value, 'un effectif ne peut pas être négatif') : fail(value, `un effectif est un nombre entier, sans décimales`);
    }
    return checkedCount(value, rounded);
  }
  if (typeof value !== 'string') return typeMismatch(value, 'un nombre entier');

  const text = value.replace(SPACES, ' ').trim().replace(/^\u2212/, '-');
  const m = /^([+-]?)\s*(\d{1,3}(?: \d{3})+|\d+)(?:([.,])(\d*))?$/.exec(text);
  if (!m) return fail(value, COUNT_EXPECTED);
  const [, sign, whole, , decimals = ''] = m;
  const n = Number(whole!.replace(/ /g, ''));
  if (sign === '-' && (n > 0 || /[1-9]/.test(decimals))) return fail(value, 'un effectif ne peut pas être négatif');
  if (/[1-9]/.test(decimals)) {
    if (decimals.length === 3 && !whole!.includes(' ')) {
      return fail(value, `nombre ambigu (séparateur de milliers ou décimale ?) ; un effectif est un nombre entier, écrivez ${whole}${decimals} s'il s'agit de milliers`);
    }
    return fail(value, `un effectif est un nombre entier, sans décimales`);
  }
  // "12,0", "12.00" and a trailing "12," are integers.
  return checkedCount(value, n);
}

// ---------------------------------------------------------------------------------------------------------
// Thématiques

const THEME_WORDS = new Set(['t', 'th', 'theme', 'themes', 'thematique', 'thematiques', 'n', 'no', 'n°', 'num', 'numero', 'numeros', 'et', 'and']);
const THEMES_EXPECTED = 'numéros de thématiques attendus, séparés par des virgules (par exemple 1, 3)';

/**
 * The numbers of the thématiques a meeting addressed, sorted, without duplicates: "1, 3", "1;3",
 * "1 et 3", "Thème 1, thème 4", "T1 T3", a single number. Excel sometimes turns "1,3" typed in a
 * French Excel into the decimal 1,3: it is read back as 1 and 3. `known`, when given, lists the
 * campaign's numbers and refuses the others.
 */
export function parseThematiques(value: unknown, known?: readonly number[]): CellParse<number[] | null> {
  if (isEmpty(value)) return ok(null);
  if (isExcelError(value)) return fail(value, FORMULA_ERROR);
  if (value instanceof Date) {
    return fail(value, `Excel a transformé la saisie en date ; ${THEMES_EXPECTED}, en texte`);
  }
  let tokens: string[];
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return fail(value, THEMES_EXPECTED);
    tokens = String(value).split('.');
  } else if (typeof value === 'string') {
    tokens = fold(value)
      .replace(/n°/g, ' n° ')
      .split(/[\s,;/+&|]+/)
      .filter((t) => t !== '');
  } else {
    return typeMismatch(value, 'une liste de numéros');
  }

  const numbers = new Set<number>();
  for (const token of tokens) {
    if (THEME_WORDS.has(token)) continue;
    const m = /^(?:t|th|theme|thematique|n°|no)?\.?(\d{1,3})$/.exec(token);
    if (!m) {
      if (/^\d+-\d+$/.test(token) || token === '-' || token === 'a') {
        return fail(value, `écrivez chaque numéro (par exemple 1, 2, 3) plutôt qu'un intervalle`);
      }
      const which = tokens.length === 1 ? "ce n'est pas un numéro de thématique" : `« ${token} » n'est pas un numéro de thématique`;
      return fail(value, `${which} ; ${THEMES_EXPECTED}`);
    }
    const n = Number(m[1]);
    if (n < 1) return fail(value, `les thématiques sont numérotées à partir de 1 ; ${THEMES_EXPECTED}`);
    numbers.add(n);
  }
  if (numbers.size === 0) return fail(value, `aucun numéro trouvé ; ${THEMES_EXPECTED}`);
  const sorted = [...numbers].sort((a, b) => a - b);
  if (known) {
    const unknown = sorted.filter((n) => !known.includes(n));
    if (unknown.length > 0) {
      const list = [...known].sort((a, b) => a - b).join(', ');
      return fail(
        value,
        `${unknown.length > 1 ? 'thématiques' : 'thématique'} ${unknown.join(', ')} inconnue${unknown.length > 1 ? 's' : ''} dans cette campagne (numéros possibles : ${list})`,
      );
    }
  }
  return ok(sorted);
}

// ---------------------------------------------------------------------------------------------------------
// Yes / no

const YES = new Set(['oui', 'o', 'x', 'vrai', 'true', '1', 'yes', 'y', 'ok', '✓', '✔', '☑', 'recue', 'recu']);
const NO = new Set(['non', 'n', 'faux', 'false', '0', 'no', '✗', '✘', 'non recue', 'non recu']);

/** oui/non/o/n/x/vrai/faux/true/false/1/0/yes/no and booleans; an empty cell is null (not answered). */
export function parseYesNo(value: unknown): CellParse<boolean | null> {
  if (isEmpty(value)) return ok(null);
  if (isExcelError(value)) return fail(value, FORMULA_ERROR);
  if (typeof value === 'boolean') return ok(value);
  if (typeof value === 'number') {
    if (value === 1) return ok(true);
    if (value === 0) return ok(false);
    return fail(value, 'oui ou non attendu');
  }
  if (typeof value !== 'string') return typeMismatch(value, 'oui ou non');
  const word = fold(value).replace(/[.!]+$/, '');
  if (YES.has(word)) return ok(true);
  if (NO.has(word)) return ok(false);
  return fail(value, 'oui ou non attendu');
}

// ---------------------------------------------------------------------------------------------------------
// Level of a meeting

const LEVEL_WORDS: [MeetingLevel, string[]][] = [
  ['etablissement', ['etablissement', 'etablissements', 'etab', 'eple', 'ecole', 'ecoles', 'college', 'lycee', 'etablissement scolaire', 'eple / ecole', 'ecole / etablissement']],
  ['bassin', ['bassin', 'bassins', 'zap', 'eclore', 'reseau', 'reseaux', 'bassin / reseau', 'bassin ou reseau', 'reseau eclore', 'bassin d education', 'bassin de formation', 'inter etablissements', 'inter-etablissements', 'interetablissements']],
  ['departemental', ['departemental', 'departementale', 'departement', 'dsden', 'dasen', 'departementaux']],
  ['academique', ['academique', 'academie', 'rectorat', 'academiques']],
  ['regional', ['regional', 'regionale', 'region', 'region academique', 'regionaux', 'regionales', 'interacademique', 'inter academique', 'inter-academique']],
];
const LEVEL_BY_WORD = new Map<string, MeetingLevel>(LEVEL_WORDS.flatMap(([level, words]) => words.map((w) => [w, level] as const)));
const LEVEL_EXPECTED = `niveau attendu : ${Object.values(MEETING_LEVEL_LABELS).join(', ')}`;

/**
 * The level of a meeting: établissement/EPLE/école → 'etablissement'; bassin/ZAP/ECLORE/réseau → 'bassin';
 * départemental(e)/département → 'departemental'; académique → 'academique'; régional(e) → 'regional'.
 * A leading "niveau", "rencontre", "échelon" is allowed ("Niveau départemental").
 */
export function parseLevel(value: unknown): CellParse<MeetingLevel | null> {
  if (isEmpty(value)) return ok(null);
  if (isExcelError(value)) return fail(value, FORMULA_ERROR);
  if (typeof value !== 'string') return typeMismatch(value, 'un niveau');
  let word = fold(value).replace(/\s*\/\s*/g, ' / ').replace(/\s*\(.*\)$/, '').replace(/[.!]+$/, '').trim();
  word = word.replace(/^(?:niveau|rencontre|reunion|echelon|consultation)\s+(?:de\s+l\s+|de\s+|d\s+|du\s+|des\s+)?/, '');
  const level = LEVEL_BY_WORD.get(word) ?? LEVEL_BY_WORD.get(word.replace(/-/g, ' '));
  return level ? ok(level) : fail(value, LEVEL_EXPECTED);
}

// ---------------------------------------------------------------------------------------------------------
// Free text

/**
 * A text from whatever the cell holds (numbers as written, dates as JJ/MM/AAAA, VRAI/FAUX), trimmed,
 * at most `max` characters, without the control characters that would corrupt a document.
 */
export function parseText(value: unknown, max: number): CellParse<string | null> {
  if (value === null || value === undefined) return ok(null);
  if (isExcelError(value)) return fail(value, FORMULA_ERROR);
  let text: string;
  if (typeof value === 'string') text = value.trim();
  else if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail(value, 'texte attendu');
    text = Number.isInteger(value) ? String(value) : String(value).replace('.', ',');
  } else if (typeof value === 'boolean') text = value ? 'VRAI' : 'FAUX';
  else if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail(value, 'texte attendu');
    text = frenchDate(value);
  } else return typeMismatch(value, 'un texte');
  if (text === '') return ok(null);
  const bad = findForbiddenCharacter(text);
  if (bad) return fail(text, `caractère invisible interdit (${bad.code}) à la position ${bad.position}`);
  if (text.length > max) return fail(text, `texte trop long (${text.length} caractères, ${max} au plus)`);
  return ok(text);
}
