import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ReactNode } from 'react';
import type { ScopeGroup } from './useRegion.ts';

/** The whole country (a national catalogue), the région, one of its académies or one of its départements, as one grouped list. */
export function ScopeSelect({
  label = 'Périmètre', hint, value, groups, onChange, disabled,
}: { label?: string; hint?: ReactNode; value: string; groups: ScopeGroup[]; onChange: (value: string) => void; disabled?: boolean }) {
  return (
    <Select label={label} hint={hint} disabled={disabled} nativeSelectProps={{ value, onChange: (e) => onChange(e.target.value) }}>
      {groups.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.options.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </optgroup>
      ))}
    </Select>
  );
}
