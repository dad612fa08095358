/**
 * The filters of the retex and contributions not retained (académie, département, source meeting, and the
 * contribution's type), per screen and consultation, kept for the session; the search, sort and page are
 * usePagedList's.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ContributionKind } from '../../../src-main/contract/domain.ts';

export interface ContentFilters {
  academieCode: string;
  departementCode: string;
  meetingId: number | null;
  /** Contributions only. */
  kind: string;
}

const EMPTY: ContentFilters = { academieCode: '', departementCode: '', meetingId: null, kind: '' };

function stored(key: string): ContentFilters {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? { ...EMPTY, ...(JSON.parse(raw) as Partial<ContentFilters>) } : EMPTY;
  } catch {
    return EMPTY;
  }
}

export function useContentFilters(screen: 'retex' | 'contributions', campaignId: number) {
  const key = `synthese.${screen}.filters.${campaignId}`;
  const [filters, setFilters] = useState<ContentFilters>(() => stored(key));
  useEffect(() => sessionStorage.setItem(key, JSON.stringify(filters)), [key, filters]);
  const update = useCallback((changes: Partial<ContentFilters>) => setFilters((f) => ({ ...f, ...changes })), []);
  const reset = useCallback(() => setFilters(EMPTY), []);
  const input = useMemo(() => {
    const kind = ContributionKind.safeParse(filters.kind);
    return {
      ...(filters.academieCode && { academieCode: filters.academieCode }),
      ...(filters.departementCode && { departementCode: filters.departementCode }),
      ...(filters.meetingId !== null && { meetingId: filters.meetingId }),
      ...(screen === 'contributions' && kind.success && { kind: kind.data }),
    };
  }, [filters, screen]);
  return { filters, update, reset, input, active: Object.keys(input).length };
}
