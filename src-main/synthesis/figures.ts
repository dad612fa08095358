/**
 * The figures a written text may quote as {{name}}: always those of the Bilan being printed, so that a
 * descriptif never contradicts the tables below it when a meeting is added. Dates and the scope come in one
 * form per grammatical use (« le {{date_second_niveau}} » would read « le du 14 au 15 octobre 2020 »).
 */
import type { Bilan } from '../contract/schemas/reports.ts';
import { frenchDate, frenchNumber } from '../text/french.ts';
import { inScope, scopeAfter, theScope } from './scope-names.ts';

export const FIGURE_NAMES = [
  'rencontres_bassin', 'concertations', 'participants', 'departements', 'date_second_niveau', 'rencontres_etablissement',
] as const;

/** Every placeholder, in the order the Trames screen lists them, with what it says (French, for the writer). */
export const PLACEHOLDERS = [
  { name: 'concertations', description: 'Nombre de concertations de second niveau.' },
  { name: 'participants', description: 'Participants aux concertations de second niveau.' },
  { name: 'rencontres_bassin', description: 'Nombre de rencontres de bassin (ZAP, réseaux ECLORE).' },
  { name: 'rencontres_etablissement', description: 'Nombre de rencontres en établissement.' },
  { name: 'departements', description: 'Départements qui ont tenu leur propre concertation.' },
  { name: 'le_date_second_niveau', description: 'Quand, en complément de phrase\u00A0: «\u00A0le 14 octobre 2020\u00A0», «\u00A0les 14 et 15 octobre 2020\u00A0», «\u00A0du 14 au 16 octobre 2020\u00A0».' },
  { name: 'du_date_second_niveau', description: 'Après un nom («\u00A0la concertation …\u00A0»)\u00A0: «\u00A0du 14 octobre 2020\u00A0», «\u00A0des 14 et 15 octobre 2020\u00A0», «\u00A0du 14 au 16 octobre 2020\u00A0».' },
  { name: 'date_second_niveau', description: 'La date seule, sans article (titres, tableaux)\u00A0: «\u00A014 octobre 2020\u00A0», «\u00A014 et 15 octobre 2020\u00A0», «\u00A0du 14 au 16 octobre 2020\u00A0».' },
  { name: 'le_perimetre', description: 'Le périmètre du document\u00A0: «\u00A0la région académique\u00A0», «\u00A0l’académie de Poitiers\u00A0», «\u00A0le département de la Vienne\u00A0».' },
  { name: 'du_perimetre', description: 'Après «\u00A0de\u00A0»\u00A0: «\u00A0de la région académique\u00A0», «\u00A0de l’académie de Poitiers\u00A0», «\u00A0du département de la Vienne\u00A0».' },
  { name: 'au_perimetre', description: 'Après «\u00A0à\u00A0»\u00A0: «\u00A0à la région académique\u00A0», «\u00A0à l’académie de Poitiers\u00A0», «\u00A0au département de la Vienne\u00A0».' },
  { name: 'en_perimetre', description: 'Où, en complément de phrase («\u00A0les ateliers …\u00A0»)\u00A0: «\u00A0en région académique\u00A0», «\u00A0dans l’académie de Poitiers\u00A0», «\u00A0dans le département de la Vienne\u00A0».' },
] as const;

export type PlaceholderName = (typeof PLACEHOLDERS)[number]['name'];

export function figuresOf(bilan: Bilan): Record<PlaceholderName, string> {
  const dates = bilan.secondLevelDates;
  const unknown = '(date à venir)';
  return {
    rencontres_bassin: frenchNumber(bilan.totals.bassinMeetings),
    concertations: frenchNumber(bilan.totals.secondLevelMeetings),
    participants: frenchNumber(bilan.totals.participants),
    departements: frenchNumber(bilan.totals.departements),
    date_second_niveau: datesPhrase(dates, 'bare') || unknown,
    le_date_second_niveau: datesPhrase(dates, 'le') || unknown,
    du_date_second_niveau: datesPhrase(dates, 'du') || unknown,
    rencontres_etablissement: frenchNumber(bilan.totals.etablissementMeetings),
    le_perimetre: theScope(bilan.scope),
    du_perimetre: scopeAfter('de', bilan.scope),
    au_perimetre: scopeAfter('à', bilan.scope),
    en_perimetre: inScope(bilan.scope),
  };
}

/** The placeholders with their values for this Bilan: what the Trames screen lists. */
export function placeholderList(bilan: Bilan): { name: PlaceholderName; description: string; value: string }[] {
  const values = figuresOf(bilan);
  return PLACEHOLDERS.map(({ name, description }) => ({ name, description, value: values[name] }));
}

/**
 * Days in the form a sentence needs ('' when there are none):
 * - `bare`: « 14 octobre 2020 », « 14 et 15 octobre 2020 », « du 14 au 16 octobre 2020 »;
 * - `le`: « le 14 octobre 2020 », « les 14 et 15 octobre 2020 », « du 14 au 16 octobre 2020 »;
 * - `du`: « du 14 octobre 2020 », « des 14 et 15 octobre 2020 », « du 14 au 16 octobre 2020 ».
 * Up to three days that do not follow each other are each named; more, or three in a row, are a span.
 */
export function datesPhrase(dates: string[], form: 'bare' | 'le' | 'du'): string {
  const days = [...new Set(dates)].sort();
  if (days.length === 0) return '';
  if (days.length === 1) return `${form === 'bare' ? '' : `${form} `}${frenchDate(days[0]!)}`;
  if (days.length > 3 || consecutive(days)) return span(days[0]!, days.at(-1)!);
  const listed = days.map((day, i) => {
    const next = days[i + 1];
    // The month (and year) once for the days that share it: « les 30 septembre et 2 octobre 2020 ».
    if (next && next.slice(0, 7) === day.slice(0, 7)) return frenchDate(day).split('\u00A0')[0]!;
    if (next && next.slice(0, 4) === day.slice(0, 4)) return frenchDate(day).replace(/ \d{4}$/, '');
    return frenchDate(day);
  });
  const text = `${listed.slice(0, -1).join(', ')} et ${listed.at(-1)!}`;
  return form === 'bare' ? text : `${form === 'le' ? 'les' : 'des'} ${text}`;
}

/** "du 14 au 16 octobre 2020", "du 30 septembre au 2 octobre 2020", "du 31 décembre 2020 au 2 janvier 2021". */
function span(first: string, last: string): string {
  const [from, to] = [frenchDate(first), frenchDate(last)];
  const sameYear = first.slice(0, 4) === last.slice(0, 4);
  const sameMonth = sameYear && first.slice(0, 7) === last.slice(0, 7);
  const start = sameMonth ? from.split('\u00A0')[0]! : sameYear ? from.replace(/ \d{4}$/, '') : from;
  return `du ${start} au ${to}`;
}

/** Three days or more, each the day after the one before. */
function consecutive(days: string[]): boolean {
  if (days.length < 3) return false;
  const time = days.map((d) => Date.parse(`${d}T00:00:00Z`));
  return time.every((t, i) => i === 0 || t - time[i - 1]! === 86_400_000);
}

/**
 * The totals a text may state in words, with the Bilan's value: "10 concertations", "800 personnes".
 * Not a part ("dont 2 concertations académiques") nor a rounded figure ("plus de 800 participants").
 */
export function statedFigures(bilan: Bilan): { pattern: RegExp; value: number; name: (typeof FIGURE_NAMES)[number] }[] {
  const qualified = '(?<!(?:dont|plus de|près de|moins de|environ|sur|parmi|quelque|d’au moins|au moins)\\s)';
  const figure = `${qualified}(?<![\\d\\p{L}])(\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})*|\\d+)\\s*`;
  return [
    { pattern: new RegExp(`${figure}concertations?\\b(?!\\s+(?:académiques?|départementales?|régionales?))`, 'giu'), value: bilan.totals.secondLevelMeetings, name: 'concertations' },
    { pattern: new RegExp(`${figure}(?:personnes|participants)\\b`, 'giu'), value: bilan.totals.participants, name: 'participants' },
    { pattern: new RegExp(`${figure}rencontres (?:de bassin|ZAP)`, 'giu'), value: bilan.totals.bassinMeetings, name: 'rencontres_bassin' },
  ];
}
