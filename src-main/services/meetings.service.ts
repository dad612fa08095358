/** Meetings: where they sit in the territory is derived from the finest place given, and checked. */
import { inTransaction } from '../catalogue/database.ts';
import { thematiqueIds } from '../catalogue/repos/campaign.repo.ts';
import * as repo from '../catalogue/repos/meeting.repo.ts';
import * as territory from '../catalogue/repos/territory.repo.ts';
import { readSettings } from '../catalogue/repos/setting.repo.ts';
import { conflict } from '../contract/errors.ts';
import { MEETING_LEVEL_LABELS, PARTICIPANT_CATEGORIES } from '../contract/domain.ts';
import type { Catalogue } from '../catalogue/database.ts';
import type { Meeting } from '../contract/schemas/meeting.ts';
import type { HandlerGroup } from './context.ts';
import { requireCampaign } from './ownership.ts';
import { deleted, found } from './require.ts';

export const meetingHandlers: HandlerGroup<'meetings'> = {
  'meetings.list': (filter, { db }) => repo.pageMeetings(db, filter),
  'meetings.get': ({ id }, { db }) => found(repo.getMeeting(db, id), 'Rencontre'),
  'meetings.create': (input, { db, now }) => createMeeting(db, input, now()),
  'meetings.update': ({ id, ...patch }, { db, now }) => updateMeeting(db, id, patch, now()),
  'meetings.delete': ({ id }, { db }) =>
    inTransaction(db, () => {
      const links = repo.meetingLinks(db, id);
      return { ...deleted(repo.deleteMeeting(db, id), 'Rencontre'), links };
    }),
  // Under its old reference, unless a meeting created since took it (SQLite gives the highest id again).
  'meetings.restore': ({ id, links, ...draft }, { db, now }) =>
    inTransaction(db, () => {
      const uid = links.uid && !repo.meetingIdOfUid(db, links.uid) ? links.uid : null;
      const restored = repo.insertMeeting(db, locate(db, draft), now().toISOString(), repo.getMeeting(db, id) ? null : id, uid);
      repo.relinkMeeting(db, restored, draft.campaignId, links);
      return repo.getMeeting(db, restored)!;
    }),
};

export type MeetingDraft = Omit<repo.MeetingRecord, 'regionCode'>;

/** Shared by the form (meetings.create) and the spreadsheet import. */
export function createMeeting(db: Catalogue, draft: MeetingDraft, now: Date): Meeting {
  return inTransaction(db, () => repo.getMeeting(db, repo.insertMeeting(db, locate(db, draft), now.toISOString()))!);
}

export function updateMeeting(db: Catalogue, id: number, patch: Partial<MeetingDraft>, now: Date): Meeting {
  return inTransaction(db, () => {
    const current = found(repo.getMeeting(db, id), 'Rencontre');
    repo.updateMeeting(db, id, locate(db, mergePatch(current, patch)), now.toISOString());
    return repo.getMeeting(db, id)!;
  });
}

export const categoryHandlers: HandlerGroup<'participantCategories'> = {
  'participantCategories.list': () => PARTICIPANT_CATEGORIES.map((c) => ({ ...c })),
};

const PLACE_KEYS = ['etablissementUai', 'bassinId', 'departementCode', 'academieCode'] as const;

/** The meeting a patch makes (the spreadsheet import plans its updates with it too). */
export function mergePatch(current: Meeting, patch: Partial<MeetingDraft>): MeetingDraft {
  const { id: _id, participants: _p, participantsSource: _s, updatedAt: _u, ...fields } = current;
  const ateliers = fields.ateliers.map(({ id: _aid, ...a }) => a);
  const next = { ...fields, ateliers, ...patch };
  // A patch that names a place replaces the whole place: what it does not name is derived again
  // from what it names (or must be given), never kept from the old place.
  if (PLACE_KEYS.some((key) => patch[key] !== undefined)) {
    for (const key of PLACE_KEYS) if (patch[key] === undefined) next[key] = null;
  }
  return next;
}

/** What `locate` reads of the catalogue: the consultation, the territory, the settings' région. */
export interface PlaceLookups {
  requireCampaign(campaignId: number): void;
  etablissement(uai: string): ReturnType<typeof territory.getEtablissement>;
  bassin(id: number): ReturnType<typeof territory.getBassin>;
  academieOf(departementCode: string): string | null | undefined;
  regionOf(academieCode: string): string | null | undefined;
  thematiqueIds(campaignId: number): Set<number>;
  settingsRegion(): string | null;
}

export function catalogueLookups(db: Catalogue): PlaceLookups {
  return {
    requireCampaign: (campaignId) => requireCampaign(db, campaignId),
    etablissement: (uai) => territory.getEtablissement(db, uai),
    bassin: (id) => territory.getBassin(db, id),
    academieOf: (code) => territory.academieOfDepartement(db, code),
    regionOf: (code) => territory.regionOfAcademie(db, code),
    thematiqueIds: (campaignId) => thematiqueIds(db, campaignId),
    settingsRegion: () => (readSettings(db).regionCode as string | undefined) ?? null,
  };
}

/**
 * The same lookups, each answer kept: an import locates thousands of places (one per bassin at national
 * scale) in one plan, during which neither the consultation nor the territory changes.
 */
export function rememberedLookups(db: Catalogue): PlaceLookups {
  const direct = catalogueLookups(db);
  const kept = <K, V>(read: (key: K) => V) => {
    const answers = new Map<K, V>();
    return (key: K): V => {
      if (!answers.has(key)) answers.set(key, read(key));
      return answers.get(key)!;
    };
  };
  const campaigns = kept((campaignId: number) => {
    try {
      direct.requireCampaign(campaignId);
      return null;
    } catch (error) {
      return error;
    }
  });
  const region = kept((_: null) => direct.settingsRegion());
  return {
    requireCampaign: (campaignId) => {
      const refused = campaigns(campaignId);
      if (refused) throw refused;
    },
    etablissement: kept(direct.etablissement),
    bassin: kept(direct.bassin),
    academieOf: kept(direct.academieOf),
    regionOf: kept(direct.regionOf),
    thematiqueIds: kept(direct.thematiqueIds),
    settingsRegion: () => region(null),
  };
}

/** Fills académie, département and région from the finest place, and refuses contradictions. */
export function locate(db: Catalogue, m: MeetingDraft, lookups: PlaceLookups = catalogueLookups(db)): repo.MeetingRecord {
  return { ...m, ...locatePlace(m, lookups) };
}

/** Where a meeting is, whole: its place derived from the finest one given, checked; its thématiques checked. */
export type Place = Pick<repo.MeetingRecord, 'etablissementUai' | 'bassinId' | 'departementCode' | 'academieCode' | 'regionCode'>;

/**
 * `locate`'s work without the draft copied: the place alone (an import locates thousands of drafts and
 * keeps only their places).
 */
export function locatePlace(m: MeetingDraft, lookups: PlaceLookups): Place {
  lookups.requireCampaign(m.campaignId);
  const etablissementUai = m.etablissementUai;
  let { bassinId, departementCode, academieCode } = m;
  if (etablissementUai) {
    const etab = lookups.etablissement(etablissementUai);
    if (!etab) throw conflict(`Établissement inconnu : ${etablissementUai}. Ajoutez-le d’abord au catalogue.`);
    departementCode = agree(departementCode, etab.departementCode, 'département', etab.nom);
    bassinId ??= etab.bassinId;
  }
  if (bassinId !== null) {
    const bassin = lookups.bassin(bassinId);
    if (!bassin) throw conflict('Bassin inconnu.');
    departementCode = agree(departementCode, bassin.departementCode, 'département', bassin.nom);
  }
  if (departementCode) {
    const academie = lookups.academieOf(departementCode);
    if (!academie) throw conflict(`Département inconnu : « ${departementCode} ».`);
    academieCode = agree(academieCode, academie, 'académie', `le département ${departementCode}`);
  }
  if (academieCode && !lookups.regionOf(academieCode)) {
    throw conflict(`Académie inconnue : « ${academieCode} ».`);
  }
  const place = { etablissementUai, bassinId, departementCode, academieCode, regionCode: null as string | null };
  requirePlaceForLevel(m.level, place);
  checkThematiques(lookups, m);
  place.regionCode = academieCode ? lookups.regionOf(academieCode)! : lookups.settingsRegion();
  return place;
}

function agree(given: string | null, derived: string, what: string, from: string): string {
  if (given && given !== derived) {
    throw conflict(`Lieu incohérent : ${from} est en ${what} ${derived}, pas ${given}.`);
  }
  return derived;
}

function requirePlaceForLevel(level: MeetingDraft['level'], m: Omit<Place, 'regionCode'>): void {
  const missing =
    (level === 'etablissement' && !m.etablissementUai && 'un établissement (UAI)') ||
    (level === 'bassin' && m.bassinId === null && 'un bassin') ||
    (level === 'departemental' && !m.departementCode && 'un département') ||
    (level === 'academique' && !m.academieCode && 'une académie');
  if (missing) {
    throw conflict(`Une rencontre de niveau « ${MEETING_LEVEL_LABELS[level]} » doit indiquer ${missing}.`);
  }
}

function checkThematiques(lookups: PlaceLookups, m: MeetingDraft): void {
  const used = [...m.thematiqueIds, ...m.ateliers.map((a) => a.thematiqueId)];
  if (used.length === 0) return;
  const known = lookups.thematiqueIds(m.campaignId);
  const unknown = used.find((id) => !known.has(id));
  if (unknown !== undefined) {
    throw conflict(`Une thématique indiquée (identifiant ${unknown}) n’appartient pas à cette consultation.`);
  }
}
