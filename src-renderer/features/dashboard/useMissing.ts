/**
 * "Ce qui manque": who has not reported yet, which thématique nobody covered, which restitution is late —
 * computed by the catalogue ('stats.missing') for the dashboard's scope, never from the whole list of meetings.
 */
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import { useQuery } from '../../components/useCall.ts';
import type { ScopeInfo } from './useScope.ts';

export function useMissing(campaign: Campaign, scope: ScopeInfo, regionCode: string | undefined) {
  const query = useQuery('stats.missing', { campaignId: campaign.id, scope: scope.ref, ...(regionCode ? { regionCode } : {}) });
  return { missing: query.data, loading: query.loading, error: query.error, reload: query.reload };
}
