/** Where a meeting sits, one line per known place: académie, département, bassin, établissement. */
import type { Meeting } from '../../../src-main/contract/schemas/meeting.ts';
import type { Territory } from './useTerritory.ts';

export function PlaceCell({ meeting: m, territory, bassinNames }: { meeting: Meeting; territory: Territory; bassinNames: Map<number, string> }) {
  const lines = [
    territory.academieName(m.academieCode),
    territory.departementName(m.departementCode),
    m.bassinId !== null ? (bassinNames.get(m.bassinId) ?? `Bassin n° ${m.bassinId}`) : '',
    m.etablissementUai ? `UAI ${m.etablissementUai}` : '',
  ].filter(Boolean);
  if (lines.length === 0) return <span className="fr-text--sm">Région académique</span>;
  return (
    <ul className="meetings-table__place">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}
