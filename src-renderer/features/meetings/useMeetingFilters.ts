/**
 * The list's filters, per consultation: kept for the session (back from a meeting, the list is as it was),
 * and sent to the server. The screen remounts the list when the consultation changes. The search, the sort
 * and the page are usePagedList's.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { MEETING_LEVELS, type MeetingLevel } from '../../../src-main/contract/domain.ts';
import { MeetingEtat } from '../../../src-main/contract/schemas/meeting.ts';
import type { MeetingFilter } from '../../../src-main/contract/schemas/meeting.ts';

export interface Filters {
  academieCode: string;
  departementCode: string;
  level: string;
  thematiqueId: string;
  etat: string;
  dateFrom: string;
  dateTo: string;
}

const EMPTY: Filters = { academieCode: '', departementCode: '', level: '', thematiqueId: '', etat: '', dateFrom: '', dateTo: '' };
const STORAGE_KEY = 'synthese.meetings.filters';

function stored(campaignId: number): Filters {
  try {
    const raw = sessionStorage.getItem(`${STORAGE_KEY}.${campaignId}`);
    return raw ? { ...EMPTY, ...(JSON.parse(raw) as Partial<Filters>) } : EMPTY;
  } catch {
    return EMPTY;
  }
}

export type MeetingFilterFields = Omit<MeetingFilter, 'sort' | 'offset' | 'limit' | 'search'>;

export function useMeetingFilters(campaignId: number, thematiqueIds: number[]) {
  const [filters, setFilters] = useState<Filters>(() => stored(campaignId));

  useEffect(() => {
    sessionStorage.setItem(`${STORAGE_KEY}.${campaignId}`, JSON.stringify(filters));
  }, [campaignId, filters]);

  const update = useCallback((changes: Partial<Filters>) => setFilters((f) => ({ ...f, ...changes })), []);
  const reset = useCallback(() => setFilters(EMPTY), []);

  const input = useMemo<MeetingFilterFields>(() => {
    const thematiqueId = Number(filters.thematiqueId);
    const etat = MeetingEtat.safeParse(filters.etat);
    return {
      campaignId,
      ...(filters.academieCode && { academieCode: filters.academieCode }),
      ...(filters.departementCode && { departementCode: filters.departementCode }),
      ...((MEETING_LEVELS as readonly string[]).includes(filters.level) && { level: filters.level as MeetingLevel }),
      // A thématique of another consultation (after switching) is not a filter.
      ...(thematiqueIds.includes(thematiqueId) && { thematiqueId }),
      ...(etat.success && { etat: etat.data }),
      ...(filters.dateFrom && { dateFrom: filters.dateFrom }),
      ...(filters.dateTo && { dateTo: filters.dateTo }),
    };
  }, [campaignId, thematiqueIds, filters]);

  /** How many filters are set (the search counted by the caller). */
  const active = Object.keys(input).length - 1;
  return { filters, update, reset, input, active };
}
