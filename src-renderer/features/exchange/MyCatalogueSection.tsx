import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { CatalogueIdentity } from '../../../src-main/contract/schemas/exchange.ts';
import { href } from '../../app/routes.ts';
import { frenchDateTime } from '../../components/format.ts';

/** « Mon catalogue »: its name, its territory, the fingerprint of its signing key. */
export function MyCatalogueSection({ identity, openConflicts }: { identity: CatalogueIdentity; openConflicts: number }) {
  return (
    <section className="xch-section" aria-labelledby="xch-mine-title">
      <h2 id="xch-mine-title" className="fr-h4">Mon catalogue</h2>
      <dl className="xch-identity">
        <dt>Nom</dt>
        <dd>
          {identity.name}
          {identity.isDemo && <Badge severity="info" small className="fr-ml-1w">Démonstration</Badge>}
        </dd>
        <dt>Territoire</dt>
        <dd>{identity.scopeLabel}</dd>
        <dt>Empreinte de la clé de signature</dt>
        <dd>
          <code className="xch-fingerprint">{identity.fingerprint}</code>
          <span className="fr-text--xs xch-muted xch-block">
            À lire à un correspondant qui reçoit votre premier paquet : son écran Échanges montre la même sous « Correspondants ».
          </span>
        </dd>
        <dt>Créé le</dt>
        <dd>{frenchDateTime(identity.createdAt)}</dd>
      </dl>
      {openConflicts > 0 && (
        <p>
          <a className="fr-link fr-icon-warning-line fr-link--icon-left" href={href('/echanges/conflits')}>
            {openConflicts > 1 ? `${openConflicts} conflits à régler` : 'Un conflit à régler'}
          </a>
        </p>
      )}
    </section>
  );
}
