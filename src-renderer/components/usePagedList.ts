/**
 * The state of a list paged on the server: search text (sent once typing pauses), sort, page. Kept for the
 * session under `storageKey` (back from a record, the list is as it was). The page goes back to the first
 * when the search, the sort or `filterKey` (the caller's filters, as JSON) changes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PAGE_LIMIT_DEFAULT } from '../../src-main/contract/schemas/lists.ts';
import { nextSort, type Sort } from './SortableHeader.tsx';

export const SEARCH_DELAY_MS = 250;

interface Stored<S extends string> {
  search: string;
  sort: Sort<S>;
  page: number;
}

function read<S extends string>(key: string, fallback: Stored<S>, columns: readonly S[]): Stored<S> {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return fallback;
    const value = JSON.parse(raw) as Partial<Stored<S>>;
    const sort = value.sort && columns.includes(value.sort.by) && (value.sort.direction === 'asc' || value.sort.direction === 'desc') ? value.sort : fallback.sort;
    return {
      search: typeof value.search === 'string' ? value.search : '',
      sort,
      page: Number.isInteger(value.page) && value.page! >= 1 ? value.page! : 1,
    };
  } catch {
    return fallback;
  }
}

export function usePagedList<S extends string>({ storageKey, columns, defaultSort, filterKey = '', limit = PAGE_LIMIT_DEFAULT }: {
  storageKey: string;
  columns: readonly S[];
  defaultSort: Sort<S>;
  filterKey?: string;
  limit?: number;
}) {
  const [state, setState] = useState<Stored<S>>(() => read(storageKey, { search: '', sort: defaultSort, page: 1 }, columns));
  const [search, setSettledSearch] = useState(state.search);
  useEffect(() => {
    sessionStorage.setItem(storageKey, JSON.stringify(state));
  }, [storageKey, state]);
  useEffect(() => {
    if (state.search === search) return;
    const timer = window.setTimeout(() => {
      setSettledSearch(state.search);
      setState((s) => ({ ...s, page: 1 }));
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [state.search, search]);
  // Another filter: back to the first page (not on mount: the page kept for the session stays).
  const lastFilter = useRef(filterKey);
  useEffect(() => {
    if (lastFilter.current === filterKey) return;
    lastFilter.current = filterKey;
    setState((s) => (s.page === 1 ? s : { ...s, page: 1 }));
  }, [filterKey]);

  const setSearch = useCallback((text: string) => setState((s) => ({ ...s, search: text })), []);
  const sortBy = useCallback((column: S) => setState((s) => ({ ...s, sort: nextSort(s.sort, column), page: 1 })), []);
  const setSort = useCallback((sort: Sort<S>) => setState((s) => ({ ...s, sort, page: 1 })), []);
  const setPage = useCallback((page: number) => setState((s) => ({ ...s, page })), []);
  const initialSort = useRef(defaultSort);
  const reset = useCallback(() => {
    setState({ search: '', sort: initialSort.current, page: 1 });
    setSettledSearch('');
  }, []);

  const trimmed = search.trim().slice(0, 200);
  /** What the list operation takes for this page. */
  const request = useMemo(
    () => ({ offset: (state.page - 1) * limit, limit, sort: state.sort, ...(trimmed ? { search: trimmed } : {}) }),
    [state.page, state.sort, limit, trimmed],
  );
  return {
    /** The text as typed (the field's value). */
    searchText: state.search,
    /** The text sent (trimmed), once typing paused. */
    search: trimmed,
    setSearch,
    sort: state.sort,
    sortBy,
    setSort,
    page: state.page,
    setPage,
    limit,
    reset,
    request,
  };
}
