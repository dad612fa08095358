/**
 * Every record of the catalogue as it travels: its identity and its fields, with references written
 * as identities (a meeting's uid, a consultation's slug, a thématique's number, a UAI), never as local
 * ids, which differ from one laptop to the next.
 */
import type { Catalogue } from '../database.ts';
import { CATEGORY_CODES } from '../../contract/domain.ts';
import { RECORD_KINDS, type RecordKind } from '../../contract/schemas/exchange.ts';
import type { Json, RecordFields } from '../../exchange/record.ts';
import { derivedUid } from '../uid.ts';

/**
 * The settings that travel in a whole catalogue, and where each lives here (the région is the
 * catalogue's own, never sent; local ids travel as identities: a slug, a checksum).
 */
export const SETTING_COLUMNS = { contact: 'contact', activeCampaign: 'activeCampaignId', styleTemplate: 'styleTemplateId' } as const;
const EXCHANGED_SETTINGS = Object.keys(SETTING_COLUMNS) as (keyof typeof SETTING_COLUMNS)[];

type Row = Record<string, unknown>;
const bool = (v: unknown) => v === 1;
const json = (v: unknown) => JSON.parse(v as string) as Json;

export function readAllRecords(db: Catalogue): RecordFields[] {
  return RECORD_KINDS.flatMap((kind) => READERS[kind](db, ALL));
}

/** The kinds whose rows are many, by the key their reader can range over. */
const CHUNKED: Partial<Record<RecordKind, { table: string; key: string; column: string; most?: number }>> = {
  etablissement: { table: 'etablissement', key: 'uai', column: 'e.uai' },
  meeting: { table: 'meeting', key: 'id', column: 'm.id' },
  retex: { table: 'retex', key: 'id', column: 'r.id' },
  contribution: { table: 'contribution', key: 'id', column: 'c.id' },
  // Each carries its whole text: a few at a time.
  restitution: { table: 'restitution', key: 'id', column: 'r.id', most: 50 },
  contributionGroup: { table: 'contribution_group', key: 'id', column: 'g.id' },
  reviewEvent: { table: 'review_event', key: 'id', column: 'e.id' },
};

/** The kinds whose rows carry their own uid, and their table: what is gone is found in SQL. */
export const UID_TABLES = {
  meeting: 'meeting', restitution: 'restitution', retex: 'retex', contributionGroup: 'contribution_group', contribution: 'contribution',
  reviewEvent: 'review_event',
} as const satisfies Partial<Record<RecordKind, string>>;
export type UidTable = (typeof UID_TABLES)[keyof typeof UID_TABLES];

/**
 * Every record of one kind, `size` at a time: a national catalogue's 300 000 contributions are never
 * all in memory at once (the others' kinds are small, read whole).
 */
export function* readRecordChunks(db: Catalogue, kind: RecordKind, size: number): Generator<RecordFields[]> {
  const chunked = CHUNKED[kind];
  if (!chunked) {
    yield READERS[kind](db, ALL);
    return;
  }
  const keys = db.prepare(`SELECT ${chunked.key} FROM ${chunked.table} ORDER BY ${chunked.key}`).pluck().all() as (number | string)[];
  const step = Math.min(size, chunked.most ?? size);
  for (let i = 0; i < keys.length; i += step) {
    const last = keys[Math.min(keys.length, i + step) - 1]!;
    yield READERS[kind](db, { sql: `${chunked.column} BETWEEN ? AND ?`, params: [keys[i], last] });
  }
}

/**
 * One record as this catalogue holds it (null when it has no row here): what a received record became
 * once written, its references tied to what exists here.
 */
export function readRecord(db: Catalogue, kind: RecordKind, uid: string, fields: Record<string, Json>): RecordFields | null {
  const where = whereOne(kind, uid, fields);
  if (!where) return null;
  return READERS[kind](db, where).find((r) => r.uid === uid) ?? null;
}

interface Where { sql: string; params: unknown[] }
const ALL: Where = { sql: '1 = 1', params: [] };

function whereOne(kind: RecordKind, uid: string, f: Record<string, Json>): Where | null {
  switch (kind) {
    case 'meeting': return { sql: 'm.uid = ?', params: [uid] };
    case 'retex': return { sql: 'r.uid = ?', params: [uid] };
    case 'contribution': return { sql: 'c.uid = ?', params: [uid] };
    case 'restitution': return { sql: 'r.uid = ?', params: [uid] };
    case 'contributionGroup': return { sql: 'g.uid = ?', params: [uid] };
    case 'reviewEvent': return { sql: 'e.uid = ?', params: [uid] };
    case 'trame': return { sql: 't.uid = ?', params: [uid] };
    case 'campaign': return { sql: 'c.slug = ?', params: [f.slug] };
    case 'style': return { sql: 'sha256 = ?', params: [f.sha256] };
    case 'bassin': return { sql: 'departement_code = ? AND nom = ?', params: [f.departementCode, f.nom] };
    case 'etablissement': return { sql: 'e.uai = ?', params: [f.uai] };
    case 'sectionText': return { sql: 'c.slug = ? AND s.scope = ? AND s.section_key = ?', params: [f.campaign, f.scope, f.sectionKey] };
    case 'thematiqueMap': return { sql: 'fc.slug = ? AND tc.slug = ?', params: [f.fromCampaign, f.toCampaign] };
    case 'setting': return ALL;
  }
}

const READERS: Record<RecordKind, (db: Catalogue, where: Where) => RecordFields[]> = {
  campaign: readCampaigns, style: readStyles, bassin: readBassins, etablissement: readEtablissements, meeting: readMeetings,
  retex: readRetex, contribution: readContributions, trame: readTrames, sectionText: readSectionTexts, setting: readSettings,
  restitution: readRestitutions, contributionGroup: readGroups, reviewEvent: readReviewEvents, thematiqueMap: readThematiqueMaps,
};

/** The identity a record of a natural-key kind must carry (null: a kind whose identity is its own). */
export function naturalUid(kind: RecordKind, f: Record<string, Json>): string | null {
  switch (kind) {
    case 'campaign': return campaignUid(f.slug as string);
    case 'style': return styleUid(f.sha256 as string);
    case 'bassin': return bassinUid(f.departementCode as string, f.nom as string);
    case 'etablissement': return etablissementUid(f.uai as string);
    case 'sectionText': return sectionTextUid(f.campaign as string, f.scope as string, f.sectionKey as string, f.thematique as number | null);
    case 'setting': return settingUid(f.key as string);
    case 'thematiqueMap': return thematiqueMapUid(f.fromCampaign as string, f.toCampaign as string);
    default: return null;
  }
}

const bassinRef = (r: Row) => (r.bassin_nom ? bassinUid(r.bassin_departement as string, r.bassin_nom as string) : null);
const record = (kind: RecordKind, uid: string, fields: Record<string, Json>): RecordFields => ({ uid, kind, fields });

export const campaignUid = (slug: string) => derivedUid('campaign', slug);
export const etablissementUid = (uai: string) => derivedUid('etablissement', uai);
export const styleUid = (sha256: string) => derivedUid('style', sha256);
export const settingUid = (key: string) => derivedUid('setting', key);
export const bassinUid = (departementCode: string, nom: string) => derivedUid('bassin', departementCode, nom);
export const presetTrameUid = (campaignSlug: string, presetSlug: string) => derivedUid('trame', campaignSlug, presetSlug);
/** A saved map of thématiques: one per pair of consultations, the same identity on every laptop. */
export const thematiqueMapUid = (fromSlug: string, toSlug: string) => derivedUid('thematiqueMap', fromSlug, toSlug);
export const sectionTextUid = (slug: string, scope: string, key: string, thematique: number | null) =>
  derivedUid('sectionText', slug, scope, key, thematique ?? 0);

function readCampaigns(db: Catalogue, where: Where): RecordFields[] {
  const rows = db
    .prepare(
      `SELECT c.*, (SELECT json_group_array(json_object('number', t.number, 'title', t.title, 'description', t.description,
           'sujets', (SELECT json_group_array(title) FROM (SELECT title FROM sujet WHERE thematique_id = t.id ORDER BY position))))
         FROM (SELECT * FROM thematique WHERE campaign_id = c.id ORDER BY number) t) AS thematiques
       FROM campaign c WHERE ${where.sql} ORDER BY c.id`,
    )
    .all(...where.params) as Row[];
  return rows.map((r) =>
    record('campaign', campaignUid(r.slug as string), {
      slug: r.slug as string, title: r.title as string, shortTitle: r.short_title as string,
      // One field: a start moved on one laptop and an end on another must not meet as an impossible period.
      dates: { startDate: r.start_date as string, endDate: r.end_date as string, reserveDate: r.reserve_date as string | null },
      description: r.description as string,
      thematiques: json(r.thematiques),
    }),
  );
}

function readStyles(db: Catalogue, where: Where): RecordFields[] {
  const rows = db.prepare(`SELECT * FROM style_template WHERE ${where.sql} ORDER BY id`).all(...where.params) as Row[];
  return rows.map((r) =>
    record('style', styleUid(r.sha256 as string), {
      name: r.name as string, fileName: r.file_name as string, sha256: r.sha256 as string, stylesXml: r.styles_xml as string,
      fonts: json(r.fonts), headingFont: r.heading_font as string | null, bodyFont: r.body_font as string | null,
      logo: r.logo ? (r.logo as Buffer).toString('base64') : null, logoType: r.logo_type as string | null,
      logoWidthEmu: r.logo_width_emu as number | null, logoHeightEmu: r.logo_height_emu as number | null,
    }),
  );
}

function readBassins(db: Catalogue, where: Where): RecordFields[] {
  const rows = db.prepare(`SELECT departement_code, kind, nom FROM bassin WHERE ${where.sql} ORDER BY id`).all(...where.params) as Row[];
  return rows.map((r) => record('bassin', bassinUid(r.departement_code as string, r.nom as string), { departementCode: r.departement_code as string, kind: r.kind as string, nom: r.nom as string }));
}

function readEtablissements(db: Catalogue, where: Where): RecordFields[] {
  const rows = db
    .prepare(`SELECT e.*, b.departement_code AS bassin_departement, b.nom AS bassin_nom FROM etablissement e LEFT JOIN bassin b ON b.id = e.bassin_id WHERE ${where.sql} ORDER BY e.uai`)
    .all(...where.params) as Row[];
  return rows.map((r) =>
    record('etablissement', etablissementUid(r.uai as string), {
      uai: r.uai as string, nom: r.nom as string, type: r.type as string, commune: r.commune as string,
      departementCode: r.departement_code as string, bassin: bassinRef(r),
    }),
  );
}

function readMeetings(db: Catalogue, where: Where): RecordFields[] {
  const rows = db
    .prepare(
      `SELECT m.*, c.slug AS campaign, b.departement_code AS bassin_departement, b.nom AS bassin_nom,
         (SELECT json_group_object(category_code, count) FROM attendance WHERE meeting_id = m.id) AS attendance,
         (SELECT json_group_array(t.number) FROM (SELECT t.number FROM meeting_thematique mt JOIN thematique t ON t.id = mt.thematique_id
            WHERE mt.meeting_id = m.id ORDER BY t.number) t) AS thematiques,
         (SELECT json_group_array(json_object('thematique', a.number, 'defi', a.defi, 'participants', a.participants))
            FROM (SELECT t.number, a.defi, a.participants FROM atelier a JOIN thematique t ON t.id = a.thematique_id
              WHERE a.meeting_id = m.id ORDER BY a.position) a) AS ateliers
       FROM meeting m JOIN campaign c ON c.id = m.campaign_id LEFT JOIN bassin b ON b.id = m.bassin_id WHERE ${where.sql} ORDER BY m.id`,
    )
    .all(...where.params) as Row[];
  return rows.map((r) => {
    const attendance = JSON.parse(r.attendance as string) as Record<string, number>;
    const fields: Record<string, Json> = {
      campaign: r.campaign as string, title: r.title as string, date: r.date as string,
      lieu: r.lieu as string, format: r.format as string,
      // One field: where a meeting sits holds together (a level goes with its académie, département, bassin).
      place: {
        level: r.level as string, regionCode: r.region_code as string | null, academieCode: r.academie_code as string | null,
        departementCode: r.departement_code as string | null, bassin: bassinRef(r), etablissementUai: r.etablissement_uai as string | null,
      },
      declaredTotal: r.declared_total as number | null, restitutionReceived: bool(r.restitution_received), notes: r.notes as string,
      thematiques: json(r.thematiques), ateliers: json(r.ateliers),
    };
    // One field per category: a DANE correcting the élus and a DSDEN the parents do not collide.
    for (const code of CATEGORY_CODES) fields[`attendance.${code}`] = attendance[code] ?? null;
    return record('meeting', r.uid as string, fields);
  });
}

function readRetex(db: Catalogue, where: Where): RecordFields[] {
  const rows = db
    .prepare(
      `SELECT r.*, c.slug AS campaign, t.number AS thematique, m.uid AS source_meeting,
         (SELECT json_group_array(json_object('kind', kind, 'url', url, 'label', label))
            FROM (SELECT * FROM retex_link WHERE retex_id = r.id ORDER BY position)) AS links
       FROM retex r JOIN campaign c ON c.id = r.campaign_id JOIN thematique t ON t.id = r.thematique_id
       LEFT JOIN meeting m ON m.id = r.source_meeting_id WHERE ${where.sql} ORDER BY r.id`,
    )
    .all(...where.params) as Row[];
  return rows.map((r) =>
    record('retex', r.uid as string, {
      campaign: r.campaign as string, thematique: r.thematique as number, title: r.title as string, text: r.text as string,
      niveau: r.niveau as string | null, classes: r.classes as string | null, etablissementUai: r.etablissement_uai as string | null,
      sourceMeeting: r.source_meeting as string | null, selected: bool(r.selected), position: r.position as number,
      links: json(r.links),
    }),
  );
}

function readContributions(db: Catalogue, where: Where): RecordFields[] {
  const rows = db
    .prepare(
      `SELECT c.*, k.slug AS campaign, t.number AS thematique, p.uid AS parent, g.uid AS group_uid, rs.uid AS restitution_uid,
         (SELECT json_group_array(uid) FROM (SELECT m.uid FROM contribution_source cs JOIN meeting m ON m.id = cs.meeting_id
            WHERE cs.contribution_id = c.id ORDER BY m.uid)) AS sources
       FROM contribution c JOIN campaign k ON k.id = c.campaign_id JOIN thematique t ON t.id = c.thematique_id
       LEFT JOIN contribution p ON p.id = c.parent_id LEFT JOIN contribution_group g ON g.id = c.group_id
       LEFT JOIN restitution rs ON rs.id = c.restitution_id WHERE ${where.sql} ORDER BY c.id`,
    )
    .all(...where.params) as Row[];
  return rows.map((r) => {
    const fields: Record<string, Json> = {
      campaign: r.campaign as string, thematique: r.thematique as number, kind: r.kind as string, text: r.text as string,
      heading: r.heading as string | null, scale: r.scale as string | null, parent: r.parent as string | null,
      selected: bool(r.selected), position: r.position as number, sources: json(r.sources),
    };
    // Only when set (exchange/record.ts OPTIONAL_FIELDS): a contribution without them reads as it always did.
    if (r.pending === 1) fields.pending = true;
    if (typeof r.group_uid === 'string') fields.group = r.group_uid;
    if (typeof r.restitution_uid === 'string' && typeof r.passage_range === 'string') {
      const range = JSON.parse(r.passage_range) as { start: Json; end: Json; text: Json };
      fields.passage = { restitution: r.restitution_uid, start: range.start, end: range.end, text: range.text };
    }
    return record('contribution', r.uid as string, fields);
  });
}

function readRestitutions(db: Catalogue, where: Where): RecordFields[] {
  const rows = db
    .prepare(
      `SELECT r.*, m.uid AS meeting,
         (SELECT json_group_array(json_object('heading', json(CASE heading WHEN 1 THEN 'true' ELSE 'false' END), 'text', text))
            FROM (SELECT heading, text FROM restitution_passage WHERE restitution_id = r.id ORDER BY idx)) AS passages
       FROM restitution r JOIN meeting m ON m.id = r.meeting_id WHERE ${where.sql} ORDER BY r.id`,
    )
    .all(...where.params) as Row[];
  return rows.map((r) =>
    record('restitution', r.uid as string, {
      meeting: r.meeting as string, fileName: r.file_name as string, format: r.format as string, sha256: r.sha256 as string,
      addedAt: r.added_at as string, passages: json(r.passages),
    }),
  );
}

function readGroups(db: Catalogue, where: Where): RecordFields[] {
  const rows = db
    .prepare(
      `SELECT g.*, k.slug AS campaign, t.number AS thematique FROM contribution_group g JOIN campaign k ON k.id = g.campaign_id
       JOIN thematique t ON t.id = g.thematique_id WHERE ${where.sql} ORDER BY g.id`,
    )
    .all(...where.params) as Row[];
  return rows.map((r) =>
    record('contributionGroup', r.uid as string, {
      campaign: r.campaign as string, thematique: r.thematique as number, kind: r.kind as string, wording: r.wording as string,
      review: r.review as string, position: r.position as number,
    }),
  );
}

function readReviewEvents(db: Catalogue, where: Where): RecordFields[] {
  const rows = db
    .prepare(
      `SELECT e.*, c.uid AS contribution, g.uid AS group_uid FROM review_event e LEFT JOIN contribution c ON c.id = e.contribution_id
       LEFT JOIN contribution_group g ON g.id = e.group_id WHERE ${where.sql} ORDER BY e.id`,
    )
    .all(...where.params) as Row[];
  return rows.map((r) =>
    record('reviewEvent', r.uid as string, {
      contribution: r.contribution as string | null, group: r.group_uid as string | null, at: r.at as string, who: r.who as string,
      what: r.what as string, from: r.from_value as string | null, to: r.to_value as string | null,
    }),
  );
}

function readTrames(db: Catalogue, where: Where): RecordFields[] {
  const rows = db
    .prepare(
      `SELECT t.*, c.slug AS campaign,
         (SELECT json_group_array(json_object('key', key, 'scope', scope, 'title', title, 'guidance', guidance, 'source', source,
            'contributionKinds', json(contribution_kinds), 'retexMin', retex_min, 'retexMax', retex_max, 'entryLabel', entry_label,
            'numbered', json(CASE numbered WHEN 1 THEN 'true' ELSE 'false' END), 'titleByThematique', json(title_by_thematique),
            'meetingCounts', json(CASE meeting_counts WHEN 1 THEN 'true' ELSE 'false' END)))
            FROM (SELECT * FROM trame_section WHERE trame_id = t.id ORDER BY position)) AS sections
       FROM trame t LEFT JOIN campaign c ON c.id = t.campaign_id WHERE ${where.sql} ORDER BY t.id`,
    )
    .all(...where.params) as Row[];
  return rows.map((r) =>
    record('trame', r.uid as string, {
      campaign: r.campaign as string | null, presetSlug: r.preset_slug as string | null, name: r.name as string,
      title: r.title as string, subtitle: r.subtitle as string, closingNote: r.closing_note as string, sections: json(r.sections),
    }),
  );
}

function readSectionTexts(db: Catalogue, where: Where): RecordFields[] {
  // A text of a thématique that no longer exists is left out rather than read as the document's text.
  const rows = db
    .prepare(
      `SELECT s.*, c.slug AS campaign, t.number AS thematique FROM section_text s JOIN campaign c ON c.id = s.campaign_id
       LEFT JOIN thematique t ON t.id = s.thematique_id WHERE (s.thematique_id = 0 OR t.id IS NOT NULL) AND ${where.sql}
       ORDER BY c.id, s.scope, s.section_key, t.number`,
    )
    .all(...where.params) as Row[];
  return rows.map((r) => {
    const thematique = (r.thematique as number | null) ?? null;
    return record('sectionText', sectionTextUid(r.campaign as string, r.scope as string, r.section_key as string, thematique), {
      campaign: r.campaign as string, scope: r.scope as string, sectionKey: r.section_key as string, thematique, text: r.text as string,
    });
  });
}

/**
 * The maps the user saved (comparison.saveMap), by pair of consultations: each pair a thématique of the
 * first and the one of the second it maps onto, by number, in order. A map never saved (only proposed) is no record.
 */
function readThematiqueMaps(db: Catalogue, where: Where): RecordFields[] {
  const rows = db
    .prepare(
      `SELECT fc.slug AS from_slug, tc.slug AS to_slug, s.saved_at,
         (SELECT json_group_array(json_object('from', l.f, 'to', l.t)) FROM (
            SELECT ft.number AS f, tt.number AS t FROM thematique_map m
            JOIN thematique ft ON ft.id = m.from_thematique_id JOIN thematique tt ON tt.id = m.to_thematique_id
            WHERE ft.campaign_id = s.from_campaign_id AND tt.campaign_id = s.to_campaign_id ORDER BY ft.number, tt.number) l) AS pairs
       FROM thematique_map_saved s JOIN campaign fc ON fc.id = s.from_campaign_id JOIN campaign tc ON tc.id = s.to_campaign_id
       WHERE ${where.sql} ORDER BY fc.slug, tc.slug`,
    )
    .all(...where.params) as Row[];
  return rows.map((r) =>
    record('thematiqueMap', thematiqueMapUid(r.from_slug as string, r.to_slug as string), {
      fromCampaign: r.from_slug as string, toCampaign: r.to_slug as string, pairs: json(r.pairs), savedAt: r.saved_at as string,
    }),
  );
}

/** The saved maps' exchange states (not deleted): a scoped bundle carries them all, like the user's other choices. */
export function savedMapUids(db: Catalogue): string[] {
  return db.prepare("SELECT uid FROM exchange_record WHERE kind = 'thematiqueMap' AND deleted = 0 ORDER BY uid").pluck().all() as string[];
}

/** Local ids become identities: the active consultation by slug, the default style by checksum. */
function readSettings(db: Catalogue, _where: Where): RecordFields[] {
  const stored = Object.fromEntries(
    (db.prepare('SELECT key, value FROM setting').all() as { key: string; value: string }[]).map((r) => [r.key, JSON.parse(r.value) as unknown]),
  );
  const values: Record<(typeof EXCHANGED_SETTINGS)[number], Json> = {
    contact: typeof stored.contact === 'string' && stored.contact !== '' ? stored.contact : null,
    activeCampaign:
      typeof stored.activeCampaignId === 'number'
        ? ((db.prepare('SELECT slug FROM campaign WHERE id = ?').pluck().get(stored.activeCampaignId) as string | undefined) ?? null)
        : null,
    styleTemplate:
      typeof stored.styleTemplateId === 'number'
        ? ((db.prepare('SELECT sha256 FROM style_template WHERE id = ?').pluck().get(stored.styleTemplateId) as string | undefined) ?? null)
        : null,
  };
  return EXCHANGED_SETTINGS.filter((key) => values[key] !== null).map((key) => record('setting', settingUid(key), { key, value: values[key] }));
}
