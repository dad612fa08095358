/**
 * What the synthesis covers: trame, scope, thématique and Word style template. Kept for the session so
 * that following a pre-flight link and coming back finds the same choices.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Trame } from '../../../src-main/contract/schemas/trame.ts';
import { useApp } from '../../app/AppContext.tsx';

export interface SynthesisChoices {
  trameId: number | null;
  scope: string;
  /** A thématique by its number; null for the whole document. */
  thematique: number | null;
  /** A style template; null for the app's own styles. */
  styleTemplateId: number | null;
}

const STORAGE_KEY = 'synthese.synthesis.choices';

function stored(campaignId: number): Partial<SynthesisChoices> {
  try {
    const value = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as (Partial<SynthesisChoices> & { campaignId?: number }) | null;
    return value && value.campaignId === campaignId ? value : {};
  } catch {
    return {};
  }
}

/** The campaign's own trame first (its preset), else the first shared one. */
export function defaultTrame(trames: Trame[], campaignId: number): Trame | undefined {
  return trames.find((t) => t.campaignId === campaignId) ?? trames[0];
}

export function useSynthesisChoices(campaignId: number, trames: Trame[] | undefined, scopes: string[]) {
  const { settings, campaign } = useApp();
  const [raw, setRaw] = useState<Partial<SynthesisChoices>>(() => stored(campaignId));
  const choices = useMemo<SynthesisChoices>(() => {
    const list = trames ?? [];
    const trameId = list.some((t) => t.id === raw.trameId) ? raw.trameId! : (defaultTrame(list, campaignId)?.id ?? null);
    const scope = raw.scope && scopes.includes(raw.scope) ? raw.scope : 'region';
    const numbers = campaign?.thematiques.map((t) => t.number) ?? [];
    const thematique = raw.thematique !== undefined && raw.thematique !== null && numbers.includes(raw.thematique) ? raw.thematique : null;
    const styleTemplateId = raw.styleTemplateId !== undefined ? raw.styleTemplateId : (settings?.styleTemplateId ?? null);
    return { trameId, scope, thematique, styleTemplateId };
  }, [raw, trames, scopes, campaign, campaignId, settings?.styleTemplateId]);
  const choose = useCallback((patch: Partial<SynthesisChoices>) => {
    setRaw((previous) => {
      const next = { ...previous, ...patch };
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ...next, campaignId }));
      return next;
    });
  }, [campaignId]);
  return { choices, choose };
}
