/** The thématique a screen shows, remembered for the session (coming back from an editor keeps it). */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Campaign, Thematique } from '../../../src-main/contract/schemas/campaign.ts';

function storageKey(screen: string, campaignId: number): string {
  return `synthese.${screen}.thematique.${campaignId}`;
}

function read(key: string | null): number | null {
  if (!key) return null;
  const value = Number(sessionStorage.getItem(key));
  return Number.isInteger(value) && value > 0 ? value : null;
}

export function rememberThematique(screen: string, campaignId: number, thematiqueId: number): void {
  sessionStorage.setItem(storageKey(screen, campaignId), String(thematiqueId));
}

export function sortedThematiques(campaign: Campaign): Thematique[] {
  return [...campaign.thematiques].sort((a, b) => a.number - b.number || a.id - b.id);
}

/**
 * `wanted`: a thématique the screen's address names (a link from a search, a check of the synthesis),
 * chosen once per address; a later choice of the user's stays.
 */
export function useThematiqueChoice(campaign: Campaign, screen: string, wanted: number | null = null): [Thematique | null, (id: number) => void] {
  const key = storageKey(screen, campaign.id);
  const [chosen, setChosen] = useState<number | null>(() => read(key));
  useEffect(() => setChosen(read(key)), [key]);
  const list = sortedThematiques(campaign);
  const current = list.find((t) => t.id === chosen) ?? list[0] ?? null;
  const choose = useCallback(
    (id: number) => {
      setChosen(id);
      sessionStorage.setItem(key, String(id));
    },
    [key],
  );
  const applied = useRef<number | null>(null);
  useEffect(() => {
    if (wanted === null || applied.current === wanted || !campaign.thematiques.some((t) => t.id === wanted)) return;
    applied.current = wanted;
    choose(wanted);
  }, [wanted, campaign, choose]);
  return [current, choose];
}
