/** What a dashboard scope covers and which one is shown: plain functions, the hook (useScope.ts) aside. */
import type { RegionAcademique } from '../../../src-main/contract/schemas/territory.ts';
import type { ScopeGroup } from '../synthesis/useRegion.ts';

export type Academie = RegionAcademique['academies'][number];
export type Departement = Academie['departements'][number];

/** What a scope covers, resolved against the territory. */
export interface ScopeInfo {
  ref: string;
  kind: 'national' | 'region' | 'academie' | 'departement';
  /** The académies the scope touches (one for an académie or a département). */
  academies: Academie[];
  /** The départements it covers. */
  departements: (Departement & { academieNom: string })[];
}

/**
 * The scope shown: the one chosen if the select offers it, else the catalogue's own territory, else the
 * région (a scope left from another région, or « France entière » once the catalogue holds one région only).
 */
export function pickScope(chosen: string | null, own: string, groups: ScopeGroup[]): string {
  const offered = (value: string) => groups.some((g) => g.options.some((o) => o.value === value));
  if (chosen !== null && offered(chosen)) return chosen;
  return offered(own) ? own : 'region';
}

/** The académies and départements a scope covers: every région's for the whole country. */
export function resolveScopeInfo(region: RegionAcademique, tree: RegionAcademique[], ref: string): ScopeInfo {
  const withNames = (academies: Academie[]) => academies.flatMap((a) => a.departements.map((d) => ({ ...d, academieNom: a.nom })));
  if (ref === 'national') {
    const academies = tree.flatMap((r) => r.academies);
    return { ref, kind: 'national', academies, departements: withNames(academies) };
  }
  const all = withNames(region.academies);
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
