import type { OperationOutput } from '../../../src-main/contract/operations.ts';
import { frenchDateTime, frenchNumber } from '../../components/format.ts';
import { scopeName, useRegion } from '../synthesis/useRegion.ts';
import { isWhole } from './bundleWords.ts';

type Overview = OperationOutput<'exchange.overview'>;

/** « Historique »: the bundles sent and received, and the catalogues met, with their keys' fingerprints. */
export function HistorySection({ log, peers }: { log: Overview['log']; peers: Overview['peers'] }) {
  const { region } = useRegion();
  return (
    <section className="xch-section" aria-labelledby="xch-history-title">
      <h2 id="xch-history-title" className="fr-h4">Historique</h2>
      <h3 className="fr-h6">Correspondants</h3>
      {peers.length === 0 ? (
        <p className="xch-muted">Aucun paquet reçu pour l’instant : les catalogues dont vous fusionnez un paquet apparaîtront ici.</p>
      ) : (
        <div className="fr-table app-table-wrap xch-table">
          <table>
            <caption>Catalogues dont un paquet a été reçu, avec l’empreinte de leur clé de signature</caption>
            <thead>
              <tr>
                <th scope="col">Catalogue</th>
                <th scope="col">Territoire</th>
                <th scope="col">Empreinte de la clé</th>
                <th scope="col">Premier échange</th>
                <th scope="col">Dernière fusion</th>
              </tr>
            </thead>
            <tbody>
              {peers.map((p) => (
                <tr key={p.uid}>
                  <th scope="row">{p.name}</th>
                  <td>{p.scopeLabel}</td>
                  <td><code className="xch-fingerprint">{p.fingerprint}</code></td>
                  <td>{frenchDateTime(p.firstSeenAt)}</td>
                  <td>{p.lastMergedAt ? frenchDateTime(p.lastMergedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 className="fr-h6 fr-mt-4w">Paquets envoyés et reçus</h3>
      {log.length === 0 ? (
        <p className="xch-muted">Aucun paquet envoyé ni reçu.</p>
      ) : (
        <div className="fr-table app-table-wrap xch-table">
          <table>
            <caption>Paquets envoyés et reçus ({frenchNumber(log.length)}), du plus récent au plus ancien</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Sens</th>
                <th scope="col">Catalogue</th>
                <th scope="col">Contenu</th>
                <th scope="col">Fichier</th>
                <th scope="col">Effet</th>
              </tr>
            </thead>
            <tbody>
              {log.map((l) => (
                <tr key={l.id}>
                  <th scope="row" className="xch-cell-text">{frenchDateTime(l.at)}</th>
                  <td className="xch-nowrap">{l.direction === 'sent' ? 'Envoyé' : 'Reçu'}</td>
                  <td>{l.peerName}</td>
                  <td>{isWhole(l.scope) ? 'Catalogue entier' : scopeName(l.scope, region)}</td>
                  <td className="xch-path">{l.fileName}</td>
                  <td>
                    {l.direction === 'sent'
                      ? '—'
                      : `${frenchNumber(l.added)} ajouté(s), ${frenchNumber(l.updated)} mis à jour, ${frenchNumber(l.deleted)} supprimé(s)${l.conflicts > 0 ? `, ${frenchNumber(l.conflicts)} conflit(s)` : ''}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
