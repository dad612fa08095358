/**
 * Import of an attendance sheet. The whole file runs in ONE transaction; each row in a savepoint,
 * so a row the catalogue refuses is reported without undoing the others. A preview, or a file with
 * refused rows that the user has not accepted, is rolled back entirely: the catalogue is as before.
 */
import type { Catalogue } from '../catalogue/database.ts';
import { getCampaign } from '../catalogue/repos/campaign.repo.ts';
import { queryMeetings } from '../catalogue/repos/meeting.repo.ts';
import { AppError } from '../contract/errors.ts';
import type { Campaign } from '../contract/schemas/campaign.ts';
import type { Meeting } from '../contract/schemas/meeting.ts';
import type { ImportReport } from '../contract/schemas/spreadsheets.ts';
import { defaultTitle, parseRow, type RowData, type RowProblem } from '../spreadsheets/attendance-rows.ts';
import { readAttendanceSheet, type SheetInput } from '../spreadsheets/read-sheet.ts';
import { territoryLookup } from '../spreadsheets/territory-lookup.ts';
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
  const byKey = new Map(existing.map((m) => [naturalKey(m), m]));
  const problems: RowProblem[] = [];
  const rows: ImportReport['rows'] = [];
  const seen = new Map<string, number>();
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
        const { data, problems: rowProblems } = parseRow(raw, campaign, lookup);
        const label = String(raw.cells.intitule?.value ?? raw.cells.lieu?.value ?? `ligne ${raw.row}`);
        if (!data) {
          refuse(raw.row, label, rowProblems);
          continue;
        }
        const key = data.reference !== null ? `ref:${data.reference}` : data.naturalKey;
        const twin = seen.get(key);
        if (twin !== undefined) {
          refuse(raw.row, label, [{ row: raw.row, column: null, field: 'ligne', message: `ligne en double : même rencontre que la ligne ${twin}` }]);
          continue;
        }
        seen.set(key, raw.row);
        try {
          // A savepoint per row: a row the services refuse leaves the others in place.
          const outcome = db.transaction(() => applyRow(ctx, campaign, data, byId, byKey))();
          counts[outcome.action === 'ajout' ? 'added' : outcome.action === 'mise-a-jour' ? 'updated' : 'unchanged']++;
          rows.push({ row: raw.row, action: outcome.action, meetingId: outcome.meeting.id, title: outcome.meeting.title });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          refuse(raw.row, label, [{ row: raw.row, column: null, field: 'ligne', message: error.message.replace(/\.$/, '') }]);
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

function applyRow(
  ctx: ServiceContext,
  campaign: Campaign,
  data: RowData,
  byId: Map<number, Meeting>,
  byKey: Map<string, Meeting>,
): { action: 'ajout' | 'mise-a-jour' | 'inchangee'; meeting: Meeting } {
  let current: Meeting | undefined;
  if (data.reference !== null) {
    current = byId.get(data.reference);
    if (!current) throw new AppError('CONFLICT', `référence ${data.reference} inconnue dans cette consultation (ne modifiez pas la colonne Référence)`);
  } else {
    current = byKey.get(data.naturalKey);
  }
  const now = ctx.now();
  if (!current) {
    const draft: MeetingDraft = {
      campaignId: campaign.id, level: data.level, date: data.date, title: data.title ?? defaultTitle(data),
      lieu: data.lieu ?? '', format: 'presentiel', academieCode: data.academieCode, departementCode: data.departementCode,
      bassinId: data.bassinId, etablissementUai: data.etablissementUai, thematiqueIds: data.thematiqueIds ?? [],
      declaredTotal: data.declaredTotal, attendance: data.attendance ?? {}, ateliers: [],
      restitutionReceived: data.restitutionReceived ?? false, notes: '',
    };
    const meeting = createMeeting(ctx.db, draft, now);
    byKey.set(data.naturalKey, meeting);
    return { action: 'ajout', meeting };
  }
  const patch = changes(current, data);
  if (Object.keys(patch).length === 0) return { action: 'inchangee', meeting: current };
  const meeting = updateMeeting(ctx.db, current.id, patch, now);
  return { action: 'mise-a-jour', meeting };
}

/** What the row changes: blank cells keep the catalogue's value. */
function changes(current: Meeting, data: RowData): Partial<MeetingDraft> {
  const patch: Partial<MeetingDraft> = {};
  if (data.title !== null && data.title !== current.title) patch.title = data.title;
  if (data.lieu !== null && data.lieu !== current.lieu) patch.lieu = data.lieu;
  if (data.date !== current.date) patch.date = data.date;
  if (data.level !== current.level) patch.level = data.level;
  if (data.thematiqueIds !== null && !sameSet(data.thematiqueIds, current.thematiqueIds)) patch.thematiqueIds = data.thematiqueIds;
  if (data.attendance !== null && JSON.stringify(sorted(data.attendance)) !== JSON.stringify(sorted(current.attendance))) patch.attendance = data.attendance;
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
