/**
 * Gathers the sheets of the Bilan workbook from the catalogue, for one scope. The Bilan's own sheets are
 * small tables; the records' sheets (meetings, ateliers, retex, contributions, bassins, établissements) are
 * streamed from one statement each (bilan-rows.repo.ts) while the workbook is written, each row made
 * a sheet's row as it comes, so that a national catalogue's 300 000 contributions never sit in memory.
 */
import type { Catalogue } from '../catalogue/database.ts';
import { atelierRows, bassinRows, contributionRows, etablissementRows, meetingRows, retexRows, type StreamedRows } from '../catalogue/repos/bilan-rows.repo.ts';
import { figuresByLevel } from '../catalogue/repos/stats.repo.ts';
import { academieNames, listBassins } from '../catalogue/repos/territory.repo.ts';
import { CONTRIBUTION_KIND_LABELS, MEETING_LEVEL_LABELS, type MeetingLevel, PARTICIPANT_CATEGORIES } from '../contract/domain.ts';
import type { Campaign } from '../contract/schemas/campaign.ts';
import type { Bilan, ScopeRef } from '../contract/schemas/reports.ts';
import type { CellValue, TableSheet } from '../spreadsheets/bilan-workbook.xlsx.ts';
import { type ResolvedScope, resolveScope } from './scope.ts';
import { computeBilan } from './stats.service.ts';

const FORMAT_LABELS = { presentiel: 'présentiel', distanciel: 'distanciel', hybride: 'hybride' } as const;
const SCALE_LABELS = { national: 'national', academique: 'académique', etablissement: 'établissement' } as const;
const ETABLISSEMENT_TYPE_LABELS = {
  ecole: 'école', college: 'collège', lycee: 'lycée', lycee_professionnel: 'lycée professionnel', cite_scolaire: 'cité scolaire', autre: 'autre',
} as const;

/** Each streamed row made a sheet's row (in place: each raw row is the statement's own new array). */
function mapped(rows: StreamedRows, row: (raw: unknown[]) => CellValue[]): Iterable<CellValue[]> {
  return {
    *[Symbol.iterator]() {
      for (const raw of rows) yield row(raw);
    },
  };
}

const count = (header: string, width = 12) => ({ header, width, kind: 'count' as const });
const textCol = (header: string, width = 24) => ({ header, width, kind: 'text' as const });

const FIGURE_COLUMNS = [count('Rencontres de bassin'), count('Concertations de second niveau', 16), count('Départements'), count('Participants (second niveau)', 16), count('Rencontres d’établissement', 16), count('Participants (établissements)', 16)];
const figures = (r: Bilan['totals']): CellValue[] => [r.bassinMeetings, r.secondLevelMeetings, r.departements, r.participants, r.etablissementMeetings, r.etablissementParticipants];

export function bilanSheets(db: Catalogue, campaign: Campaign, ref: ScopeRef): TableSheet[] {
  const scope = resolveScope(db, ref);
  const bilan = computeBilan(db, campaign.id, ref);
  const sheets: TableSheet[] = [];
  const byAcademie = scope.kind === 'region' || scope.kind === 'national';
  const academieCodes = byAcademie ? bilan.rows.map((r) => r.code) : [scope.academieCode!];
  if (bilan.regions) {
    sheets.push({
      name: 'Bilan par région académique',
      columns: [textCol('Région académique', 26), count('Académies'), ...FIGURE_COLUMNS],
      rows: bilan.regions.map((r) => [r.name, r.academies.length, ...figures(r.totals)]),
      totalColumns: [1, 2, 3, 4, 5, 6, 7],
    });
  }
  if (byAcademie) {
    // The national Bilan says each académie's région académique: the workbook's filter can then pick one.
    const region = new Map((bilan.regions ?? []).flatMap((r) => r.academies.map((code) => [code, r.name] as const)));
    const first = bilan.regions ? [textCol('Région académique', 26)] : [];
    sheets.push({
      name: 'Bilan par académie',
      columns: [...first, textCol('Académie', 20), ...FIGURE_COLUMNS],
      rows: bilan.rows.map((r) => [...(bilan.regions ? [region.get(r.code) ?? null] : []), r.name, ...figures(r)]),
      totalColumns: [1, 2, 3, 4, 5, 6].map((i) => i + first.length),
    });
  }
  // A département's own Bilan (with the académie-wide concertation that was its second level), else each académie's.
  // Each académie is read within its own région (the national workbook's are in every région).
  const regionOf = new Map((bilan.regions ?? []).flatMap((r) => r.academies.map((code) => [code, r.code] as const)));
  const perDepartement =
    scope.kind === 'departement' ? [bilan] : academieCodes.map((code) => computeBilan(db, campaign.id, `academie:${code}`, regionOf.get(code)));
  const departementRows = perDepartement.flatMap((b) =>
    b.rows.map((r) => [scope.academieName ?? b.scope.name, r.code || '—', r.name, r.bassinMeetings, r.secondLevelMeetings, r.participants, r.etablissementMeetings, r.etablissementParticipants]),
  );
  sheets.push({
    name: 'Bilan par département',
    columns: [textCol('Académie', 18), textCol('Code', 8), textCol('Département', 24), count('Rencontres de bassin'), count('Concertations de second niveau', 16), count('Participants (second niveau)', 16), count('Rencontres d’établissement', 16), count('Participants (établissements)', 16)],
    rows: departementRows,
    totalColumns: [3, 4, 5, 6, 7],
  });
  sheets.push({
    name: 'Bilan par niveau',
    columns: [textCol('Niveau', 18), count('Rencontres'), count('Participants', 14), count('Rencontres sans effectif', 14)],
    rows: figuresByLevel(db, campaign.id, scope.stats).map((l) => [MEETING_LEVEL_LABELS[l.level as MeetingLevel], l.meetings, l.participants, l.without_figure]),
    totalColumns: [1, 2, 3],
  });
  sheets.push({
    name: 'Bilan par catégorie',
    // The same meetings as the Bilan's categories table: second level and établissements, not the bassins.
    columns: [textCol('Catégorie de participants', 40), count('Participants (second niveau et établissements)', 22)],
    // Said in the sheet when no meeting of the scope broke its participants down: an empty table reads as a fault.
    ...(bilan.categories.length > 0
      ? { rows: bilan.categories.map((c) => [c.label, c.participants]), totalColumns: [1] }
      : { rows: [['Aucune rencontre de ce périmètre n’a donné de répartition de ses participants par catégorie.', null]] }),
  });
  return [...sheets, ...recordSheets(db, campaign, scope)];
}

/** One sheet per kind of record, for those who want to work in Excel: streamed from the catalogue as the workbook is written. */
function recordSheets(db: Catalogue, campaign: Campaign, scope: ResolvedScope): TableSheet[] {
  const thematique = new Map(campaign.thematiques.map((t) => [t.id, t.number]));
  const plain = (text: string) => (text.includes('**') ? text.replace(/\*\*/g, '') : text);
  const territory = scope.kind === 'academie' ? { academieCode: scope.code } : scope.kind === 'departement' ? { departementCode: scope.code } : {};
  const categoryStart = 11;
  const categories = PARTICIPANT_CATEGORIES.length;
  const meetings = function* (): Generator<CellValue[]> {
    // Names looked up once per sheet, not once per meeting: the académies and bassins (6 000 for the country).
    const academieName = new Map(academieNames(db).map((a) => [a.code, a.nom]));
    const bassins = new Map(listBassins(db, {}).map((b) => [b.id, b.nom]));
    for (const r of meetingRows(db, campaign.id, scope.stats)) {
      const [id, level, title, date, lieu, format, academieCode, departementCode, bassinId, uai, thematiqueIds] = r as [
        number, MeetingLevel, string, string, string, keyof typeof FORMAT_LABELS, string | null, string | null, number | null, string | null, string | null,
      ];
      const declared = r[categoryStart + categories] as number | null;
      const categorySum = r[categoryStart + categories + 1] as number | null;
      yield [
        id, MEETING_LEVEL_LABELS[level], title, date, lieu, FORMAT_LABELS[format],
        academieCode ? (academieName.get(academieCode) ?? academieCode) : null, departementCode,
        bassinId !== null ? (bassins.get(bassinId) ?? null) : null, uai,
        thematiqueIds === null ? '' : thematiqueIds.split(',').map((t) => thematique.get(Number(t))).join(', '),
        ...(r.slice(categoryStart, categoryStart + categories) as (number | null)[]),
        declared, declared ?? categorySum,
        declared !== null ? 'total déclaré' : categorySum !== null ? 'somme des catégories' : 'inconnu',
        r[categoryStart + categories + 2] === 1 ? 'oui' : 'non',
      ];
    }
  };
  return [
    {
      name: 'Rencontres',
      columns: [count('Référence', 10), textCol('Niveau', 14), textCol('Intitulé', 40), { header: 'Date', width: 12, kind: 'date' }, textCol('Lieu', 30), textCol('Format', 12), textCol('Académie', 16), textCol('Département', 12), textCol('Bassin / réseau', 24), textCol('UAI', 10), textCol('Thématiques', 12), ...PARTICIPANT_CATEGORIES.map((c) => count(c.label, 11)), count('Total déclaré'), count('Participants retenus'), textCol('Source de l’effectif', 18), textCol('Restitution reçue', 11)],
      rows: { [Symbol.iterator]: meetings },
      totalColumns: [...PARTICIPANT_CATEGORIES.map((_, i) => categoryStart + i), categoryStart + categories, categoryStart + categories + 1],
    },
    {
      name: 'Ateliers',
      columns: [count('Rencontre (référence)', 12), textCol('Rencontre', 40), count('Thématique', 10), textCol('Défi', 60), count('Participants')],
      rows: mapped(atelierRows(db, campaign.id, scope.stats), (r) => {
        r[2] = thematique.get(r[2] as number) ?? null;
        return r as CellValue[];
      }),
    },
    {
      name: 'Retex',
      columns: [count('Référence', 10), count('Thématique', 10), textCol('Titre', 36), textCol('Texte', 60), textCol('Niveau', 14), textCol('Classes', 16), textCol('UAI', 10), count('Rencontre source', 12), textCol('Sélectionné', 10), count('Ordre', 8), textCol('Liens', 60)],
      rows: mapped(retexRows(db, campaign.id, scope.stats), (r) => {
        r[1] = thematique.get(r[1] as number) ?? null;
        r[3] = plain(r[3] as string);
        r[8] = r[8] === 1 ? 'oui' : 'non';
        return r as CellValue[];
      }),
    },
    {
      name: 'Contributions',
      columns: [count('Référence', 10), count('Thématique', 10), textCol('Type', 18), textCol('Texte', 70), textCol('Titre de groupe', 20), textCol('Échelle', 14), textCol('Sélectionnée', 10), count('Ordre', 8), textCol('Rencontres sources', 16)],
      rows: mapped(contributionRows(db, campaign.id, scope.stats), (r) => {
        r[1] = thematique.get(r[1] as number) ?? null;
        r[2] = CONTRIBUTION_KIND_LABELS[r[2] as keyof typeof CONTRIBUTION_KIND_LABELS];
        r[3] = plain(r[3] as string);
        r[5] = r[5] ? SCALE_LABELS[r[5] as keyof typeof SCALE_LABELS] : null;
        r[6] = r[6] === 1 ? 'oui' : 'non';
        return r as CellValue[];
      }),
    },
    {
      name: 'Thématiques',
      columns: [count('Numéro', 8), textCol('Titre', 60), textCol('Sujets', 80)],
      rows: campaign.thematiques.map((t) => [t.number, t.title, t.sujets.join(' ; ')]),
    },
    {
      name: 'Bassins',
      columns: [count('Référence', 10), textCol('Département', 12), textCol('Type', 10), textCol('Nom', 36)],
      rows: bassinRows(db, territory) as Iterable<CellValue[]>,
    },
    {
      name: 'Établissements',
      columns: [textCol('UAI', 10), textCol('Nom', 40), textCol('Type', 16), textCol('Commune', 24), textCol('Département', 12)],
      rows: mapped(etablissementRows(db, territory), (r) => {
        r[2] = ETABLISSEMENT_TYPE_LABELS[r[2] as keyof typeof ETABLISSEMENT_TYPE_LABELS];
        return r as CellValue[];
      }),
    },
  ];
}
