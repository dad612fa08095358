/**
 * Whether the catalogue holds the whole country (the régions' catalogues gathered): its consultation has
 * meetings beyond the settings' région. Two counts, one row each: the consultation's meetings and the région's.
 */
import { useApp } from './AppContext.tsx';
import { useQuery } from '../components/useCall.ts';

export function useNationalCatalogue(): { national: boolean; pending: boolean } {
  const { settings } = useApp();
  const campaignId = settings?.activeCampaignId ?? 0;
  const regionCode = settings?.regionCode ?? undefined;
  const all = useQuery('meetings.list', { campaignId, limit: 1 }, !campaignId || !regionCode);
  const own = useQuery('meetings.list', { campaignId, regionCode, limit: 1 }, !campaignId || !regionCode);
  return { national: (all.data?.total ?? 0) > (own.data?.total ?? 0), pending: all.loading || own.loading };
}
