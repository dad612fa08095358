import type { Catalogue } from '../database.ts';
import type { Campaign, Thematique } from '../../contract/schemas/campaign.ts';

interface CampaignRow {
  id: number; slug: string; title: string; short_title: string; start_date: string; end_date: string;
  reserve_date: string | null; description: string;
}
interface ThematiqueRow { id: number; campaign_id: number; number: number; title: string; description: string }

export type CampaignFields = Omit<Campaign, 'id' | 'thematiques'>;
export type ThematiqueFields = Omit<Thematique, 'id' | 'campaignId'>;

export function listCampaigns(db: Catalogue): Campaign[] {
  const rows = db.prepare('SELECT * FROM campaign ORDER BY start_date DESC, id').all() as CampaignRow[];
  return rows.map((row) => toCampaign(db, row));
}

export function getCampaign(db: Catalogue, id: number): Campaign | undefined {
  const row = db.prepare('SELECT * FROM campaign WHERE id = ?').get(id) as CampaignRow | undefined;
  return row && toCampaign(db, row);
}

export function findCampaignBySlug(db: Catalogue, slug: string): Campaign | undefined {
  const row = db.prepare('SELECT * FROM campaign WHERE slug = ?').get(slug) as CampaignRow | undefined;
  return row && toCampaign(db, row);
}

export function insertCampaign(db: Catalogue, c: CampaignFields): number {
  const result = db
    .prepare(
      `INSERT INTO campaign (slug, title, short_title, start_date, end_date, reserve_date, description)
       VALUES (@slug, @title, @shortTitle, @startDate, @endDate, @reserveDate, @description)`,
    )
    .run(c);
  return Number(result.lastInsertRowid);
}

export function updateCampaign(db: Catalogue, id: number, c: CampaignFields): void {
  db.prepare(
    `UPDATE campaign SET slug = @slug, title = @title, short_title = @shortTitle, start_date = @startDate,
       end_date = @endDate, reserve_date = @reserveDate, description = @description WHERE id = @id`,
  ).run({ ...c, id });
}

export function deleteCampaign(db: Catalogue, id: number): boolean {
  return db.prepare('DELETE FROM campaign WHERE id = ?').run(id).changes > 0;
}

export function listThematiques(db: Catalogue, campaignId: number): Thematique[] {
  const rows = db
    .prepare('SELECT * FROM thematique WHERE campaign_id = ? ORDER BY number')
    .all(campaignId) as ThematiqueRow[];
  return rows.map((row) => toThematique(db, row));
}

/** Just the ids, for checking what a record points to (no sujets read). */
export function thematiqueIds(db: Catalogue, campaignId: number): Set<number> {
  return new Set(db.prepare('SELECT id FROM thematique WHERE campaign_id = ?').pluck().all(campaignId) as number[]);
}

export function getThematique(db: Catalogue, id: number): Thematique | undefined {
  const row = db.prepare('SELECT * FROM thematique WHERE id = ?').get(id) as ThematiqueRow | undefined;
  return row && toThematique(db, row);
}

export function insertThematique(db: Catalogue, campaignId: number, t: ThematiqueFields): number {
  const result = db
    .prepare('INSERT INTO thematique (campaign_id, number, title, description) VALUES (?, ?, ?, ?)')
    .run(campaignId, t.number, t.title, t.description);
  const id = Number(result.lastInsertRowid);
  replaceSujets(db, id, t.sujets);
  return id;
}

export function updateThematique(db: Catalogue, id: number, t: ThematiqueFields): void {
  db.prepare('UPDATE thematique SET number = ?, title = ?, description = ? WHERE id = ?').run(
    t.number, t.title, t.description, id,
  );
  replaceSujets(db, id, t.sujets);
}

export function deleteThematique(db: Catalogue, id: number): boolean {
  return db.prepare('DELETE FROM thematique WHERE id = ?').run(id).changes > 0;
}

/** Counts what still refers to a thématique (meetings, ateliers, retex, contributions). */
export function thematiqueUsage(db: Catalogue, id: number): number {
  const row = db
    .prepare(
      `SELECT (SELECT count(*) FROM meeting_thematique WHERE thematique_id = @id)
            + (SELECT count(*) FROM atelier WHERE thematique_id = @id)
            + (SELECT count(*) FROM retex WHERE thematique_id = @id)
            + (SELECT count(*) FROM contribution WHERE thematique_id = @id) AS n`,
    )
    .get({ id }) as { n: number };
  return row.n;
}

function replaceSujets(db: Catalogue, thematiqueId: number, sujets: string[]): void {
  db.prepare('DELETE FROM sujet WHERE thematique_id = ?').run(thematiqueId);
  const insert = db.prepare('INSERT INTO sujet (thematique_id, position, title) VALUES (?, ?, ?)');
  sujets.forEach((title, index) => insert.run(thematiqueId, index + 1, title));
}

function toCampaign(db: Catalogue, row: CampaignRow): Campaign {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    shortTitle: row.short_title,
    startDate: row.start_date,
    endDate: row.end_date,
    reserveDate: row.reserve_date,
    description: row.description,
    thematiques: listThematiques(db, row.id),
  };
}

function toThematique(db: Catalogue, row: ThematiqueRow): Thematique {
  const sujets = db
    .prepare('SELECT title FROM sujet WHERE thematique_id = ? ORDER BY position')
    .pluck()
    .all(row.id) as string[];
  return { id: row.id, campaignId: row.campaign_id, number: row.number, title: row.title, description: row.description, sujets };
}
