/** The consultation's meetings, read once per screen: labels for sources, and the choices of a picker. */
import { useMemo } from 'react';
import type { Meeting } from '../../../src-main/contract/schemas/meeting.ts';
import { frenchDate } from '../../components/format.ts';
import { useQuery } from '../../components/useCall.ts';

export interface MeetingChoice {
  id: number;
  date: string;
  title: string;
  /** "14 octobre 2020 — Concertation départementale de la Vienne" */
  label: string;
  /** Folded text the filter searches (title, place, date). */
  haystack: string;
}

export function fold(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function toChoice(m: Meeting): MeetingChoice {
  const label = `${frenchDate(m.date)} — ${m.title}`;
  return { id: m.id, date: m.date, title: m.title, label, haystack: fold(`${label} ${m.lieu} ${m.date}`) };
}

export function useCampaignMeetings(campaignId: number) {
  const query = useQuery('meetings.list', { campaignId });
  const choices = useMemo(
    () => (query.data ?? []).map(toChoice).sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'fr')),
    [query.data],
  );
  const byId = useMemo(() => new Map(choices.map((c) => [c.id, c])), [choices]);
  return { choices, byId, error: query.error, loading: query.loading };
}
