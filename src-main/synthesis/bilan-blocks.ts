/** The Bilan des rencontres as tables, worded like seed 004 ("Nombre de rencontres ZAP / ECLORE"). */
import type { Bilan } from '../contract/schemas/reports.ts';
import { frenchNumber as n } from '../text/french.ts';
import { datesPhrase } from './figures.ts';
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
  const counts = bilan.categories.map((c) => c.participants);
  const shares = percentLabels(counts);
  return [
    {
      kind: 'table',
      caption: 'Diversité des participants (là où le détail par catégorie est connu)',
      header: ['Catégorie', 'Participants', 'Part'],
      rows: bilan.categories.map((c, i) => [c.label, n(c.participants), shares[i]!]),
      total: ['Total', n(total), '100\u00A0%'],
    },
    paragraph(
      [text(`${detailSentence(bilan.meetingsWithCategories, counted, bilan.totals.etablissementMeetings === 0 ? 'concertation' : 'rencontre')}${gap}${roundingNote(counts)}`)],
      'note',
    ),
  ];
}

/**
 * Whole percentages, rounded honestly: each share is its exact value rounded to the nearest (30 of 90 is 33 %,
 * never 34 % to make a total). Only where the parts make up the whole (`whole` is their sum) and these do not add
 * up to 100 may a share move, and only one exactly halfway between two whole numbers (largest remainders among
 * them): no share is ever further from its exact value than rounding allows.
 */
export function percentages(values: number[], whole = values.reduce((sum, v) => sum + v, 0)): number[] {
  if (!(whole > 0)) return values.map(() => 0);
  const exact = values.map((v) => (100 * v) / whole);
  // Halfway, compared in whole numbers where the values are (no 12.499999… from floating point).
  const halfway = values.map((v, i) => (Number.isInteger(v) && Number.isInteger(whole) ? (200 * v) % (2 * whole) === whole : exact[i]! % 1 === 0.5));
  const shares = exact.map((e, i) => (halfway[i] ? Math.floor(e) : Math.round(e)));
  const partsMakeWhole = values.reduce((sum, v) => sum + v, 0) === whole;
  if (!partsMakeWhole) return shares.map((s, i) => s + (halfway[i] ? 1 : 0));
  let missing = 100 - shares.reduce((sum, v) => sum + v, 0);
  for (let i = 0; i < shares.length && missing > 0; i++) {
    if (halfway[i]) [shares[i], missing] = [shares[i]! + 1, missing - 1];
  }
  return shares;
}

/**
 * The shares as printed: « 33 % »; a part that is not nothing never reads « 0 % » but « < 1 % », and a part
 * that is not everything never « 100 % » but « > 99 % » (non-breaking spaces, as French sets them).
 */
export function percentLabels(values: number[], whole = values.reduce((sum, v) => sum + v, 0)): string[] {
  const shares = percentages(values, whole);
  return shares.map((share, i) => {
    const value = values[i]!;
    if (share === 0 && value > 0) return '<\u00A01\u00A0%';
    if (share === 100 && value < whole) return '>\u00A099\u00A0%';
    return `${share}\u00A0%`;
  });
}

/** Said under a table whose rounded shares do not add up to its Total row's 100 %. */
export function roundingNote(values: number[]): string {
  const shown = percentages(values).reduce((sum, v) => sum + v, 0);
  return shown === 100 || values.every((v) => v === 0) ? '' : ` Parts arrondies à l’unité : leur somme fait ${shown}\u00A0% et non 100\u00A0%.`;
}

/**
 * "Détail par catégorie donné par 3 concertations sur 9 ; …", "… donné par la concertation", "… par chacune
 * des 4 rencontres": concertations when only second-level ones are counted, as the tables above name them.
 */
function detailSentence(withCategories: number, counted: number, noun: 'concertation' | 'rencontre'): string {
  if (withCategories === counted) return counted === 1 ? `Détail par catégorie donné par la ${noun}.` : `Détail par catégorie donné par chacune des ${counted} ${noun}s.`;
  return `Détail par catégorie donné par ${withCategories} ${noun}${withCategories > 1 ? 's' : ''} sur ${counted} ; les autres ne sont comptées que par leur total.`;
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
  const when = dates.length > 0 ? ` ${datesPhrase(dates, 'le')}` : '';
  const where = secondLevelMeetings === 1 ? 'une concertation de second niveau' : `${n(secondLevelMeetings)} concertations de second niveau`;
  // A département's figure that is its académie's: said, so that no one reads 50 Haute-Vienne people.
  const wide = bilan.scope.kind === 'departement' ? bilan.rows.filter(isAcademieWide).reduce((sum, r) => sum + r.secondLevelMeetings, 0) : 0;
  if (wide > 0 && wide === secondLevelMeetings) {
    const of = dates.length > 0 ? ` ${datesPhrase(dates, 'du')}` : '';
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

/** The days alone, for a caption: « 14 octobre 2020 », « 14 et 15 octobre 2020 » ('' when none). */
export function datesLabel(dates: string[]): string {
  return datesPhrase(dates, 'bare');
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
