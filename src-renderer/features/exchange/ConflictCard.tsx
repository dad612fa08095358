import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Conflict } from '../../../src-main/contract/schemas/exchange.ts';
import { frenchDateTime } from '../../components/format.ts';
import { useFocusRequest } from '../../components/focus.ts';

export const conflictTitleId = (id: number) => `xch-conflict-${id}`;

/** One field changed on both sides: the two values side by side, and which to keep. */
export function ConflictCard({ conflict, busy, onSettle }: { conflict: Conflict; busy: boolean; onSettle: (keep: 'local' | 'recu') => void }) {
  const titleId = conflictTitleId(conflict.id);
  const fieldId = `${titleId}-champ`;
  useFocusRequest(titleId);
  return (
    <li className="xch-conflict">
      <h3 id={titleId} className="fr-h6 fr-mb-1w" tabIndex={-1}>{conflict.recordLabel}</h3>
      <p id={fieldId} className="fr-text--sm">
        Champ : <strong>{conflict.fieldLabel}</strong> — reçu de {conflict.peerName} le {frenchDateTime(conflict.detectedAt)}
      </p>
      <div className="xch-sides">
        <div className="xch-side">
          <p className="xch-side__label">Valeur locale (ce catalogue, gardée en attendant)</p>
          <p className="xch-value">{conflict.local}</p>
          <Button
            type="button"
            priority="secondary"
            iconId="fr-icon-check-line"
            disabled={busy}
            nativeButtonProps={{ 'aria-describedby': `${titleId} ${fieldId}` }}
            onClick={() => onSettle('local')}
          >
            Garder la valeur locale
          </Button>
        </div>
        <div className="xch-side xch-side--incoming">
          <p className="xch-side__label">Valeur reçue de {conflict.peerName}</p>
          <p className="xch-value">{conflict.incoming}</p>
          <Button
            type="button"
            priority="secondary"
            iconId="fr-icon-download-line"
            disabled={busy}
            nativeButtonProps={{ 'aria-describedby': `${titleId} ${fieldId}` }}
            onClick={() => onSettle('recu')}
          >
            Prendre la valeur reçue
          </Button>
        </div>
      </div>
    </li>
  );
}
