/**
 * The columns of the attendance sheet: what the fill-in template writes and what the import reads
 * back. Headers are matched whatever their case, accents, spacing or order, and by known aliases,
 * so that sheets people made themselves are understood too.
 */
import { PARTICIPANT_CATEGORIES, type CategoryCode } from '../contract/domain.ts';

export type AttendanceColumnKey =
  | 'reference' | 'academie' | 'departement' | 'niveau' | 'bassin' | 'etablissement' | 'intitule' | 'date' | 'lieu'
  | 'thematiques' | 'total' | 'restitution' | `categorie:${CategoryCode}`;

export interface AttendanceColumn {
  key: AttendanceColumnKey;
  /** The header the template writes. */
  header: string;
  /** Other headers people write for the same thing (compared once normalised). */
  aliases: string[];
  /** Column width in the template, in characters. */
  width: number;
}

/** Shortened and older names users give the categories. */
const CATEGORY_ALIASES: Record<CategoryCode, string[]> = {
  eleves: ['eleve', 'lyceens', 'collegiens'],
  parents: ['parent', "parents d'eleves", 'familles'],
  enseignants: ['enseignant', 'professeurs', 'profs'],
  personnels_direction: ['direction', 'chefs d etablissement', 'personnels de direction'],
  cadres: ['cadres', 'inspection', 'cadres de l education', 'inspecteurs'],
  autres_personnels: ['autres personnels', 'personnels'],
  elus_collectivites: ['elus', 'collectivites', 'elus et collectivites'],
  associations: ['association'],
  entreprises: ['entreprise'],
  chercheurs: ['universitaires', 'chercheurs', 'recherche'],
  autres: ['autre', 'divers'],
};

export const ATTENDANCE_COLUMNS: AttendanceColumn[] = [
  // Not "N°" or "id": in a sheet people made, those number its lines, and a line number taken for a
  // reference would overwrite another meeting.
  { key: 'reference', header: 'Référence', aliases: ['ref', 'ref.', 'identifiant', 'reference de la rencontre', 'reference rencontre'], width: 11 },
  { key: 'academie', header: 'Académie', aliases: ['academie (nom)', 'academie de rattachement'], width: 16 },
  { key: 'departement', header: 'Département', aliases: ['dept', 'dep', 'dep.', 'dpt', 'departement (code)', 'code departement', 'dsden'], width: 14 },
  { key: 'niveau', header: 'Niveau', aliases: ['niveau de la rencontre', 'type de rencontre', 'echelon'], width: 16 },
  { key: 'bassin', header: 'Bassin / réseau', aliases: ['bassin', 'reseau', 'zap', 'eclore', 'bassin ou reseau', 'zap / eclore'], width: 26 },
  { key: 'etablissement', header: 'Établissement (UAI)', aliases: ['uai', 'etablissement', 'rne', 'code uai'], width: 14 },
  { key: 'intitule', header: 'Intitulé', aliases: ['titre', 'nom de la rencontre', 'rencontre', 'libelle'], width: 40 },
  { key: 'date', header: 'Date', aliases: ['date de la rencontre', 'le', 'jour'], width: 12 },
  { key: 'lieu', header: 'Lieu', aliases: ['adresse', 'salle', 'lieu de la rencontre'], width: 30 },
  { key: 'thematiques', header: 'Thématiques (numéros)', aliases: ['thematiques', 'themes', 'thematique', 'theme', 'themes abordes', 'thematiques abordees'], width: 14 },
  ...PARTICIPANT_CATEGORIES.map((c) => ({
    key: `categorie:${c.code}` as const,
    header: c.label,
    aliases: CATEGORY_ALIASES[c.code],
    width: 11,
  })),
  { key: 'total', header: 'Total déclaré', aliases: ['total', 'nombre de participants', 'participants', 'nb participants', 'effectif', 'total participants'], width: 11 },
  { key: 'restitution', header: 'Restitution reçue', aliases: ['restitution', 'synthese recue', 'restitution recue (oui/non)'], width: 11 },
];

/** "  Élèves " → "eleves"; "Bassin/Réseau" → "bassin / reseau": the form headers are compared in. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, ' ')
    .replace(/\s*\/\s*/g, ' / ')
    .replace(/[\s_]+/g, ' ')
    .replace(/\s*:\s*$/, '')
    .trim();
}

const BY_NORMALISED = new Map<string, AttendanceColumnKey>(
  ATTENDANCE_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [normaliseHeader(h), c.key] as const)),
);

/** The column a header stands for, or null for a column the import ignores (and reports). */
export function columnForHeader(header: string): AttendanceColumnKey | null {
  return BY_NORMALISED.get(normaliseHeader(header)) ?? null;
}

const OFFICIAL = new Map(ATTENDANCE_COLUMNS.map((c) => [c.key, normaliseHeader(c.header)]));

/** Is this the template's own header for the key (not one of its aliases)? */
export function isOfficialHeader(key: AttendanceColumnKey, header: string): boolean {
  return OFFICIAL.get(key) === normaliseHeader(header);
}
