/** Which retex and contributions a scope's synthesis draws on: those of its own meetings and établissements. */
import type { Catalogue } from '../database.ts';
import { scopeFilter, type StatsScope } from './stats.repo.ts';

/**
 * Contributions with a source meeting in the scope (an académie-wide concertation counting for each
 * of its départements); in a région's synthesis, also those written for the whole région (no source).
 */
export function contributionIdsInScope(db: Catalogue, campaignId: number, scope: StatsScope): Set<number> {
  const f = scopeFilter(scope);
  const ids = db
    .prepare(
      `SELECT DISTINCT cs.contribution_id FROM contribution_source cs JOIN meeting m ON m.id = cs.meeting_id
       WHERE m.campaign_id = ? AND ${f.sql}
       UNION
       SELECT c.id FROM contribution c WHERE c.campaign_id = ? AND ? = 1
         AND NOT EXISTS (SELECT 1 FROM contribution_source WHERE contribution_id = c.id)`,
    )
    .pluck()
    .all(campaignId, ...f.params, campaignId, scope.filterColumn === 'region_code' ? 1 : 0) as number[];
  return new Set(ids);
}

/**
 * Retex of an établissement go where the établissement is, whichever meeting presented them (a
 * Haute-Vienne school shown at Limoges's académie-wide concertation is Haute-Vienne's); the others
 * go by their meeting; in a région's synthesis, any shown at one of its meetings (a guest school from
 * another région) and those tied to neither.
 */
export function retexIdsInScope(db: Catalogue, campaignId: number, scope: StatsScope): Set<number> {
  const place =
    scope.filterColumn === 'departement_code'
      ? 'd.code'
      : scope.filterColumn === 'academie_code'
        ? 'd.academie_code'
        : '(SELECT region_code FROM academie WHERE code = d.academie_code)';
  const f = scopeFilter(scope);
  const region = scope.filterColumn === 'region_code' ? 1 : 0;
  const ids = db
    .prepare(
      `SELECT r.id FROM retex r
       LEFT JOIN meeting m ON m.id = r.source_meeting_id
       LEFT JOIN etablissement e ON e.uai = r.etablissement_uai
       LEFT JOIN departement d ON d.code = e.departement_code
       WHERE r.campaign_id = ? AND (
         (e.uai IS NOT NULL AND ${place} = ?)
         OR ((e.uai IS NULL OR ? = 1) AND m.id IS NOT NULL AND ${f.sql})
         OR (e.uai IS NULL AND m.id IS NULL AND ? = 1))`,
    )
    .pluck()
    .all(campaignId, scope.filterValue, region, ...f.params, region) as number[];
  return new Set(ids);
}
