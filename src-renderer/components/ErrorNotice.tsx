import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { CallError } from '../api/client.ts';

/** A refused operation, as the service said it: the French message, then where and what. */
export function ErrorNotice({ error, onClose }: { error: CallError | null; onClose?: () => void }) {
  if (!error) return null;
  const issues = error.payload.issues ?? [];
  return (
    <Alert
      severity="error"
      small
      className="fr-mb-3w"
      {...(onClose ? { closable: true, onClose } : {})}
      description={
        <>
          <span role="alert">{error.message}</span>
          {issues.length > 1 && (
            <ul>
              {issues.map((i) => (
                <li key={`${i.path}:${i.message}`}>{i.path ? `${i.path} : ` : ''}{i.message}</li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}
