/** The académies offered, grouped by région académique when the settings name none. */
import type { Territory } from './useTerritory.ts';

export function AcademieOptions({ territory }: { territory: Territory }) {
  if (!territory.grouped) {
    return (
      <>
        {territory.academies.map((a) => (
          <option key={a.code} value={a.code}>{a.nom}</option>
        ))}
      </>
    );
  }
  const regions = [...new Set(territory.academies.map((a) => a.regionNom))];
  return (
    <>
      {regions.map((r) => (
        <optgroup key={r} label={r}>
          {territory.academies.filter((a) => a.regionNom === r).map((a) => (
            <option key={a.code} value={a.code}>{a.nom}</option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
