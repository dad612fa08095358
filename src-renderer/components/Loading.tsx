/** A polite loading line for screen readers and eyes alike. */
export function Loading({ what = 'Chargement' }: { what?: string }) {
  return (
    <p className="fr-text--sm app-loading" role="status" aria-live="polite">
      {what}…
    </p>
  );
}
