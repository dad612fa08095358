import { Button } from '@codegouvfr/react-dsfr/Button';
import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * "Supprimer", then a confirmation step in the page (no window.confirm): the record goes only on
 * "Confirmer la suppression"; the caller then offers "Annuler" in a notice.
 */
export function ConfirmDelete({ name, what, details, onConfirm, size = 'small' }: {
  /** The record's title, said in the button's accessible name and the question. */
  name: string;
  /** "le retex", "la contribution". */
  what: string;
  details?: ReactNode;
  onConfirm: () => Promise<unknown> | void;
  size?: 'small' | 'medium';
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const returning = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (returning.current) {
      returning.current = false;
      askRef.current?.focus();
    }
  }, [asking]);

  if (!asking) {
    return (
      <Button
        ref={askRef}
        size={size}
        priority="tertiary"
        iconId="fr-icon-delete-line"
        nativeButtonProps={{ 'aria-label': `Supprimer ${what} « ${name} »` }}
        onClick={() => setAsking(true)}
      >
        Supprimer
      </Button>
    );
  }
  return (
    <div className="confirm-delete" role="group" aria-label={`Confirmer la suppression de ${what} « ${name} »`}>
      <p className="fr-text--sm fr-mb-1w">
        Supprimer {what} « {name} » ? {details} Vous pourrez encore l’annuler juste après.
      </p>
      <div className="confirm-delete__actions">
        <Button
          ref={confirmRef}
          size={size}
          iconId="fr-icon-delete-line"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm();
            } finally {
              setBusy(false);
              setAsking(false);
            }
          }}
        >
          Confirmer la suppression
        </Button>
        <Button
          size={size}
          priority="secondary"
          onClick={() => {
            returning.current = true;
            setAsking(false);
          }}
        >
          Garder
        </Button>
      </div>
    </div>
  );
}
