/**
 * Import of an attendance sheet, in two steps that a preview and an import share:
 *   1. the PLAN: every row read, parsed, matched to the catalogue's meetings (read once, into maps) and
 *      checked by the services' own rules (`locate`: the place, the thématiques) — a row refused there
 *      is reported by line, the others planned as additions or updates;
 *   2. the WRITE (an import only, when no row is refused or the user accepted the others): the planned
 *      meetings in batched statements, in ONE transaction, counted as one change of the catalogue.
 * A preview is step 1 alone: it writes nothing. Its sheet and its plan are kept (parsed-sheet-cache.ts)
 * for the import of the same file that follows: unless the catalogue changed since, the import only
 * writes what the preview showed. The write re-checks that inside its transaction, and plans again if not.
 */
import { getCampaign } from '../catalogue/repos/campaign.repo.ts';
import { holdRowTriggers, missingParent, type Parents, withoutForeignKeyChecks } from '../catalogue/repos/bulk-write.repo.ts';
import { holdChangeTriggers } from '../catalogue/repos/exchange.repo.ts';
import { hasMeetings, meetingIdsNamed, meetingsByIds, type MeetingRecord } from '../catalogue/repos/meeting.repo.ts';
import {
  catalogueVersion, holdMeetingSearch, type ImportedMeeting, insertImportedMeetings, nextMeetingId, updateImportedMeetings,
} from '../catalogue/repos/meeting-import.repo.ts';
import { inTransaction, type Catalogue } from '../catalogue/database.ts';
import { AppError } from '../contract/errors.ts';
import type { Campaign } from '../contract/schemas/campaign.ts';
import type { Meeting } from '../contract/schemas/meeting.ts';
import type { ImportReport } from '../contract/schemas/spreadsheets.ts';
import { defaultTitle, levelPhrase, parseRow, type RowData, type RowProblem } from '../spreadsheets/attendance-rows.ts';
import type { SheetInput, SheetRead } from '../spreadsheets/read-sheet.ts';
import { type TerritoryLookup, territoryLookup } from '../spreadsheets/territory-lookup.ts';
import { MEETING_LEVEL_LABELS } from '../contract/domain.ts';
import type { ServiceContext } from './context.ts';
import { type MeetingDraft, mergePatch, type Place, type PlaceLookups, locatePlace, rememberedLookups } from './meetings.service.ts';
import { cachedSheet, forgetSheet } from './parsed-sheet-cache.ts';
import { found } from './require.ts';

const REPORTED_ROWS = 2_000;
const REPORTED_PROBLEMS = 1_000;
const PROGRESS_EVERY = 500;

/** What a sheet does to the catalogue, row by row; made on the catalogue as it was at `version`. */
interface ImportPlan {
  catalogue: Catalogue;
  campaignId: number;
  version: string;
  counts: { added: number; updated: number; unchanged: number; refused: number };
  problems: RowProblem[];
  rows: ImportReport['rows'];
  inserts: ImportedMeeting[];
  updates: ImportedMeeting[];
}

export async function importAttendance(
  ctx: ServiceContext,
  campaignId: number,
  input: SheetInput,
  mode: { write: boolean; acceptPartial: boolean },
): Promise<ImportReport> {
  const { db } = ctx;
  const campaign = found(getCampaign(db, campaignId), 'Consultation');
  const { entry } = await cachedSheet<ImportPlan>(input, {
    onProgress: (rows) => ctx.onProgress?.({ operation: 'spreadsheets.import', done: rows, total: 0, message: `${rows} lignes lues` }),
  });
  const { sheet } = entry;
  const current = (plan: ImportPlan | null): plan is ImportPlan =>
    plan !== null && plan.catalogue === db && plan.campaignId === campaignId && plan.version === catalogueVersion(db);
  let plan = current(entry.plan) ? entry.plan : (entry.plan = planImport(ctx, campaign, sheet));
  let applied = false;
  if (mode.write && (plan.counts.refused === 0 || mode.acceptPartial)) {
    // Each row's parents are not looked up by SQLite: writePlan checks each distinct one, in the transaction.
    withoutForeignKeyChecks(db, () => inTransaction(db, () => {
      // Another connection may have written since the plan was made: planned again, on what is there now.
      if (!current(plan)) plan = entry.plan = planImport(ctx, campaign, sheet);
      if (plan.counts.refused > 0 && !mode.acceptPartial) return;
      writePlan(ctx, plan);
      applied = true;
    }));
    // Written: this file's plan is spent, and its next import (a second time, a corrected copy) reads it again.
    if (applied) forgetSheet(entry);
  }
  return {
    fileName: sheet.fileName,
    sheetName: sheet.sheetName,
    rowsRead: sheet.rows.length,
    ...plan.counts,
    applied,
    ignoredColumns: sheet.ignoredColumns,
    problems: plan.problems.slice(0, REPORTED_PROBLEMS),
    rows: plan.rows.slice(0, REPORTED_ROWS),
  };
}

/**
 * The planned meetings written: new ones first (their ids were given in order), then the updates. Their
 * parents (consultation, territory, thématiques) checked first, each distinct one once: the write runs
 * without SQLite's row-by-row foreign-key checks (importAttendance).
 */
function writePlan(ctx: ServiceContext, plan: ImportPlan): void {
  const { db } = ctx;
  const missing = missingParent(db, { ...parentsOf([...plan.inserts, ...plan.updates]), meeting: plan.updates.map((m) => m.id) });
  if (missing !== null) {
    throw new AppError('CONFLICT', `Le catalogue a changé pendant l’import (${missing} n’y est plus) : rien n’a été écrit ; relancez l’import.`);
  }
  const now = ctx.now().toISOString();
  const total = plan.inserts.length + plan.updates.length;
  const progress = (done: number) =>
    ctx.onProgress?.({ operation: 'spreadsheets.import', done, total, message: `${done} rencontres enregistrées sur ${total}` });
  const counted = holdChangeTriggers(db);
  const indexed = holdMeetingSearch(db);
  const triggersBack = holdRowTriggers(db);
  insertImportedMeetings(db, plan.inserts, now, progress);
  updateImportedMeetings(db, plan.updates, now, (done) => progress(plan.inserts.length + done));
  triggersBack();
  // Their words, indexed at once (see holdMeetingSearch): the new ones were never indexed.
  indexed(plan.updates.map((m) => m.id), plan.inserts.map((m) => m.id));
  counted(total > 0);
}

/**
 * A meeting at a place, as a later row of the file compares with it. A new one the plan adds is no more than
 * this: whatever names it again is a duplicate row.
 */
type Named = Pick<Meeting, 'id' | 'title' | 'level'>;

/** Every parent the meetings name, each once. */
function parentsOf(meetings: ImportedMeeting[]): Omit<Parents, 'meeting'> {
  const parents = {
    campaign: new Set<number>(), region: new Set<string>(), academie: new Set<string>(), departement: new Set<string>(),
    bassin: new Set<number>(), etablissement: new Set<string>(), thematique: new Set<number>(),
  };
  for (const { record: r } of meetings) {
    parents.campaign.add(r.campaignId);
    if (r.regionCode !== null) parents.region.add(r.regionCode);
    if (r.academieCode !== null) parents.academie.add(r.academieCode);
    if (r.departementCode !== null) parents.departement.add(r.departementCode);
    if (r.bassinId !== null) parents.bassin.add(r.bassinId);
    if (r.etablissementUai !== null) parents.etablissement.add(r.etablissementUai);
    for (const id of r.thematiqueIds) parents.thematique.add(id);
  }
  return parents;
}

/** Known meetings, by reference and by place; and which row of this file took each one. */
interface Known {
  /** The catalogue's meetings the rows can name, whole, as the plan leaves them. */
  byId: Map<number, Meeting>;
  byPlace: Map<string, Named[]>;
  /** Which row of this file writes each meeting: two rows naming one meeting would overwrite each other. */
  claimed: Map<number, number>;
  /** The categories the sheet has a column for: a blank cell there clears the count; others are kept. */
  sheetCategories: Set<string>;
  locate: (draft: MeetingDraft) => MeetingRecord;
  nextId: () => number;
}

/** Every row of the sheet: refused with its problems, or planned. Reads the catalogue, writes nothing. */
function planImport(ctx: ServiceContext, campaign: Campaign, sheet: SheetRead): ImportPlan {
  foldedTitles.clear();
  try {
    return planRows(ctx, campaign, sheet);
  } finally {
    foldedTitles.clear();
  }
}

function planRows(ctx: ServiceContext, campaign: Campaign, sheet: SheetRead): ImportPlan {
  const { db } = ctx;
  const version = catalogueVersion(db);
  const lookup = territoryLookup(db);
  const columnOf = new Map(sheet.columns.map((c) => [c.key, c.column]));
  // Every row read and checked first: the meetings they can name are then read whole, and only those
  // (all 30 000 of a national consultation took a second and 130 MB, for a sheet naming none of them).
  const parsed = sheet.rows.map((raw, index) => {
    if (index % PROGRESS_EVERY === 0) {
      ctx.onProgress?.({ operation: 'spreadsheets.import', done: index, total: sheet.rows.length, message: `${index} lignes sur ${sheet.rows.length} traitées` });
    }
    const { data, problems } = parseRow(raw, campaign, lookup, columnOf);
    return { raw, data, problems };
  });
  const existing = meetingsNamed(db, campaign.id, parsed);
  const byPlace = new Map<string, Named[]>();
  for (const m of existing) placeOf(byPlace, naturalKey(m)).push(m);
  let next = nextMeetingId(db);
  const known: Known = {
    byId: new Map(existing.map((m) => [m.id, m])),
    byPlace,
    claimed: new Map(),
    sheetCategories: new Set(sheet.columns.flatMap((c) => (c.key.startsWith('categorie:') ? [c.key.slice('categorie:'.length)] : []))),
    locate: locateOnce(db, lookup),
    nextId: () => next++,
  };
  const plan: ImportPlan = {
    catalogue: db, campaignId: campaign.id, version, counts: { added: 0, updated: 0, unchanged: 0, refused: 0 }, problems: [], rows: [], inserts: [], updates: [],
  };
  // The row that first named each meeting: by reference, or by place, then title (as typed: folded when
  // compared). No key string made per row and hashed (it cost more than the look-ups), and no map for a
  // place named once (most are).
  const seenReference = new Map<number, number>();
  const seenPlace = new Map<string, { title: string; row: number } | Map<string, number>>();
  const refuse = (row: number, title: string, found: RowProblem[]) => {
    // Only what the report shows is kept (see importAttendance).
    if (plan.problems.length < REPORTED_PROBLEMS) plan.problems.push(...found);
    plan.counts.refused++;
    if (plan.rows.length < REPORTED_ROWS) plan.rows.push({ row, action: 'refusee', meetingId: null, title });
  };
  for (const { raw, data, problems: rowProblems } of parsed) {
    if (!data) {
      refuse(raw.row, labelOf(raw), rowProblems);
      continue;
    }
    const atPlace = data.reference !== null ? undefined : seenPlace.get(data.naturalKey);
    // Titles folded only where a second row names the place (most places are named once).
    const title = () => fold(data.title ?? '');
    const twin = data.reference !== null
      ? seenReference.get(data.reference)
      : atPlace instanceof Map ? atPlace.get(title()) : atPlace !== undefined && fold(atPlace.title) === title() ? atPlace.row : undefined;
    if (twin !== undefined) {
      refuse(raw.row, labelOf(raw), [{ row: raw.row, column: null, field: 'ligne', message: `ligne en double : même rencontre que la ligne ${twin}` }]);
      continue;
    }
    if (data.reference !== null) seenReference.set(data.reference, raw.row);
    else if (atPlace === undefined) seenPlace.set(data.naturalKey, { title: data.title ?? '', row: raw.row });
    else if (atPlace instanceof Map) atPlace.set(title(), raw.row);
    else seenPlace.set(data.naturalKey, new Map([[fold(atPlace.title), atPlace.row], [title(), raw.row]]));
    try {
      const outcome = planRow(campaign, data, known);
      // Claimed once the row is planned: a row refused by the services claims nothing.
      known.claimed.set(outcome.meeting.id, raw.row);
      if (outcome.action === 'ajout') plan.inserts.push({ id: outcome.meeting.id, record: outcome.record! });
      if (outcome.action === 'mise-a-jour') plan.updates.push({ id: outcome.meeting.id, record: outcome.record! });
      plan.counts[outcome.action === 'ajout' ? 'added' : outcome.action === 'mise-a-jour' ? 'updated' : 'unchanged']++;
      if (plan.rows.length < REPORTED_ROWS) plan.rows.push({ row: raw.row, action: outcome.action, meetingId: outcome.meeting.id, title: outcome.meeting.title });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // What the services refuse about a reference belongs to the Référence column.
      const aboutReference = data.reference !== null && /référence/.test(error.message);
      refuse(raw.row, labelOf(raw), [{
        row: raw.row, column: aboutReference ? (columnOf.get('reference') ?? null) : null,
        field: aboutReference ? 'Référence' : 'ligne', message: error.message.replace(/\.$/, ''),
      }]);
    }
  }
  return plan;
}

/** A refused row, as the report names it: by its title, its place, or its number. */
function labelOf(raw: SheetRead['rows'][number]): string {
  return String(raw.cells.intitule?.value ?? raw.cells.lieu?.value ?? `ligne ${raw.row}`);
}

/**
 * The services' `locatePlace` (the place derived and checked, the thématiques checked), once per place: a
 * sheet names the same few places thousands of times, and the territory does not change during a plan.
 */
function locateOnce(db: Catalogue, territory: TerritoryLookup): (draft: MeetingDraft) => MeetingRecord {
  // (The draft given is made into the record: the callers make one per row and keep only the record.)
  // Bassins from the list the sheet's names were found in: a query each cost more than the rest of `locatePlace`.
  const lookups: PlaceLookups = { ...rememberedLookups(db), bassin: (id) => territory.bassinById(id) };
  // Maps within maps, one level per field of the draft the place depends on: a key string built per row, hashed
  // and dropped, cost more than the rest of this function (most rows hit a place met before).
  const places = new Map<unknown, unknown>();
  return (draft) => {
    const level = within(within(within(within(within(within(places, draft.campaignId), draft.level), draft.etablissementUai), draft.bassinId),
      draft.departementCode), draft.academieCode);
    // Thématiques and ateliers are checked too: in the key, as text, only when the row has any.
    let rest = '';
    if (draft.thematiqueIds.length > 0) rest += [...draft.thematiqueIds].sort().join(',');
    if (draft.ateliers.length > 0) {
      rest += '|';
      for (const a of draft.ateliers) rest += `${a.thematiqueId},`;
    }
    let place = level.get(rest) as Place | AppError | undefined;
    if (place === undefined) {
      try {
        place = locatePlace(draft, lookups);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        place = error;
      }
      level.set(rest, place);
    }
    if (place instanceof AppError) throw place;
    // The draft, made for this call and used by nothing else, becomes the record: its place set field by
    // field (a new object per row, or a spread, cost more than the lookups).
    const record = draft as MeetingRecord;
    record.regionCode = place.regionCode;
    record.academieCode = place.academieCode;
    record.departementCode = place.departementCode;
    record.bassinId = place.bassinId;
    record.etablissementUai = place.etablissementUai;
    return record;
  };
}

/** The map under `key` in `map`, made when there is none yet. */
function within(map: Map<unknown, unknown>, key: unknown): Map<unknown, unknown> {
  let inner = map.get(key) as Map<unknown, unknown> | undefined;
  if (inner === undefined) map.set(key, (inner = new Map()));
  return inner;
}

/** A meeting updated, as it will be once written: for the rows after it. */
function plannedMeeting(id: number, r: MeetingRecord, before: Meeting): Meeting {
  let sum: number | null = null;
  for (const n of Object.values(r.attendance)) if (typeof n === 'number') sum = (sum ?? 0) + n;
  return {
    id, campaignId: r.campaignId, level: r.level, title: r.title, date: r.date, lieu: r.lieu, format: r.format,
    academieCode: r.academieCode, departementCode: r.departementCode, bassinId: r.bassinId, etablissementUai: r.etablissementUai,
    thematiqueIds: r.thematiqueIds, declaredTotal: r.declaredTotal, attendance: r.attendance, ateliers: before.ateliers,
    restitutionReceived: r.restitutionReceived, notes: r.notes,
    participants: r.declaredTotal ?? sum, participantsSource: r.declaredTotal !== null ? 'declare' : sum !== null ? 'categories' : 'inconnu',
    updatedAt: before.updatedAt,
  };
}

/**
 * The consultation's meetings the rows can name: by their reference, or by the level, day and place a row
 * gives (meetingOfRow's candidates), read whole; the others are only looked at for their place.
 */
function meetingsNamed(db: Catalogue, campaignId: number, rows: { data: RowData | null }[]): Meeting[] {
  // A consultation's first sheet: nothing to name.
  if (!hasMeetings(db, campaignId)) return [];
  const references = new Set<number>();
  const places = new Set<string>();
  for (const { data } of rows) {
    if (data === null) continue;
    if (data.reference !== null) references.add(data.reference);
    else places.add(data.naturalKey);
  }
  return meetingsByIds(db, meetingIdsNamed(db, campaignId, [...references], [...places]));
}

/** The meetings planned at a place, the list made when there is none yet. */
function placeOf(byPlace: Map<string, Named[]>, key: string): Named[] {
  let list = byPlace.get(key);
  if (list === undefined) byPlace.set(key, (list = []));
  return list;
}

/** A meeting's place and day, as rows name it (meeting.repo.ts's meetingIdsNamed makes the same key in SQL). */
function naturalKey(m: Pick<Meeting, 'level' | 'date' | 'etablissementUai' | 'bassinId' | 'departementCode' | 'academieCode'>): string {
  const place = m.etablissementUai ?? (m.bassinId !== null ? `b${m.bassinId}` : null) ?? m.departementCode ?? m.academieCode;
  return `${m.level}|${m.date}|${place}`;
}

/** Titles folded during one plan: a sheet compares the same few thousand titles again and again. */
const foldedTitles = new Map<string, string>();
function fold(text: string): string {
  let folded = foldedTitles.get(text);
  if (folded === undefined) {
    const lower = text.toLowerCase();
    // Printable ASCII and U+00A1–U+00BF (no space there, nothing that decomposes), single spaces inside:
    // lowered, it is folded already. Otherwise accents taken off and spaces made single.
    if (!/[^ !-~\u00a1-\u00bf]| {2}|^ | $/.test(lower)) folded = lower;
    else {
      // Below U+00C0 no character decomposes: most titles skip the normalisation.
      const plain = !/[^\u0000-\u00bf]/.test(text);
      folded = (plain ? text : text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')).toLowerCase().replace(/\s+/g, ' ').trim();
    }
    foldedTitles.set(text, folded);
  }
  return folded;
}

/**
 * The meeting a row names: by its reference, which must agree with the row's place; else by level,
 * date and place, and by title when the row gives one (two ateliers of one bassin on one day are
 * two meetings). Never a guess: several candidates and no title is a refusal.
 */
function meetingOfRow(data: RowData, byId: Map<number, Meeting>, byPlace: Map<string, Named[]>, claimed: Map<number, number>): Named | undefined {
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
  const candidates = byPlace.get(data.naturalKey);
  // Nothing at this place yet (a new place, the common case): a new meeting, whatever its title.
  if (candidates === undefined || candidates.length === 0) return undefined;
  if (data.title !== null) {
    const wanted = fold(data.title);
    const same = candidates.find((m) => fold(m.title) === wanted);
    if (same) return same;
    // In a bassin or an établissement, another title is another atelier of the same day. A département
    // or an académie holds one concertation a day: another title is a typo (of the département?) or a
    // renaming, which only a reference can say; never a guess.
    const single = data.level === 'departemental' || data.level === 'academique' || data.level === 'regional';
    // The same title, shortened or completed ("… de la Vienne" for "… de la Vienne — EGNT"): that one.
    const near = single ? candidates.find((m) => fold(m.title).includes(wanted) || wanted.includes(fold(m.title))) : undefined;
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

function planRow(
  campaign: Campaign,
  data: RowData,
  known: Known,
): { action: 'ajout' | 'mise-a-jour' | 'inchangee'; meeting: Named; record?: MeetingRecord } {
  const { byId, byPlace, claimed } = known;
  const found = meetingOfRow(data, byId, byPlace, claimed);
  const twin = found ? claimed.get(found.id) : undefined;
  if (found && twin !== undefined) {
    throw duplicateOf(twin, found, data.reference === null && ['departemental', 'academique', 'regional'].includes(found.level));
  }
  if (!found) {
    if (data.level === null) throw new AppError('CONFLICT', 'niveau de la rencontre manquant');
    const draft: MeetingDraft = {
      campaignId: campaign.id, level: data.level, date: data.date, title: data.title ?? defaultTitle({ ...data, level: data.level }),
      lieu: data.lieu ?? '', format: 'presentiel', academieCode: data.academieCode, departementCode: data.departementCode,
      bassinId: data.bassinId, etablissementUai: data.etablissementUai, thematiqueIds: data.thematiqueIds ?? [],
      declaredTotal: data.declaredTotal, attendance: data.attendance ?? {}, ateliers: [],
      restitutionReceived: data.restitutionReceived ?? false, notes: '',
    };
    const record = known.locate(draft);
    const meeting: Named = { id: known.nextId(), title: record.title, level: record.level };
    placeOf(byPlace, data.naturalKey).push(meeting);
    return { action: 'ajout', meeting, record };
  }
  // Not claimed, so not added by this file: one of the catalogue's, all of which byId holds.
  const current = byId.get(found.id);
  if (current === undefined) throw new Error(`planRow : rencontre ${found.id} absente des rencontres lues`);
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
  const record = known.locate(mergePatch(current, patch));
  const meeting = plannedMeeting(current.id, record, current);
  // Where the meeting now is: a later row of the file must find it there (a corrected date moves it).
  const before = byPlace.get(naturalKey(current)) ?? [];
  byPlace.set(naturalKey(current), before.filter((m) => m.id !== current.id));
  placeOf(byPlace, naturalKey(meeting)).push(meeting);
  byId.set(meeting.id, meeting);
  return { action: 'mise-a-jour', meeting, record };
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

function duplicateOf(twin: number, meeting: Named, oneADay: boolean): AppError {
  const why = oneADay
    ? ` (${levelPhrase(meeting.level).replace(/^une /, 'une seule ')} par jour au même endroit : donnez sa référence à chaque rencontre, ou corrigez la date)`
    : '';
  return new AppError('CONFLICT', `ligne en double : elle désigne la même rencontre que la ligne ${twin}, « ${meeting.title} »${why}`);
}
