import { useQuery } from './useCall.ts';

/** Where a record came from, when it travelled: « Reçu de « DSDEN de la Vienne » le 12 octobre 2020 ». */
export function ProvenanceLine({ kind, id, className = '' }: { kind: 'meeting' | 'retex' | 'contribution'; id: number; className?: string }) {
  const provenance = useQuery('exchange.provenance', { kind, id });
  const summary = provenance.data?.summary;
  // Secondary information: a failure to read it does not stand in the way of the form.
  if (!summary) return null;
  return (
    <p className={`fr-text--sm app-provenance ${className}`.trim()}>
      <span className="fr-icon-download-line fr-icon--sm fr-mr-1v" aria-hidden="true" />
      {summary.charAt(0).toUpperCase() + summary.slice(1)}.
    </p>
  );
}
