import type { Catalogue } from '../database.ts';
import type { StyleTemplateInfo } from '../../contract/schemas/style.ts';
import type { StyleTemplate } from '../../synthesis/style-template.ts';

interface StyleRow {
  id: number; name: string; file_name: string; sha256: string; styles_xml: string; fonts: string;
  heading_font: string | null; body_font: string | null; logo: Buffer | null; logo_type: string | null;
  logo_width_emu: number | null; logo_height_emu: number | null; imported_at: string;
}

const INFO = `id, name, file_name, sha256, fonts, heading_font, body_font, logo IS NOT NULL AS has_logo, imported_at`;

export function listStyles(db: Catalogue): StyleTemplateInfo[] {
  const rows = db.prepare(`SELECT ${INFO} FROM style_template ORDER BY name, id`).all() as (StyleRow & { has_logo: number })[];
  return rows.map(toInfo);
}

export function getStyleInfo(db: Catalogue, id: number): StyleTemplateInfo | undefined {
  const row = db.prepare(`SELECT ${INFO} FROM style_template WHERE id = ?`).get(id) as (StyleRow & { has_logo: number }) | undefined;
  return row && toInfo(row);
}

export function findStyleBySha(db: Catalogue, sha256: string): number | undefined {
  return db.prepare('SELECT id FROM style_template WHERE sha256 = ?').pluck().get(sha256) as number | undefined;
}

/** The template as the renderer needs it. */
export function getStyleTemplate(db: Catalogue, id: number): StyleTemplate | undefined {
  const row = db.prepare('SELECT * FROM style_template WHERE id = ?').get(id) as StyleRow | undefined;
  if (!row) return undefined;
  return {
    fileName: row.file_name,
    stylesXml: row.styles_xml,
    fonts: JSON.parse(row.fonts) as string[],
    headingFont: row.heading_font,
    bodyFont: row.body_font,
    logo: row.logo
      ? { data: row.logo, type: row.logo_type as 'png', widthEmu: row.logo_width_emu!, heightEmu: row.logo_height_emu! }
      : null,
  };
}

export function insertStyle(db: Catalogue, name: string, sha256: string, t: StyleTemplate, now: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO style_template (name, file_name, sha256, styles_xml, fonts, heading_font, body_font, logo, logo_type,
           logo_width_emu, logo_height_emu, imported_at)
         VALUES (@name, @fileName, @sha256, @stylesXml, @fonts, @headingFont, @bodyFont, @logo, @logoType, @w, @h, @now)`,
      )
      .run({
        name, sha256, now, fileName: t.fileName, stylesXml: t.stylesXml, fonts: JSON.stringify(t.fonts),
        headingFont: t.headingFont, bodyFont: t.bodyFont, logo: t.logo?.data ?? null, logoType: t.logo?.type ?? null,
        w: t.logo?.widthEmu ?? null, h: t.logo?.heightEmu ?? null,
      }).lastInsertRowid,
  );
}

export function deleteStyleBySha(db: Catalogue, sha256: string): boolean {
  return db.prepare('DELETE FROM style_template WHERE sha256 = ?').run(sha256).changes > 0;
}

export function deleteStyle(db: Catalogue, id: number): boolean {
  return db.prepare('DELETE FROM style_template WHERE id = ?').run(id).changes > 0;
}

function toInfo(row: StyleRow & { has_logo: number }): StyleTemplateInfo {
  return {
    id: row.id, name: row.name, fileName: row.file_name, sha256: row.sha256, fonts: JSON.parse(row.fonts) as string[],
    headingFont: row.heading_font, bodyFont: row.body_font, hasLogo: row.has_logo === 1, importedAt: row.imported_at,
  };
}
