import type { ReactNode } from 'react';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import { href } from '../../app/routes.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchDate, frenchNumber } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useQuery } from '../../components/useCall.ts';
import { TableFrame } from './TableFrame.tsx';
import type { ScopeInfo } from './useScope.ts';

/**
 * The 2015 kit's follow-up: each établissement transmits its synthesis to the DAN « dans la quinzaine qui suit la
 * rencontre et avant le 10 mars » (seed 000). Received, still due, late; the awaited ones listed, late first.
 * Another consultation, or one held in bassins and départements (`territorial`: not asked), shows `otherwise`.
 */
export function KitFollowUp({ campaign, scope, regionCode, territorial, otherwise }: {
  campaign: Campaign;
  scope: ScopeInfo;
  regionCode?: string;
  territorial: boolean;
  otherwise: ReactNode;
}) {
  const input = { campaignId: campaign.id, scope: scope.ref, ...(regionCode ? { regionCode } : {}) };
  const { data, loading, error } = useQuery('kit2015.followUp', input, territorial);
  if (territorial || data?.applies === false) return <>{otherwise}</>;
  if (error) return <ErrorNotice error={error} />;
  if (!data) return loading ? <Loading what="Suivi des synthèses d’établissement" /> : null;
  const total = data.received + data.due + data.late;
  const others = data.due + data.late - data.awaited.length;
  return (
    <>
      <h3 className="fr-h5">Synthèses des établissements</h3>
      <p className="fr-text--sm dash-note">
        Chaque établissement transmet sa synthèse au DAN dans la quinzaine qui suit la rencontre et au plus tard le{' '}
        {frenchDate(data.lastDay)} (kit 2015). État au {frenchDate(data.today)}.
      </p>
      {total === 0 ? (
        <p>Aucune rencontre d’établissement n’est enregistrée pour ce périmètre.</p>
      ) : (
        <ul className="dash-kit-counts" aria-label="Synthèses des établissements">
          <li><Badge severity="success" noIcon>{count(data.received, 'reçue', 'reçues')}</Badge></li>
          <li><Badge severity="info" noIcon>{count(data.due, 'attendue', 'attendues')}</Badge></li>
          <li><Badge severity="error" noIcon>{count(data.late, 'en retard', 'en retard')}</Badge></li>
        </ul>
      )}
      {data.awaited.length > 0 && (
        <TableFrame caption={`Synthèses d’établissement non reçues : ${frenchNumber(data.due + data.late)}`}>
          <thead>
            <tr>
              <th scope="col">Rencontre</th>
              <th scope="col">Date de la rencontre</th>
              <th scope="col">À transmettre au plus tard le</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {data.awaited.map((r) => (
              <tr key={r.meetingId}>
                <th scope="row"><a className="fr-link" href={href(`/rencontres/${r.meetingId}`)}>{r.title}</a></th>
                <td>{frenchDate(r.date)}</td>
                <td>{frenchDate(r.dueDate)}</td>
                <td>
                  {r.status === 'late'
                    ? <Badge severity="error" small noIcon>En retard</Badge>
                    : <Badge severity="info" small noIcon>Attendue</Badge>}
                </td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
      )}
      {others > 0 && <p className="fr-text--sm">Et {count(others, 'autre synthèse non reçue', 'autres synthèses non reçues')}.</p>}
    </>
  );
}

function count(n: number, one: string, many: string): string {
  return `${frenchNumber(n)} ${n > 1 ? many : one}`;
}
