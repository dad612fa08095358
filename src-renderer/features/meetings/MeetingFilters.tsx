/** The list's filters, applied as they change (the search once typing pauses). */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { MEETING_LEVEL_LABELS, MEETING_LEVELS } from '../../../src-main/contract/domain.ts';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import type { MeetingEtat } from '../../../src-main/contract/schemas/meeting.ts';
import { SearchField } from '../../components/SearchField.tsx';
import { AcademieOptions } from './AcademieOptions.tsx';
import type { Filters } from './useMeetingFilters.ts';
import type { Territory } from './useTerritory.ts';

/** « État » of a meeting, as the list filters it. */
export const ETAT_LABELS: Record<MeetingEtat, string> = {
  restitution_recue: 'Restitution reçue',
  restitution_attendue: 'Restitution attendue',
  participation_inconnue: 'Participation inconnue',
  sans_thematique: 'Sans thématique',
};

interface Props {
  filters: Filters;
  search: string;
  onSearch: (text: string) => void;
  update: (changes: Partial<Filters>) => void;
  reset: () => void;
  active: number;
  territory: Territory;
  campaign: Campaign;
}

export function MeetingFilters({ filters, search, onSearch, update, reset, active, territory, campaign }: Props) {
  const departements = territory.departementsOf(filters.academieCode);
  const datesReversed = filters.dateFrom !== '' && filters.dateTo !== '' && filters.dateFrom > filters.dateTo;
  return (
    <form className="meetings-filters fr-mb-3w" role="search" aria-label="Filtrer les rencontres" onSubmit={(e) => e.preventDefault()}>
      <h2 className="fr-h6 fr-mb-2w">Filtrer les rencontres</h2>
      <div className="meetings-filters__grid">
        <Select
          label="Académie"
          nativeSelectProps={{
            id: 'filter-academie',
            value: filters.academieCode,
            onChange: (e) => update({ academieCode: e.target.value, departementCode: '' }),
          }}
        >
          <option value="">Toutes</option>
          <AcademieOptions territory={territory} />
        </Select>
        <Select
          label="Département"
          nativeSelectProps={{ value: filters.departementCode, onChange: (e) => update({ departementCode: e.target.value }) }}
        >
          <option value="">Tous</option>
          {departements.map((d) => (
            <option key={d.code} value={d.code}>{d.code} — {d.nom}</option>
          ))}
        </Select>
        <Select label="Niveau" nativeSelectProps={{ value: filters.level, onChange: (e) => update({ level: e.target.value }) }}>
          <option value="">Tous</option>
          {MEETING_LEVELS.map((l) => (
            <option key={l} value={l}>{MEETING_LEVEL_LABELS[l]}</option>
          ))}
        </Select>
        <Select
          label="Thématique"
          nativeSelectProps={{ value: filters.thematiqueId, onChange: (e) => update({ thematiqueId: e.target.value }) }}
        >
          <option value="">Toutes</option>
          {campaign.thematiques.map((t) => (
            <option key={t.id} value={t.id}>{t.number}. {t.title}</option>
          ))}
        </Select>
        <Select label="État" nativeSelectProps={{ value: filters.etat, onChange: (e) => update({ etat: e.target.value }) }}>
          <option value="">Tous</option>
          {(Object.keys(ETAT_LABELS) as MeetingEtat[]).map((k) => (
            <option key={k} value={k}>{ETAT_LABELS[k]}</option>
          ))}
        </Select>
        <Input
          label="Du"
          nativeInputProps={{ type: 'date', value: filters.dateFrom, onChange: (e) => update({ dateFrom: e.target.value }) }}
        />
        <Input
          label="Au"
          state={datesReversed ? 'error' : 'default'}
          stateRelatedMessage="Cette date précède la date de début : aucune rencontre ne peut correspondre."
          nativeInputProps={{ type: 'date', value: filters.dateTo, onChange: (e) => update({ dateTo: e.target.value }) }}
        />
        <SearchField
          id="meetings-search"
          className="meetings-filters__search"
          hint="Mots de l’intitulé, du lieu, des notes, des défis ou de l’établissement (accents et majuscules indifférents)"
          value={search}
          onChange={onSearch}
        />
      </div>
      {active > 0 && (
        <Button type="button" priority="tertiary" size="small" iconId="fr-icon-close-circle-line" onClick={() => {
            reset();
            // The button goes away with the filters: the keyboard goes back to the first filter.
            document.getElementById('filter-academie')?.focus();
          }}>
          Effacer les filtres ({active})
        </Button>
      )}
    </form>
  );
}
