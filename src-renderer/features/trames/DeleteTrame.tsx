import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import type { Trame } from '../../../src-main/contract/schemas/trame.ts';
import { call } from '../../api/client.ts';
import { useApp } from '../../app/AppContext.tsx';
import { navigate } from '../../app/routes.ts';
import { focusWhenShown } from '../../components/focus.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useMutation } from '../../components/useCall.ts';

/** Deleting a trame the user made: asked first, undone by re-creating it from the copy kept here. */
export function DeleteTrame({ trame, onChanged }: { trame: Trame; onChanged: () => void }) {
  const { notify } = useApp();
  const { run, busy, error, clearError } = useMutation();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const remove = async () => {
    const copy = { ...trame };
    const done = await run('trames.delete', { id: trame.id });
    if (!done) return;
    onChanged();
    navigate('/trames');
    notify({
      severity: 'success',
      message: `Trame « ${copy.name} » supprimée.`,
      action: {
        label: 'Annuler',
        run: async () => {
          try {
            const again = await call('trames.create', {
              campaignId: copy.campaignId, name: copy.name, title: copy.title, subtitle: copy.subtitle,
              closingNote: copy.closingNote, sections: copy.sections,
            });
            onChanged();
            navigate(`/trames/${again.id}`);
            focusWhenShown('trm-document-title');
          } catch (e) {
            notify({ severity: 'error', message: `La trame n’a pas pu être rétablie : ${(e as Error).message}` });
          }
        },
      },
    });
  };

  return (
    <div className="trm-delete">
      {!confirming ? (
        <Button priority="tertiary" iconId="fr-icon-delete-line" onClick={() => setConfirming(true)}>
          Supprimer la trame
        </Button>
      ) : (
        <div className="trm-confirm" role="group" aria-label="Confirmer la suppression de la trame">
          <p className="fr-mb-1w">
            Supprimer la trame « {trame.name} » ? Les textes rédigés restent dans la consultation.
          </p>
          <div className="trm-confirm__actions">
            <Button ref={confirmRef} size="small" iconId="fr-icon-delete-line" disabled={busy} onClick={() => void remove()}>
              Supprimer la trame
            </Button>
            <Button size="small" priority="secondary" onClick={() => setConfirming(false)}>Garder la trame</Button>
          </div>
        </div>
      )}
      <ErrorNotice error={error} onClose={clearError} />
    </div>
  );
}
