/** What the paged lists say and do: the count line, the pages, the next sort of a column header. */
import { describe, expect, it } from 'vitest';
import { pageCount, pageSummary } from '../../../src-renderer/components/Pager.tsx';
import { nextSort } from '../../../src-renderer/components/SortableHeader.tsx';

const NOUN = ['rencontre', 'rencontres'] as const;
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('pageSummary', () => {
  it('says the page and the total when there are several pages', () => {
    expect(plain(pageSummary(2, 1953, 50, NOUN))).toBe('Page 2 sur 40 · 1 953 rencontres');
  });
  it('says only the count on one page, in the singular for one', () => {
    expect(pageSummary(1, 1, 50, NOUN)).toBe('1 rencontre');
    expect(pageSummary(1, 0, 50, NOUN)).toBe('0 rencontre');
    expect(pageSummary(1, 50, 50, NOUN)).toBe('50 rencontres');
  });
  it('counts a last page that is not full', () => {
    expect(pageCount(51, 50)).toBe(2);
    expect(pageCount(0, 50)).toBe(1);
    expect(plain(pageSummary(2, 77, 50, NOUN))).toBe('Page 2 sur 2 · 77 rencontres');
  });
});

describe('nextSort', () => {
  it('reverses the sorted column, and sorts another one ascending', () => {
    expect(nextSort({ by: 'date', direction: 'asc' }, 'date')).toEqual({ by: 'date', direction: 'desc' });
    expect(nextSort({ by: 'date', direction: 'desc' }, 'date')).toEqual({ by: 'date', direction: 'asc' });
    expect(nextSort({ by: 'date', direction: 'desc' }, 'title')).toEqual({ by: 'title', direction: 'asc' });
  });
});
