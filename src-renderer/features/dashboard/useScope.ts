/**
 * The Bilan's perimeter chosen on the dashboard: the whole country (a national catalogue), the région, one of
 * its académies or one of its départements.
 */
import { useMemo, useState } from 'react';
import type { RegionAcademique } from '../../../src-main/contract/schemas/territory.ts';
import { pickScope, resolveScopeInfo } from './scope-info.ts';
import { useApp } from '../../app/AppContext.tsx';
import { scopeGroups, type ScopeGroup } from '../synthesis/useRegion.ts';

export type { ScopeGroup };
export type { Academie, Departement, ScopeInfo } from './scope-info.ts';

const STORAGE_KEY = 'synthese.dashboard.scope';

/** sessionStorage may be refused (a locked-down browser): the dashboard then just forgets the choice. */
function stored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function store(value: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, value);
  } catch {
    // Kept for this screen only.
  }
}

export function useScope(region: RegionAcademique | undefined, tree: RegionAcademique[] | undefined, national: boolean, nationalPending: boolean) {
  // Until one is chosen, the catalogue's own territory: a DSDEN sees its département first.
  const { identity } = useApp();
  const own = identity && identity.scopeKind !== 'region' ? `${identity.scopeKind}:${identity.scopeCode}` : 'region';
  const [chosen, setChosen] = useState<string | null>(stored);
  const groups = useMemo<ScopeGroup[]>(() => (region ? scopeGroups(region, true, national) : []), [region, national]);
  const ref = pickScope(chosen, own, groups);
  // « France entière » kept from before waits for the counts that offer it, rather than showing the région first.
  const waiting = nationalPending && chosen === 'national';
  const info = useMemo(() => (region && !waiting ? resolveScopeInfo(region, tree ?? [region], ref) : null), [region, tree, ref, waiting]);
  const choose = (value: string) => {
    store(value);
    setChosen(value);
  };
  return { ref, info, groups, choose };
}
