import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ScopeGroup } from './useScope.ts';

/** Which part of the région (or the whole country) the figures cover; changing it reloads them at once. */
export function ScopeSelect({ value, groups, onChange }: { value: string; groups: ScopeGroup[]; onChange: (value: string) => void }) {
  const national = groups.some((g) => g.options.some((o) => o.value === 'national'));
  return (
    <Select
      className="dash-scope"
      label="Périmètre"
      hint={`${national ? 'La France entière, l' : 'L'}a région académique entière, une de ses académies ou un de ses départements.`}
      nativeSelectProps={{ value, onChange: (e) => onChange(e.target.value) }}
    >
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
