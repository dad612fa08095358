import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useApp } from './AppContext.tsx';

/** Short messages after an action, announced to screen readers, with "Annuler" where it can be undone. */
export function Notices() {
  const { notices, dismiss } = useApp();
  return (
    <div className="app-notices" aria-live="polite">
      {notices.map((n) => (
        <Alert
          key={n.id}
          severity={n.severity}
          small
          closable
          onClose={() => dismiss(n.id)}
          description={
            <span className="app-notice">
              {n.message}
              {n.action && (
                <Button
                  size="small"
                  priority="secondary"
                  className="fr-ml-2w"
                  onClick={async () => {
                    dismiss(n.id);
                    await n.action!.run();
                  }}
                >
                  {n.action.label}
                </Button>
              )}
            </span>
          }
        />
      ))}
    </div>
  );
}
