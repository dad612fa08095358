/** The Bilan's perimeter chosen on the dashboard: the région, one of its académies or one of its départements. */
import { useMemo, useState } from 'react';
import type { RegionAcademique } from '../../../src-main/contract/schemas/territory.ts';
import { academieLabel } from '../../../src-main/contract/domain.ts';
import { useApp } from '../../app/AppContext.tsx';

export type Academie = RegionAcademique['academies'][number];
export type Departement = Academie['departements'][number];

export interface ScopeGroup {
  label: string;
  options: { value: string; label: string }[];
}

/** What a scope covers, resolved against the territory. */
export interface ScopeInfo {
  ref: string;
  kind: 'region' | 'academie' | 'departement';
  /** The académies the scope touches (one for an académie or a département). */
  academies: Academie[];
  /** The départements it covers. */
  departements: (Departement & { academieNom: string })[];
}

const STORAGE_KEY = 'synthese.dashboard.scope';

export function useScope(region: RegionAcademique | undefined) {
  // Until one is chosen, the catalogue's own territory: a DSDEN sees its département first.
  const { identity } = useApp();
  const own = identity && identity.scopeKind !== 'region' ? `${identity.scopeKind}:${identity.scopeCode}` : 'region';
  const [chosen, setChosen] = useState<string>(() => sessionStorage.getItem(STORAGE_KEY) ?? own);
  const groups = useMemo<ScopeGroup[]>(() => (region ? scopeGroups(region) : []), [region]);
  // A scope left from another région (the settings changed) falls back to the whole région.
  const valid = groups.some((g) => g.options.some((o) => o.value === chosen));
  const ref = valid ? chosen : 'region';
  const info = useMemo(() => (region ? resolve(region, ref) : null), [region, ref]);
  const choose = (value: string) => {
    sessionStorage.setItem(STORAGE_KEY, value);
    setChosen(value);
  };
  return { ref, info, groups, choose };
}

function scopeGroups(region: RegionAcademique): ScopeGroup[] {
  return [
    { label: 'Région académique', options: [{ value: 'region', label: `Toute la région académique ${region.nom}` }] },
    ...region.academies.map((a) => ({
      label: academieLabel(a.nom, true),
      options: [
        { value: `academie:${a.code}`, label: `Toute l’${academieLabel(a.nom)}` },
        ...a.departements.map((d) => ({ value: `departement:${d.code}`, label: `${d.nom} (${d.code})` })),
      ],
    })),
  ];
}

function resolve(region: RegionAcademique, ref: string): ScopeInfo {
  const all = region.academies.flatMap((a) => a.departements.map((d) => ({ ...d, academieNom: a.nom })));
  const [kind, code] = ref.split(':');
  if (kind === 'academie') {
    return { ref, kind, academies: region.academies.filter((a) => a.code === code), departements: all.filter((d) => d.academieCode === code) };
  }
  if (kind === 'departement') {
    const departements = all.filter((d) => d.code === code);
    const academies = region.academies.filter((a) => departements.some((d) => d.academieCode === a.code));
    return { ref, kind, academies, departements };
  }
  return { ref: 'region', kind: 'region', academies: region.academies, departements: all };
}
