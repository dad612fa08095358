/**
 * Writes a received record into the catalogue's own tables, its identities turned back into this
 * catalogue's local ids. The fields were validated (exchange/record-schemas.ts) before they get here;
 * what they point to that this catalogue does not hold is left out, never invented.
 */
import type { Catalogue } from '../database.ts';
import { CATEGORY_CODES } from '../../contract/domain.ts';
import type { RecordKind } from '../../contract/schemas/exchange.ts';
import type { Json } from '../../exchange/record.ts';
import type { TrameSection } from '../../contract/schemas/trame.ts';
import { insertCampaign, insertThematique, thematiqueUsage, updateCampaign, updateThematique } from './campaign.repo.ts';
import { deleteContribution, insertContribution, updateContribution } from './contribution.repo.ts';
import { bassinUid } from './exchange-records.repo.ts';
import { deleteMeeting, insertMeeting, updateMeeting, type MeetingRecord } from './meeting.repo.ts';
import { deleteRetex, insertRetex, updateRetex } from './retex.repo.ts';
import { writeSetting } from './setting.repo.ts';
import { deleteBassin, deleteEtablissement, placeUsage, upsertEtablissement } from './territory.repo.ts';
import { deleteTrame, insertTrame, setSectionText, updateTrame } from './trame.repo.ts';

type F = Record<string, Json>;
const s = (v: Json | undefined) => (v ?? null) as string | null;
const n = (v: Json | undefined) => (v ?? null) as number | null;

/** Identities to local ids, looked up once per merge. */
export class LocalIds {
  private bassins?: Map<string, number>;
  // Asked once per record of a bundle: kept for the merge, forgotten when a consultation is written.
  private readonly campaigns = new Map<string, number | undefined>();
  private readonly thematiques = new Map<string, number | undefined>();
  /** References asked for and not found here: the written rows then differ from what was received. */
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
  row(table: 'meeting' | 'retex' | 'contribution' | 'trame', uid: Json | undefined): number | null {
    if (typeof uid !== 'string') return null;
    return this.found(uid, this.db.prepare(`SELECT id FROM ${table} WHERE uid = ?`).pluck().get(uid) as number | undefined);
  }
  /** Does this catalogue hold the record already? (Asking is not a missing reference.) */
  held(table: 'meeting' | 'retex' | 'contribution' | 'trame', uid: string): number | null {
    return (this.db.prepare(`SELECT id FROM ${table} WHERE uid = ?`).pluck().get(uid) as number | undefined) ?? null;
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
}

/** Puts the record's fields in place, inserting it if this catalogue does not hold it. */
export function writeRecord(db: Catalogue, ids: LocalIds, kind: RecordKind, uid: string, f: F, now: string): void {
  switch (kind) {
    case 'campaign':
      writeCampaign(db, ids, f);
      return ids.forgetCampaigns();
    case 'style': return writeStyle(db, f);
    case 'bassin': {
      db.prepare(
        'INSERT INTO bassin (departement_code, kind, nom) VALUES (?, ?, ?) ON CONFLICT (departement_code, nom) DO UPDATE SET kind = excluded.kind',
      ).run(f.departementCode, f.kind, f.nom);
      return ids.forgetBassins();
    }
    case 'etablissement':
      return upsertEtablissement(db, {
        uai: f.uai as string, nom: f.nom as string, type: f.type as never, commune: f.commune as string,
        departementCode: f.departementCode as string, bassinId: ids.bassin(f.bassin),
      });
    case 'meeting': return writeMeeting(db, ids, uid, f, now);
    case 'retex': return writeRetex(db, ids, uid, f);
    case 'contribution': return writeContribution(db, ids, uid, f);
    case 'trame': return writeTrame(db, ids, uid, f);
    case 'sectionText': {
      const campaignId = ids.campaign(f.campaign);
      if (campaignId === null) return;
      const thematiqueId = f.thematique === null ? null : ids.thematique(campaignId, f.thematique);
      if (f.thematique !== null && thematiqueId === null) return;
      return setSectionText(db, { campaignId, scope: f.scope as string, sectionKey: f.sectionKey as string, thematiqueId, text: f.text as string });
    }
    case 'setting': return writeExchangedSetting(db, ids, f.key as string, f.value ?? null);
  }
}

const DELETE_ROW = { meeting: deleteMeeting, retex: deleteRetex, contribution: deleteContribution, trame: deleteTrame };

/** Takes a deleted record out; places still used by other records stay (their deletion waits). */
export function removeRecord(db: Catalogue, ids: LocalIds, kind: RecordKind, uid: string, f: F): void {
  switch (kind) {
    case 'meeting':
    case 'retex':
    case 'contribution':
    case 'trame': {
      const id = ids.held(kind, uid);
      if (id !== null) DELETE_ROW[kind](db, id);
      return;
    }
    case 'bassin': {
      const id = ids.bassin(uid);
      if (id !== null && placeUsage(db, { bassinId: id }) === 0) deleteBassin(db, id);
      return ids.forgetBassins();
    }
    case 'etablissement': {
      const uai = ids.etablissement(f.uai);
      const used = uai !== null && (db.prepare('SELECT count(*) FROM retex WHERE etablissement_uai = ?').pluck().get(uai) as number) > 0;
      if (uai !== null && !used && placeUsage(db, { uai }) === 0) deleteEtablissement(db, uai);
      return;
    }
    case 'sectionText': {
      const campaignId = ids.campaign(f.campaign);
      if (campaignId === null) return;
      const thematiqueId = f.thematique === null ? null : ids.thematique(campaignId, f.thematique);
      return setSectionText(db, { campaignId, scope: f.scope as string, sectionKey: f.sectionKey as string, thematiqueId, text: '' });
    }
    case 'setting': {
      const key = { contact: 'contact', activeCampaign: 'activeCampaignId', styleTemplate: 'styleTemplateId' }[f.key as string];
      if (key) db.prepare('DELETE FROM setting WHERE key = ?').run(key);
      return;
    }
    case 'style': {
      db.prepare('DELETE FROM style_template WHERE sha256 = ?').run(f.sha256);
      return;
    }
    case 'campaign':
      // A whole consultation is never deleted by a bundle: too much goes with it.
      return;
  }
}

function writeCampaign(db: Catalogue, ids: LocalIds, f: F): void {
  const fields = {
    slug: f.slug as string, title: f.title as string, shortTitle: f.shortTitle as string, startDate: f.startDate as string,
    endDate: f.endDate as string, reserveDate: s(f.reserveDate), description: f.description as string,
  };
  let id = ids.campaign(f.slug);
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
    if (!kept.has(t.number) && thematiqueUsage(db, t.id) === 0) db.prepare('DELETE FROM thematique WHERE id = ?').run(t.id);
  }
}

function writeStyle(db: Catalogue, f: F): void {
  const row = {
    name: f.name, fileName: f.fileName, sha256: f.sha256, stylesXml: f.stylesXml, fonts: JSON.stringify(f.fonts),
    headingFont: s(f.headingFont), bodyFont: s(f.bodyFont), logo: typeof f.logo === 'string' ? Buffer.from(f.logo, 'base64') : null,
    logoType: s(f.logoType), w: n(f.logoWidthEmu), h: n(f.logoHeightEmu), importedAt: f.importedAt,
  };
  db.prepare(
    `INSERT INTO style_template (name, file_name, sha256, styles_xml, fonts, heading_font, body_font, logo, logo_type,
       logo_width_emu, logo_height_emu, imported_at)
     VALUES (@name, @fileName, @sha256, @stylesXml, @fonts, @headingFont, @bodyFont, @logo, @logoType, @w, @h, @importedAt)
     ON CONFLICT (sha256) DO UPDATE SET name = excluded.name, file_name = excluded.file_name`,
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
  return {
    campaignId, level: f.level as never, title: f.title as string, date: f.date as string, lieu: f.lieu as string,
    format: f.format as never, regionCode: s(f.regionCode), academieCode: s(f.academieCode), departementCode: s(f.departementCode),
    bassinId: ids.bassin(f.bassin), etablissementUai: ids.etablissement(f.etablissementUai),
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
  insertMeeting(db, record, now, null, uid);
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
  const contribution = {
    campaignId, thematiqueId, kind: f.kind as never, text: f.text as string, heading: s(f.heading), scale: s(f.scale) as never,
    parentId: ids.row('contribution', f.parent), selected: f.selected === true, position: f.position as number,
    sourceMeetingIds: (f.sources as string[]).map((m) => ids.row('meeting', m)).filter((id): id is number => id !== null),
  };
  const id = ids.held('contribution', uid);
  if (id !== null) return updateContribution(db, { ...contribution, id });
  insertContribution(db, contribution, uid);
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
  if (id !== null) return updateTrame(db, { ...trame, id });
  insertTrame(db, trame, uid);
}

function writeExchangedSetting(db: Catalogue, ids: LocalIds, key: string, value: Json): void {
  if (key === 'contact') return writeSetting(db, 'contact', value);
  if (key === 'activeCampaign') {
    const id = ids.campaign(value);
    if (id !== null) writeSetting(db, 'activeCampaignId', id);
    return;
  }
  if (key === 'styleTemplate') {
    const id = db.prepare('SELECT id FROM style_template WHERE sha256 = ?').pluck().get(value) as number | undefined;
    if (id !== undefined) writeSetting(db, 'styleTemplateId', id);
  }
}
