/**
 * The figures a written text may quote as {{name}}: always those of the Bilan being printed, so that a
 * descriptif never contradicts the tables below it when a meeting is added.
 */
import type { Bilan } from '../contract/schemas/reports.ts';
import { frenchDate, frenchNumber } from '../text/french.ts';

export const FIGURE_NAMES = [
  'rencontres_bassin', 'concertations', 'participants', 'departements', 'date_second_niveau', 'rencontres_etablissement',
] as const;

export function figuresOf(bilan: Bilan): Record<(typeof FIGURE_NAMES)[number], string> {
  return {
    rencontres_bassin: frenchNumber(bilan.totals.bassinMeetings),
    concertations: frenchNumber(bilan.totals.secondLevelMeetings),
    participants: frenchNumber(bilan.totals.participants),
    departements: frenchNumber(bilan.totals.departements),
    date_second_niveau: whenPhrase(bilan.secondLevelDates),
    rencontres_etablissement: frenchNumber(bilan.totals.etablissementMeetings),
  };
}

/** "le 14 octobre 2020", "du 14 au 15 octobre 2020", "du 30 septembre au 2 octobre 2020". */
export function whenPhrase(dates: string[]): string {
  if (dates.length === 0) return '(date à venir)';
  const first = dates[0]!;
  const last = dates.at(-1)!;
  if (first === last) return `le ${frenchDate(first)}`;
  const [from, to] = [frenchDate(first), frenchDate(last)];
  const sameYear = first.slice(0, 4) === last.slice(0, 4);
  const sameMonth = sameYear && first.slice(0, 7) === last.slice(0, 7);
  const start = sameMonth ? from.split('\u00A0')[0]! : sameYear ? from.replace(/ \d{4}$/, '') : from;
  return `du ${start} au ${to}`;
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
