import './synthesis.css';

/**
 * A long operation under way, in the manner of the design system's progress indicators: an
 * indeterminate bar (still when the user asks for reduced motion) and a sentence announced once.
 */
export function BusyStatus({ busy, message }: { busy: boolean; message: string }) {
  return (
    <div role="status" aria-live="polite" className="syn-busy">
      {busy && (
        <>
          <p className="fr-mb-1w">{message}</p>
          <div className="syn-busy__track" aria-hidden="true">
            <span className="syn-busy__bar" />
          </div>
        </>
      )}
    </div>
  );
}
