import { useQuery } from '../../components/useCall.ts';

/** Where a meeting came from, when it travelled: « Reçu de la DSDEN de la Vienne le 12 octobre 2020 ». */
export function ProvenanceLine({ meetingId }: { meetingId: number }) {
  const provenance = useQuery('exchange.provenance', { kind: 'meeting', id: meetingId });
  const summary = provenance.data?.summary;
  // Secondary information: a failure to read it does not stand in the way of the form.
  if (!summary) return null;
  return (
    <p className="fr-text--sm meetings-provenance">
      <span className="fr-icon-download-line fr-icon--sm fr-mr-1v" aria-hidden="true" />
      {summary.charAt(0).toUpperCase() + summary.slice(1)}.
    </p>
  );
}
