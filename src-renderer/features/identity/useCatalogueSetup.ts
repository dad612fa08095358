/** The choices of the « Pour qui est ce catalogue ? » form, its offered name, and what is still missing. */
import { useMemo, useState } from 'react';
import type { OperationInput } from '../../../src-main/contract/operations.ts';
import type { RegionAcademique } from '../../../src-main/contract/schemas/territory.ts';
import { type CatalogueKind, defaultCatalogueName } from './catalogueName.ts';

export interface SetupProblems {
  regionCode?: string;
  place?: string;
  name?: string;
}

export function useCatalogueSetup(regions: RegionAcademique[], initialRegion: string | null) {
  const [regionCode, setRegionCode] = useState(initialRegion ?? '');
  const [kind, setKind] = useState<CatalogueKind>('departement');
  const [placeCode, setPlaceCode] = useState('');
  const [typedName, setTypedName] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);

  const region = regions.find((r) => r.code === regionCode);
  const placeName = useMemo(() => {
    if (!region) return undefined;
    if (kind === 'region') return region.nom;
    if (kind === 'academie') return region.academies.find((a) => a.code === placeCode)?.nom;
    return region.academies.flatMap((a) => a.departements).find((d) => d.code === placeCode)?.nom;
  }, [region, kind, placeCode]);
  // The offered name follows the choices until the user types their own.
  const name = typedName ?? defaultCatalogueName(kind, placeName);

  const problems: SetupProblems = {
    ...(!region && { regionCode: 'Choisissez la région académique.' }),
    ...(region && kind !== 'region' && !placeName && { place: kind === 'academie' ? 'Choisissez l’académie.' : 'Choisissez le département.' }),
    ...(name.trim() === '' && { name: 'Donnez un nom au catalogue.' }),
  };
  const input: OperationInput<'identity.setup'> | null = Object.keys(problems).length > 0 ? null : {
    regionCode,
    name: name.trim(),
    ...(kind === 'academie' && { academieCode: placeCode }),
    ...(kind === 'departement' && { departementCode: placeCode }),
  };

  return {
    region, regionCode, kind, placeCode, name, input,
    /** Shown once the user tried to create the catalogue: no red field before anything was asked. */
    problems: checked ? problems : {},
    check: () => setChecked(true),
    chooseRegion: (code: string) => {
      setRegionCode(code);
      setPlaceCode('');
    },
    chooseKind: (next: CatalogueKind) => {
      setKind(next);
      setPlaceCode('');
    },
    choosePlace: setPlaceCode,
    typeName: setTypedName,
  };
}

export type CatalogueSetup = ReturnType<typeof useCatalogueSetup>;
