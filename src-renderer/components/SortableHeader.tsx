/** A column header that sorts the list on the server: a button, and aria-sort on the sorted column only. */
import type { SortDirection } from '../../src-main/contract/schemas/lists.ts';
import './lists.css';

export interface Sort<S extends string> {
  by: S;
  direction: SortDirection;
}

export function SortableHeader<S extends string>({ column, label, sort, onSort, className }: {
  column: S;
  label: string;
  sort: Sort<S>;
  onSort: (column: S) => void;
  className?: string;
}) {
  const active = sort.by === column;
  const next = active && sort.direction === 'asc' ? 'décroissant' : 'croissant';
  return (
    <th scope="col" className={className} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="app-sort" onClick={() => onSort(column)} title={`Trier par ordre ${next}`}>
        {label}
        <span
          className={`app-sort__icon fr-icon--sm ${active ? (sort.direction === 'asc' ? 'fr-icon-arrow-up-line' : 'fr-icon-arrow-down-line') : 'fr-icon-arrow-up-down-line'}`}
          aria-hidden="true"
        />
      </button>
    </th>
  );
}

/** Clicking the sorted column reverses it; another column sorts ascending. */
export function nextSort<S extends string>(sort: Sort<S>, column: S): Sort<S> {
  return sort.by === column ? { by: column, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { by: column, direction: 'asc' };
}
