/**
 * One sheet row → one meeting draft, or the problems that stop it, each located by row and column
 * and worded in French. Blank cells mean "not given": an update keeps what the catalogue had.
 */
import { type CategoryCode, type MeetingLevel, PARTICIPANT_CATEGORIES } from '../contract/domain.ts';
import type { Campaign } from '../contract/schemas/campaign.ts';
import { frenchDate, frenchNumber } from '../text/french.ts';
import { ATTENDANCE_COLUMNS, type AttendanceColumnKey } from './attendance-columns.ts';
import { parseCount, parseDate, parseLevel, parseText, parseThematiques, parseYesNo } from './parse-cells.ts';
import type { RawCell, RawRow } from './read-sheet.ts';
import type { TerritoryLookup } from './territory-lookup.ts';

export interface RowProblem {
  row: number;
  /** Column letter ("F"), or null when the problem is the row as a whole. */
  column: string | null;
  field: string;
  message: string;
}

/** What a row says, as a patch: only the fields the row gives. */
export interface RowData {
  row: number;
  reference: number | null;
  /** Null only on a row that names its meeting by reference and leaves the level blank. */
  level: MeetingLevel | null;
  /** True when the sheet's Niveau column says it (not guessed from the place). */
  levelGiven: boolean;
  date: string;
  academieCode: string | null;
  departementCode: string | null;
  bassinId: number | null;
  etablissementUai: string | null;
  /** Where the meeting sits, for recognising it again: level, date and place. */
  naturalKey: string;
  /** The place as the row names it, for a title when the row gives none. */
  placeLabel: string;
  title: string | null;
  lieu: string | null;
  thematiqueIds: number[] | null;
  attendance: Partial<Record<CategoryCode, number>> | null;
  declaredTotal: number | null;
  restitutionReceived: boolean | null;
}

const LABEL = new Map(ATTENDANCE_COLUMNS.map((c) => [c.key, c.header]));

type Parse<T> = (v: RawCell['value']) => { ok: true; value: T } | { ok: false; message: string };

/** Texts parsed, per parser, at most this many kept: then forgotten, and parsed again. */
const MEMO_MAX = 10_000;

/**
 * A pure parser, its outcome kept for each text: a sheet repeats the same few dates, levels and counts
 * thousands of times. The outcomes are shared: nothing downstream modifies them.
 */
function memoised<T>(parse: Parse<T>): Parse<T> {
  const known = new Map<string, ReturnType<Parse<T>>>();
  return (value) => {
    if (typeof value !== 'string') return parse(value);
    let outcome = known.get(value);
    if (outcome === undefined) {
      if (known.size >= MEMO_MAX) known.clear();
      known.set(value, (outcome = parse(value)));
    }
    return outcome;
  };
}

const readLevel = memoised(parseLevel);
const readDateCell = memoised(parseDate);
const readCount = memoised(parseCount);
const readThematiqueNumbers = memoised((value) => parseThematiques(value));
const readYesNo = memoised(parseYesNo);

/** A leading apostrophe before = + - @ is how our exports neutralise formulas: read the text back without it. */
const NEUTRALISED = /^'[=+\-@\t\r]/;
const unneutralised = (v: RawCell['value']) => (typeof v === 'string' && v.charCodeAt(0) === 39 && NEUTRALISED.test(v) ? v.slice(1) : v);

/**
 * One row's cells, read through the parsers; every refusal lands in `problems`, located by column (the
 * sheet's column for a key, from `columns`, when the cell itself is empty). A class, not closures: a
 * sheet makes one per row.
 */
class RowReader {
  readonly problems: RowProblem[] = [];

  constructor(
    private readonly raw: RawRow,
    private readonly columns: ReadonlyMap<AttendanceColumnKey, string>,
  ) {
    // A cell the reader could not read refuses its row, never read as a blank.
    for (const key in raw.cells) {
      const c = raw.cells[key as AttendanceColumnKey];
      if (c?.unreadable !== undefined) this.fail(key as AttendanceColumnKey, c.unreadable);
    }
  }

  /** A filled cell, or one that could not be read (it is there, but has no value to parse). */
  cell(key: AttendanceColumnKey): RawCell | undefined {
    const c = this.raw.cells[key];
    return c && (c.unreadable !== undefined || (c.value !== null && c.value !== '')) ? c : undefined;
  }

  fail(key: AttendanceColumnKey | null, message: string): void {
    this.problems.push({
      row: this.raw.row, column: key ? (this.raw.cells[key]?.column ?? this.columns.get(key) ?? null) : null, field: key ? LABEL.get(key)! : 'ligne', message,
    });
  }

  read<T>(key: AttendanceColumnKey, parse: Parse<T>): T | null {
    const c = this.cell(key);
    if (!c || c.unreadable !== undefined) return null;
    return this.outcome(key, parse(c.value));
  }

  text(key: AttendanceColumnKey, max: number): string | null {
    const c = this.cell(key);
    if (!c || c.unreadable !== undefined) return null;
    return this.outcome(key, readableText(unneutralised(c.value), max));
  }

  private outcome<T>(key: AttendanceColumnKey, result: ReturnType<Parse<T>>): T | null {
    if (result.ok) return result.value;
    this.fail(key, result.message);
    return null;
  }
}

const rowReader = (raw: RawRow, columns: ReadonlyMap<AttendanceColumnKey, string>) => new RowReader(raw, columns);

export function parseRow(
  raw: RawRow, campaign: Campaign, lookup: TerritoryLookup, columns: ReadonlyMap<AttendanceColumnKey, string> = new Map(),
): { data: RowData | null; problems: RowProblem[] } {
  const r = rowReader(raw, columns);
  const reference = r.read('reference', parseReference);
  const where = readPlace(r, lookup);
  const givenLevel = r.read('niveau', readLevel);
  const level =
    givenLevel ??
    (where.etablissementUai ? 'etablissement' : where.bassinId !== null || where.bassinText ? 'bassin' : where.departementCode ? 'departemental' : where.academieCode ? 'academique' : null);
  if (!level && reference === null && !r.problems.some((p) => p.field !== 'ligne')) {
    r.fail(null, 'ni niveau, ni lieu (académie, département, bassin ou UAI) : impossible de situer la rencontre');
  }
  const date = readDate(r, campaign);
  const thematiqueIds = readThematiques(r, campaign);
  const { attendance, declaredTotal } = readCounts(r);
  // Read before deciding, so that their problems are reported with the others.
  const title = r.text('intitule', 300);
  const lieu = r.text('lieu', 300);
  const restitutionReceived = r.read('restitution', readYesNo);

  const place = where.etablissementUai ?? (where.bassinId !== null ? `b${where.bassinId}` : null) ?? where.departementCode ?? where.academieCode;
  if (reference === null && level && !place && r.problems.length === 0) {
    const where = { etablissement: 'etablissement', bassin: 'bassin', departemental: 'departement', academique: 'academie', regional: 'academie' } as const;
    r.fail(where[level], 'lieu manquant : indiquez le département, le bassin ou l’UAI de l’établissement (la colonne Lieu ne dit que la salle ou la ville)');
  }
  // A row with a reference names its meeting: its level and place may stay blank.
  if (r.problems.length > 0 || !date || (reference === null && (!level || !place))) {
    if (r.problems.length === 0) r.fail(null, 'ligne incomplète : la rencontre ne peut pas être située');
    return { data: null, problems: r.problems };
  }
  if (level === 'bassin' && where.bassinId === null) r.fail('bassin', 'une rencontre de bassin doit nommer son bassin');
  if (level === 'etablissement' && !where.etablissementUai) r.fail('etablissement', 'une rencontre d’établissement doit donner l’UAI');
  if (r.problems.length > 0) return { data: null, problems: r.problems };
  return {
    data: {
      row: raw.row, reference, level, levelGiven: givenLevel !== null, date, academieCode: where.academieCode, departementCode: where.departementCode,
      bassinId: where.bassinId, etablissementUai: where.etablissementUai,
      naturalKey: `${level}|${date}|${place}`,
      placeLabel: where.bassinText ?? where.uaiText ?? (where.departementCode ? lookup.departementName(where.departementCode) : null) ?? where.academieText ?? place ?? '',
      title, lieu, thematiqueIds, attendance, declaredTotal, restitutionReceived,
    },
    problems: r.problems,
  };
}

/** Académie, département, bassin and établissement as typed, found in the territory, and checked against each other. */
function readPlace(r: RowReader, lookup: TerritoryLookup) {
  const academieText = r.text('academie', 100);
  const departementText = r.text('departement', 100);
  const bassinText = r.text('bassin', 200);
  const uaiText = r.text('etablissement', 20);
  let academieCode = academieText ? lookup.academie(academieText) : null;
  if (academieText && !academieCode) r.fail('academie', `académie inconnue : « ${academieText} »`);
  const departement = departementText ? lookup.departement(departementText) : null;
  if (departementText && !departement) r.fail('departement', `département inconnu : « ${departementText} » (code ou nom attendu, ex. 33 ou Gironde)`);
  if (departement && academieCode && departement.academieCode !== academieCode) {
    r.fail('departement', `le département ${departement.code} n’est pas dans l’académie indiquée`);
  }
  academieCode ??= departement?.academieCode ?? null;
  let bassinId: number | null = null;
  let departementCode = departement?.code ?? null;
  if (bassinText) {
    const found = lookup.bassin(bassinText, departementCode, academieCode);
    if (found === 'ambigu') r.fail('bassin', `plusieurs bassins s’appellent « ${bassinText} » : précisez le département`);
    else if (!found) {
      const known = lookup.bassinNames(departementCode, academieCode).slice(0, 8).join(', ');
      r.fail('bassin', `bassin inconnu : « ${bassinText} »${known ? ` (connus : ${known}…)` : ''}`);
    } else {
      bassinId = found.id;
      departementCode ??= found.departementCode;
    }
  }
  let etablissementUai: string | null = null;
  if (uaiText) {
    const etab = lookup.etablissement(uaiText);
    if (!etab) r.fail('etablissement', `établissement inconnu : « ${uaiText} » (ajoutez-le d’abord au catalogue)`);
    else etablissementUai = etab.uai;
  }
  return { academieText, bassinText, uaiText, academieCode, departementCode, bassinId, etablissementUai };
}

function readDate(r: RowReader, campaign: Campaign): string | null {
  const date = r.read('date', readDateCell);
  if (!r.cell('date')) r.fail('date', 'date manquante');
  else if (date && (date < campaign.startDate || date > campaign.endDate)) {
    r.fail('date', `le ${frenchDate(date)} est en dehors de la consultation (du ${frenchDate(campaign.startDate)} au ${frenchDate(campaign.endDate)})`);
  }
  return date;
}

function readThematiques(r: RowReader, campaign: Campaign): number[] | null {
  const numbers = r.read('thematiques', readThematiqueNumbers);
  if (!numbers) return null;
  const unknown = numbers.filter((n) => !campaign.thematiques.some((t) => t.number === n));
  if (unknown.length > 0) {
    const s = unknown.length > 1 ? 's' : '';
    r.fail('thematiques', `thématique${s} inconnue${s} : ${unknown.join(', ')} (de 1 à ${campaign.thematiques.length})`);
    return null;
  }
  return numbers.map((n) => campaign.thematiques.find((t) => t.number === n)!.id);
}

const CATEGORY_KEYS = PARTICIPANT_CATEGORIES.map((c) => [c.code, `categorie:${c.code}`] as [CategoryCode, AttendanceColumnKey]);

function readCounts(r: RowReader): { attendance: RowData['attendance']; declaredTotal: number | null } {
  let attendance: RowData['attendance'] = null;
  const before = r.problems.length;
  for (const [code, key] of CATEGORY_KEYS) {
    const count = r.read(key, readCount);
    if (count !== null) (attendance ??= {})[code] = count;
  }
  // A refused count is left out of the sum: comparing what is left with the total would be a second, false problem.
  const countsRefused = r.problems.length > before;
  const declaredTotal = r.read('total', readCount);
  const sum = attendance ? Object.values(attendance).reduce((a, b) => a + (b ?? 0), 0) : 0;
  if (attendance && !countsRefused && declaredTotal !== null && sum > declaredTotal) {
    r.fail('total', `les catégories totalisent ${frenchNumber(sum)} participant${sum > 1 ? 's' : ''}, plus que le total déclaré (${frenchNumber(declaredTotal)})`);
  }
  return { attendance, declaredTotal };
}

/** A reference is the number the template wrote: anything else says so, not "a count of participants". */
const parseReference: Parse<number> = (value) => {
  const parsed = parseCount(value);
  return parsed.ok && parsed.value !== null && parsed.value > 0
    ? (parsed as { ok: true; value: number })
    : { ok: false, message: `référence illisible « ${String(value)} » : un numéro de rencontre est attendu ; laissez la case vide pour une nouvelle rencontre` };
};

/**
 * Text, refused when it holds U+FFFD: the mark a file saved in another encoding (Windows-1252 read as
 * UTF-8) leaves where its accents were. Imported as is, « �ducation » would reach the synthesis.
 */
function readableText(value: RawCell['value'], max: number): ReturnType<typeof parseText> {
  const parsed = parseText(value, max);
  if (parsed.ok && parsed.value !== null && parsed.value.includes('\uFFFD')) {
    return { ok: false, message: `« ${parsed.value} » : caractères illisibles (les accents d’un fichier enregistré dans un autre encodage) ; enregistrez-le en UTF-8, ou au format Excel (.xlsx)` };
  }
  return parsed;
}

/** The title a row without one gets: what and where, as the users name them. */
const DEFAULT_TITLES: Record<MeetingLevel, string> = {
  etablissement: 'Rencontre d’établissement',
  bassin: 'Rencontre de bassin',
  departemental: 'Concertation départementale',
  academique: 'Concertation académique',
  regional: 'Rencontre régionale',
};

/** "une concertation départementale": what a meeting of that level is, in a sentence. */
export function levelPhrase(level: MeetingLevel): string {
  return `une ${DEFAULT_TITLES[level].toLowerCase()}`;
}

export function defaultTitle(data: RowData & { level: MeetingLevel }): string {
  return `${DEFAULT_TITLES[data.level]} — ${data.placeLabel}`;
}
