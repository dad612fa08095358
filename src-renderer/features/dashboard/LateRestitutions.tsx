import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { academieLabel, MEETING_LEVEL_LABELS } from '../../../src-main/contract/domain.ts';
import type { Meeting } from '../../../src-main/contract/schemas/meeting.ts';
import { href } from '../../app/routes.ts';
import { frenchDate, frenchNumber } from '../../components/format.ts';
import { TableFrame } from './TableFrame.tsx';
import type { ScopeInfo } from './useScope.ts';

const STEP = 50;

/** Past meetings whose restitution has not come in, each linking to its record; 50 at a time. */
export function LateRestitutions({ late, scope }: { late: Meeting[]; scope: ScopeInfo }) {
  const [shown, setShown] = useState(STEP);
  if (late.length === 0) {
    return <p className="dash-ok"><span className="fr-icon-success-line fr-icon--sm fr-mr-1v" aria-hidden="true" />Toutes les restitutions des rencontres passées sont arrivées.</p>;
  }
  const place = (m: Meeting) => {
    const d = scope.departements.find((x) => x.code === m.departementCode);
    if (d) return `${d.nom} (${d.code})`;
    const a = scope.academies.find((x) => x.code === m.academieCode);
    return a ? academieLabel(a.nom, true) : '—';
  };
  const visible = late.slice(0, shown);
  return (
    <>
      <TableFrame caption={`Restitutions attendues : ${frenchNumber(late.length)} rencontre${late.length > 1 ? 's passées' : ' passée'} sans restitution reçue`}>
        <thead>
          <tr>
            <th scope="col">Rencontre</th>
            <th scope="col">Date</th>
            <th scope="col">Niveau</th>
            <th scope="col">Lieu</th>
          </tr>
        </thead>
        <tbody>
          {visible.map((m) => (
            <tr key={m.id}>
              <th scope="row"><a className="fr-link" href={href(`/rencontres/${m.id}`)}>{m.title}</a></th>
              <td>{frenchDate(m.date)}</td>
              <td>{MEETING_LEVEL_LABELS[m.level]}</td>
              <td>{place(m)}</td>
            </tr>
          ))}
        </tbody>
      </TableFrame>
      {late.length > shown && (
        <p>
          <span className="fr-mr-2w">{frenchNumber(shown)} affichées sur {frenchNumber(late.length)}.</span>
          <Button priority="secondary" size="small" onClick={() => setShown((n) => n + STEP)}>
            {late.length - shown === 1 ? 'Afficher la dernière' : `Afficher les ${Math.min(STEP, late.length - shown)} suivantes`}
          </Button>
        </p>
      )}
    </>
  );
}
