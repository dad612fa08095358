/** Which retex and contributions a scope's synthesis draws on: those of its own meetings. */
import type { Catalogue } from '../database.ts';
import type { StatsScope } from './stats.repo.ts';

/**
 * Contributions with a source meeting in the scope; in a région's synthesis, also those written
 * for the whole région (no source meeting).
 */
export function contributionIdsInScope(db: Catalogue, campaignId: number, scope: StatsScope): Set<number> {
  const ids = db
    .prepare(
      `SELECT DISTINCT cs.contribution_id FROM contribution_source cs JOIN meeting m ON m.id = cs.meeting_id
       WHERE m.campaign_id = @campaignId AND m.${scope.filterColumn} = @value
       UNION
       SELECT c.id FROM contribution c WHERE c.campaign_id = @campaignId AND @region = 1
         AND NOT EXISTS (SELECT 1 FROM contribution_source WHERE contribution_id = c.id)`,
    )
    .pluck()
    .all({ campaignId, value: scope.filterValue, region: scope.filterColumn === 'region_code' ? 1 : 0 }) as number[];
  return new Set(ids);
}

/** Retex from a meeting or an établissement of the scope; unattached ones in a région's synthesis only. */
export function retexIdsInScope(db: Catalogue, campaignId: number, scope: StatsScope): Set<number> {
  const place =
    scope.filterColumn === 'departement_code'
      ? 'd.code'
      : scope.filterColumn === 'academie_code'
        ? 'd.academie_code'
        : '(SELECT region_code FROM academie WHERE code = d.academie_code)';
  const ids = db
    .prepare(
      `SELECT r.id FROM retex r
       LEFT JOIN meeting m ON m.id = r.source_meeting_id
       LEFT JOIN etablissement e ON e.uai = r.etablissement_uai
       LEFT JOIN departement d ON d.code = e.departement_code
       WHERE r.campaign_id = @campaignId AND (
         m.${scope.filterColumn} = @value
         OR (m.id IS NULL AND e.uai IS NOT NULL AND ${place} = @value)
         OR (m.id IS NULL AND e.uai IS NULL AND @region = 1))`,
    )
    .pluck()
    .all({ campaignId, value: scope.filterValue, region: scope.filterColumn === 'region_code' ? 1 : 0 }) as number[];
  return new Set(ids);
}
