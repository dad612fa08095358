/**
 * The académies and départements offered by the screens: those of the settings' région when it is set, every
 * région's (grouped) when it is not, or for a list's filters on a catalogue of the whole country.
 */
import { useMemo } from 'react';
import { useApp } from '../../app/AppContext.tsx';
import { useQuery } from '../../components/useCall.ts';

export interface AcademieOption {
  code: string;
  nom: string;
  regionNom: string;
  departements: { code: string; nom: string; academieCode: string }[];
}

export interface Territory {
  academies: AcademieOption[];
  /** Départements of one académie, or of all those offered. */
  departementsOf: (academieCode: string) => AcademieOption['departements'];
  academieName: (code: string | null) => string;
  departementName: (code: string | null) => string;
  academieOfDepartement: (code: string) => string | undefined;
  /** Several régions are offered (no région chosen in the settings): group académies by région. */
  grouped: boolean;
}

export function useTerritory(options: { wholeCountry?: boolean } = {}) {
  const { settings } = useApp();
  const tree = useQuery('territory.tree', {});
  const regionCode = options.wholeCountry ? null : (settings?.regionCode ?? null);
  const territory = useMemo<Territory | null>(() => {
    if (!tree.data) return null;
    const regions = regionCode ? tree.data.filter((r) => r.code === regionCode) : tree.data;
    const academies = regions.flatMap((r) => r.academies.map((a) => ({ code: a.code, nom: a.nom, regionNom: r.nom, departements: a.departements })));
    const academieNames = new Map<string, string>();
    const departements = new Map<string, { nom: string; academieCode: string }>();
    for (const r of tree.data) {
      for (const a of r.academies) {
        academieNames.set(a.code, a.nom);
        for (const d of a.departements) departements.set(d.code, { nom: d.nom, academieCode: a.code });
      }
    }
    return {
      academies,
      grouped: regions.length > 1,
      departementsOf: (code) => (code ? (academies.find((a) => a.code === code)?.departements ?? []) : academies.flatMap((a) => a.departements)),
      academieName: (code) => (code ? (academieNames.get(code) ?? code) : ''),
      departementName: (code) => (code ? `${code} ${departements.get(code)?.nom ?? ''}`.trim() : ''),
      academieOfDepartement: (code) => departements.get(code)?.academieCode,
    };
  }, [tree.data, regionCode]);
  return { territory, error: tree.error, loading: tree.loading };
}
