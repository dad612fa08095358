import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef } from 'react';
import type { CallError } from '../../api/client.ts';

/**
 * The sender's signing key is not the one first received: perhaps a reinstalled laptop, perhaps
 * someone else. Merged only once the user says the sender confirmed it; Escape keeps it refused.
 */
export function KeyChangedConfirm({ error, busy, onAccept, onCancel }: { error: CallError; busy: boolean; onAccept: () => void; onCancel: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div
      ref={box}
      className="xch-confirm"
      role="group"
      aria-labelledby="xch-key-title"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h4 id="xch-key-title" className="fr-h6 xch-confirm__title">
        <span className="fr-icon-warning-line fr-mr-1w" aria-hidden="true" />
        La clé de signature de l’expéditeur a changé
      </h4>
      <p role="alert">{error.message}</p>
      <p className="fr-text--sm">
        Un catalogue réinstallé ou recréé change de clé ; un paquet fabriqué par quelqu’un d’autre aussi. Appelez l’expéditeur et
        comparez l’empreinte reçue avec celle que son écran Échanges affiche sous « Mon catalogue ». Acceptez seulement si elles sont
        identiques.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="button" disabled={busy} onClick={onAccept}>L’expéditeur me l’a confirmé : accepter la nouvelle clé</Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onCancel}>Ne pas fusionner</Button>
        </li>
      </ul>
    </div>
  );
}
