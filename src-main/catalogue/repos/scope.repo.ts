/** Which retex and contributions a scope's synthesis draws on: those of its own meetings and établissements. */
import type { Catalogue } from '../database.ts';
import { scopeFilter, scopeMeetings, type StatsScope } from './stats.repo.ts';

/** A piece of SQL with its parameters in order. */
export interface ScopedSql {
  sql: string;
  params: (string | number)[];
}

/**
 * The ids of the contributions with a source meeting in the scope (an académie-wide concertation
 * counting for each of its départements); in a région's synthesis, also those written for the whole
 * région (no source). A subquery: the scope's meetings by their index, then their contributions; only
 * the région's own (unattached) ones are looked for among the consultation's, the selected ones
 * alone when `selectedOnly` — else by the narrow index: SQLite took the wide text-sort one, 2× slower.
 */
export function contributionIdsOfScope(campaignId: number, scope: StatsScope, selectedOnly = false): ScopedSql {
  // The whole country: every contribution of the consultation, attached or not.
  if (scope.filterColumn === 'national') {
    return { sql: `SELECT c.id FROM contribution c WHERE c.campaign_id = ?${selectedOnly ? ' AND c.selected = 1' : ''}`, params: [campaignId] };
  }
  const f = scopeMeetings(campaignId, scope);
  const sources = `SELECT cs.contribution_id FROM meeting m JOIN contribution_source cs ON cs.meeting_id = m.id WHERE ${f.sql}`;
  if (scope.filterColumn !== 'region_code') return { sql: sources, params: f.params };
  return {
    sql: `${sources}
       UNION ALL
       SELECT c.id FROM contribution c${selectedOnly ? '' : ' INDEXED BY contribution_by_thematique'} WHERE c.campaign_id = ?${selectedOnly ? ' AND c.selected = 1' : ''}
         AND NOT EXISTS (SELECT 1 FROM contribution_source WHERE contribution_id = c.id)`,
    params: [...f.params, campaignId],
  };
}

export function contributionIdsInScope(db: Catalogue, campaignId: number, scope: StatsScope): Set<number> {
  const ids = contributionIdsOfScope(campaignId, scope);
  return new Set(db.prepare(ids.sql).pluck().all(...ids.params) as number[]);
}

/**
 * Retex of an établissement go where the établissement is, whichever meeting presented them (a
 * Haute-Vienne school shown at Limoges's académie-wide concertation is Haute-Vienne's); the others
 * go by their meeting; in a région's synthesis, any shown at one of its meetings (a guest school from
 * another région) and those tied to neither.
 * The joins and the condition on a retex `r` (each join by its key: a retex is placed in a few lookups).
 */
export function retexScope(scope: StatsScope): { joins: string; where: ScopedSql } {
  // The whole country: every retex of the consultation.
  if (scope.filterColumn === 'national') return { joins: '', where: { sql: '1', params: [] } };
  const place =
    scope.filterColumn === 'departement_code'
      ? 'd.code'
      : scope.filterColumn === 'academie_code'
        ? 'd.academie_code'
        : '(SELECT region_code FROM academie WHERE code = d.academie_code)';
  const f = scopeFilter(scope);
  const region = scope.filterColumn === 'region_code' ? 1 : 0;
  return {
    joins: `LEFT JOIN meeting m ON m.id = r.source_meeting_id
       LEFT JOIN etablissement e ON e.uai = r.etablissement_uai
       LEFT JOIN departement d ON d.code = e.departement_code`,
    where: {
      sql: `((e.uai IS NOT NULL AND ${place} = ?)
         OR ((e.uai IS NULL OR ? = 1) AND m.id IS NOT NULL AND ${f.sql})
         OR (e.uai IS NULL AND m.id IS NULL AND ? = 1))`,
      params: [scope.filterValue, region, ...f.params, region],
    },
  };
}

export function retexIdsInScope(db: Catalogue, campaignId: number, scope: StatsScope): Set<number> {
  const { joins, where } = retexScope(scope);
  const ids = db
    .prepare(`SELECT r.id FROM retex r ${joins} WHERE r.campaign_id = ? AND ${where.sql}`)
    .pluck()
    .all(campaignId, ...where.params) as number[];
  return new Set(ids);
}
