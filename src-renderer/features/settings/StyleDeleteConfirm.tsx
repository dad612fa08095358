import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef } from 'react';
import type { StyleTemplateInfo } from '../../../src-main/contract/schemas/style.ts';

/**
 * The confirm step before deleting a template. A template cannot be re-created from what the app keeps
 * (only its .docx can), so there is no "Annuler" afterwards: the step says so before anything happens.
 */
export function StyleDeleteConfirm({ template, isDefault, busy, onConfirm, onCancel }: {
  template: StyleTemplateInfo;
  isDefault: boolean;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div
      ref={box}
      className="set-confirm"
      role="group"
      aria-labelledby="set-confirm-title"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h3 id="set-confirm-title" className="fr-h6 set-confirm__title">
        <span className="fr-icon-warning-line fr-mr-1w" aria-hidden="true" />
        Supprimer le modèle « {template.name} » ?
      </h3>
      <p>
        Cette suppression est définitive : elle <strong>ne pourra pas être annulée</strong>. Pour retrouver ce modèle, il
        faudra importer à nouveau le fichier <span className="set-mono">{template.fileName}</span>.
      </p>
      {isDefault && (
        <p>
          C’est le modèle par défaut : les prochaines synthèses utiliseront les styles de l’application, sauf si vous en
          choisissez un autre.
        </p>
      )}
      <p className="fr-text--sm">Les documents déjà produits ne changent pas.</p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <Button iconId="fr-icon-delete-line" disabled={busy} onClick={onConfirm}>Supprimer définitivement</Button>
        </li>
        <li>
          <Button priority="secondary" onClick={onCancel}>Garder le modèle</Button>
        </li>
      </ul>
    </div>
  );
}
