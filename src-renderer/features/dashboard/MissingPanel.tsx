import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchNumber } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { KitFollowUp } from './KitFollowUp.tsx';
import { LateRestitutions } from './LateRestitutions.tsx';
import { TableFrame } from './TableFrame.tsx';
import { useMissing } from './useMissing.ts';
import type { ScopeInfo } from './useScope.ts';
import { academieLabel, ofAcademie } from '../../../src-main/contract/domain.ts';

function AllGood({ children }: { children: string }) {
  return <p className="dash-ok"><span className="fr-icon-success-line fr-icon--sm fr-mr-1v" aria-hidden="true" />{children}</p>;
}

/** "a", "a et b", "a, b et c": the whole country may name thirty académies. */
function inWords(names: string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} et ${names[names.length - 1]}` : names.join('');
}

/** Who has not reported yet, for which thématique, and which restitutions are late. */
export function MissingPanel({ campaign, scope, regionCode }: { campaign: Campaign; scope: ScopeInfo; regionCode?: string }) {
  const { missing, loading, error } = useMissing(campaign, scope, regionCode);
  const academieOf = (departementCode: string) => scope.departements.find((d) => d.code === departementCode)?.academieNom;
  const thematiqueOf = new Map(campaign.thematiques.map((t) => [t.id, t]));
  return (
    <section aria-labelledby="dash-missing" className="fr-mt-6w">
      <h2 id="dash-missing" className="fr-h4">Ce qui manque</h2>
      <ErrorNotice error={error} />
      {!missing ? (
        loading && <Loading what="Recherche de ce qui manque" />
      ) : (
        <>
          {missing.territorialLevels ? (
            <>
              <h3 className="fr-h5">Bassins sans rencontre de bassin</h3>
              {missing.bassinTotal === 0 ? (
                <p>Aucun bassin (ZAP, réseau ECLORE) n’est enregistré pour ce périmètre.</p>
              ) : missing.bassins.length === 0 ? (
                <AllGood>Chaque bassin enregistré pour ce périmètre a tenu sa rencontre.</AllGood>
              ) : (
                <TableFrame caption={`${frenchNumber(missing.bassinCount)} bassin${missing.bassinCount > 1 ? 's' : ''} sans rencontre de bassin, par département`}>
                  <thead>
                    <tr>
                      <th scope="col">Département</th>
                      <th scope="col" className="app-number fr-cell--right">Nombre</th>
                      <th scope="col">Bassins</th>
                    </tr>
                  </thead>
                  <tbody>
                    {missing.bassins.map((g) => (
                      <tr key={g.departement.code}>
                        <th scope="row">{g.departement.name} ({g.departement.code})</th>
                        <td className="app-number fr-cell--right">{frenchNumber(g.bassins.length)}</td>
                        <td>{g.bassins.map((b) => `${b.nom} (${b.kind})`).join(', ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </TableFrame>
              )}

              <h3 className="fr-h5">Départements sans concertation départementale</h3>
              {missing.departements.length === 0 ? (
                // Where none is expected (an académie-wide second level), the note below says so alone.
                scope.academies.every((a) => missing.academiqueLevel.includes(a.code)) ? null : (
                  <AllGood>Chaque département attendu a tenu sa concertation départementale.</AllGood>
                )
              ) : (
                <ul className="dash-missing-list">
                  {missing.departements.map((d) => (
                    <li key={d.code}>{d.name} ({d.code}){academieOf(d.code) ? ` — ${academieLabel(academieOf(d.code)!)}` : ''}</li>
                  ))}
                </ul>
              )}
              {missing.academiqueLevel.length > 0 && (
                <p className="fr-text--sm dash-note">
                  Non attendue dans {missing.academiqueLevel.length > 1 ? 'les académies ' : 'l’académie '}
                  {inWords(scope.academies.filter((a) => missing.academiqueLevel.includes(a.code)).map((a) => ofAcademie(a.nom)))}, dont le
                  second niveau est une concertation académique.
                </p>
              )}
            </>
          ) : (
            <p className="fr-text--sm dash-note">
              Cette consultation se tient dans les établissements : aucune rencontre de bassin ni concertation départementale
              n’est attendue.
            </p>
          )}

          <h3 className="fr-h5">Thématiques qu’aucune rencontre d’un département n’a abordées</h3>
          {missing.thematiques.length === 0 ? (
            <AllGood>Chaque département a abordé toutes les thématiques.</AllGood>
          ) : (
            <TableFrame caption="Thématiques non abordées, par département (rencontres du département et concertations académiques comprises)">
              <thead>
                <tr>
                  <th scope="col">Département</th>
                  <th scope="col">Thématiques non abordées</th>
                </tr>
              </thead>
              <tbody>
                {missing.thematiques.map((g) => (
                  <tr key={g.departement.code}>
                    <th scope="row">{g.departement.name} ({g.departement.code})</th>
                    <td>
                      {g.thematiqueIds.length === campaign.thematiques.length
                        ? 'Toutes : aucune rencontre n’a encore abordé de thématique'
                        : g.thematiqueIds
                            .map((id) => thematiqueOf.get(id))
                            .filter((t) => t !== undefined)
                            .sort((a, b) => a.number - b.number)
                            .map((t) => `${t.number}. ${t.title}`)
                            .join(' ; ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </TableFrame>
          )}

          {/* The 2015 kit follows each établissement's synthesis against its own deadline. */}
          <KitFollowUp campaign={campaign} scope={scope} regionCode={regionCode} territorial={missing.territorialLevels} otherwise={<>
            <h3 className="fr-h5">Restitutions en retard</h3>
            <LateRestitutions campaignId={campaign.id} late={missing.late} lateTotal={missing.lateTotal} scope={scope} />
          </>} />
        </>
      )}
    </section>
  );
}
