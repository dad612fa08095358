import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useId } from 'react';
import { academieLabel } from '../../../src-main/contract/domain.ts';
import type { RegionAcademique } from '../../../src-main/contract/schemas/territory.ts';
import type { CatalogueKind } from './catalogueName.ts';
import type { CatalogueSetup } from './useCatalogueSetup.ts';

const KINDS: { value: CatalogueKind; label: string; hint: string }[] = [
  { value: 'region', label: 'La région académique', hint: 'Toutes ses académies et tous ses départements.' },
  { value: 'academie', label: 'Une académie', hint: 'Par exemple la DANE d’une académie.' },
  { value: 'departement', label: 'Un département', hint: 'Par exemple les services de la DSDEN.' },
];

/** Région académique, then whether the catalogue is the région's, an académie's or a département's, and which. */
export function CatalogueScopeFields({ regions, setup, disabled }: { regions: RegionAcademique[]; setup: CatalogueSetup; disabled: boolean }) {
  const kindName = useId();
  const { region, problems } = setup;
  return (
    <>
      <Select
        label="Région académique"
        state={problems.regionCode ? 'error' : 'default'}
        stateRelatedMessage={problems.regionCode}
        disabled={disabled}
        nativeSelectProps={{ value: setup.regionCode, required: true, 'aria-invalid': Boolean(problems.regionCode), onChange: (e) => setup.chooseRegion(e.target.value) }}
      >
        <option value="" disabled>Choisir une région académique</option>
        {[...regions].sort((a, b) => a.nom.localeCompare(b.nom, 'fr')).map((r) => (
          <option key={r.code} value={r.code}>{r.nom}</option>
        ))}
      </Select>
      <RadioButtons
        legend="Le catalogue est celui de"
        name={kindName}
        disabled={disabled}
        options={KINDS.map((k) => ({
          label: k.label,
          hintText: k.hint,
          nativeInputProps: { value: k.value, checked: setup.kind === k.value, onChange: () => setup.chooseKind(k.value) },
        }))}
      />
      {setup.kind !== 'region' && (
        <Select
          label={setup.kind === 'academie' ? 'Académie' : 'Département'}
          hint={region ? undefined : 'Choisissez d’abord la région académique.'}
          state={problems.place ? 'error' : 'default'}
          stateRelatedMessage={problems.place}
          disabled={disabled || !region}
          nativeSelectProps={{ value: setup.placeCode, required: true, 'aria-invalid': Boolean(problems.place), onChange: (e) => setup.choosePlace(e.target.value) }}
        >
          <option value="" disabled>{setup.kind === 'academie' ? 'Choisir une académie' : 'Choisir un département'}</option>
          {setup.kind === 'academie'
            ? region?.academies.map((a) => <option key={a.code} value={a.code}>{academieLabel(a.nom, true)}</option>)
            : region?.academies.map((a) => (
                <optgroup key={a.code} label={academieLabel(a.nom, true)}>
                  {a.departements.map((d) => (
                    <option key={d.code} value={d.code}>{d.code} — {d.nom}</option>
                  ))}
                </optgroup>
              ))}
        </Select>
      )}
    </>
  );
}
