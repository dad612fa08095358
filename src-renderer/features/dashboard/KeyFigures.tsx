import type { Bilan } from '../../../src-main/contract/schemas/reports.ts';
import { frenchDate, frenchNumber } from '../../components/format.ts';

const FORMAT_LABELS = { presentiel: 'en présentiel', distanciel: 'à distance', hybride: 'en format hybride' } as const;

/** The four figures users look for first, for the chosen perimeter. */
export function KeyFigures({ bilan }: { bilan: Bilan }) {
  const t = bilan.totals;
  const dates = bilan.secondLevelDates.map(frenchDate);
  const formats = bilan.secondLevelFormats.map((f) => FORMAT_LABELS[f]);
  // Where the second level was (also) held for the whole académie, as in Limoges in 2020.
  const academiques = bilan.rowKind === 'academie' ? bilan.rows.filter((r) => r.academiqueLevel).map((r) => r.name) : [];
  const figures = [
    { value: t.bassinMeetings, label: 'Rencontres de bassin', note: 'Premier niveau : ZAP, réseaux ECLORE' },
    {
      value: t.secondLevelMeetings,
      label: t.secondLevelMeetings > 1 ? 'Concertations de second niveau' : 'Concertation de second niveau',
      note: [
        // `departements` counts départements, not meetings: a département may hold two concertations.
        t.departements > 0 ? `départementales dans ${frenchNumber(t.departements)} département${t.departements > 1 ? 's' : ''}` : '',
        // The whole country's académie-wide concertations are counted, not named: they would fill the card.
        academiques.length > 0
          ? bilan.regions
            ? `académiques dans ${frenchNumber(academiques.length)} académie${academiques.length > 1 ? 's' : ''}`
            : `académique${academiques.length > 1 ? 's' : ''} : ${academiques.join(', ')}`
          : '',
        // More than three days (dozens in a large académie, across the country): the first and the last.
        dates.length > 3 ? `du ${dates[0]} au ${dates[dates.length - 1]}` : dates.length ? `le${dates.length > 1 ? 's' : ''} ${dates.join(', ')}` : '',
        formats.length ? formats.join(', ') : '',
      ].filter(Boolean).join(' · ') || 'Départementales ou académiques',
    },
    { value: t.participants, label: 'Participants', note: 'aux concertations de second niveau' },
    {
      value: t.etablissementMeetings,
      label: t.etablissementMeetings > 1 ? 'Rencontres d’établissement' : 'Rencontre d’établissement',
      note: `${frenchNumber(t.etablissementParticipants)} participant${t.etablissementParticipants > 1 ? 's' : ''}`,
    },
  ];
  return (
    <ul className="app-figures fr-raw-list" aria-label={`Chiffres clés — ${bilan.scope.name}`}>
      {figures.map((f) => (
        <li key={f.label} className="app-figure">
          <span className="app-figure__value">{frenchNumber(f.value)}</span>
          <span className="dash-figure__label">{f.label}</span>
          <span className="dash-figure__note">{f.note}</span>
        </li>
      ))}
    </ul>
  );
}
