/**
 * Import of an attendance sheet. The whole file runs in ONE transaction; each row in a savepoint,
 * so a row the catalogue refuses is reported without undoing the others. A preview, or a file with
 * refused rows that the user has not accepted, is rolled back entirely: the catalogue is as before.
 */
import { getCampaign } from '../catalogue/repos/campaign.repo.ts';
import { queryMeetings } from '../catalogue/repos/meeting.repo.ts';
import { AppError } from '../contract/errors.ts';
import type { Campaign } from '../contract/schemas/campaign.ts';
import type { Meeting } from '../contract/schemas/meeting.ts';
import type { ImportReport } from '../contract/schemas/spreadsheets.ts';
import { defaultTitle, levelPhrase, parseRow, type RowData, type RowProblem } from '../spreadsheets/attendance-rows.ts';
import { readAttendanceSheet, type SheetInput } from '../spreadsheets/read-sheet.ts';
import { territoryLookup } from '../spreadsheets/territory-lookup.ts';
import { MEETING_LEVEL_LABELS } from '../contract/domain.ts';
import type { ServiceContext } from './context.ts';
import { createMeeting, type MeetingDraft, updateMeeting } from './meetings.service.ts';
import { found } from './require.ts';

/** Thrown inside the transaction to roll it back on purpose. */
class RollBack extends Error {}

const REPORTED_ROWS = 2_000;
const REPORTED_PROBLEMS = 1_000;

export async function importAttendance(
  ctx: ServiceContext,
  campaignId: number,
  input: SheetInput,
  mode: { write: boolean; acceptPartial: boolean },
): Promise<ImportReport> {
  const { db } = ctx;
  const campaign = found(getCampaign(db, campaignId), 'Consultation');
  const sheet = await readAttendanceSheet(input, {
    onProgress: (rows) => ctx.onProgress?.({ operation: 'spreadsheets.import', done: rows, total: 0, message: `${rows} lignes lues` }),
  });
  const lookup = territoryLookup(db);
  const existing = queryMeetings(db, { campaignId });
  const byId = new Map(existing.map((m) => [m.id, m]));
  const byPlace = new Map<string, Meeting[]>();
  for (const m of existing) byPlace.set(naturalKey(m), [...(byPlace.get(naturalKey(m)) ?? []), m]);
  const problems: RowProblem[] = [];
  const rows: ImportReport['rows'] = [];
  const seen = new Map<string, number>();
  /** Which row of this file wrote each meeting: two rows naming one meeting would overwrite each other. */
  const claimed = new Map<number, number>();
  /** The categories the sheet has a column for: a blank cell there clears the count; others are kept. */
  const columnOf = new Map(sheet.columns.map((c) => [c.key, c.column]));
  const sheetCategories = new Set(sheet.columns.flatMap((c) => (c.key.startsWith('categorie:') ? [c.key.slice('categorie:'.length)] : [])));
  const counts = { added: 0, updated: 0, unchanged: 0, refused: 0 };
  const refuse = (row: number, title: string, found: RowProblem[]) => {
    problems.push(...found);
    counts.refused++;
    rows.push({ row, action: 'refusee', meetingId: null, title });
  };

  let applied = false;
  try {
    db.transaction(() => {
      for (const [index, raw] of sheet.rows.entries()) {
        if (index % 500 === 0) {
          ctx.onProgress?.({ operation: 'spreadsheets.import', done: index, total: sheet.rows.length, message: `${index} lignes sur ${sheet.rows.length} traitées` });
        }
        const { data, problems: rowProblems } = parseRow(raw, campaign, lookup, columnOf);
        const label = String(raw.cells.intitule?.value ?? raw.cells.lieu?.value ?? `ligne ${raw.row}`);
        if (!data) {
          refuse(raw.row, label, rowProblems);
          continue;
        }
        const key = data.reference !== null ? `ref:${data.reference}` : `${data.naturalKey}|${fold(data.title ?? '')}`;
        const twin = seen.get(key);
        if (twin !== undefined) {
          refuse(raw.row, label, [{ row: raw.row, column: null, field: 'ligne', message: `ligne en double : même rencontre que la ligne ${twin}` }]);
          continue;
        }
        seen.set(key, raw.row);
        try {
          // A savepoint per row: a row the services refuse leaves the others in place.
          const outcome = db.transaction(() => applyRow(ctx, campaign, data, { byId, byPlace, claimed, sheetCategories }))();
          // Claimed once the row is in: a row refused by the services claims nothing.
          claimed.set(outcome.meeting.id, raw.row);
          counts[outcome.action === 'ajout' ? 'added' : outcome.action === 'mise-a-jour' ? 'updated' : 'unchanged']++;
          rows.push({ row: raw.row, action: outcome.action, meetingId: outcome.meeting.id, title: outcome.meeting.title });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          // What the services refuse about a reference belongs to the Référence column.
          const aboutReference = data.reference !== null && /référence/.test(error.message);
          refuse(raw.row, label, [{
            row: raw.row, column: aboutReference ? (columnOf.get('reference') ?? null) : null,
            field: aboutReference ? 'Référence' : 'ligne', message: error.message.replace(/\.$/, ''),
          }]);
        }
      }
      if (!mode.write || (counts.refused > 0 && !mode.acceptPartial)) throw new RollBack();
      applied = true;
    })();
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return {
    fileName: sheet.fileName,
    sheetName: sheet.sheetName,
    rowsRead: sheet.rows.length,
    ...counts,
    applied,
    ignoredColumns: sheet.ignoredColumns,
    problems: problems.slice(0, REPORTED_PROBLEMS),
    rows: rows.slice(0, REPORTED_ROWS),
  };
}

function naturalKey(m: Meeting): string {
  const place = m.etablissementUai ?? (m.bassinId !== null ? `b${m.bassinId}` : null) ?? m.departementCode ?? m.academieCode;
  return `${m.level}|${m.date}|${place}`;
}

const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The meeting a row names: by its reference, which must agree with the row's place; else by level,
 * date and place, and by title when the row gives one (two ateliers of one bassin on one day are
 * two meetings). Never a guess: several candidates and no title is a refusal.
 */
function meetingOfRow(data: RowData, byId: Map<number, Meeting>, byPlace: Map<string, Meeting[]>, claimed: Map<number, number>): Meeting | undefined {
  if (data.reference !== null) {
    const meeting = byId.get(data.reference);
    if (!meeting) {
      throw new AppError('CONFLICT', `référence ${data.reference} inconnue dans cette consultation : la rencontre a peut-être été supprimée depuis l’envoi du tableau ; videz la case pour l’ajouter comme nouvelle rencontre`);
    }
    const elsewhere =
      (data.etablissementUai !== null && data.etablissementUai !== meeting.etablissementUai) ||
      (data.bassinId !== null && data.bassinId !== meeting.bassinId) ||
      (data.departementCode !== null && data.departementCode !== meeting.departementCode) ||
      (data.academieCode !== null && data.academieCode !== meeting.academieCode);
    if (data.levelGiven && data.level !== null && data.level !== meeting.level) {
      throw new AppError('CONFLICT', `la référence ${data.reference} désigne « ${meeting.title} », ${levelPhrase(meeting.level)}, et la ligne dit « ${MEETING_LEVEL_LABELS[data.level]} » : une colonne de numéros de ligne prise pour la référence ? Pour changer le niveau d’une rencontre, utilisez l’application`);
    }
    if (elsewhere) {
      throw new AppError('CONFLICT', `la référence ${data.reference} désigne « ${meeting.title} » (${meeting.departementCode ?? meeting.academieCode}), qui n’est pas au lieu indiqué sur la ligne : pour déplacer une rencontre, utilisez l’application`);
    }
    return meeting;
  }
  const candidates = byPlace.get(data.naturalKey) ?? [];
  if (data.title !== null) {
    const same = candidates.find((m) => fold(m.title) === fold(data.title!));
    if (same) return same;
    // In a bassin or an établissement, another title is another atelier of the same day. A département
    // or an académie holds one concertation a day: another title is a typo (of the département?) or a
    // renaming, which only a reference can say; never a guess.
    const single = data.level === 'departemental' || data.level === 'academique' || data.level === 'regional';
    // The same title, shortened or completed ("… de la Vienne" for "… de la Vienne — EGNT"): that one.
    const near = single ? candidates.find((m) => fold(m.title).includes(fold(data.title!)) || fold(data.title!).includes(fold(m.title))) : undefined;
    if (near) return near;
    if (single && candidates.length > 0) {
      const [existing] = candidates;
      const twin = claimed.get(existing!.id);
      if (twin !== undefined) throw duplicateOf(twin, existing!, true);
      throw new AppError('CONFLICT', `le catalogue a déjà, ce jour-là à cet endroit, « ${existing!.title} » (référence ${existing!.id}) : vérifiez le département ou l’académie ; pour renommer cette rencontre, donnez sa référence`);
    }
    return undefined;
  }
  if (candidates.length > 1) {
    throw new AppError('CONFLICT', `${candidates.length} rencontres ont lieu ce jour-là à cet endroit : indiquez l’intitulé ou la référence de celle à mettre à jour`);
  }
  return candidates[0];
}

function applyRow(
  ctx: ServiceContext,
  campaign: Campaign,
  data: RowData,
  known: { byId: Map<number, Meeting>; byPlace: Map<string, Meeting[]>; claimed: Map<number, number>; sheetCategories: Set<string> },
): { action: 'ajout' | 'mise-a-jour' | 'inchangee'; meeting: Meeting } {
  const { byId, byPlace, claimed } = known;
  const current = meetingOfRow(data, byId, byPlace, claimed);
  const twin = current ? claimed.get(current.id) : undefined;
  if (current && twin !== undefined) {
    throw duplicateOf(twin, current, data.reference === null && ['departemental', 'academique', 'regional'].includes(current.level));
  }
  const now = ctx.now();
  if (!current) {
    if (data.level === null) throw new AppError('CONFLICT', 'niveau de la rencontre manquant');
    const draft: MeetingDraft = {
      campaignId: campaign.id, level: data.level, date: data.date, title: data.title ?? defaultTitle({ ...data, level: data.level }),
      lieu: data.lieu ?? '', format: 'presentiel', academieCode: data.academieCode, departementCode: data.departementCode,
      bassinId: data.bassinId, etablissementUai: data.etablissementUai, thematiqueIds: data.thematiqueIds ?? [],
      declaredTotal: data.declaredTotal, attendance: data.attendance ?? {}, ateliers: [],
      restitutionReceived: data.restitutionReceived ?? false, notes: '',
    };
    const meeting = createMeeting(ctx.db, draft, now);
    byPlace.set(data.naturalKey, [...(byPlace.get(data.naturalKey) ?? []), meeting]);
    return { action: 'ajout', meeting };
  }
  // A title recognised only as a variant of the catalogue's keeps the catalogue's: the row names, it does not rename.
  const named = data.title !== null && fold(data.title) !== fold(current.title) && data.reference === null ? { ...data, title: null } : data;
  const patch = changes(current, named, known.sheetCategories);
  if (Object.keys(patch).length === 0) return { action: 'inchangee', meeting: current };
  const attendance = patch.attendance ?? current.attendance;
  const total = patch.declaredTotal !== undefined ? patch.declaredTotal : current.declaredTotal;
  const sum = Object.values(attendance).reduce((a: number, b) => a + (b ?? 0), 0);
  if (total !== null && Object.keys(attendance).length > 0 && sum > total) {
    throw new AppError('CONFLICT', `après cette mise à jour, les catégories (${sum} participants) dépasseraient le total déclaré (${total})`);
  }
  const meeting = updateMeeting(ctx.db, current.id, patch, now);
  // Where the meeting now is: a later row of the file must find it there (a corrected date moves it).
  const before = byPlace.get(naturalKey(current)) ?? [];
  byPlace.set(naturalKey(current), before.filter((m) => m.id !== current.id));
  byPlace.set(naturalKey(meeting), [...(byPlace.get(naturalKey(meeting)) ?? []), meeting]);
  byId.set(meeting.id, meeting);
  return { action: 'mise-a-jour', meeting };
}

/**
 * What the row changes: blank cells keep the catalogue's value. Categories: a blank cell in a column the
 * sheet has clears the count (the template wrote them all: a user moving 4 people from one category to
 * another empties the first); a category the sheet has no column for keeps its count.
 */
function changes(current: Meeting, data: RowData, sheetCategories: Set<string>): Partial<MeetingDraft> {
  const patch: Partial<MeetingDraft> = {};
  if (data.title !== null && data.title !== current.title) patch.title = data.title;
  if (data.lieu !== null && data.lieu !== current.lieu) patch.lieu = data.lieu;
  if (data.date !== current.date) patch.date = data.date;
  if (data.level !== null && data.level !== current.level) patch.level = data.level;
  if (data.thematiqueIds !== null && !sameSet(data.thematiqueIds, current.thematiqueIds)) patch.thematiqueIds = data.thematiqueIds;
  if (sheetCategories.size > 0) {
    const kept = Object.fromEntries(Object.entries(current.attendance).filter(([code]) => !sheetCategories.has(code)));
    const attendance = { ...kept, ...(data.attendance ?? {}) };
    if (JSON.stringify(sorted(attendance)) !== JSON.stringify(sorted(current.attendance))) patch.attendance = attendance;
  }
  if (data.declaredTotal !== null && data.declaredTotal !== current.declaredTotal) patch.declaredTotal = data.declaredTotal;
  if (data.restitutionReceived !== null && data.restitutionReceived !== current.restitutionReceived) patch.restitutionReceived = data.restitutionReceived;
  const place = { etablissementUai: data.etablissementUai, bassinId: data.bassinId, departementCode: data.departementCode, academieCode: data.academieCode };
  const movedPlace =
    (data.etablissementUai !== null && data.etablissementUai !== current.etablissementUai) ||
    (data.bassinId !== null && data.bassinId !== current.bassinId) ||
    (data.departementCode !== null && data.departementCode !== current.departementCode);
  if (movedPlace) Object.assign(patch, place);
  return patch;
}

function sameSet(a: number[], b: number[]): boolean {
  return a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');
}

function sorted(record: Record<string, number | undefined>): [string, number | undefined][] {
  return Object.entries(record).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
}

function duplicateOf(twin: number, meeting: Meeting, oneADay: boolean): AppError {
  const why = oneADay
    ? ` (${levelPhrase(meeting.level).replace(/^une /, 'une seule ')} par jour au même endroit : donnez sa référence à chaque rencontre, ou corrigez la date)`
    : '';
  return new AppError('CONFLICT', `ligne en double : elle désigne la même rencontre que la ligne ${twin}, « ${meeting.title} »${why}`);
}
