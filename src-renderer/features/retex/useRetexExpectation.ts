/** What the consultation's trame expects in its retex section ("de 2 à 3"). */
import { useMemo } from 'react';
import { useQuery } from '../../components/useCall.ts';

export interface RetexExpectation {
  trameName: string;
  sectionTitle: string;
  min: number;
  max: number;
}

export function useRetexExpectation(campaignId: number) {
  const query = useQuery('trames.list', { campaignId });
  const expectation = useMemo<RetexExpectation | null>(() => {
    const trames = query.data ?? [];
    const trame = trames.find((t) => t.campaignId === campaignId) ?? trames[0];
    const section = trame?.sections.find((s) => s.source === 'retex');
    if (!trame || !section) return null;
    return { trameName: trame.name, sectionTitle: section.title, min: section.retexMin, max: section.retexMax };
  }, [query.data, campaignId]);
  return { expectation, error: query.error, loading: query.loading };
}

/** "de 2 à 3", "2", "jusqu’à 3". */
export function expectedRange(e: RetexExpectation): string {
  if (e.min === e.max) return String(e.max);
  if (e.min === 0) return `jusqu’à ${e.max}`;
  return `de ${e.min} à ${e.max}`;
}
