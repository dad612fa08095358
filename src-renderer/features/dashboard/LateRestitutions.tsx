import { academieLabel, MEETING_LEVEL_LABELS } from '../../../src-main/contract/domain.ts';
import type { Missing } from '../../../src-main/contract/schemas/missing.ts';
import { href } from '../../app/routes.ts';
import { frenchDate, frenchNumber } from '../../components/format.ts';
import { TableFrame } from './TableFrame.tsx';
import type { ScopeInfo } from './useScope.ts';

type LateMeeting = Missing['late'][number];

/**
 * Past meetings whose restitution has not come in, oldest first, each linking to its record: the first ones the
 * catalogue lists, then « et N autres » with a link to the Rencontres screen filtered on them.
 */
export function LateRestitutions({ campaignId, late, lateTotal, scope }: { campaignId: number; late: LateMeeting[]; lateTotal: number; scope: ScopeInfo }) {
  if (lateTotal === 0) {
    return <p className="dash-ok"><span className="fr-icon-success-line fr-icon--sm fr-mr-1v" aria-hidden="true" />Toutes les restitutions des rencontres passées sont arrivées.</p>;
  }
  const place = (m: LateMeeting) => {
    const d = scope.departements.find((x) => x.code === m.departementCode);
    if (d) return `${d.nom} (${d.code})`;
    const a = scope.academies.find((x) => x.code === m.academieCode);
    return a ? academieLabel(a.nom, true) : '—';
  };
  const others = lateTotal - late.length;
  return (
    <>
      <TableFrame caption={`Restitutions attendues : ${frenchNumber(lateTotal)} rencontre${lateTotal > 1 ? 's passées dont la restitution n’est' : ' passée dont la restitution n’est'} pas encore arrivée`}>
        <thead>
          <tr>
            <th scope="col">Rencontre</th>
            <th scope="col">Date</th>
            <th scope="col">Niveau</th>
            <th scope="col">Lieu</th>
          </tr>
        </thead>
        <tbody>
          {late.map((m) => (
            <tr key={m.id}>
              <th scope="row"><a className="fr-link" href={href(`/rencontres/${m.id}`)}>{m.title}</a></th>
              <td>{frenchDate(m.date)}</td>
              <td>{MEETING_LEVEL_LABELS[m.level]}</td>
              <td>{place(m)}</td>
            </tr>
          ))}
        </tbody>
      </TableFrame>
      {others > 0 && (
        <p>
          Et {frenchNumber(others)} autre{others > 1 ? 's' : ''} :{' '}
          <a className="fr-link" href={href('/rencontres')} onClick={() => showLateInMeetings(campaignId, scope)}>
            les voir dans Rencontres (état « Restitution attendue »)
          </a>
          .
        </p>
      )}
    </>
  );
}

/** The Rencontres screen keeps its filters for the session: open it on the restitutions awaited in this scope. */
function showLateInMeetings(campaignId: number, scope: ScopeInfo): void {
  const [kind, code] = scope.ref.split(':');
  const place = kind === 'academie' ? { academieCode: code } : kind === 'departement' ? { departementCode: code } : {};
  sessionStorage.setItem(`synthese.meetings.filters.${campaignId}`, JSON.stringify({ etat: 'restitution_attendue', ...place }));
  sessionStorage.removeItem(`synthese.meetings.list.${campaignId}`);
}
