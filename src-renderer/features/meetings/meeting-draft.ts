/**
 * The meeting form's state: what the inputs hold (texts, so that an empty count stays distinct from 0),
 * and how it becomes the contract's fields, a patch of what changed, or a copy to re-create.
 */
import {
  type CategoryCode, type MeetingFormat, type MeetingLevel, PARTICIPANT_CATEGORIES,
} from '../../../src-main/contract/domain.ts';
import type { OperationInput } from '../../../src-main/contract/operations.ts';
import type { Meeting } from '../../../src-main/contract/schemas/meeting.ts';

export interface AtelierDraft {
  /** Local key for React and for messages; not stored. */
  key: string;
  thematiqueId: number;
  defi: string;
  participants: string;
}

export interface MeetingDraft {
  title: string;
  date: string;
  lieu: string;
  format: MeetingFormat;
  level: MeetingLevel | '';
  academieCode: string;
  departementCode: string;
  /** A select's value: '' when none. */
  bassinId: string;
  etablissementUai: string;
  thematiqueIds: number[];
  declaredTotal: string;
  attendance: Partial<Record<CategoryCode, string>>;
  ateliers: AtelierDraft[];
  restitutionReceived: boolean;
  notes: string;
}

export type MeetingFields = Omit<OperationInput<'meetings.create'>, 'campaignId'>;
export type FieldKey = keyof MeetingDraft;

/** The level and the places are saved together: a place given replaces the whole place (see the service). */
export const PLACE_KEYS = ['level', 'academieCode', 'departementCode', 'bassinId', 'etablissementUai'] as const;

let atelierKeys = 0;
export function newAtelierKey(): string {
  atelierKeys += 1;
  return `atelier-${atelierKeys}`;
}

export function emptyDraft(): MeetingDraft {
  return {
    title: '', date: '', lieu: '', format: 'presentiel', level: '', academieCode: '', departementCode: '', bassinId: '',
    etablissementUai: '', thematiqueIds: [], declaredTotal: '', attendance: {}, ateliers: [], restitutionReceived: false,
    notes: '',
  };
}

export function draftOf(m: Meeting): MeetingDraft {
  const attendance: MeetingDraft['attendance'] = {};
  for (const [code, count] of Object.entries(m.attendance)) {
    if (typeof count === 'number') attendance[code as CategoryCode] = String(count);
  }
  return {
    title: m.title, date: m.date, lieu: m.lieu, format: m.format, level: m.level,
    academieCode: m.academieCode ?? '', departementCode: m.departementCode ?? '',
    bassinId: m.bassinId === null ? '' : String(m.bassinId), etablissementUai: m.etablissementUai ?? '',
    thematiqueIds: [...m.thematiqueIds], declaredTotal: m.declaredTotal === null ? '' : String(m.declaredTotal),
    attendance,
    ateliers: m.ateliers.map((a) => ({
      key: newAtelierKey(), thematiqueId: a.thematiqueId, defi: a.defi,
      participants: a.participants === null ? '' : String(a.participants),
    })),
    restitutionReceived: m.restitutionReceived, notes: m.notes,
  };
}

/** A count as typed: null when empty, undefined when it is not a whole number. */
export function parseCount(value: string): number | null | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (!/^\d{1,7}$/.test(trimmed) || Number(trimmed) > 1_000_000) return undefined;
  return Number(trimmed);
}

export const COUNT_PROBLEM = 'Nombre entier de 0 à 1 000 000 attendu, ou laissez vide.';

/** Where each typed count is not a number: "declaredTotal", "attendance.eleves", "ateliers.<key>". */
export function countProblems(d: MeetingDraft): Set<string> {
  const bad = new Set<string>();
  if (parseCount(d.declaredTotal) === undefined) bad.add('declaredTotal');
  for (const { code } of PARTICIPANT_CATEGORIES) {
    if (parseCount(d.attendance[code] ?? '') === undefined) bad.add(`attendance.${code}`);
  }
  for (const a of d.ateliers) if (parseCount(a.participants) === undefined) bad.add(`ateliers.${a.key}`);
  return bad;
}

/** Is the finest place the level needs chosen? */
export function placeComplete(d: MeetingDraft): boolean {
  switch (d.level) {
    case 'etablissement': return d.etablissementUai !== '';
    case 'bassin': return d.bassinId !== '';
    case 'departemental': return d.departementCode !== '';
    case 'academique': return d.academieCode !== '';
    case 'regional': return true;
    default: return false;
  }
}

/** What the level still needs, in French ("un bassin"), or null. */
export function missingPlace(d: MeetingDraft): string | null {
  if (placeComplete(d)) return null;
  switch (d.level) {
    case 'etablissement': return 'un établissement';
    case 'bassin': return 'un bassin';
    case 'departemental': return 'un département';
    case 'academique': return 'une académie';
    default: return 'un niveau';
  }
}

function orNull(value: string): string | null {
  return value === '' ? null : value;
}

/** The place sent for the level: the places finer than the level are left out (null). */
function placeFields(d: MeetingDraft) {
  const none = { academieCode: null, departementCode: null, bassinId: null, etablissementUai: null };
  const academieCode = orNull(d.academieCode);
  const departementCode = orNull(d.departementCode);
  switch (d.level) {
    case 'etablissement': return { ...none, academieCode, departementCode, etablissementUai: orNull(d.etablissementUai) };
    case 'bassin': return { ...none, academieCode, departementCode, bassinId: d.bassinId === '' ? null : Number(d.bassinId) };
    case 'departemental': return { ...none, academieCode, departementCode };
    case 'academique': return { ...none, academieCode };
    default: return none;
  }
}

/** The contract's fields; invalid counts become null (they are reported and never saved as such). */
export function fieldsOf(d: MeetingDraft): MeetingFields {
  const count = (v: string) => parseCount(v) ?? null;
  const attendance: MeetingFields['attendance'] = {};
  for (const { code } of PARTICIPANT_CATEGORIES) {
    const n = parseCount(d.attendance[code] ?? '');
    if (typeof n === 'number') attendance[code] = n;
  }
  return {
    title: d.title.trim(), date: d.date, lieu: d.lieu, format: d.format, level: (d.level || 'regional') as MeetingLevel,
    ...placeFields(d),
    thematiqueIds: [...d.thematiqueIds].sort((a, b) => a - b),
    declaredTotal: count(d.declaredTotal), attendance,
    ateliers: d.ateliers.map((a) => ({ thematiqueId: a.thematiqueId, defi: a.defi, participants: count(a.participants) })),
    restitutionReceived: d.restitutionReceived, notes: d.notes,
  };
}

/** The fields to re-create a deleted meeting from its copy. */
export function copyOf(m: Meeting): OperationInput<'meetings.create'> {
  return {
    campaignId: m.campaignId, level: m.level, title: m.title, date: m.date, lieu: m.lieu, format: m.format,
    academieCode: m.academieCode, departementCode: m.departementCode, bassinId: m.bassinId,
    etablissementUai: m.etablissementUai, thematiqueIds: m.thematiqueIds, declaredTotal: m.declaredTotal,
    attendance: m.attendance, ateliers: m.ateliers.map(({ thematiqueId, defi, participants }) => ({ thematiqueId, defi, participants })),
    restitutionReceived: m.restitutionReceived, notes: m.notes,
  };
}

/** Which contract fields a draft key feeds. */
function contractKeys(key: FieldKey): (keyof MeetingFields)[] {
  if ((PLACE_KEYS as readonly string[]).includes(key)) return [...PLACE_KEYS];
  return [key as keyof MeetingFields];
}

export interface Patch {
  patch: Partial<MeetingFields> | null;
  /** The place changed but the level's finest place is not chosen yet: nothing sent for it. */
  placePending: boolean;
}

/**
 * What to send for the given keys: only the fields that differ from the saved meeting; counts that are
 * not numbers hold their field back; the place only once it is complete for its level.
 */
export function patchFor(draft: MeetingDraft, saved: Meeting, keys: FieldKey[]): Patch {
  const now = fieldsOf(draft);
  const before = fieldsOf(draftOf(saved));
  const bad = countProblems(draft);
  const patch: Record<string, unknown> = {};
  let placePending = false;
  const wanted = new Set(keys.flatMap(contractKeys));
  for (const key of wanted) {
    if (JSON.stringify(now[key]) === JSON.stringify(before[key])) continue;
    // A blank intitulé or date is shown as missing next to its field, and the saved one kept.
    if ((key === 'title' || key === 'date') && now[key] === '') continue;
    if (key === 'declaredTotal' && bad.has('declaredTotal')) continue;
    if (key === 'attendance' && [...bad].some((b) => b.startsWith('attendance.'))) continue;
    if (key === 'ateliers' && [...bad].some((b) => b.startsWith('ateliers.'))) continue;
    if ((PLACE_KEYS as readonly string[]).includes(key) && !placeComplete(draft)) {
      placePending = true;
      continue;
    }
    patch[key] = now[key];
  }
  if (Object.keys(patch).some((k) => (PLACE_KEYS as readonly string[]).includes(k))) {
    for (const k of PLACE_KEYS) patch[k] = now[k];
  }
  return { patch: Object.keys(patch).length > 0 ? (patch as Partial<MeetingFields>) : null, placePending };
}

/** The sum of the categories typed, and how many were given. */
export function categorySum(d: MeetingDraft): { sum: number; given: number } {
  let sum = 0;
  let given = 0;
  for (const { code } of PARTICIPANT_CATEGORIES) {
    const n = parseCount(d.attendance[code] ?? '');
    if (typeof n === 'number') {
      sum += n;
      given += 1;
    }
  }
  return { sum, given };
}

/** The figure reports use, as the service computes it: the declared total, else the sum of the categories. */
export function participantsOf(d: MeetingDraft): { value: number | null; source: 'declare' | 'categories' | 'inconnu' } {
  const total = parseCount(d.declaredTotal);
  if (typeof total === 'number') return { value: total, source: 'declare' };
  const { sum, given } = categorySum(d);
  return given > 0 ? { value: sum, source: 'categories' } : { value: null, source: 'inconnu' };
}
