/** The figures a written text may quote as {{name}}: always those of the Bilan being printed. */
import type { Bilan } from '../contract/schemas/reports.ts';
import { frenchDate, frenchNumber } from '../text/french.ts';

export const FIGURE_NAMES = [
  'rencontres_bassin', 'concertations', 'participants', 'departements', 'date_second_niveau', 'rencontres_etablissement',
] as const;

export function figuresOf(bilan: Bilan): Record<(typeof FIGURE_NAMES)[number], string> {
  const dates = bilan.secondLevelDates;
  return {
    rencontres_bassin: frenchNumber(bilan.totals.bassinMeetings),
    concertations: frenchNumber(bilan.totals.secondLevelMeetings),
    participants: frenchNumber(bilan.totals.participants),
    departements: frenchNumber(bilan.totals.departements),
    date_second_niveau:
      dates.length === 0 ? '(date à venir)' : dates.length === 1 ? frenchDate(dates[0]!) : `du ${frenchDate(dates[0]!)} au ${frenchDate(dates.at(-1)!)}`,
    rencontres_etablissement: frenchNumber(bilan.totals.etablissementMeetings),
  };
}
