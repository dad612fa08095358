/** The région académique of the settings, its académies and départements: what a scope can name. */
import { useMemo } from 'react';
import type { RegionAcademique } from '../../../src-main/contract/schemas/territory.ts';
import { useApp } from '../../app/AppContext.tsx';
import { useQuery } from '../../components/useCall.ts';
import { useNationalCatalogue } from '../../app/useNationalCatalogue.ts';
import { academieLabel } from '../../../src-main/contract/domain.ts';

export interface ScopeOption {
  value: string;
  label: string;
}

export interface ScopeGroup {
  label: string;
  options: ScopeOption[];
}

export function useRegion() {
  const { settings } = useApp();
  const tree = useQuery('territory.tree', {});
  const region = useMemo<RegionAcademique | undefined>(
    () => tree.data?.find((r) => r.code === settings?.regionCode),
    [tree.data, settings?.regionCode],
  );
  const { national, pending } = useNationalCatalogue();
  // `tree`: every région (a national scope's académies); `nationalPending`: whether the catalogue is national is not known yet.
  return { region, national, nationalPending: pending, tree: tree.data, loading: tree.loading, error: tree.error };
}

export const NATIONAL_OPTION: ScopeOption = { value: 'national', label: 'France entière (toutes les régions académiques)' };

/** The whole country when the catalogue holds it, the région, then each académie followed by its départements. */
export function scopeGroups(region: RegionAcademique | undefined, withRegion = true, national = false): ScopeGroup[] {
  const country: ScopeGroup[] = withRegion && national ? [{ label: 'France entière', options: [NATIONAL_OPTION] }] : [];
  if (!region) return withRegion ? [...country, { label: 'Région académique', options: [{ value: 'region', label: 'Toute la région académique' }] }] : [];
  const groups: ScopeGroup[] = region.academies.map((a) => ({
    label: academieLabel(a.nom, true),
    options: [
      { value: `academie:${a.code}`, label: `Toute l’${academieLabel(a.nom)}` },
      ...a.departements.map((d) => ({ value: `departement:${d.code}`, label: `${d.nom} (${d.code})` })),
    ],
  }));
  return withRegion
    ? [...country, { label: 'Région académique', options: [{ value: 'region', label: `Toute la région académique ${region.nom}` }] }, ...groups]
    : groups;
}

/** "region", "region:NAQ", "academie:BORDEAUX", "departement:33", "national" → words for people. */
export function scopeName(scope: string, region: RegionAcademique | undefined): string {
  const [kind, code] = scope.split(':');
  if (kind === 'national') return 'France entière';
  if (kind === 'region') return region ? `Région académique ${region.nom}` : 'Région académique';
  if (kind === 'academie') {
    const academie = region?.academies.find((a) => a.code === code);
    return academie ? academieLabel(academie.nom, true) : `Académie ${code}`;
  }
  if (kind === 'departement') {
    const departement = region?.academies.flatMap((a) => a.departements).find((d) => d.code === code);
    return departement ? `${departement.nom} (${departement.code})` : `Département ${code}`;
  }
  return scope;
}

/** A short code for file names: "NAQ", "BORDEAUX", "33", "national". */
export function scopeCode(scope: string, region: RegionAcademique | undefined): string {
  const [kind, code] = scope.split(':');
  return kind === 'region' ? (code ?? region?.code ?? 'region') : (code ?? scope);
}
