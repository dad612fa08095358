import type { SavePhase } from './useSaveQueue.ts';

const ICONS: Record<SavePhase, string> = {
  idle: '',
  saving: 'fr-icon-refresh-line',
  saved: 'fr-icon-check-line',
  failed: 'fr-icon-error-warning-line',
};

/** The discreet "Enregistré" line, announced politely to screen readers. */
export function SaveStatus({ phase, message }: { phase: SavePhase; message: string }) {
  return (
    <p className={`fr-text--sm fr-mb-1w save-status save-status--${phase}`} role="status" aria-live="polite">
      {phase !== 'idle' && <span className={`${ICONS[phase]} fr-icon--sm fr-mr-1v`} aria-hidden="true" />}
      {message}
    </p>
  );
}
