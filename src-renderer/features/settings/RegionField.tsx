import { Select } from '@codegouvfr/react-dsfr/Select';
import type { RegionAcademique } from '../../../src-main/contract/schemas/territory.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SavedStatus } from './SavedStatus.tsx';
import { useSaveSetting } from './useSaveSetting.ts';
import { useShownValue } from './useShownValue.ts';

/** The région académique the Bilan and the syntheses are made for; saved as soon as it is chosen. */
export function RegionField({ regions, value }: { regions: RegionAcademique[]; value: string | null }) {
  const { save, error, busy, saved, clearError } = useSaveSetting();
  const { shown, track } = useShownValue(value ?? '');
  const current = regions.find((r) => r.code === shown);
  return (
    <div className="set-field">
      <Select
        label="Région académique"
        hint={current ? `Académies : ${current.academies.map((a) => a.nom).join(', ')}.` : 'Le bilan et les synthèses se calculent pour cette région.'}
        nativeSelectProps={{
          value: shown,
          disabled: busy,
          onChange: (e) => void track(e.target.value, () => save({ regionCode: e.target.value })),
        }}
      >
        {!shown && <option value="" disabled>Choisir une région académique</option>}
        {regions.map((r) => (
          <option key={r.code} value={r.code}>{r.nom}</option>
        ))}
      </Select>
      <SavedStatus busy={busy} saved={saved} />
      <ErrorNotice error={error} onClose={clearError} />
    </div>
  );
}
