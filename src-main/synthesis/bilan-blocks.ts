/** The Bilan des rencontres as tables, worded like seed 004 ("Nombre de rencontres ZAP / ECLORE"). */
import type { Bilan } from '../contract/schemas/reports.ts';
import { frenchDate, frenchNumber as n } from '../text/french.ts';
import { type Block, paragraph, text } from './model.ts';
import { nationalBilanBlocks } from './national-blocks.ts';

export function bilanBlocks(bilan: Bilan): Block[] {
  // The whole country: région by région, then académie by académie (seed 002's restitution).
  if (bilan.regions) return nationalBilanBlocks(bilan);
  const kinds = [...new Set(bilan.rows.flatMap((r) => r.bassinKinds))];
  const bassinLabel = kinds.length > 0 ? kinds.join(' / ') : 'de bassin';
  const byAcademie = bilan.rowKind === 'academie';
  const place = byAcademie ? 'Académie' : 'Département';
  const day = datesLabel(bilan.secondLevelDates);
  const level = (r: Bilan['rows'][number]) =>
    r.secondLevelMeetings === 0 ? '—' : r.academiqueLevel ? 'académique' : 'départemental';
  const etablissements: Block[] =
    bilan.totals.etablissementMeetings === 0
      ? []
      : [
          {
            kind: 'table',
            caption: 'Rencontres en établissement',
            header: [place, 'Rencontres', 'Participants'],
            rows: bilan.rows.map((r) => [r.name, n(r.etablissementMeetings), n(r.etablissementParticipants)]),
            total: ['Total', n(bilan.totals.etablissementMeetings), n(bilan.totals.etablissementParticipants)],
          },
        ];
  // A consultation held only in établissements (2015) has no bassin or second level to report.
  if (etablissements.length > 0 && bilan.totals.bassinMeetings + bilan.totals.secondLevelMeetings === 0) {
    return [...etablissements, paragraph([text(etablissementNote(bilan.totals.etablissementMeetings))], 'note')];
  }
  return [
    ...etablissements,
    {
      kind: 'table',
      caption: `Nombre de rencontres ${bassinLabel} (premier niveau, dans les bassins)`,
      header: [place, 'Réseaux', 'Rencontres'],
      // An académie-wide concertation is no bassin: its row has no place here.
      rows: bilan.rows.filter((r) => !isAcademieWide(r) || r.bassinMeetings > 0).map((r) => [r.name, r.bassinKinds.join(' / ') || '—', n(r.bassinMeetings)]),
      total: ['Total', '', n(bilan.totals.bassinMeetings)],
    },
    {
      kind: 'table',
      caption: `Nombre de participants aux concertations de second niveau${day ? ` (${day})` : ''}`,
      header: byAcademie
        ? [place, 'Concertations', 'Niveau', 'Départements', 'Participants']
        : [place, 'Concertations', 'Niveau', 'Participants'],
      rows: secondLevelRows(bilan).map((r) =>
        byAcademie
          ? [r.name, n(r.secondLevelMeetings), level(r), r.departements > 0 ? n(r.departements) : '—', n(r.participants)]
          : [r.name, n(r.secondLevelMeetings), level(r), n(r.participants)],
      ),
      total: byAcademie
        ? ['Total', n(bilan.totals.secondLevelMeetings), '', n(bilan.totals.departements), n(bilan.totals.participants)]
        : ['Total', n(bilan.totals.secondLevelMeetings), '', n(bilan.totals.participants)],
    },
    totalSentence(bilan),
    ...regionalSentence(bilan),
    ...(bilan.totals.secondLevelMeetings > 0 ? [paragraph([text(sourceNote(bilan))], 'note')] : []),
  ];
}

function isAcademieWide(row: Bilan['rows'][number]): boolean {
  return row.code === '';
}

/**
 * Where one concertation served the whole académie, the départements without their own are not
 * listed at 0 (which would read "nobody came from Corrèze"): the académie-wide row stands for them.
 */
function secondLevelRows(bilan: Bilan): Bilan['rows'] {
  const wide = bilan.rows.some((r) => isAcademieWide(r) && r.secondLevelMeetings > 0);
  // Where départements also met on their own, one at 0 has simply not reported yet: it stays listed.
  const ownConcertations = bilan.rows.some((r) => !isAcademieWide(r) && r.departements > 0);
  return wide && !ownConcertations ? bilan.rows.filter((r) => r.secondLevelMeetings > 0) : bilan.rows;
}

/** Région-wide meetings are not in the académies' tables: said apart, so no participant goes unmentioned. */
export function regionalSentence({ regional }: Bilan): Block[] {
  if (regional.meetings === 0) return [];
  const one = regional.meetings === 1;
  return [paragraph([text(
    `S’y ${one ? 'ajoute une rencontre régionale' : `ajoutent ${n(regional.meetings)} rencontres régionales`}, avec ${n(regional.participants)} participant${regional.participants > 1 ? 's' : ''}.`,
  )])];
}

/** Who came, where the meetings said it: the diversity of actors the consultations ask for. */
export function categoryBlocks(bilan: Bilan): Block[] {
  const total = bilan.categories.reduce((sum, c) => sum + c.participants, 0);
  const counted = bilan.totals.secondLevelMeetings + bilan.totals.etablissementMeetings;
  if (total === 0) {
    // Said rather than left out: the reader would otherwise look for the diversity of actors in vain.
    return counted === 0 ? [] : [paragraph([text('Aucune rencontre de ce périmètre n’a donné de répartition de ses participants par catégorie.')], 'note')];
  }
  const declared = bilan.totals.participants + bilan.totals.etablissementParticipants;
  // Every counted meeting broke its figure down, and still the two differ: say so rather than print two truths.
  const gap =
    bilan.meetingsWithCategories === counted && total !== declared
      ? ` Les catégories totalisent ${n(total)} participants, les effectifs retenus ${n(declared)} : certaines rencontres détaillent plus ou moins de participants qu’elles n’en déclarent (voir les vérifications).`
      : '';
  const shares = percentages(bilan.categories.map((c) => c.participants));
  return [
    {
      kind: 'table',
      caption: 'Diversité des participants (là où le détail par catégorie est connu)',
      header: ['Catégorie', 'Participants', 'Part'],
      rows: bilan.categories.map((c, i) => [c.label, n(c.participants), `${shares[i]}\u00A0%`]),
      total: ['Total', n(total), '100\u00A0%'],
    },
    paragraph(
      [text(`${detailSentence(bilan.meetingsWithCategories, counted)}${gap}`)],
      'note',
    ),
  ];
}

/** Whole percentages that add up to 100 (largest remainders), as the table's Total row says. */
export function percentages(values: number[]): number[] {
  const total = values.reduce((sum, v) => sum + v, 0);
  if (total === 0) return values.map(() => 0);
  const exact = values.map((v) => (100 * v) / total);
  const shares = exact.map(Math.floor);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const missing = 100 - shares.reduce((sum, v) => sum + v, 0);
  for (let k = 0; k < missing; k++) shares[order[k]!.i]!++;
  return shares;
}

/** "Détail par catégorie donné par 3 rencontres sur 9 ; …", "… donné par la rencontre", "… par chacune des 4 rencontres". */
function detailSentence(withCategories: number, counted: number): string {
  if (withCategories === counted) return counted === 1 ? 'Détail par catégorie donné par la rencontre.' : `Détail par catégorie donné par chacune des ${counted} rencontres.`;
  return `Détail par catégorie donné par ${withCategories} rencontre${withCategories > 1 ? 's' : ''} sur ${counted} ; les autres ne sont comptées que par leur total.`;
}

function etablissementNote(meetings: number): string {
  return `Participants : total déclaré par ${meetings === 1 ? 'l’établissement' : 'chaque établissement'}, à défaut somme des catégories de participants.`;
}

/** "Au total, 800 personnes ont été mobilisées en présentiel le 14 octobre 2020, dans 10 concertations." */
export function totalSentence(bilan: Bilan): Block {
  const { participants, secondLevelMeetings } = bilan.totals;
  if (secondLevelMeetings === 0) return paragraph([text('Aucune concertation de second niveau n’est encore enregistrée.')]);
  const plural = participants > 1;
  const presentiel = bilan.secondLevelFormats.length === 1 && bilan.secondLevelFormats[0] === 'presentiel' ? ' en présentiel' : '';
  const dates = bilan.secondLevelDates;
  const when = dates.length === 1 ? ` le ${frenchDate(dates[0]!)}` : dates.length > 1 ? ` ${datesLabel(dates)}` : '';
  const where = secondLevelMeetings === 1 ? 'une concertation de second niveau' : `${n(secondLevelMeetings)} concertations de second niveau`;
  // A département's figure that is its académie's: said, so that no one reads 50 Haute-Vienne people.
  const wide = bilan.scope.kind === 'departement' ? bilan.rows.filter(isAcademieWide).reduce((sum, r) => sum + r.secondLevelMeetings, 0) : 0;
  if (wide > 0 && wide === secondLevelMeetings) {
    const of = dates.length === 1 ? ` du ${frenchDate(dates[0]!)}` : dates.length > 1 ? ` (${datesLabel(dates)})` : '';
    return paragraph([
      text(`Le département a pris part ${wide === 1 ? 'à la concertation académique' : `aux ${n(wide)} concertations académiques`}${of}, qui ${wide === 1 ? 'a' : 'ont'} réuni `),
      text(`${n(participants)} personne${plural ? 's' : ''}`, { bold: true }),
      text(` pour toute l’académie${presentiel ? ', en présentiel' : ''}.`),
    ]);
  }
  const shared =
    wide === 0
      ? ''
      : `, dont ${wide === 1 ? 'une concertation académique commune' : `${n(wide)} concertations académiques communes`} à tous les départements de l’académie`;
  return paragraph([
    text('Au total, '),
    text(`${n(participants)} personne${plural ? 's' : ''}`, { bold: true }),
    text(` ${plural ? 'ont été mobilisées' : 'a été mobilisée'}${presentiel}${when}, dans ${where}${shared}.`),
  ]);
}

export function datesLabel(dates: string[]): string {
  if (dates.length === 0) return '';
  if (dates.length === 1) return frenchDate(dates[0]!);
  return `du ${frenchDate(dates[0]!)} au ${frenchDate(dates[dates.length - 1]!)}`;
}

/** Says which figure the participants column uses: reports must never hide it. */
export function sourceNote(bilan: Bilan): string {
  const t = bilan.totals;
  if (t.meetingsWithDeclaredTotal === t.secondLevelMeetings) {
    return `Effectifs : total déclaré par ${t.secondLevelMeetings === 1 ? 'la concertation' : `chacune des ${t.secondLevelMeetings} concertations`}.`;
  }
  const parts = [`total déclaré pour ${t.meetingsWithDeclaredTotal} concertation${t.meetingsWithDeclaredTotal > 1 ? 's' : ''}`];
  if (t.meetingsCountedByCategories > 0) parts.push(`somme des catégories de participants pour ${t.meetingsCountedByCategories}`);
  if (t.meetingsWithoutFigure > 0) parts.push(`aucun effectif connu pour ${t.meetingsWithoutFigure} (comptée${t.meetingsWithoutFigure > 1 ? 's' : ''} 0)`);
  return `Effectifs : ${parts.join(' ; ')}.`;
}
