import type { Progress } from '../../api/client.ts';
import './synthesis.css';

/**
 * A long operation under way, in the manner of the design system's progress indicators: an
 * indeterminate bar (still when the user asks for reduced motion) and a sentence announced once.
 */
export function BusyStatus({ busy, message, progress }: { busy: boolean; message: string; progress?: Progress | null }) {
  return (
    <div role="status" aria-live="polite" className="syn-busy">
      {busy && (
        <>
          <p className="fr-mb-1w">{message}</p>
          {progress && (
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
    </div>
  );
}
