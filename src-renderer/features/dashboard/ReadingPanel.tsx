/**
 * « Reste à lire »: per thématique, the contributions still à traiter and the groups to review; per meeting,
 * its restitutions and what is left to read — each linking to the screen where it is done.
 */
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import { href } from '../../app/routes.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchNumber } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useQuery } from '../../components/useCall.ts';
import { rememberThematique } from '../retex/useThematiqueChoice.ts';
import { TableFrame } from './TableFrame.tsx';
import type { ScopeInfo } from './useScope.ts';

/** Meetings listed (most pending first); the others counted. */
const MEETINGS_SHOWN = 20;

export function ReadingPanel({ campaign, scope, regionCode }: { campaign: Campaign; scope: ScopeInfo; regionCode?: string }) {
  const query = useQuery('restitutions.progress', { campaignId: campaign.id, scope: scope.ref, ...(regionCode ? { regionCode } : {}) });
  const progress = query.data;
  const pending = progress ? progress.thematiques.reduce((n, t) => n + t.pending, 0) : 0;
  const groups = progress ? progress.thematiques.reduce((n, t) => n + t.groupsToReview, 0) : 0;
  const meetings = progress?.meetings ?? [];
  const more = progress ? progress.meetingsWithPending - Math.min(meetings.length, MEETINGS_SHOWN) : 0;
  return (
    <section aria-labelledby="dash-reading" className="fr-mt-6w">
      <h2 id="dash-reading" className="fr-h4">Reste à lire</h2>
      <ErrorNotice error={query.error} />
      {!progress ? (
        query.loading && <Loading what="Calcul de ce qui reste à lire" />
      ) : (
        <>
          <p>
            {pending === 0 ? 'Aucune contribution à traiter' : `${frenchNumber(pending)} contribution${pending > 1 ? 's' : ''} à traiter`}
            {groups > 0 ? `, ${frenchNumber(groups)} regroupement${groups > 1 ? 's' : ''} à examiner` : ''}
            {` ; ${frenchNumber(progress.withoutRestitution)} rencontre${progress.withoutRestitution > 1 ? 's' : ''} sans aucun fichier de restitution joint dans l’application (rien à y lire).`}
          </p>
          <TableFrame caption="Par thématique">
            <thead>
              <tr>
                <th scope="col">Thématique</th>
                <th scope="col" className="app-number fr-cell--right">Contributions</th>
                <th scope="col" className="app-number fr-cell--right">À traiter</th>
                <th scope="col" className="app-number fr-cell--right">Regroupements à examiner</th>
              </tr>
            </thead>
            <tbody>
              {progress.thematiques.map((t) => (
                <tr key={t.thematiqueId}>
                  <th scope="row">{t.number}. {t.title}</th>
                  <td className="app-number fr-cell--right">{frenchNumber(t.contributions)}</td>
                  <td className="app-number fr-cell--right">
                    {t.pending === 0 ? '0' : (
                      <a className="fr-link" href={href('/contributions')} onClick={() => rememberThematique('contributions', campaign.id, t.thematiqueId)}>
                        {frenchNumber(t.pending)}<span className="app-sr-only">{` à traiter en thématique ${t.number} : ouvrir les contributions`}</span>
                      </a>
                    )}
                  </td>
                  <td className="app-number fr-cell--right">
                    {t.groupsToReview === 0 ? '0' : (
                      <a className="fr-link" href={href('/regroupements')} onClick={() => rememberThematique('regroupements', campaign.id, t.thematiqueId)}>
                        {frenchNumber(t.groupsToReview)}<span className="app-sr-only">{` regroupement${t.groupsToReview > 1 ? 's' : ''} à examiner en thématique ${t.number} : ouvrir les regroupements`}</span>
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </TableFrame>
          {meetings.length === 0 ? (
            <p>Aucune rencontre n’a de contribution à traiter.</p>
          ) : (
            <TableFrame caption={`Rencontres ayant des contributions à traiter (${frenchNumber(progress.meetingsWithPending)}), les plus chargées d’abord`}>
              <thead>
                <tr>
                  <th scope="col">Rencontre</th>
                  <th scope="col" className="app-number fr-cell--right">Restitutions</th>
                  <th scope="col" className="app-number fr-cell--right">Contributions</th>
                  <th scope="col" className="app-number fr-cell--right">À traiter</th>
                </tr>
              </thead>
              <tbody>
                {meetings.slice(0, MEETINGS_SHOWN).map((m) => (
                  <tr key={m.meetingId}>
                    <th scope="row"><a className="fr-link" href={href(`/rencontres/${m.meetingId}`)}>{m.title}</a></th>
                    <td className="app-number fr-cell--right">{frenchNumber(m.restitutions)}</td>
                    <td className="app-number fr-cell--right">{frenchNumber(m.contributions)}</td>
                    <td className="app-number fr-cell--right">{frenchNumber(m.pending)}</td>
                  </tr>
                ))}
              </tbody>
            </TableFrame>
          )}
          {more > 0 && <p className="fr-text--sm">{`… et ${frenchNumber(more)} autre${more > 1 ? 's' : ''} rencontre${more > 1 ? 's' : ''} ayant des contributions à traiter.`}</p>}
        </>
      )}
    </section>
  );
}
