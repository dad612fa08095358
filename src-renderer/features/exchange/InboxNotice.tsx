import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useState } from 'react';
import { useApp } from '../../app/AppContext.tsx';
import { href } from '../../app/routes.ts';
import './exchange.css';

/** In the shell, discreetly: new bundles arrived in the shared folder; closed, it comes back only for newer ones. */
export function InboxNotice() {
  const { inbox } = useApp();
  const [closedFor, setClosedFor] = useState('');
  const fresh = inbox.fresh;
  const key = fresh.map((b) => b.sha256 ?? b.fileName).join(' ');
  const shown = fresh.length > 0 && key !== closedFor;
  const senders = [...new Set(fresh.map((b) => b.sourceName).filter((n): n is string => n !== null))];
  // The live region is there before the notice, so that its arrival after a poll is announced.
  return (
    <div aria-live="polite" className="xch-inbox-notice">
      {shown && (
        <Alert
          key={key}
          severity="info"
          small
          closable
          onClose={() => setClosedFor(key)}
          description={
            <span className="app-notice">
              {fresh.length > 1 ? `${fresh.length} nouveaux paquets` : 'Un nouveau paquet'} dans le dossier partagé
              {senders.length > 0 ? ` (de ${senders.join(', ')})` : ''}.
              <a className="fr-link fr-ml-1w" href={href('/echanges/recevoir')}>Voir dans Échanges</a>
            </span>
          }
        />
      )}
    </div>
  );
}
