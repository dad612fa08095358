import type { Progress } from '../api/client.ts';
import './busy-status.css';

export interface BusyStatusProps {
  busy: boolean;
  message: string;
  progress?: Progress | null;
  /** « Annuler »: long work stops at its next step and is rolled back, the catalogue left as before. */
  onCancel?: () => void;
  cancelling?: boolean;
  /** The last run was cancelled: said once, in place of the bar. */
  cancelled?: boolean;
}

/**
 * A long operation under way, in the manner of the design system's progress indicators: an
 * indeterminate bar (still when the user asks for reduced motion), a sentence announced once, and
 * « Annuler » when the work can be cancelled.
 */
export function BusyStatus({ busy, message, progress, onCancel, cancelling = false, cancelled = false }: BusyStatusProps) {
  return (
    <div className="syn-busy">
      <div role="status" aria-live="polite">
        {busy && (
          <>
            <p className="fr-mb-1w">{cancelling ? 'Annulation en cours : rien de ce travail ne sera gardé…' : message}</p>
            {progress && !cancelling && (
              <p className="fr-text--sm fr-mb-1w">
                {progress.message}
                {progress.total > 0 ? ` (${Math.min(100, Math.round((100 * progress.done) / progress.total))} %)` : ''}
              </p>
            )}
            <div className="syn-busy__track" aria-hidden="true">
              <span className="syn-busy__bar" />
            </div>
          </>
        )}
        {!busy && cancelled && <p className="fr-mb-1w">Opération annulée : le catalogue est resté tel qu’il était.</p>}
      </div>
      {busy && onCancel && (
        <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm syn-busy__cancel" onClick={onCancel} disabled={cancelling}>
          Annuler
        </button>
      )}
    </div>
  );
}
