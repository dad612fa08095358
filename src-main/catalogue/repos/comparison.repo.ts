/**
 * One consultation's thématiques mapped onto another's (migration 0019 thematique_map, and
 * thematique_map_saved once the user saved the map of a pair of consultations).
 */
import type { Catalogue } from '../database.ts';

export interface MapLink {
  fromThematiqueId: number;
  toThematiqueId: number;
}

/** The stored links between these two consultations' thématiques, by their numbers. */
export function mapLinks(db: Catalogue, fromCampaignId: number, toCampaignId: number): MapLink[] {
  return db
    .prepare(
      `SELECT m.from_thematique_id AS fromThematiqueId, m.to_thematique_id AS toThematiqueId
       FROM thematique_map m
       JOIN thematique f ON f.id = m.from_thematique_id
       JOIN thematique t ON t.id = m.to_thematique_id
       WHERE f.campaign_id = ? AND t.campaign_id = ?
       ORDER BY f.number, t.number`,
    )
    .all(fromCampaignId, toCampaignId) as MapLink[];
}

/** When the map of this pair was saved, if it was. */
export function mapSavedAt(db: Catalogue, fromCampaignId: number, toCampaignId: number): string | undefined {
  return db
    .prepare('SELECT saved_at FROM thematique_map_saved WHERE from_campaign_id = ? AND to_campaign_id = ?')
    .pluck()
    .get(fromCampaignId, toCampaignId) as string | undefined;
}

/** Replaces the pair's links and records it saved: call inside a transaction. */
export function replaceMap(db: Catalogue, fromCampaignId: number, toCampaignId: number, links: readonly MapLink[], savedAt: string): void {
  db.prepare(
    `DELETE FROM thematique_map
     WHERE from_thematique_id IN (SELECT id FROM thematique WHERE campaign_id = ?)
       AND to_thematique_id IN (SELECT id FROM thematique WHERE campaign_id = ?)`,
  ).run(fromCampaignId, toCampaignId);
  const insert = db.prepare('INSERT OR IGNORE INTO thematique_map (from_thematique_id, to_thematique_id) VALUES (?, ?)');
  for (const l of links) insert.run(l.fromThematiqueId, l.toThematiqueId);
  db.prepare(
    `INSERT INTO thematique_map_saved (from_campaign_id, to_campaign_id, saved_at) VALUES (?, ?, ?)
     ON CONFLICT (from_campaign_id, to_campaign_id) DO UPDATE SET saved_at = excluded.saved_at`,
  ).run(fromCampaignId, toCampaignId, savedAt);
  countAsChange(db);
}

/** Takes the pair's saved map away (its proposed one shows again): call inside a transaction. */
export function forgetMap(db: Catalogue, fromCampaignId: number, toCampaignId: number): void {
  db.prepare(
    `DELETE FROM thematique_map
     WHERE from_thematique_id IN (SELECT id FROM thematique WHERE campaign_id = ?)
       AND to_thematique_id IN (SELECT id FROM thematique WHERE campaign_id = ?)`,
  ).run(fromCampaignId, toCampaignId);
  db.prepare('DELETE FROM thematique_map_saved WHERE from_campaign_id = ? AND to_campaign_id = ?').run(fromCampaignId, toCampaignId);
  countAsChange(db);
}

/**
 * thematique_map_saved has no change triggers (0019 gave them to thematique_map only): a map saved empty,
 * or saved again as it was, is still a change of the catalogue (the exchange stamps it, a bundle carries
 * it). Counted like the triggers do, and not while a bulk write counts itself (holdChangeTriggers).
 */
function countAsChange(db: Catalogue): void {
  db.prepare(
    `UPDATE catalogue_state SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), change_count = change_count + 1 WHERE id = 1 AND quiet = 0`,
  ).run();
}

/**
 * Every contribution's text of a consultation (what weighs the words of a comparison), at most `limit`,
 * spread evenly over the consultation when it has more (every n-th by id: the same ones each time).
 */
export function contributionTexts(db: Catalogue, campaignId: number, limit: number): string[] {
  const count = db.prepare('SELECT count(*) FROM contribution WHERE campaign_id = ?').pluck().get(campaignId) as number;
  const step = Math.max(1, Math.ceil(count / limit));
  return db
    .prepare('SELECT text FROM (SELECT text, row_number() OVER (ORDER BY id) AS n FROM contribution WHERE campaign_id = ?) WHERE n % ? = 0')
    .pluck()
    .all(campaignId, step) as string[];
}
