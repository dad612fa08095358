/** Where one is in a list paged on the server: « Page 2 sur 40 · 1 953 rencontres », previous and next. */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { frenchNumber } from './format.ts';
import './lists.css';

/** "rencontre" / "rencontres": the noun a count takes. */
export type Noun = readonly [singular: string, plural: string];

export function pageCount(total: number, limit: number): number {
  return Math.max(1, Math.ceil(total / limit));
}

/** « 1 953 rencontres », preceded by « Page 2 sur 40 · » when there are several pages. */
export function pageSummary(page: number, total: number, limit: number, noun: Noun): string {
  const count = `${frenchNumber(total)} ${total > 1 ? noun[1] : noun[0]}`;
  const pages = pageCount(total, limit);
  return pages > 1 ? `Page ${frenchNumber(page)} sur ${frenchNumber(pages)} · ${count}` : count;
}

/**
 * Previous / next under a page of the list. `focusId`: where the keyboard goes after a change of page (the
 * list's caption or title says the page), since the button pressed may become disabled.
 */
export function Pager({ page, total, limit, onPage, label, focusId }: {
  page: number;
  total: number;
  limit: number;
  onPage: (page: number) => void;
  /** « Pages des rencontres »: the navigation's name. */
  label: string;
  focusId?: string;
}) {
  const pages = pageCount(total, limit);
  if (pages <= 1) return null;
  const go = (n: number) => {
    onPage(n);
    if (focusId) setTimeout(() => document.getElementById(focusId)?.focus(), 0);
  };
  return (
    <nav className="app-pager" aria-label={label}>
      <Button size="small" priority="secondary" iconId="fr-icon-arrow-left-s-line" disabled={page <= 1} onClick={() => go(page - 1)}>
        Page précédente
      </Button>
      <p className="app-pager__where">Page {frenchNumber(page)} sur {frenchNumber(pages)}</p>
      <Button size="small" priority="secondary" iconId="fr-icon-arrow-right-s-line" iconPosition="right" disabled={page >= pages} onClick={() => go(page + 1)}>
        Page suivante
      </Button>
    </nav>
  );
}
