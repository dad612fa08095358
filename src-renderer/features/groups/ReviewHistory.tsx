/** « Historique »: who changed what and when, for a contribution or a group, read when the disclosure opens. */
import { useState } from 'react';
import { REVIEW_STATE_LABELS, ReviewState } from '../../../src-main/contract/domain.ts';
import type { ReviewEvent } from '../../../src-main/contract/schemas/review.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchDateTime } from '../../components/format.ts';
import { useQuery } from '../../components/useCall.ts';

const WHAT: Record<ReviewEvent['what'], string> = { etat: 'État', libelle: 'Libellé', groupe: 'Groupe' };

function value(what: ReviewEvent['what'], v: string | null): string {
  if (v === null) return what === 'groupe' ? 'aucun groupe' : '—';
  const state = ReviewState.safeParse(v);
  return what === 'etat' && state.success ? REVIEW_STATE_LABELS[state.data] : `« ${v} »`;
}

/** One line: « 20/10/2020 à 10 h 00 — DSDEN de la Vienne : État, À traiter → Retenue ». */
export function eventText(e: ReviewEvent): string {
  return `${frenchDateTime(e.at)} — ${e.who} : ${WHAT[e.what]}, ${value(e.what, e.from)} → ${value(e.what, e.to)}`;
}

export function ReviewHistory({ target, id, label }: { target: 'contribution' | 'group'; id: number; label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="review-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Historique<span className="app-sr-only"> : {label}</span>
      </summary>
      {open && <HistoryList target={target} id={id} />}
    </details>
  );
}

function HistoryList({ target, id }: { target: 'contribution' | 'group'; id: number }) {
  const query = useQuery(target === 'group' ? 'groups.history' : 'contributions.history', { id });
  if (query.error) return <ErrorNotice error={query.error} />;
  if (!query.data) return <p className="fr-text--sm fr-mb-0">Chargement de l’historique…</p>;
  if (query.data.length === 0) return <p className="fr-text--sm fr-mb-0">Aucun changement enregistré.</p>;
  return (
    <ul className="fr-text--sm fr-mb-0 review-history__list">
      {query.data.map((e, i) => <li key={i}>{eventText(e)}</li>)}
    </ul>
  );
}
