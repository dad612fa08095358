/**
 * Labels of meetings known by id only (a retex's or a contribution's sources): asked together with
 * 'meetings.list' and `ids` (a hundred at a time) and kept for the session, so that a page of 50 items
 * never loads the whole list — nor sends one call per source (hundreds at national scale, still queued
 * after the screen was left).
 */
import { useEffect, useState } from 'react';
import type { Meeting } from '../../src-main/contract/schemas/meeting.ts';
import { call } from '../api/client.ts';
import { useApp } from '../app/AppContext.tsx';
import { frenchDate } from './format.ts';

/** "14 octobre 2020 — Concertation départementale de la Vienne" */
export function meetingLabel(m: Pick<Meeting, 'date' | 'title'>): string {
  return `${frenchDate(m.date)} — ${m.title}`;
}

const labels = new Map<number, string>();
const asked = new Map<number, Promise<void>>();

/** At most this many asked at once: a page of sources must not flood the bridge ahead of the screen's own calls. */
const IN_FLIGHT = 4;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= IN_FLIGHT) await new Promise<void>((go) => waiting.push(go));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** A meeting's label just read elsewhere (a combobox choice): no need to ask again. */
export function rememberMeetingLabel(m: Pick<Meeting, 'id' | 'date' | 'title'>): void {
  labels.set(m.id, meetingLabel(m));
}

/** Ids asked in one call: a page of 100 meetings stays well under 200 KB. */
const BATCH = 100;

function askAll(campaignId: number, ids: number[]): Promise<void> {
  const fresh = ids.filter((id) => !asked.has(id));
  for (let i = 0; i < fresh.length; i += BATCH) {
    const batch = fresh.slice(i, i + BATCH);
    const pending = limited(() => call('meetings.list', { campaignId, ids: batch, limit: BATCH })).then(
      (page) => {
        for (const m of page.items) labels.set(m.id, meetingLabel(m));
        // Deleted since, or never here: said as such, asked again next time.
        for (const id of batch) if (!labels.has(id)) asked.delete(id);
      },
      () => batch.forEach((id) => asked.delete(id)),
    );
    for (const id of batch) asked.set(id, pending);
  }
  return Promise.all(ids.map((id) => asked.get(id))).then(() => undefined);
}

/** `label(id)`: the meeting's label once known, « rencontre n° 12 » meanwhile (or when it is gone). */
export function useMeetingLabels(ids: readonly number[]): (id: number) => string {
  const { campaign } = useApp();
  const campaignId = campaign?.id ?? null;
  const key = [...new Set(ids)].sort((a, b) => a - b).join(',');
  const [, setTick] = useState(0);
  useEffect(() => {
    const missing = key === '' ? [] : key.split(',').map(Number).filter((id) => !labels.has(id));
    if (missing.length === 0 || campaignId === null) return;
    let live = true;
    void askAll(campaignId, missing).then(() => live && setTick((t) => t + 1));
    return () => {
      live = false;
    };
  }, [key, campaignId]);
  return (id) => labels.get(id) ?? `rencontre n° ${id}`;
}
