/**
 * What every list operation shares: a page (offset, limit), a sort, a search text, and the answer's
 * shape (one page and the total that matched). Lists are searched, filtered and sorted where the data
 * live, in SQLite; a screen never receives more than a page.
 */
import { z } from 'zod';
import { AcademieCode, DepartementCode, RegionCode } from '../primitives.ts';

/** At most this many rows a page: a page of full meetings stays under 200 KB. */
export const PAGE_LIMIT_MAX = 500;
export const PAGE_LIMIT_DEFAULT = 50;

export const SortDirection = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof SortDirection>;

/**
 * A search as typed: words matched from their start, accents and case folded (SQLite FTS5), every word
 * required. Empty or blank: no search.
 */
export const SearchText = z.string().max(200);

export const PageFields = {
  offset: z.number().int().min(0).max(100_000_000).default(0),
  limit: z.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT),
};

/** Where the rows come from in the territory: the finest given wins. */
export const TerritoryFilterFields = {
  regionCode: RegionCode.optional(),
  academieCode: AcademieCode.optional(),
  departementCode: DepartementCode.optional(),
};

/** A sort on one of `columns`, ascending by default; ties broken by id so pages never overlap. */
export function sortOf<const C extends readonly [string, ...string[]]>(columns: C, by: C[number]) {
  return z.object({ by: z.enum(columns), direction: SortDirection.default('asc') }).default({ by, direction: 'asc' } as never);
}

/** One page of `item`s and how many matched in all. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1),
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}
