/**
 * The list's filters, per consultation: kept for the session (back from a meeting, the list is as it was),
 * and sent to the server. The screen remounts the list when the consultation changes.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { MEETING_LEVELS, type MeetingLevel } from '../../../src-main/contract/domain.ts';
import type { OperationInput } from '../../../src-main/contract/operations.ts';

export interface Filters {
  academieCode: string;
  departementCode: string;
  level: string;
  thematiqueId: string;
  dateFrom: string;
  dateTo: string;
  search: string;
}

const EMPTY: Filters = { academieCode: '', departementCode: '', level: '', thematiqueId: '', dateFrom: '', dateTo: '', search: '' };
const STORAGE_KEY = 'synthese.meetings.filters';
const SEARCH_DELAY_MS = 300;

function stored(campaignId: number): Filters {
  try {
    const raw = sessionStorage.getItem(`${STORAGE_KEY}.${campaignId}`);
    return raw ? { ...EMPTY, ...(JSON.parse(raw) as Partial<Filters>) } : EMPTY;
  } catch {
    return EMPTY;
  }
}

export function useMeetingFilters(campaignId: number, thematiqueIds: number[]) {
  const [filters, setFilters] = useState<Filters>(() => stored(campaignId));
  const [search, setSearch] = useState(filters.search);

  useEffect(() => {
    sessionStorage.setItem(`${STORAGE_KEY}.${campaignId}`, JSON.stringify(filters));
  }, [campaignId, filters]);
  // The search text is sent once the user pauses typing.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(filters.search), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [filters.search]);

  const update = useCallback((changes: Partial<Filters>) => setFilters((f) => ({ ...f, ...changes })), []);
  const reset = useCallback(() => {
    setFilters(EMPTY);
    setSearch('');
  }, []);

  const input = useMemo<OperationInput<'meetings.list'>>(() => {
    const thematiqueId = Number(filters.thematiqueId);
    return {
      campaignId,
      ...(filters.academieCode && { academieCode: filters.academieCode }),
      ...(filters.departementCode && { departementCode: filters.departementCode }),
      ...((MEETING_LEVELS as readonly string[]).includes(filters.level) && { level: filters.level as MeetingLevel }),
      // A thématique of another consultation (after switching) is not a filter.
      ...(thematiqueIds.includes(thematiqueId) && { thematiqueId }),
      ...(filters.dateFrom && { dateFrom: filters.dateFrom }),
      ...(filters.dateTo && { dateTo: filters.dateTo }),
      ...(search.trim() && { search: search.trim().slice(0, 200) }),
    };
  }, [campaignId, thematiqueIds, filters, search]);

  const active = Object.keys(input).length - 1;
  return { filters, update, reset, input, active };
}
