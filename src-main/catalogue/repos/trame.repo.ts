import type { Catalogue } from '../database.ts';
import type { SectionText } from '../../contract/schemas/content.ts';
import type { Trame, TrameSection } from '../../contract/schemas/trame.ts';

interface TrameRow {
  id: number; campaign_id: number | null; preset_slug: string | null; name: string; title: string; subtitle: string;
  closing_note: string;
}
interface SectionRow {
  key: string; scope: TrameSection['scope']; title: string; guidance: string; source: TrameSection['source'];
  contribution_kinds: string; retex_min: number; retex_max: number; entry_label: string; numbered: 0 | 1;
  title_by_thematique: string; meeting_counts: 0 | 1;
}

export function listTrames(db: Catalogue, campaignId?: number): Trame[] {
  const rows = db
    .prepare(
      `SELECT * FROM trame WHERE @campaignId IS NULL OR campaign_id IS NULL OR campaign_id = @campaignId ORDER BY id`,
    )
    .all({ campaignId: campaignId ?? null }) as TrameRow[];
  return rows.map((row) => toTrame(db, row));
}

export function getTrame(db: Catalogue, id: number): Trame | undefined {
  const row = db.prepare('SELECT * FROM trame WHERE id = ?').get(id) as TrameRow | undefined;
  return row && toTrame(db, row);
}

/** `uid`: given for a preset's trame, the same in every catalogue; a random one otherwise. */
export function insertTrame(db: Catalogue, t: Omit<Trame, 'id'>, uid: string | null = null): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO trame (campaign_id, preset_slug, name, title, subtitle, closing_note, uid)
         VALUES (@campaignId, @presetSlug, @name, @title, @subtitle, @closingNote, @uid)`,
      )
      .run({ ...t, uid }).lastInsertRowid,
  );
  writeSections(db, id, t.sections);
  return id;
}

export function updateTrame(db: Catalogue, t: Trame): void {
  db.prepare(
    `UPDATE trame SET campaign_id = @campaignId, name = @name, title = @title, subtitle = @subtitle,
       closing_note = @closingNote WHERE id = @id`,
  ).run(t);
  db.prepare('DELETE FROM trame_section WHERE trame_id = ?').run(t.id);
  writeSections(db, t.id, t.sections);
}

/** A preset's trame keeps the preset's name across catalogues (what `trames.duplicate` leaves out). */
export function setTramePreset(db: Catalogue, id: number, presetSlug: string | null): void {
  db.prepare('UPDATE trame SET preset_slug = ? WHERE id = ?').run(presetSlug, id);
}

export function deleteTrame(db: Catalogue, id: number): boolean {
  return db.prepare('DELETE FROM trame WHERE id = ?').run(id).changes > 0;
}

function writeSections(db: Catalogue, trameId: number, sections: TrameSection[]): void {
  const insert = db.prepare(
    `INSERT INTO trame_section (trame_id, position, key, scope, title, guidance, source, contribution_kinds, retex_min, retex_max,
       entry_label, numbered, title_by_thematique, meeting_counts)
     VALUES (@trameId, @position, @key, @scope, @title, @guidance, @source, @kinds, @retexMin, @retexMax, @entryLabel, @num, @byThematique,
       @meetingCounts)`,
  );
  sections.forEach((s, index) =>
    insert.run({
      ...s, trameId, position: index + 1, kinds: JSON.stringify(s.contributionKinds), num: s.numbered ? 1 : 0,
      byThematique: JSON.stringify(s.titleByThematique ?? {}), meetingCounts: s.meetingCounts ? 1 : 0,
    }),
  );
}

function toTrame(db: Catalogue, row: TrameRow): Trame {
  const sections = db
    .prepare('SELECT * FROM trame_section WHERE trame_id = ? ORDER BY position')
    .all(row.id) as SectionRow[];
  return {
    id: row.id,
    campaignId: row.campaign_id,
    presetSlug: row.preset_slug,
    name: row.name,
    title: row.title,
    subtitle: row.subtitle,
    closingNote: row.closing_note,
    sections: sections.map((s) => ({
      key: s.key,
      scope: s.scope,
      title: s.title,
      guidance: s.guidance,
      source: s.source,
      contributionKinds: JSON.parse(s.contribution_kinds) as TrameSection['contributionKinds'],
      retexMin: s.retex_min,
      retexMax: s.retex_max,
      entryLabel: s.entry_label,
      numbered: s.numbered === 1,
      titleByThematique: JSON.parse(s.title_by_thematique) as Record<string, string>,
      meetingCounts: s.meeting_counts === 1,
    })),
  };
}

export function listSectionTexts(db: Catalogue, campaignId: number): SectionText[] {
  const rows = db
    .prepare('SELECT * FROM section_text WHERE campaign_id = ? ORDER BY scope, section_key, thematique_id')
    .all(campaignId) as { campaign_id: number; scope: string; section_key: string; thematique_id: number; text: string }[];
  return rows.map((r) => ({
    campaignId: r.campaign_id,
    scope: r.scope,
    sectionKey: r.section_key,
    thematiqueId: r.thematique_id === 0 ? null : r.thematique_id,
    text: r.text,
  }));
}

export function getSectionText(db: Catalogue, key: Omit<SectionText, 'text'>): string {
  return (
    (db
      .prepare('SELECT text FROM section_text WHERE campaign_id = ? AND scope = ? AND section_key = ? AND thematique_id = ?')
      .pluck()
      .get(key.campaignId, key.scope, key.sectionKey, key.thematiqueId ?? 0) as string | undefined) ?? ''
  );
}

export function setSectionText(db: Catalogue, t: SectionText): void {
  const args = [t.campaignId, t.scope, t.sectionKey, t.thematiqueId ?? 0] as const;
  if (t.text.trim() === '') {
    db.prepare('DELETE FROM section_text WHERE campaign_id = ? AND scope = ? AND section_key = ? AND thematique_id = ?').run(
      ...args,
    );
    return;
  }
  db.prepare(
    `INSERT INTO section_text (campaign_id, scope, section_key, thematique_id, text) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET text = excluded.text`,
  ).run(...args, t.text);
}
