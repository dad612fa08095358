/** The discreet save status under a field, announced politely to screen readers. */
export function SavedStatus({ busy, saved }: { busy: boolean; saved: boolean }) {
  return (
    <p className={`set-status${busy ? ' set-status--busy' : ''}`} role="status" aria-live="polite">
      {busy ? 'Enregistrement…' : saved ? <><span className="fr-icon-check-line fr-icon--sm fr-mr-1v" aria-hidden="true" />Enregistré</> : null}
    </p>
  );
}
