import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { frenchNumber } from '../../components/format.ts';
import { expectedRange, type RetexExpectation } from './useRetexExpectation.ts';

function retained(count: number): string {
  return count <= 1 ? `${frenchNumber(count)} retex retenu` : `${frenchNumber(count)} retex retenus`;
}

/** "3 retex retenus — la trame en prévoit de 2 à 3", and a warning (in words, not only colour) when outside. */
export function RetexExpectationNotice({ expectation, count }: { expectation: RetexExpectation | null; count: number }) {
  if (!expectation) {
    return (
      <p className="fr-text--sm">
        {retained(count)}. La trame de la consultation n’a pas de section de retours d’expérience : ils ne seront pas imprimés.
      </p>
    );
  }
  const range = expectedRange(expectation);
  const tooFew = count < expectation.min;
  const tooMany = count > expectation.max;
  return (
    <div className="retex-expectation fr-mb-2w">
      <p className="fr-mb-1w">
        <strong>{retained(count)}</strong> — la trame en prévoit {range}{' '}
        <span className="fr-text--sm">(« {expectation.trameName} », section « {expectation.sectionTitle} »)</span>
        {!tooFew && !tooMany && (
          <Badge as="span" severity="success" small className="fr-ml-1w">
            Conforme à la trame
          </Badge>
        )}
      </p>
      <div aria-live="polite">
        {tooFew && (
          <Alert
            severity="warning"
            small
            description={`Moins de retex que prévu : la trame en prévoit ${range}. Le document laissera ${expectation.min - count > 1 ? 'des emplacements vides' : 'un emplacement vide'} (« Retex ${count + 1} : »).`}
          />
        )}
        {tooMany && (
          <Alert
            severity="warning"
            small
            description={`Plus de retex que prévu : la trame en prévoit ${range}. Le document les décrira tous ; retirez-en ${frenchNumber(count - expectation.max)} pour la respecter.`}
          />
        )}
      </div>
    </div>
  );
}
