/**
 * What the paged lists share: a search text made into an FTS5 query that nothing typed can break, a
 * WHERE put together from the filters given, and a page read in two steps (the page's ids by the sort,
 * then those rows only, so that the JSON of attendance, ateliers or links is built for 50 rows, not for
 * every row the sort walks).
 */
import type { Catalogue } from '../database.ts';
import type { Page } from '../../contract/schemas/lists.ts';
import { foldText } from '../../text/fold.ts';

/** French words too common to search for (and the elided « l’ », « d’ », « qu’ »… once apart). */
const STOP_WORDS = new Set([
  'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd', 'et', 'ou', 'a', 'au', 'aux', 'en', 'pour', 'par', 'sur',
  'dans', 'avec', 'ce', 'ces', 'cet', 'cette', 'se', 'sa', 'son', 'ses', 'qu', 'que', 'qui', 'ne', 'pas', 'n', 's', 'c',
  'j', 'm', 't', 'y', 'est', 'sont', 'il', 'elle', 'ils', 'elles', 'on', 'nous', 'vous', 'leur', 'leurs', 'au', 'aux',
]);

/** At most this many words are searched: a pasted paragraph is not a query. */
const MAX_TERMS = 12;


/** The words of a search, folded, French stop words dropped (kept when they are all there is). */
export function searchWords(search: string | undefined): string[] {
  if (!search) return [];
  const words = [...new Set(foldText(search).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''))];
  const meaningful = words.filter((w) => !STOP_WORDS.has(w));
  return (meaningful.length > 0 ? meaningful : words).slice(0, MAX_TERMS);
}

/**
 * An FTS5 MATCH expression: every word required, each matched from its start (« ecol » finds
 * « école »), each quoted (a word holds only letters and digits, so no quote, star, NEAR or minus
 * typed by the user reaches FTS5's syntax). Null: no usable word, no search.
 */
export function ftsQuery(search: string | undefined): string | null {
  const words = searchWords(search);
  return words.length === 0 ? null : words.map((w) => `"${w}"*`).join(' ');
}

/** Accented letters of French and what they sort as (SQLite's lower() folds ASCII letters only). */
const FOLDS: [string, string][] = [
  ['à', 'a'], ['â', 'a'], ['ä', 'a'], ['á', 'a'], ['À', 'a'], ['Â', 'a'], ['Ä', 'a'], ['Á', 'a'],
  ['ç', 'c'], ['Ç', 'c'],
  ['é', 'e'], ['è', 'e'], ['ê', 'e'], ['ë', 'e'], ['É', 'e'], ['È', 'e'], ['Ê', 'e'], ['Ë', 'e'],
  ['î', 'i'], ['ï', 'i'], ['Î', 'i'], ['Ï', 'i'],
  ['ô', 'o'], ['ö', 'o'], ['Ô', 'o'], ['Ö', 'o'],
  ['ù', 'u'], ['û', 'u'], ['ü', 'u'], ['Ù', 'u'], ['Û', 'u'], ['Ü', 'u'],
  ['ÿ', 'y'], ['œ', 'oe'], ['Œ', 'oe'], ['æ', 'ae'], ['Æ', 'ae'],
];

/**
 * A sort key in SQL alone: the first `chars` characters, lower case, French accents dropped. Built-in
 * functions only (a JavaScript function called once per row made sorting 300 000 contributions take
 * seconds), so « École » sorts with « ecole », not after « zone ».
 */
export function sortKey(column: string, chars = 60): string {
  return FOLDS.reduce((sql, [from, to]) => `replace(${sql}, '${from}', '${to}')`, `lower(substr(${column}, 1, ${chars}))`);
}

/** What sortKey() makes of a text, in JavaScript: ASCII letters lowered (as SQLite's lower()), French accents dropped. */
export function sortKeyOf(text: string): string {
  const lowered = text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
  return FOLDS.reduce((folded, [from, to]) => folded.replaceAll(from, to), lowered);
}

/**
 * The sort key migration 0018 keeps in a `sort_key` column: what sortKey(column) makes of `text`, its first
 * 60 characters (SQLite's substr() counts code points) folded in JavaScript, where it costs a fraction of
 * the SQL expression's 37 nested replace() per written row.
 */
export function foldedSortKey(text: string, chars = 60): string {
  let first = text.length <= chars ? text : text.slice(0, chars);
  if (first.length === chars && SURROGATE.test(first)) first = [...text.slice(0, 2 * chars)].slice(0, chars).join('');
  // Nothing at or above U+00C0 (no accent to drop, no upper case but ASCII's): toLowerCase lowers only
  // what SQLite's lower() does, at once, where the callback below runs per run of capitals.
  if (!FROM_U00C0.test(first)) return first.toLowerCase();
  if (UPPER.test(first)) first = first.replace(UPPERS, (letters) => letters.toLowerCase());
  return ACCENTED.test(first) ? first.replace(ACCENTS, (c) => FOLD_OF.get(c)!) : first;
}

/** A character from U+00C0 on: the first letters with an accent or a case that only ASCII lowering leaves. */
const FROM_U00C0 = /[^\u0000-\u00bf]/;

// One pass over the text for every accent, where sortKeyOf() makes one per fold; none when nothing needs it.
const FOLD_OF = new Map(FOLDS);
const ACCENTED = new RegExp(`[${FOLDS.map(([from]) => from).join('')}]`);
const ACCENTS = new RegExp(ACCENTED.source, 'g');
const UPPER = /[A-Z]/;
const UPPERS = /[A-Z]+/g;
const SURROGATE = /[\uD800-\uDBFF]/;

/** A LIKE pattern finding `text` anywhere in a sortKey()'d column (its own % and _ literal, ESCAPE '\\'). */
export function sortKeyContains(text: string | undefined): string | null {
  const words = text?.trim().replace(/\s+/g, ' ');
  if (!words) return null;
  return `%${sortKeyOf(words).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A WHERE put together condition by condition, with its parameters in order. */
export class Where {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  /** Adds the condition only when its value is given. */
  when<T>(value: T | undefined | null, sql: string, ...params: unknown[]): this {
    return value === undefined || value === null ? this : this.add(sql, ...params);
  }

  get sql(): string {
    return this.parts.length === 0 ? '1' : this.parts.join(' AND ');
  }
}

export interface SortSpec {
  by: string;
  direction: 'asc' | 'desc';
}

/** ORDER BY from a whitelisted column map (each entry a list of SQL terms), the id last so pages never overlap. */
export function orderBy(columns: Record<string, string[]>, sort: SortSpec, idColumn: string): string {
  const terms = columns[sort.by];
  if (!terms) throw new Error(`Tri inconnu : ${sort.by}`);
  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  return [...terms, idColumn].map((t) => `${t} ${dir}`).join(', ');
}

export interface PageQuery {
  /** FROM and joins (e.g. `meeting m`). */
  from: string;
  idColumn: string;
  where: Where;
  order: string;
  offset: number;
  limit: number;
}

/** The page's ids in order and the total that matched (the same WHERE). */
export function pageIds(db: Catalogue, q: PageQuery): { ids: number[]; total: number } {
  const ids = db
    .prepare(`SELECT ${q.idColumn} FROM ${q.from} WHERE ${q.where.sql} ORDER BY ${q.order} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...q.where.params, q.limit, q.offset) as number[];
  // A page shorter than the limit (and not past the end) ends the list: no second pass to count.
  const total =
    ids.length < q.limit && (ids.length > 0 || q.offset === 0)
      ? q.offset + ids.length
      : (db.prepare(`SELECT count(*) FROM ${q.from} WHERE ${q.where.sql}`).pluck().get(...q.where.params) as number);
  return { ids, total };
}

/** The rows of `ids` read by `read` (one query, ids as a JSON array), put back in the ids' order. */
export function inOrder<T extends { id: number }>(ids: number[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}

export function pageOfItems<T>(items: T[], total: number, q: { offset: number; limit: number }): Page<T> {
  return { items, total, offset: q.offset, limit: q.limit };
}
