import type { SaveStatus as Status } from './useTrameEditor.ts';

const TEXTS: Record<Status, string> = {
  idle: '',
  saving: 'Enregistrement…',
  saved: 'Enregistré',
  failed: 'Non enregistré : corrigez le problème signalé.',
};

/** The discreet "Enregistré" after each save, announced politely. */
export function SaveStatus({ status }: { status: Status }) {
  return (
    <p className={`trm-status trm-status--${status} fr-text--sm fr-mb-0`} role="status" aria-live="polite">
      {status === 'saved' && <span className="fr-icon-check-line fr-icon--sm fr-mr-1v" aria-hidden="true" />}
      {status === 'failed' && <span className="fr-icon-warning-line fr-icon--sm fr-mr-1v" aria-hidden="true" />}
      {TEXTS[status]}
    </p>
  );
}
