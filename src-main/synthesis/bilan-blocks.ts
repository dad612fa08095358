/** The Bilan des rencontres as tables, worded like seed 004 ("Nombre de rencontres ZAP / ECLORE"). */
import type { Bilan } from '../contract/schemas/reports.ts';
import { frenchDate, frenchNumber } from '../text/french.ts';
import { type Block, paragraph, text } from './model.ts';

export function bilanBlocks(bilan: Bilan): Block[] {
  const kinds = [...new Set(bilan.academies.flatMap((a) => a.bassinKinds))];
  const bassinLabel = kinds.length > 0 ? kinds.join(' / ') : 'bassins';
  const day = datesLabel(bilan.secondLevelDates);
  const n = frenchNumber;
  return [
    {
      kind: 'table',
      caption: `Nombre de rencontres ${bassinLabel} (premier niveau, dans les bassins)`,
      header: ['Académie', 'Réseaux', 'Rencontres'],
      rows: bilan.academies.map((a) => [a.name, a.bassinKinds.join(' / ') || '—', n(a.bassinMeetings)]),
      total: ['Total', '', n(bilan.totals.bassinMeetings)],
    },
    {
      kind: 'table',
      caption: `Nombre de participants aux concertations de second niveau${day ? ` (${day})` : ''}`,
      header: ['Académie', 'Concertations', 'Niveau', 'Départements', 'Participants'],
      rows: bilan.academies.map((a) => [
        a.name,
        n(a.secondLevelMeetings),
        a.secondLevelMeetings === 0 ? '—' : a.academiqueLevel ? 'académique' : 'départemental',
        a.departements > 0 ? n(a.departements) : '—',
        n(a.participants),
      ]),
      total: ['Total', n(bilan.totals.secondLevelMeetings), '', n(bilan.totals.departements), n(bilan.totals.participants)],
    },
    paragraph([
      text('Au total, '),
      text(`${n(bilan.totals.participants)} personnes`, { bold: true }),
      text(` ont participé aux ${n(bilan.totals.secondLevelMeetings)} concertations de second niveau${day ? ` ${dayPhrase(bilan.secondLevelDates)}` : ''}.`),
    ]),
    paragraph([text(sourceNote(bilan))], 'note'),
  ];
}

function datesLabel(dates: string[]): string {
  if (dates.length === 0) return '';
  if (dates.length === 1) return frenchDate(dates[0]!);
  return `du ${frenchDate(dates[0]!)} au ${frenchDate(dates[dates.length - 1]!)}`;
}

function dayPhrase(dates: string[]): string {
  return dates.length === 1 ? `du ${frenchDate(dates[0]!)}` : datesLabel(dates);
}

/** Says which figure the participants column uses: reports must never hide it. */
function sourceNote(bilan: Bilan): string {
  const t = bilan.totals;
  const parts = [`total déclaré par la rencontre pour ${t.meetingsWithDeclaredTotal} sur ${t.secondLevelMeetings}`];
  if (t.meetingsCountedByCategories > 0) parts.push(`somme des catégories de participants pour ${t.meetingsCountedByCategories}`);
  if (t.meetingsWithoutFigure > 0) parts.push(`aucun effectif connu pour ${t.meetingsWithoutFigure} (compté 0)`);
  return `Source des effectifs : ${parts.join(' ; ')}. Chiffres calculés depuis le catalogue des rencontres.`;
}
