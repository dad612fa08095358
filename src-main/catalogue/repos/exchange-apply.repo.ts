/**
 * Writes a received record into the catalogue's own tables, its identities turned back into this
 * catalogue's local ids. The fields were validated (exchange/record-schemas.ts) before they get here;
 * what they point to that this catalogue does not hold is left out, never invented.
 */
import type { Catalogue } from '../database.ts';
import { CATEGORY_CODES, type ContributionKind, type ReviewState } from '../../contract/domain.ts';
import type { PassagePoint } from '../../contract/schemas/restitutions.ts';
import type { RecordKind } from '../../contract/schemas/exchange.ts';
import type { Json } from '../../exchange/record.ts';
import type { TrameSection } from '../../contract/schemas/trame.ts';
import { forgetMap, replaceMap, type MapLink } from './comparison.repo.ts';
import { deleteThematique, findCampaignBySlug, insertCampaign, insertThematique, thematiqueUsage, updateCampaign, updateThematique } from './campaign.repo.ts';
import { deleteContribution, insertContribution, updateContribution } from './contribution.repo.ts';
import { bassinUid, SETTING_COLUMNS, type UidTable } from './exchange-records.repo.ts';
import { insertGroup } from './group.repo.ts';
import { deleteMeeting, insertMeeting, updateMeeting, type MeetingRecord } from './meeting.repo.ts';
import { deleteRetex, insertRetex, updateRetex } from './retex.repo.ts';
import { deleteSetting, writeSetting } from './setting.repo.ts';
import { deleteStyleBySha, findStyleBySha } from './style.repo.ts';
import { deleteBassin, deleteEtablissement, placeUsage, upsertEtablissement } from './territory.repo.ts';
import { deleteTrame, insertTrame, setSectionText, setTramePreset, updateTrame } from './trame.repo.ts';

type F = Record<string, Json>;
const s = (v: Json | undefined) => (v ?? null) as string | null;
const n = (v: Json | undefined) => (v ?? null) as number | null;

/** The tables whose rows a record names by uid. */
type RowTable = UidTable | 'trame';

/** Identities to local ids, looked up once per merge. */
export class LocalIds {
  private bassins?: Map<string, number>;
  // Asked once per record of a bundle: kept for the merge, forgotten when a consultation is written.
  private readonly campaigns = new Map<string, number | undefined>();
  private readonly thematiques = new Map<string, number | undefined>();
  /**
   * References asked for and not found here: the row then holds less than the record (read back, and
   * tried again when what it points to arrives).
   */
  misses = 0;
  constructor(private readonly db: Catalogue) {}

  private found<T>(asked: Json | undefined, value: T | undefined): T | null {
    if (value === undefined && asked !== null && asked !== undefined) this.misses++;
    return value ?? null;
  }

  campaign(slug: Json | undefined): number | null {
    const key = String(slug);
    if (!this.campaigns.has(key)) this.campaigns.set(key, this.db.prepare('SELECT id FROM campaign WHERE slug = ?').pluck().get(slug) as number | undefined);
    return this.found(slug, this.campaigns.get(key));
  }
  thematique(campaignId: number, number: Json | undefined): number | null {
    if (number === null || number === undefined) return null;
    const key = `${campaignId}:${String(number)}`;
    if (!this.thematiques.has(key)) {
      this.thematiques.set(key, this.db.prepare('SELECT id FROM thematique WHERE campaign_id = ? AND number = ?').pluck().get(campaignId, number) as number | undefined);
    }
    return this.found(number, this.thematiques.get(key));
  }
  /** A consultation or its thématiques were just written: look them up again. */
  forgetCampaigns(): void {
    this.campaigns.clear();
    this.thematiques.clear();
  }
  /** A record this one points to. */
  row(table: RowTable, uid: Json | undefined): number | null {
    if (typeof uid !== 'string') return null;
    return this.found(uid, this.held(table, uid) ?? undefined);
  }
  /**
   * A contribution's restitution. The same file given to the same meeting on two laptops is one
   * restitution here (one per meeting and SHA-256): the received one is then read as the one held, the
   * same passages, and the contribution held as less than received (a miss), so that this catalogue
   * never sends the link back as an edit of its own.
   */
  restitution(uid: Json | undefined): number | null {
    if (typeof uid !== 'string') return null;
    const id = this.held('restitution', uid);
    if (id !== null) return id;
    const same = this.db
      .prepare(
        `SELECT r.id FROM exchange_record x JOIN meeting m ON m.uid = json_extract(x.fields, '$.meeting')
         JOIN restitution r ON r.meeting_id = m.id AND r.sha256 = json_extract(x.fields, '$.sha256') WHERE x.uid = ? AND x.kind = 'restitution'`,
      )
      .pluck()
      .get(uid) as number | undefined;
    this.misses++;
    return same ?? null;
  }
  /** Meetings are pointed to by every contribution and retex drawn from them, groups by their members: their ids kept for the merge. */
  private readonly cached = { meeting: new Map<string, number>(), contribution_group: new Map<string, number>() };
  rememberMeeting(uid: string, id: number | null): void {
    this.remember('meeting', uid, id);
  }
  remember(table: 'meeting' | 'contribution_group', uid: string, id: number | null): void {
    if (id === null) this.cached[table].delete(uid);
    else this.cached[table].set(uid, id);
  }
  /**
   * Records with no exchange state here, about to be written: no row can hold them (every row has a
   * state once stamped), so they are not looked up.
   */
  readonly unheld = new Set<string>();
  /** Rows written while the search index is held (holdSearchIndex): indexed together when the merge ends. */
  readonly written = { meeting: new Set<string>(), retex: new Set<string>(), contribution: new Set<string>(), restitution: new Set<string>() };
  /** Does this catalogue hold the record itself already? (Not a reference: asking is no miss.) */
  held(table: RowTable, uid: string): number | null {
    if (this.unheld.has(uid)) return null;
    const cache = table === 'meeting' || table === 'contribution_group' ? this.cached[table] : undefined;
    if (cache?.has(uid)) return cache.get(uid)!;
    const id = (this.db.prepare(`SELECT id FROM ${table} WHERE uid = ?`).pluck().get(uid) as number | undefined) ?? null;
    if (cache && id !== null) cache.set(uid, id);
    return id;
  }
  bassin(uid: Json | undefined): number | null {
    if (typeof uid !== 'string') return null;
    if (!this.bassins) {
      const rows = this.db.prepare('SELECT id, departement_code, nom FROM bassin').all() as { id: number; departement_code: string; nom: string }[];
      this.bassins = new Map(rows.map((r) => [bassinUid(r.departement_code, r.nom), r.id]));
    }
    return this.found(uid, this.bassins.get(uid));
  }
  etablissement(uai: Json | undefined): string | null {
    if (typeof uai !== 'string') return null;
    return this.found(uai, this.db.prepare('SELECT uai FROM etablissement WHERE uai = ?').pluck().get(uai) as string | undefined);
  }
  forgetBassins(): void {
    this.bassins = undefined;
  }
  rememberBassin(uid: string, id: number): void {
    this.bassins?.set(uid, id);
  }
}

/** Puts the record's fields in place, inserting it if this catalogue does not hold it. */
export function writeRecord(db: Catalogue, ids: LocalIds, kind: RecordKind, uid: string, f: F, now: string): void {
  switch (kind) {
    case 'campaign':
      writeCampaign(db, ids, f);
      return ids.forgetCampaigns();
    case 'style': return writeStyle(db, f, now);
    case 'bassin': {
      db.prepare(
        'INSERT INTO bassin (departement_code, kind, nom) VALUES (?, ?, ?) ON CONFLICT (departement_code, nom) DO UPDATE SET kind = excluded.kind',
      ).run(f.departementCode, f.kind, f.nom);
      return ids.rememberBassin(uid, db.prepare('SELECT id FROM bassin WHERE departement_code = ? AND nom = ?').pluck().get(f.departementCode, f.nom) as number);
    }
    case 'etablissement':
      return upsertEtablissement(db, {
        uai: f.uai as string, nom: f.nom as string, type: f.type as never, commune: f.commune as string,
        departementCode: f.departementCode as string, bassinId: ids.bassin(f.bassin),
      });
    case 'meeting':
    case 'retex':
    case 'contribution':
      ids.written[kind].add(uid);
      return kind === 'meeting' ? writeMeeting(db, ids, uid, f, now) : kind === 'retex' ? writeRetex(db, ids, uid, f) : writeContribution(db, ids, uid, f);
    case 'restitution':
      ids.written.restitution.add(uid);
      return writeRestitution(db, ids, uid, f);
    case 'contributionGroup': return writeGroup(db, ids, uid, f);
    case 'reviewEvent': return writeReviewEvent(db, ids, uid, f);
    case 'trame': return writeTrame(db, ids, uid, f);
    case 'sectionText': {
      const campaignId = ids.campaign(f.campaign);
      if (campaignId === null) return;
      const thematiqueId = f.thematique === null ? null : ids.thematique(campaignId, f.thematique);
      if (f.thematique !== null && thematiqueId === null) return;
      return setSectionText(db, { campaignId, scope: f.scope as string, sectionKey: f.sectionKey as string, thematiqueId, text: f.text as string });
    }
    case 'thematiqueMap': return writeThematiqueMap(db, ids, f);
    case 'setting': return writeExchangedSetting(db, ids, f.key as string, f.value ?? null);
  }
}

/** Each searchable kind's FTS5 table and where its words come from (migration 0009). */
const SEARCH_INDEX = {
  meeting: { fts: 'meeting_fts', columns: 'title, lieu, notes, defis, etablissement', source: 'meeting_fts_source' },
  retex: { fts: 'retex_fts', columns: 'title, text, niveau, classes', source: 'retex' },
  contribution: { fts: 'contribution_fts', columns: 'text, heading', source: 'contribution' },
} as const;

/**
 * Holds the search index's insert and update triggers for the rest of the caller's transaction
 * (migration 0012): returns what indexes every row written since, in one statement a kind, and lets
 * the triggers run again. Deletions are indexed by their own triggers meanwhile.
 */
export function holdSearchIndex(db: Catalogue, ids: LocalIds): () => void {
  db.prepare('UPDATE catalogue_state SET fts_held = 1 WHERE id = 1').run();
  return () => {
    for (const kind of ['meeting', 'retex', 'contribution'] as const) {
      const uids = ids.written[kind];
      if (uids.size === 0) continue;
      const { fts, columns, source } = SEARCH_INDEX[kind];
      const theirIds = `SELECT id FROM ${kind} WHERE uid IN (SELECT value FROM json_each(?))`;
      const list = JSON.stringify([...uids]);
      db.prepare(`DELETE FROM ${fts} WHERE rowid IN (${theirIds})`).run(list);
      db.prepare(`INSERT INTO ${fts} (rowid, ${columns}) SELECT id, ${columns} FROM ${source} WHERE id IN (${theirIds})`).run(list);
      uids.clear();
    }
    // A restitution's passages, written once (migration 0019): indexed as their insert trigger would.
    if (ids.written.restitution.size > 0) {
      const passageIds = `SELECT p.id FROM restitution r JOIN restitution_passage p ON p.restitution_id = r.id WHERE r.uid IN (SELECT value FROM json_each(?))`;
      const list = JSON.stringify([...ids.written.restitution]);
      db.prepare(`DELETE FROM restitution_fts WHERE rowid IN (${passageIds})`).run(list);
      db.prepare(`INSERT INTO restitution_fts (rowid, text) SELECT id, text FROM restitution_passage WHERE id IN (${passageIds})`).run(list);
      ids.written.restitution.clear();
    }
    db.prepare('UPDATE catalogue_state SET fts_held = 0 WHERE id = 1').run();
  };
}

const deleteById = (table: 'restitution' | 'contribution_group' | 'review_event') => (db: Catalogue, id: number) =>
  void db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
const DELETE_ROW = {
  meeting: deleteMeeting, retex: deleteRetex, contribution: deleteContribution, trame: deleteTrame,
  restitution: deleteById('restitution'), contribution_group: deleteById('contribution_group'), review_event: deleteById('review_event'),
};
const TABLE_OF = {
  meeting: 'meeting', retex: 'retex', contribution: 'contribution', trame: 'trame', restitution: 'restitution',
  contributionGroup: 'contribution_group', reviewEvent: 'review_event',
} as const satisfies Partial<Record<RecordKind, RowTable>>;

/**
 * Takes a deleted record out. False when it must stay: a bassin or an établissement still used here
 * (the merge then asks, as a conflict, rather than say it was deleted).
 */
export function removeRecord(db: Catalogue, ids: LocalIds, kind: RecordKind, uid: string, f: F): boolean {
  switch (kind) {
    case 'meeting':
    case 'restitution':
    case 'retex':
    case 'contributionGroup':
    case 'contribution':
    case 'reviewEvent':
    case 'trame': {
      const table = TABLE_OF[kind];
      const id = ids.held(table, uid);
      if (id !== null) DELETE_ROW[table](db, id);
      if (table === 'meeting' || table === 'contribution_group') ids.remember(table, uid, null);
      return true;
    }
    case 'bassin': {
      const id = ids.bassin(uid);
      if (id !== null && placeUsage(db, { bassinId: id }) > 0) return false;
      if (id !== null) deleteBassin(db, id);
      ids.forgetBassins();
      return true;
    }
    case 'etablissement': {
      const uai = ids.etablissement(f.uai);
      if (uai !== null && placeUsage(db, { uai }) > 0) return false;
      if (uai !== null) deleteEtablissement(db, uai);
      return true;
    }
    case 'sectionText': {
      const campaignId = ids.campaign(f.campaign);
      const thematiqueId = campaignId === null || f.thematique === null ? null : ids.thematique(campaignId, f.thematique);
      // A text of a thématique this catalogue does not have is not the document's text: nothing to remove.
      if (campaignId !== null && (f.thematique === null || thematiqueId !== null)) {
        setSectionText(db, { campaignId, scope: f.scope as string, sectionKey: f.sectionKey as string, thematiqueId, text: '' });
      }
      return true;
    }
    case 'thematiqueMap': {
      const fromId = ids.campaign(f.fromCampaign);
      const toId = ids.campaign(f.toCampaign);
      if (fromId !== null && toId !== null) forgetMap(db, fromId, toId);
      return true;
    }
    case 'setting': {
      const key = SETTING_COLUMNS[f.key as keyof typeof SETTING_COLUMNS];
      if (key) deleteSetting(db, key);
      return true;
    }
    case 'style':
      deleteStyleBySha(db, f.sha256 as string);
      return true;
    case 'campaign':
      // A whole consultation is never deleted by a bundle: too much goes with it.
      return true;
  }
}

function writeCampaign(db: Catalogue, ids: LocalIds, f: F): void {
  const dates = f.dates as { startDate: string; endDate: string; reserveDate: string | null };
  const fields = {
    slug: f.slug as string, title: f.title as string, shortTitle: f.shortTitle as string, ...dates, description: f.description as string,
  };
  let id = findCampaignBySlug(db, fields.slug)?.id ?? null;
  if (id === null) id = insertCampaign(db, fields);
  else updateCampaign(db, id, fields);
  const thematiques = f.thematiques as { number: number; title: string; description: string; sujets: string[] }[];
  for (const t of thematiques) {
    const existing = ids.thematique(id, t.number);
    if (existing === null) insertThematique(db, id, t);
    else updateThematique(db, existing, t);
  }
  const kept = new Set(thematiques.map((t) => t.number));
  const local = db.prepare('SELECT id, number FROM thematique WHERE campaign_id = ?').all(id) as { id: number; number: number }[];
  for (const t of local) {
    if (!kept.has(t.number) && thematiqueUsage(db, t.id) === 0) deleteThematique(db, t.id);
  }
}

function writeStyle(db: Catalogue, f: F, now: string): void {
  const row = {
    name: f.name, fileName: f.fileName, sha256: f.sha256, stylesXml: f.stylesXml, fonts: JSON.stringify(f.fonts),
    headingFont: s(f.headingFont), bodyFont: s(f.bodyFont), logo: typeof f.logo === 'string' ? Buffer.from(f.logo, 'base64') : null,
    logoType: s(f.logoType), w: n(f.logoWidthEmu), h: n(f.logoHeightEmu), now,
  };
  db.prepare(
    `INSERT INTO style_template (name, file_name, sha256, styles_xml, fonts, heading_font, body_font, logo, logo_type,
       logo_width_emu, logo_height_emu, imported_at)
     VALUES (@name, @fileName, @sha256, @stylesXml, @fonts, @headingFont, @bodyFont, @logo, @logoType, @w, @h, @now)
     ON CONFLICT (sha256) DO UPDATE SET name = excluded.name, file_name = excluded.file_name, styles_xml = excluded.styles_xml,
       fonts = excluded.fonts, heading_font = excluded.heading_font, body_font = excluded.body_font, logo = excluded.logo,
       logo_type = excluded.logo_type, logo_width_emu = excluded.logo_width_emu, logo_height_emu = excluded.logo_height_emu`,
  ).run(row);
}

function meetingRecord(ids: LocalIds, campaignId: number, f: F): MeetingRecord {
  const thematique = (number: Json | undefined) => ids.thematique(campaignId, number);
  const attendance: Record<string, number> = {};
  for (const code of CATEGORY_CODES) {
    const count = f[`attendance.${code}`];
    if (typeof count === 'number') attendance[code] = count;
  }
  const ateliers = (f.ateliers as { thematique: number; defi: string; participants: number | null }[])
    .map((a) => ({ thematiqueId: thematique(a.thematique), defi: a.defi, participants: a.participants }))
    .filter((a): a is { thematiqueId: number; defi: string; participants: number | null } => a.thematiqueId !== null);
  const place = f.place as F;
  return {
    campaignId, level: place.level as never, title: f.title as string, date: f.date as string, lieu: f.lieu as string,
    format: f.format as never, regionCode: s(place.regionCode), academieCode: s(place.academieCode), departementCode: s(place.departementCode),
    bassinId: ids.bassin(place.bassin), etablissementUai: ids.etablissement(place.etablissementUai),
    thematiqueIds: (f.thematiques as number[]).map(thematique).filter((id): id is number => id !== null),
    declaredTotal: n(f.declaredTotal), attendance, ateliers, restitutionReceived: f.restitutionReceived === true, notes: f.notes as string,
  };
}

function writeMeeting(db: Catalogue, ids: LocalIds, uid: string, f: F, now: string): void {
  const campaignId = ids.campaign(f.campaign);
  if (campaignId === null) return;
  const record = meetingRecord(ids, campaignId, f);
  const id = ids.held('meeting', uid);
  if (id !== null) return updateMeeting(db, id, record, now);
  ids.rememberMeeting(uid, insertMeeting(db, record, now, null, uid));
}

function writeRetex(db: Catalogue, ids: LocalIds, uid: string, f: F): void {
  const campaignId = ids.campaign(f.campaign);
  const thematiqueId = campaignId === null ? null : ids.thematique(campaignId, f.thematique);
  if (campaignId === null || thematiqueId === null) return;
  const retex = {
    campaignId, thematiqueId, title: f.title as string, text: f.text as string, niveau: s(f.niveau), classes: s(f.classes),
    etablissementUai: ids.etablissement(f.etablissementUai), sourceMeetingId: ids.row('meeting', f.sourceMeeting),
    links: f.links as never, selected: f.selected === true, position: f.position as number,
  };
  const id = ids.held('retex', uid);
  if (id !== null) return updateRetex(db, { ...retex, id });
  insertRetex(db, retex, uid);
}

function writeContribution(db: Catalogue, ids: LocalIds, uid: string, f: F): void {
  const campaignId = ids.campaign(f.campaign);
  const thematiqueId = campaignId === null ? null : ids.thematique(campaignId, f.thematique);
  if (campaignId === null || thematiqueId === null) return;
  const selected = f.selected === true;
  // Retenue and à traiter cannot both hold (0019's CHECK): when two laptops set one each, retenue wins.
  const review: ReviewState = selected ? 'retenue' : f.pending === true ? 'a_traiter' : 'ecartee';
  const link = (f.passage ?? null) as { restitution: string; start: PassagePoint; end: PassagePoint; text: string } | null;
  const restitutionId = link === null ? null : ids.restitution(link.restitution);
  const contribution = {
    campaignId, thematiqueId, kind: f.kind as never, text: f.text as string, heading: s(f.heading), scale: s(f.scale) as never,
    parentId: ids.row('contribution', f.parent), selected, position: f.position as number,
    sourceMeetingIds: (f.sources as string[]).map((m) => ids.row('meeting', m)).filter((id): id is number => id !== null),
    // Given explicitly, null included: a group or passage taken away there is taken away here.
    review, groupId: groupOfSameKey(db, ids.row('contribution_group', f.group), thematiqueId, f.kind as string),
    passage: link !== null && restitutionId !== null ? { restitutionId, start: link.start, end: link.end, text: link.text } : null,
  };
  const id = ids.held('contribution', uid);
  if (id !== null) return updateContribution(db, { ...contribution, id });
  insertContribution(db, contribution, uid);
}

/**
 * A group gathers one thématique's contributions of one kind: a received contribution whose group is of
 * another (the two fields changed apart on two laptops) is written in none, not in a group it does not fit.
 */
function groupOfSameKey(db: Catalogue, groupId: number | null, thematiqueId: number, kind: string): number | null {
  if (groupId === null) return null;
  const fits = db.prepare('SELECT 1 FROM contribution_group WHERE id = ? AND thematique_id = ? AND kind = ?').get(groupId, thematiqueId, kind);
  return fits ? groupId : null;
}

/**
 * A restitution and its passages, never edited in practice: the passages are written again only when
 * they differ. Its meeting not here yet: left out (the record waits, pending).
 */
function writeRestitution(db: Catalogue, ids: LocalIds, uid: string, f: F): void {
  const meetingId = ids.row('meeting', f.meeting);
  if (meetingId === null) return;
  const passages = f.passages as { text: string; heading: boolean }[];
  const row = { meetingId, fileName: f.fileName, format: f.format, sha256: f.sha256, addedAt: f.addedAt, uid };
  let id = ids.held('restitution', uid);
  if (id === null) {
    // The same file given to the same meeting here already: that one stands for it (LocalIds.restitution).
    if (db.prepare('SELECT 1 FROM restitution WHERE meeting_id = ? AND sha256 = ?').get(meetingId, f.sha256)) {
      ids.misses++;
      return;
    }
    id = Number(
      db.prepare(
        `INSERT INTO restitution (uid, meeting_id, file_name, format, sha256, added_at) VALUES (@uid, @meetingId, @fileName, @format, @sha256, @addedAt)`,
      ).run(row).lastInsertRowid,
    );
  } else {
    db.prepare(
      `UPDATE restitution SET meeting_id = @meetingId, file_name = @fileName, format = @format, sha256 = @sha256, added_at = @addedAt WHERE id = @id`,
    ).run({ ...row, id });
    const held = db.prepare('SELECT text, heading FROM restitution_passage WHERE restitution_id = ? ORDER BY idx').all(id) as { text: string; heading: number }[];
    if (held.length === passages.length && held.every((p, i) => p.text === passages[i]!.text && (p.heading === 1) === passages[i]!.heading)) return;
    db.prepare('DELETE FROM restitution_passage WHERE restitution_id = ?').run(id);
  }
  const insert = db.prepare('INSERT INTO restitution_passage (restitution_id, idx, text, heading) VALUES (?, ?, ?, ?)');
  passages.forEach((p, idx) => insert.run(id, idx, p.text, p.heading ? 1 : 0));
}

function writeGroup(db: Catalogue, ids: LocalIds, uid: string, f: F): void {
  const campaignId = ids.campaign(f.campaign);
  const thematiqueId = campaignId === null ? null : ids.thematique(campaignId, f.thematique);
  if (campaignId === null || thematiqueId === null) return;
  const group = {
    campaignId, thematiqueId, kind: f.kind as ContributionKind, wording: f.wording as string, review: f.review as ReviewState,
    position: f.position as number,
  };
  const id = ids.held('contribution_group', uid);
  if (id === null) return ids.remember('contribution_group', uid, insertGroup(db, group, uid));
  db.prepare(
    `UPDATE contribution_group SET campaign_id = @campaignId, thematique_id = @thematiqueId, kind = @kind, wording = @wording,
       review = @review, position = @position WHERE id = @id`,
  ).run({ ...group, id });
}

/** An entry of a review history: written once; what it is about not here yet, it waits. */
function writeReviewEvent(db: Catalogue, ids: LocalIds, uid: string, f: F): void {
  const contributionId = ids.row('contribution', f.contribution);
  const groupId = ids.row('contribution_group', f.group);
  if (contributionId === null && groupId === null) return;
  const event = { uid, contributionId, groupId, at: f.at, who: f.who, what: f.what, from: s(f.from), to: s(f.to) };
  const id = ids.held('review_event', uid);
  if (id === null) {
    db.prepare(
      `INSERT INTO review_event (uid, contribution_id, group_id, at, who, what, from_value, to_value)
       VALUES (@uid, @contributionId, @groupId, @at, @who, @what, @from, @to)`,
    ).run(event);
  } else {
    db.prepare(
      `UPDATE review_event SET contribution_id = @contributionId, group_id = @groupId, at = @at, who = @who, what = @what,
         from_value = @from, to_value = @to WHERE id = @id`,
    ).run({ ...event, id });
  }
}

/** A défi's answer may arrive before the défi in the same bundle: its parent is tied once all are in. */
export function tieParent(db: Catalogue, ids: LocalIds, uid: string, parent: Json | undefined): void {
  if (typeof parent !== 'string') return;
  const parentId = ids.row('contribution', parent);
  if (parentId !== null) db.prepare('UPDATE contribution SET parent_id = ? WHERE uid = ? AND parent_id IS NOT ?').run(parentId, uid, parentId);
}

function writeTrame(db: Catalogue, ids: LocalIds, uid: string, f: F): void {
  const campaignId = f.campaign === null ? null : ids.campaign(f.campaign);
  if (f.campaign !== null && campaignId === null) return;
  const trame = {
    campaignId, presetSlug: s(f.presetSlug), name: f.name as string, title: f.title as string, subtitle: f.subtitle as string,
    closingNote: f.closingNote as string, sections: f.sections as unknown as TrameSection[],
  };
  const id = ids.held('trame', uid);
  if (id === null) return void insertTrame(db, trame, uid);
  updateTrame(db, { ...trame, id });
  setTramePreset(db, id, trame.presetSlug);
}

/**
 * A saved map of thématiques, in place of the pair's: its two consultations not both here yet, it waits;
 * a pair naming a thématique this catalogue does not have is left out (read back as less than received).
 */
function writeThematiqueMap(db: Catalogue, ids: LocalIds, f: F): void {
  const fromId = ids.campaign(f.fromCampaign);
  const toId = ids.campaign(f.toCampaign);
  if (fromId === null || toId === null) return;
  const links = (f.pairs as { from: number; to: number }[])
    .map((l) => ({ fromThematiqueId: ids.thematique(fromId, l.from), toThematiqueId: ids.thematique(toId, l.to) }))
    .filter((l): l is MapLink => l.fromThematiqueId !== null && l.toThematiqueId !== null);
  replaceMap(db, fromId, toId, links, f.savedAt as string);
}

function writeExchangedSetting(db: Catalogue, ids: LocalIds, key: string, value: Json): void {
  if (key === 'contact') return writeSetting(db, SETTING_COLUMNS.contact, value);
  const id = key === 'activeCampaign' ? ids.campaign(value) : key === 'styleTemplate' ? findStyleBySha(db, value as string) ?? null : null;
  if (id !== null) writeSetting(db, SETTING_COLUMNS[key as keyof typeof SETTING_COLUMNS], id);
}
