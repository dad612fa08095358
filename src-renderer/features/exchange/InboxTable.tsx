import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { frenchDateTime } from '../../components/format.ts';
import type { InboxBundle } from './useInboxWatch.ts';

const STATUS: Record<InboxBundle['status'], { label: string; severity: 'new' | 'success' | 'info' | 'error' }> = {
  nouveau: { label: 'Nouveau', severity: 'new' },
  fusionne: { label: 'Déjà fusionné', severity: 'success' },
  'le-mien': { label: 'Le vôtre', severity: 'info' },
  illisible: { label: 'Illisible', severity: 'error' },
};

/** The bundles found in the shared folder, each new one with its way to a preview. */
export function InboxTable({ bundles, busy, onPreview }: { bundles: InboxBundle[]; busy: boolean; onPreview: (bundle: InboxBundle) => void }) {
  if (bundles.length === 0) return <p className="fr-text--sm">Aucun paquet dans le dossier partagé pour l’instant.</p>;
  return (
    <div className="fr-table app-table-wrap xch-table">
      <table>
        <caption>Paquets du dossier partagé</caption>
        <thead>
          <tr>
            <th scope="col">Expéditeur</th>
            <th scope="col">Territoire</th>
            <th scope="col">Écrit le</th>
            <th scope="col">État</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {bundles.map((b) => (
            <tr key={b.fileName}>
              <th scope="row">
                {b.sourceName ?? '—'}
                <br />
                <span className="fr-text--xs xch-path">{b.fileName}</span>
              </th>
              <td>{b.scopeLabel ?? '—'}</td>
              <td>{b.createdAt ? frenchDateTime(b.createdAt) : '—'}</td>
              <td>
                <Badge severity={STATUS[b.status].severity} small noIcon>{STATUS[b.status].label}</Badge>
                {b.problem && <p className="fr-text--xs fr-mb-0 xch-problem">{b.problem}</p>}
              </td>
              <td>
                {(b.status === 'nouveau' || b.status === 'fusionne') && (
                  <Button
                    type="button"
                    size="small"
                    priority={b.status === 'nouveau' ? 'primary' : 'tertiary'}
                    disabled={busy}
                    nativeButtonProps={{ 'aria-label': `Prévisualiser le paquet de ${b.sourceName ?? b.fileName}` }}
                    onClick={() => onPreview(b)}
                  >
                    Prévisualiser
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
