/** Search, filters and sort of the retex or contributions not retained: sent to the server, one page at a time. */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ReactNode } from 'react';
import { MeetingCombobox } from '../../components/MeetingCombobox.tsx';
import { SearchField } from '../../components/SearchField.tsx';
import type { Sort } from '../../components/SortableHeader.tsx';
import { AcademieOptions } from '../meetings/AcademieOptions.tsx';
import type { Territory } from '../meetings/useTerritory.ts';
import type { ContentFilters as Filters } from './useContentFilters.ts';

export interface SortChoice<S extends string> {
  sort: Sort<S>;
  label: string;
}

export function ContentFilters<S extends string>({ idPrefix, title, campaignId, territory, filters, update, search, onSearch, searchHint, sort, sorts, onSort, active, onReset, children }: {
  idPrefix: string;
  /** « Rechercher dans les retex non retenus ». */
  title: string;
  campaignId: number;
  territory: Territory | null;
  filters: Filters;
  update: (changes: Partial<Filters>) => void;
  search: string;
  onSearch: (text: string) => void;
  searchHint: string;
  sort: Sort<S>;
  sorts: SortChoice<S>[];
  onSort: (sort: Sort<S>) => void;
  /** Filters and search set, for « Effacer les filtres (n) ». */
  active: number;
  onReset: () => void;
  /** Filters of one screen only (the contribution's type). */
  children?: ReactNode;
}) {
  const sortValue = `${sort.by}:${sort.direction}`;
  return (
    <form className="app-filters" role="search" aria-label={title} onSubmit={(e) => e.preventDefault()}>
      <h3 className="fr-h6 fr-mb-2w">{title}</h3>
      <div className="app-filters__grid">
        <SearchField id={`${idPrefix}-search`} className="app-filters__wide" hint={searchHint} value={search} onChange={onSearch} />
        {children}
        {territory && (
          <>
            <Select
              label="Académie"
              nativeSelectProps={{
                id: `${idPrefix}-academie`,
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
              {territory.departementsOf(filters.academieCode).map((d) => (
                <option key={d.code} value={d.code}>{d.code} — {d.nom}</option>
              ))}
            </Select>
          </>
        )}
        <Select
          label="Trier par"
          nativeSelectProps={{
            value: sortValue,
            onChange: (e) => {
              const chosen = sorts.find((s) => `${s.sort.by}:${s.sort.direction}` === e.target.value);
              if (chosen) onSort(chosen.sort);
            },
          }}
        >
          {sorts.map((s) => (
            <option key={`${s.sort.by}:${s.sort.direction}`} value={`${s.sort.by}:${s.sort.direction}`}>{s.label}</option>
          ))}
        </Select>
        <div className="app-filters__wide">
          <MeetingCombobox
            id={`${idPrefix}-meeting`}
            campaignId={campaignId}
            label="Rencontre d’origine"
            hint="Tapez une partie de l’intitulé, du lieu ou la date"
            value={filters.meetingId}
            clearLabel="Toutes les rencontres"
            onChange={(meetingId) => update({ meetingId })}
          />
        </div>
      </div>
      {active > 0 && (
        <Button
          type="button"
          priority="tertiary"
          size="small"
          iconId="fr-icon-close-circle-line"
          onClick={() => {
            onReset();
            document.getElementById(`${idPrefix}-search`)?.focus();
          }}
        >
          Effacer les filtres ({active})
        </Button>
      )}
    </form>
  );
}
